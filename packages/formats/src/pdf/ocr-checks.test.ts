import assert from "node:assert/strict";
import { test } from "node:test";
import type { TargetDocument } from "@jixiao/core";
import { checkTable, commonTotal, rowPages, weightsOff } from "./ocr-checks.ts";

/** A small deterministic generator (no Math.random: the cases are the same every run). */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** `projects` projects whose weights (steps of 0.5) each add to `total`. */
function department(seed: number, projects: number, total: number): TargetDocument {
  const r = rng(seed);
  return {
    format: "jixiao/targets",
    moneyUnit: "万元",
    projects: Array.from({ length: projects }, (_, pi) => {
      const n = 4 + Math.floor(r() * 10);
      const w = Array.from({ length: n }, () => 1 + Math.floor(r() * 20) / 2);
      const sum = w.reduce((a, b) => a + b, 0);
      const scaled = w.map((x) => Math.max(0.5, Math.round(((x * total) / sum) * 2) / 2));
      scaled[0]! += total - scaled.reduce((a, b) => a + b, 0);
      return {
        name: `项目${pi + 1}`,
        unitCode: "101001",
        unitName: "单位",
        category: "部门预算项目",
        budget: 10,
        goal: "目标",
        indicators: scaled.map((weight, i) => ({
          level1: "产出指标",
          level2: "数量指标",
          name: `指标${i + 1}`,
          weight,
        })),
      };
    }),
  } as unknown as TargetDocument;
}

for (const seed of [1, 2, 3, 4, 5, 6])
  for (const projects of [1, 2, 3, 5])
    test(`seed ${seed}, ${projects} project(s): a lost indicator row is named by its project, nothing else is`, () => {
      const total = [100, 90, 80][seed % 3]!;
      const doc = department(seed, projects, total);
      assert.deepEqual(weightsOff(doc), [], "an intact department adds up");
      const hit = seed % projects;
      const p = doc.projects[hit]!;
      const lost = p.indicators.splice(1 + (seed % (p.indicators.length - 1)), 1)[0]!;
      const off = weightsOff(doc);
      assert.deepEqual(
        off.map((o) => o.pi),
        [hit],
      );
      assert.equal(off[0]!.sum, total - lost.weight!);
      const d = checkTable(doc, [], [], () => [], true);
      assert.equal(d.length, 1);
      assert.equal(d[0]!.code, "pdf.ocr-weights-off");
      assert.equal(d[0]!.projectIndex, hit);
      // Not a scan: the grid's own review rules judge printed weights.
      assert.deepEqual(
        checkTable(doc, [], [], () => [], false),
        [],
      );
    });

test("a lost row worth a multiple of 10, in a department of two projects, is not seen (the known limit)", () => {
  const doc = department(9, 2, 100);
  const p = doc.projects[0]!;
  const rest = p.indicators.slice(1).reduce((n, i) => n + i.weight!, 0);
  p.indicators[0]!.weight = 10;
  p.indicators[1]!.weight! += 90 - rest;
  assert.equal(commonTotal(doc), 100);
  p.indicators.splice(0, 1);
  // Two projects, one off: no majority total; 90 is a total a department may give.
  assert.equal(commonTotal(doc), null);
  assert.deepEqual(weightsOff(doc), []);
  // Three projects: the majority says 100.
  const three = department(9, 3, 100);
  three.projects[0]!.indicators.splice(0, 1);
  assert.deepEqual(
    weightsOff(three).map((o) => o.pi),
    [0],
  );
});

test("an unread weight leaves its project flagged; a project without a name is named by its place and pages", () => {
  const doc = department(11, 3, 90);
  doc.projects[2]!.indicators[0]!.weight = null;
  doc.projects[1]!.name = " ";
  const rows = [
    [{ text: "项目1", merged: "p1!A5" }],
    [{ text: "项目1", merged: "p1!A5" }],
    [{ text: "", merged: "p2!A1" }],
    [{ text: "x" }],
    [{ text: "项目3", merged: "p3!A1" }],
  ];
  assert.deepEqual(rowPages(rows, [{ row: 3, ref: "p2!C4" }]), [1, 1, 2, 2, 3]);
  const d = checkTable(doc, rows, [], (pi) => [[0, 1], [2, 3], [4]][pi]!, true);
  const byCode = (code: string) => d.filter((x) => x.code === code);
  assert.deepEqual(
    byCode("pdf.ocr-weights-off").map((x) => x.projectIndex),
    [2],
  );
  const empty = byCode("pdf.project-name-empty");
  assert.equal(empty.length, 1);
  assert.equal(empty[0]!.projectIndex, 1);
  assert.equal(empty[0]!.severity, "warning");
  assert.equal(empty[0]!.cell, "p2");
  assert.match(empty[0]!.messageEn, /Project 2 \(page 2\)/);
  // Every PDF gets the empty-name warning, scanned or not.
  assert.equal(checkTable(doc, rows, [], () => [], false).length, 1);
});
