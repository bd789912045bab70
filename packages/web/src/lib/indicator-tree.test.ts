import assert from "node:assert/strict";
import { test } from "node:test";
import { rowSpans, sortForForm } from "./indicator-tree.ts";

const row = (level1: string, level2: string) => ({ level1, level2 });

test("rowSpans merges consecutive 一级 and 二级 cells like the printed form", () => {
  const rows = [
    row("产出指标", "数量指标"),
    row("产出指标", "数量指标"),
    row("产出指标", "质量指标"),
    row("效益指标", "社会效益"),
    row("满意度指标", "服务对象满意度"),
  ];
  assert.deepEqual(rowSpans(rows), [
    { level1Span: 3, level2Span: 2 },
    { level1Span: 0, level2Span: 0 },
    { level1Span: 0, level2Span: 1 },
    { level1Span: 1, level2Span: 1 },
    { level1Span: 1, level2Span: 1 },
  ]);
});

test("rowSpans does not merge a 二级 across a 一级 boundary", () => {
  // Same 二级 label under two different 一级 must stay two cells.
  const rows = [row("产出指标", "X"), row("效益指标", "X")];
  assert.deepEqual(rowSpans(rows), [
    { level1Span: 1, level2Span: 1 },
    { level1Span: 1, level2Span: 1 },
  ]);
  assert.deepEqual(rowSpans([]), []);
});

test("sortForForm puts 产出 before 成本, 效益, 满意度 and keeps rows of one 二级 together, stably", () => {
  const rows = [
    { ...row("满意度指标", "服务对象满意度"), n: 1 },
    { ...row("产出指标", "数量指标"), n: 2 },
    { ...row("效益指标", "社会效益"), n: 3 },
    { ...row("产出指标", "时效指标"), n: 4 },
    { ...row("产出指标", "数量指标"), n: 5 },
  ];
  assert.deepEqual(
    sortForForm(rows).map((r) => r.n),
    [2, 5, 4, 3, 1],
  );
});
