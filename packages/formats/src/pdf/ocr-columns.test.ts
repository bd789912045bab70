import assert from "node:assert/strict";
import { test } from "node:test";
import { checkRecognised, columnKeys, type RecognisedPage } from "./ocr-columns.ts";
import type { Table } from "./ruled-grid.ts";

/** A recognised page of one table with one cell per grid cell (no merges), as ocr-page.ts leaves it. */
function page(n: number, rows: string[][], conf = 96): RecognisedPage {
  const cols = rows[0]!.length;
  const cells = rows.flatMap((row, r) => row.map((_, c) => ({ r0: r, c0: c, r1: r + 1, c1: c + 1 })));
  const table: Table = {
    xs: Array.from({ length: cols + 1 }, (_, i) => i * 50),
    ys: Array.from({ length: rows.length + 1 }, (_, i) => i * 20),
    cells,
    owner: rows.map((row, r) => row.map((_, c) => r * cols + c)),
  };
  return { page: n, tables: [table], texts: [rows.flat()], confidence: [rows.flat().map(() => conf)] };
}

const HEADER = ["项目名称", "预算数", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "分值"];

test("columns are named by the header row; a table with no header has none", () => {
  const p = page(1, [HEADER, ["甲", "7", "产出指标", "数量指标", "人数", "正向", "70", "人", "9"]]);
  const cols = columnKeys(p.tables[0]!, p.texts[0]!);
  assert.deepEqual(cols?.keys, [
    "name",
    "budget",
    "level1",
    "level2",
    "indicator",
    "nature",
    "target",
    "measure",
    "weight",
  ]);
  assert.equal(cols?.body, 1);
  const bare = page(2, [["甲", "7", "产出指标", "数量指标", "人数", "正向", "70", "人", "9"]]);
  assert.equal(columnKeys(bare.tables[0]!, bare.texts[0]!), null);
});

test("body cells are checked by column: repairs logged and flagged, doubtful cells flagged, the rest untouched", () => {
  const p = page(1, [HEADER, ["甲", "7", "产出指标", "数量指杯", "河道治理履盖率3", "正向", "70", "2", "9"]]);
  const repairs = checkRecognised([p], 90);
  const texts = p.texts[0]!;
  const conf = p.confidence![0]!;
  assert.deepEqual(
    repairs.map((r) => [r.page, r.row, r.col, r.from, r.to]),
    [
      [1, 1, 3, "数量指杯", "数量指标"],
      [1, 1, 4, "河道治理履盖率3", "河道治理覆盖率3"],
    ],
  );
  assert.equal(texts[9 + 3], "数量指标");
  assert.ok(conf[9 + 3]! < 90, "a repaired cell is flagged");
  assert.ok(conf[9 + 4]! < 90, "a repaired name is flagged");
  assert.equal(texts[9 + 7], "2", "a unit that is no unit is kept as read");
  assert.ok(conf[9 + 7]! < 90, "and flagged");
  assert.equal(conf[9 + 2], 96, "a vocabulary word keeps its confidence");
  assert.equal(conf[0], 96, "header cells are not checked here");
});

test("a continuation table without a header takes the columns at the same borders, fewer or not", () => {
  const first = page(1, [HEADER, ["甲", "7", "产出指标", "数量指标", "人数", "正向", "70", "人", "9"]]);
  const next = page(2, [["", "", "效益指标", "社会效益", "受益率", "正问", "90", "%", "10"]]);
  // Page 3 prints only the indicator columns (the project's merged cells not repeated).
  const last = page(3, [["效益指标", "社会效益", "受益率", "反问", "90", "%", "10"]]);
  last.tables[0]!.xs = last.tables[0]!.xs.map((x) => x + 100);
  const repairs = checkRecognised([first, next, last], 90);
  assert.deepEqual(
    repairs.map((r) => [r.page, r.to]),
    [
      [2, "正向"],
      [3, "反向"],
    ],
  );
});

