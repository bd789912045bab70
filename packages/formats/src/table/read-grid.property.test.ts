// Hostile and random grids: the reader never throws, and its result is honest — every
// indicator left without a name or a target, and every project without indicators, has an
// error-severity diagnostic (so `jixiao import` exits 1 on it).
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { gridFromSpans, type SpanCell } from "./grid.ts";
import { readGrid } from "./read-grid.ts";

const WORDS = [
  "项目名称",
  "三级指标",
  "指标值",
  "分值",
  "一级指标",
  "二级指标",
  "指标性质",
  "指标方向性",
  "年度指标值",
  "实际完成值",
  "得分",
  "预算数（元）",
  "合计",
  "绩效指标",
  "产出指标（30分）",
  "数量指标",
  "社会效益指标",
  "满意度指标",
  "≥",
  "正向指标",
  "≥95%",
  "2025年12月底前",
  "1,234.50",
  "12",
  "项目名称：某项目",
  "820-某部门",
  "820001-某单位",
  "",
  "  ",
  "金额单位：元",
];

const cell: fc.Arbitrary<SpanCell> = fc.record(
  {
    text: fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })),
    rowSpan: fc.integer({ min: 0, max: 4 }),
    colSpan: fc.integer({ min: 0, max: 3 }),
  },
  { requiredKeys: ["text"] },
);

test("random grids: never a throw; blank names, blank targets and empty projects are always errors", () => {
  fc.assert(
    fc.property(fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 14 }), (rows) => {
      const r = readGrid([gridFromSpans("g", rows)], { source: "test" });
      assert.ok(Array.isArray(r.diagnostics));
      if (!r.value) return;
      const errors = r.diagnostics.filter((d) => d.severity === "error");
      r.value.projects.forEach((p, pi) => {
        if (p.indicators.length === 0)
          assert.ok(errors.some((d) => d.projectIndex === pi && d.code === "test.project-no-indicators"));
        p.indicators.forEach((ind, ii) => {
          const at = (code: string) =>
            errors.some((d) => d.projectIndex === pi && d.indicatorIndex === ii && d.code === code);
          if (!ind.name.trim()) assert.ok(at("test.name-empty"), JSON.stringify(ind));
          if (!ind.target.trim()) assert.ok(at("test.target-empty"), JSON.stringify(ind));
        });
      });
      assert.deepEqual(JSON.parse(JSON.stringify(r.reading)), r.reading);
    }),
    { numRuns: 400 },
  );
});

test("a hostile grid (huge spans, very wide rows) is bounded", () => {
  const wide: SpanCell[] = Array.from({ length: 5000 }, (_, i) => ({ text: i % 2 ? "三级指标" : "指标值" }));
  const r = readGrid([gridFromSpans("w", [[{ text: "x", rowSpan: 1e9, colSpan: 1e9 }], wide, wide])], {
    source: "test",
  });
  assert.ok(r.diagnostics.length > 0);
});
