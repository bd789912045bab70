import assert from "node:assert/strict";
import { test } from "node:test";
import { snapHeaders } from "./ocr-header.ts";
import type { Table } from "./ruled-grid.ts";

/** A one-row header table of n cells, and one data row under it. */
function table(n: number): Table {
  const cells = [
    ...Array.from({ length: n }, (_, c) => ({ r0: 0, c0: c, r1: 1, c1: c + 1 })),
    ...Array.from({ length: n }, (_, c) => ({ r0: 1, c0: c, r1: 2, c1: c + 1 })),
  ];
  return { xs: Array.from({ length: n + 1 }, (_, i) => i * 10), ys: [0, 10, 20], cells, owner: [] };
}

test("recognised header cells one glyph short or off are read as the header name, and stay flagged", () => {
  const texts2 = [["项目名称", "预算", "三级指标", "指标方回", "预算", "正回"]];
  const conf: (number | undefined)[][] = [[95, 97, 96, 92, 97, 40]];
  const t = { ...table(4), cells: table(4).cells.slice(0, 6) };
  assert.equal(snapHeaders([t], texts2, conf, 90), 2);
  assert.deepEqual(texts2[0]!.slice(0, 4), ["项目名称", "预算数", "三级指标", "指标方向"]);
  assert.ok(conf[0]![1]! < 90 && conf[0]![3]! < 90, "corrected cells are flagged");
  // Data rows are not header cells: 预算 and 正回 below the header stay as read.
  assert.deepEqual(texts2[0]!.slice(4), ["预算", "正回"]);
});

test("a row that is no header (fewer than two header names) is left alone", () => {
  const texts = [["预算", "三级指标", "某某", "正回"]];
  const conf: (number | undefined)[][] = [[80, 95, 95, 40]];
  assert.equal(snapHeaders([table(2)], texts, conf, 90), 0);
  assert.deepEqual(texts[0], ["预算", "三级指标", "某某", "正回"]);
});

test("a two-glyph header one glyph off (分三) is read as the one name it can be; a lone glyph is not", () => {
  const texts = [["三级指标", "计量单位", "分三", "分"]];
  const conf: (number | undefined)[][] = [[95, 95, 96, 96]];
  assert.equal(snapHeaders([table(4)], texts, conf, 90), 1);
  assert.deepEqual(texts[0], ["三级指标", "计量单位", "分值", "分"]);
  assert.ok(conf[0]![2]! < 90);
});
