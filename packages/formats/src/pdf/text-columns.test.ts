// Column borders of a table printed without ruling lines over several pages: the same table has
// the same columns on every page. A continuing page whose texts in one column happen to be short
// (a target column holding numbers and its header, where the first page printed 2026年12月前完成
// across it) leaves a gap inside that column; it is no border.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Table } from "./ruled-grid.ts";
import { columnBorders, type InkLine } from "./text-columns.ts";

const SIZE = 5.6;
/** A line of texts, each [x, width]. */
const line = (...texts: Array<[number, number]>): InkLine => ({
  runs: texts.map(([x, w]) => ({ x, w, size: SIZE })),
  groups: texts.map(([x, w]) => [x, x + w]),
});
const table = (xs: number[]): Table => ({ xs, ys: [0, 10], cells: [], owner: [] });

test("a continuing page's gap inside a column the pages before print across is no border", () => {
  // Name, unit, target (long: 2026年12月前完成, or a number), score.
  const first = [
    line([20, 40], [100, 30], [180, 80], [600, 10]),
    line([20, 40], [100, 30], [180, 12], [600, 10]),
    line([20, 40], [100, 30], [180, 80], [600, 10]),
  ];
  const a = columnBorders(first, []);
  assert.ok(a);
  const ta = table(a.xs);
  a.keep(ta);
  assert.equal(a.xs.length - 1, 4);
  // The next page: the header again (目标值 right of the numbers' end) and numbers only.
  const next = [
    line([20, 22], [100, 22], [215, 17], [600, 11]),
    line([20, 40], [100, 30], [180, 11], [600, 10]),
    line([20, 40], [100, 30], [180, 11], [600, 10]),
  ];
  const b = columnBorders(next, [ta]);
  assert.ok(b);
  assert.equal(b.xs.length - 1, 4, "the same four columns");
});

test("a continuing page's gap the pages before leave blank too is a border (a column they left empty)", () => {
  const first = [
    line([20, 40], [100, 30], [600, 10]),
    line([20, 40], [100, 30], [600, 10]),
    line([20, 40], [100, 30], [600, 10]),
  ];
  const a = columnBorders(first, []);
  assert.ok(a);
  const ta = table(a.xs);
  a.keep(ta);
  const next = [
    line([20, 40], [100, 30], [180, 11], [600, 10]),
    line([20, 40], [100, 30], [215, 11], [600, 10]),
    line([20, 40], [100, 30], [180, 11], [600, 10]),
  ];
  const b = columnBorders(next, [ta]);
  assert.ok(b);
  assert.equal(b.xs.length - 1, 5, "the column between them splits where this page leaves a gap");
});