test("a total row read as look-alikes (和让) is the total, not a project; a project row is not", () => {
  const p = page(1, [
    HEADER,
    ["和让", "1188.83", "", "", "", "", "", "", ""],
    ["合让", "7", "产出指标", "数量指标", "人数", "正向", "70", "人", "9"],
  ]);
  const repairs = checkRecognised([p], 90);
  assert.deepEqual(
    repairs.map((r) => [r.row, r.from, r.to]),
    [[1, "和让", "合计"]],
  );
  assert.equal(p.texts[0]![18], "合让", "a row with indicator cells keeps its label");
});

test("the table's last row with only an unsure short label and a budget is the total; a sure label is kept", () => {
  const rows = [
    HEADER,
    ["甲", "7", "产出指标", "数量指标", "人数", "正向", "70", "人", "9"],
    ["省征", "1188.83", "", "", "", "", "", "", ""],
  ];
  const unsure = page(1, rows);
  unsure.confidence![0]![18] = 31;
  assert.deepEqual(
    checkRecognised([unsure], 90).map((r) => [r.from, r.to]),
    [["省征", "合计"]],
  );
  assert.ok(unsure.confidence![0]![18]! < 90, "and flagged");
  const sure = page(1, rows);
  assert.deepEqual(checkRecognised([sure], 90), []);
});

test("a name with a run the table prints nowhere else, a glyph from one it repeats, is flagged, not changed", () => {
  const p = page(1, [
    HEADER,
    ["甲", "7", "产出指标", "数量指标", "退休人员体检人数1", "正向", "70", "人", "9"],
    ["甲", "7", "效益指标", "社会效益", "退休人员受益率2", "正向", "90", "%", "9"],
    ["甲", "7", "满意度指标", "服务对象满意度", "退体人员满意度3", "正向", "90", "%", "9"],
  ]);
  assert.deepEqual(checkRecognised([p], 90), []);
  assert.equal(p.texts[0]![27 + 4], "退体人员满意度3");
  assert.ok(p.confidence![0]![27 + 4]! < 90);
  assert.equal(p.confidence![0]![9 + 4], 96);
});

test("cells left doubtful as read are reported with their column; repaired ones are not", () => {
  const p = page(1, [HEADER, ["甲", "7", "产出指标", "数量指杯", "人数", "正向", "70", "2", "王了"]]);
  const heard: Array<[number, string]> = [];
  checkRecognised([p], 90, (d) => heard.push([d.cell, d.key]));
  assert.deepEqual(heard, [
    [9 + 7, "measure"],
    [9 + 8, "weight"],
  ]);
});

test("a word of a closed vocabulary read as it is, a little unsure, is not flagged; a number or a very unsure word is", () => {
  const p = page(1, [HEADER, ["甲", "7", "产出指标", "数量指标", "人数", "正向", "70", "%", "9"]], 85);
  const conf = p.confidence![0]!;
  conf[9 + 3] = 40;
  checkRecognised([p], 90);
  assert.equal(conf[9 + 7], 90, "% at 85");
  assert.equal(conf[9 + 2], 90, "产出指标 at 85");
  assert.equal(conf[9 + 3], 40, "数量指标 at 40 stays flagged");
  assert.equal(conf[9 + 8], 85, "a weight stays flagged");
  assert.equal(conf[9 + 4], 85, "a name stays flagged");
});

test("≥ before a rate read as a 2 (290 with the unit % in its own column) is ≥90, repaired and flagged; 290 人 and a row printing its operator are kept", () => {
  const head = ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "计量单位"];
  const p = page(1, [
    head,
    ["甲", "满意度指标", "服务对象满意度指标", "群众满意度", "290", "%"],
    ["甲", "产出指标", "数量指标", "培训人数", "290", "人"],
  ]);
  const repairs = checkRecognised([p], 90);
  assert.deepEqual(
    repairs.map((r) => [r.row, r.col, r.from, r.to]),
    [[1, 4, "290", "≥90"]],
  );
  assert.equal(p.texts[0]![6 + 4], "≥90");
  assert.ok(p.confidence![0]![6 + 4]! < 90, "the repaired target is flagged");
  assert.equal(p.texts[0]![12 + 4], "290");
  const sichuan = page(2, [
    ["项目名称", "三级指标", "指标性质", "指标值", "度量单位"],
    ["乙", "群众满意度", "≥", "290", "%"],
  ]);
  assert.deepEqual(checkRecognised([sichuan], 90), []);
});
