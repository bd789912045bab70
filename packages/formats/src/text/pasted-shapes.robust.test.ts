// Pasted shapes are hostile input too: mutated pipe, tab, one-cell-per-line and aligned texts
// never crash and always give a well-formed result (a schema-valid document, or null with an
// error); very wide and very long pastes stay within the grid's bounds.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type Diagnostic, validateDocument } from "@jixiao/core";
import { generateDepartment } from "../../../../bench/generator/department.ts";
import { rng } from "../../../../bench/generator/random.ts";
import { readText } from "./read-text.ts";
import { aligned, cellPerLine, pipes, tsv } from "./test-pasted.ts";
import { MAX_COLS } from "./text-grid.ts";

function wellFormed(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    assert.match(d.code, /^[a-z]+\.[a-z0-9-]+$/);
    assert.ok(d.message.length > 0 && d.messageEn.length > 0);
  }
}

function check(s: string, what: string): boolean {
  const out = readText(s);
  wellFormed(out.diagnostics);
  if (out.value) {
    const v = validateDocument(out.value);
    assert.ok(v.value, `${what}: ${JSON.stringify(v.diagnostics[0])}`);
    return true;
  }
  assert.ok(
    out.diagnostics.some((d) => d.severity === "error"),
    `${what}: null without an error`,
  );
  return false;
}

test("fuzz: 2,000 mutated pasted tables never crash and always yield a well-formed result", () => {
  const doc = generateDepartment(5, { projects: 3 });
  const bases = [tsv(doc), pipes(doc, false), pipes(doc, true), cellPerLine(doc), aligned(doc)];
  const r = rng(99);
  const pieces = [
    "|",
    "\t",
    "\n",
    "\n\n",
    "  ",
    '"',
    "≥",
    "产出指标",
    "820001-某镇",
    "8,827,620.53",
    "三级指标",
    "\u00a0",
  ];
  let documents = 0;
  for (let i = 0; i < 2000; i++) {
    let s = bases[i % bases.length]!;
    for (let m = r.int(1, 5); m > 0; m--) {
      const at = r.int(0, s.length);
      switch (r.int(0, 3)) {
        case 0:
          s = s.slice(0, at) + s.slice(at + r.int(1, 120));
          break;
        case 1:
          s = s.slice(0, at) + r.pick(pieces) + s.slice(at);
          break;
        case 2:
          s = s.slice(0, at) + s.slice(at, at + r.int(1, 200)) + s.slice(at);
          break;
        default:
          s = s.slice(0, at) + String.fromCharCode(r.int(0, 0xffff)) + s.slice(at + 1);
      }
    }
    if (check(s, `mutation ${i}`)) documents++;
  }
  assert.ok(documents > 1000, `most mutations still read: ${documents}`);
});

test("a paste wider than the grid allows is cut to its bound, not refused or exploded", () => {
  const wide = Array.from({ length: MAX_COLS * 3 }, (_, i) => `c${i}`);
  const header = ["一级指标", "二级指标", "三级指标", "指标值", "分值", ...wide];
  const text = [header, ["产出指标", "数量指标", "人数", "5", "10", ...wide]]
    .map((r) => `| ${r.join(" | ")} |`)
    .join("\n");
  assert.ok(check(text, "wide pipes"));
});

test("an unterminated quote in a tab paste does not swallow the rest of the table", () => {
  const doc = generateDepartment(6, { projects: 2 });
  // A goal cell that starts with a quote mark it never closes (typed, not a spreadsheet's quoting).
  const lines = tsv(doc).split("\n");
  const h = lines.findIndex((l) => l.startsWith("单位名称"));
  const cells = lines[h + 1]!.split("\t");
  cells[3] = `"${cells[3]}`;
  lines[h + 1] = cells.join("\t");
  const text = lines.join("\n");
  const out = readText(text);
  assert.ok(out.value);
  assert.equal(out.value.projects.length, 2);
});
