import assert from "node:assert/strict";
import { test } from "node:test";
import type { Diagnostic, TargetDocument } from "@jixiao/core";
import type { TableReading } from "@jixiao/formats/table/reading.ts";
import { presentReading, READING_BOUNDS } from "./import-reading.ts";

const doc = (indicators: number[]): TargetDocument => ({
  format: "jixiao.targets/1",
  moneyUnit: "万元",
  projects: indicators.map((n, k) => ({
    name: `项目${k}`,
    unitCode: "151001",
    unitName: "单位",
    category: "",
    budget: 1,
    goal: "",
    indicators: Array.from({ length: n }, (_, i) => ({
      level1: "产出指标",
      level2: "数量指标",
      name: `指标${i}`,
      nature: "正向" as const,
      operator: "≥" as const,
      target: "1",
      unit: "个",
      weight: 1,
    })),
  })),
});

const diag = (code: string, severity: Diagnostic["severity"], p?: number, i?: number): Diagnostic => ({
  code,
  severity,
  message: code,
  messageEn: code,
  ...(p === undefined ? {} : { projectIndex: p }),
  ...(i === undefined ? {} : { indicatorIndex: i }),
});

const column = (column: number, header: string, key: string | null) => ({
  column,
  ref: `r1c${column + 1}`,
  header,
  key: key as never,
  how: "name" as const,
});

test("a form template repeated per project lists its columns once, with the blocks that print them", () => {
  const reading: TableReading = {
    blocks: [0, 1, 2].map((k) => ({
      sheet: `table ${k + 1}`,
      layouts: ["form-block"],
      headerRow: 4,
      headerRef: "r5c1",
      columns: [column(0, "一级指标", "level1"), column(5, "考核要求", null)],
      projects: [k],
    })),
    moneyUnit: { unit: "万元", from: "stated" },
    overrides: [],
  };
  const r = presentReading(reading, doc([2, 2, 2]), [])!;
  assert.equal(r.layouts.length, 1);
  assert.deepEqual(r.moneyUnit, { unit: "万元", from: "stated" });
  assert.match(r.layouts[0]!.zh, /表单/);
  assert.deepEqual(
    r.columns.map((c) => [c.header, c.key, c.blocks]),
    [
      ["一级指标", "level1", 3],
      ["考核要求", null, 3],
    ],
  );
  assert.ok(r.fields.some((f) => f.key === "target" && f.zh === "目标值"));
});

test("marks: inferred repairs and doubtful cells at their field; routine notes and cells outside the page left out", () => {
  const reading: TableReading = { blocks: [], moneyUnit: { unit: "万元", from: "default" }, overrides: [] };
  const r = presentReading(reading, doc([2]), [
    diag("html.nature-inferred", "info", 0, 0),
    diag("html.target-empty", "error", 0, 1),
    diag("html.column-mapped", "info", 0),
    diag("html.budget-missing", "warning", 0),
    diag("html.target-empty", "error", 0, 5), // not in the page
    diag("html.target-empty", "error", 3, 0), // not in the page
    diag("html.no-weights", "warning"), // the document, no cell
  ])!;
  assert.deepEqual(
    r.marks.map((m) => [m.projectIndex, m.indicatorIndex ?? null, m.field, m.kind]),
    [
      [0, 0, "nature", "inferred"],
      [0, 1, "target", "doubtful"],
      [0, null, "budget", "doubtful"],
    ],
  );
});

test("the reading is bounded whatever the repair log holds", () => {
  const reading: TableReading = { blocks: [], moneyUnit: { unit: "万元", from: "default" }, overrides: [] };
  const many = Array.from({ length: 10_000 }, (_, i) => diag("csv.target-empty", "error", 0, i % 3000));
  const r = presentReading(reading, doc([3000]), many)!;
  assert.equal(r.marks.length, READING_BOUNDS.marks);
  assert.equal(presentReading(undefined, doc([1]), []), undefined);
});
