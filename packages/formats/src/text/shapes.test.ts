// The pasted-shape passes on their own: which shape a text has, how each shape becomes rows of
// cells, and how rows whose rowspan cells were dropped are put back under their columns.
import assert from "node:assert/strict";
import { test } from "node:test";
import { TABLE12_HEADER } from "@jixiao/core";
import { alignedRows, stackedHeader } from "./aligned-rows.ts";
import { detectShape, isGridHeader } from "./detect-shape.ts";
import { fit, realignRows } from "./realign-rows.ts";
import { segmentRows } from "./segment-cells.ts";
import { cellPerLineRows, pipeRows, tabRows } from "./text-grid.ts";

const HEAD = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"];

test("detect shape: printed 表12 (a code-unit cell after the name) stays on the line passes", () => {
  const printed = `${TABLE12_HEADER.join("\t")}\n体检费\t151001-某单位\t部门项目\t7.00\t目标\t产出指标\t数量指标\t人数\t正向\t等于\t5\t人\t10`;
  assert.equal(detectShape(printed), "printed");
  // Code-unit cells under another header (other columns or order) are a table for the grid.
  const reordered = `单位名称\t${TABLE12_HEADER.filter((h) => h !== "项目单位").join("\t")}\n151001-某单位\t体检费\t部门项目\t7.00`;
  assert.equal(detectShape(reordered), "tabs");
  assert.equal(detectShape(`${HEAD.join("\t")}\n产出指标\t数量指标\t人数\t≥\t5\t人\t10`), "tabs");
  assert.equal(detectShape(`| ${HEAD.join(" | ")} |\n| 产出指标 | 数量指标 | 人数 | ≥ | 5 | 人 | 10 |`), "pipes");
  assert.equal(detectShape(`${HEAD.join("    ")}\n产出指标    数量指标    人数    ≥    5    人    10`), "aligned");
  assert.equal(detectShape([...HEAD, "产出指标", "数量指标", "人数"].join("\n\n")), "cell-per-line");
  assert.equal(detectShape("随便 一段 文字"), "printed");
  assert.equal(detectShape(""), "printed");
});

test("a grid header names the indicator's columns, not only form fields", () => {
  assert.equal(isGridHeader(HEAD), true);
  assert.equal(isGridHeader(["项目名称", "主管部门", "实施单位", "资金总额", "年度目标"]), false);
});

test("pipe rows: the frame's outer pipes are not cells", () => {
  assert.deepEqual(pipeRows("| a | b |\nc | d | |\n\n| 金额单位:元 | |||"), [
    ["a", "b"],
    ["c", "d", ""],
    ["金额单位:元", "", "", ""],
  ]);
});

test("tab rows: empty cells kept, quoted cells may hold tabs and line breaks", () => {
  assert.deepEqual(tabRows('a\t\tb\r\n"x\ny"\t"say ""hi"""\tz\n'), [
    ["a", "", "b"],
    ["x\ny", 'say "hi"', "z"],
  ]);
});

test("one cell per line: the header's width makes the rows; the form above is one row; wrapped names joined", () => {
  const text = [
    "项目名称",
    "体检",
    "主管部门",
    "及编码",
    "[015001]某局",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "产出指标",
    "数量指标",
    "人数",
    "5",
    "产出指标",
    "\u00a0",
    "合格率",
    "100%",
  ].join("\n\n");
  assert.deepEqual(cellPerLineRows(text), [
    ["项目名称", "体检", "主管部门及编码", "[015001]某局"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "人数", "5"],
    ["产出指标", "", "合格率", "100%"],
  ]);
});

/** A line with texts starting at the given positions (as pdftotext -layout places them). */
function at(...cells: [number, string][]): string {
  let line = "";
  for (const [pos, text] of cells) line = line.padEnd(pos) + text;
  return line;
}

test("aligned rows: cells go under the header they are centred on; text wrapped out of a cell joins the nearest row", () => {
  const text = [
    "金额单位：元",
    at([2, "一级指标"], [14, "二级指标"], [26, "三级指标"], [40, "指标值"], [50, "权重"]),
    at([2, "产出指标"], [14, "数量指标"], [25, "参加体检人数"], [41, "70"], [51, "10"]),
    at([25, "（退休）"]),
    at([2, "满意度指标"], [14, "满意度"], [25, "服务对象满意度"], [41, "95"], [51, "10"]),
  ].join("\n");
  const rows = alignedRows(text)!.map((r) => r.map((c) => c.text));
  assert.deepEqual(rows.slice(1), [
    ["一级指标", "二级指标", "三级指标", "指标值", "权重"],
    ["产出指标", "数量指标", "参加体检人数（退休）", "70", "10"],
    ["满意度指标", "满意度", "服务对象满意度", "95", "10"],
  ]);
});

test("aligned rows: a merged cell printed centred over its rows spans them; a subtotal above the rows keeps its own row", () => {
  const cols = [2, 14, 28, 40, 50];
  const text = [
    at([cols[0]!, "项目名称"], [cols[1]!, "预算数"], [cols[2]!, "三级指标"], [cols[3]!, "指标值"], [cols[4]!, "权重"]),
    at([0, "820-某部门"], [cols[1]!, "100.00"]),
    at([cols[2]!, "人数"], [cols[3]!, "5"], [cols[4]!, "10"]),
    at([cols[0]!, "甲项目"], [cols[1]!, "60.00"], [cols[2]!, "合格率"], [cols[3]!, "95"], [cols[4]!, "10"]),
    at([cols[2]!, "时间"], [cols[3]!, "1"], [cols[4]!, "10"]),
    at([cols[0]!, "乙项目"], [cols[1]!, "40.00"], [cols[2]!, "满意度"], [cols[3]!, "90"], [cols[4]!, "10"]),
  ].join("\n");
  const rows = alignedRows(text)!;
  assert.deepEqual(
    rows.map((r) => r.map((c) => c.text)),
    [
      ["项目名称", "预算数", "三级指标", "指标值", "权重"],
      ["820-某部门", "100.00", "", "", ""],
      ["甲项目", "60.00", "人数", "5", "10"],
      ["甲项目", "60.00", "合格率", "95", "10"],
      ["甲项目", "60.00", "时间", "1", "10"],
      ["乙项目", "40.00", "满意度", "90", "10"],
    ],
  );
  assert.ok(rows[2]![0]!.merged && rows[2]![0]!.merged === rows[4]![0]!.merged);
});

test("fit: each cell kind fits its column", () => {
  assert.ok(fit("产出指标", "level1") > 0);
  assert.ok(fit("产出指标", "weight") < 0);
  assert.ok(fit("≥", "nature") > 0 && fit("正向指标", "polarity") > 0);
  assert.ok(fit("8,827,620.53", "budget") > 0);
  assert.ok(fit("820001-某镇人民政府", "unit") > 0);
  assert.ok(fit("人/年", "measure") > 0);
  assert.equal(fit("", "weight"), 0);
});

test("realign: a row whose leading merged cells were dropped moves under its columns and takes the cells above", () => {
  const header = ["单位名称", "项目名称", "预算数", ...HEAD, "指标方向性"];
  const rows = [
    [
      "820001-某镇",
      "村组干部报酬",
      "3,309,840.00",
      "效益指标",
      "社会效益指标",
      "维护稳定",
      "≥",
      "95",
      "%",
      "10",
      "正向指标",
    ],
    ["产出指标", "时效指标", "维持时效", "≥", "1", "年", "20", "正向指标", "", "", ""],
    ["基层经费", "660,000.00", "满意度指标", "服务对象满意度指标", "群众满意度", "≥", "95", "%", "10", "正向指标", ""],
  ];
  const { rows: out, moved } = realignRows(header, rows, "t");
  assert.deepEqual(moved, [
    { row: 1, dropped: 3 },
    { row: 2, dropped: 1 },
  ]);
  assert.deepEqual(
    out[1]!.map((c) => c.text),
    [
      "820001-某镇",
      "村组干部报酬",
      "3,309,840.00",
      "产出指标",
      "时效指标",
      "维持时效",
      "≥",
      "1",
      "年",
      "20",
      "正向指标",
    ],
  );
  assert.ok(out[1]![1]!.merged && out[1]![1]!.merged === out[0]![1]!.merged, "one merged cell, not two equal ones");
  assert.deepEqual(
    out[2]!.slice(0, 3).map((c) => c.text),
    ["820001-某镇", "基层经费", "660,000.00"],
  );
});

test("realign: a complete row, or a row whose cells fit where printed, is left alone", () => {
  const { moved } = realignRows(
    HEAD,
    [
      ["产出指标", "数量指标", "人数", "≥", "5", "人", "10"],
      ["产出指标", "数量指标", "人数"],
    ],
    "t",
  );
  assert.deepEqual(moved, []);
});

test("segment: one cell per line with rowspan cells dropped is cut into rows by what the cells hold", () => {
  const header = ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "权重"];
  const cells = [
    ...["体检", "产出指标", "数量指标", "人数", "70", "10"],
    ...["质量指标", "合格率", "95%", "10"],
    ...["及时率", "90%", "10"],
    ...["效益指标", "社会效益指标", "健康水平", "提高", "20"],
    "附件：",
  ];
  const { rows, moved, after } = segmentRows(header, cells, "t");
  assert.deepEqual(
    rows.map((r) => r.map((c) => c.text)),
    [
      ["体检", "产出指标", "数量指标", "人数", "70", "10"],
      ["体检", "产出指标", "质量指标", "合格率", "95%", "10"],
      ["体检", "产出指标", "质量指标", "及时率", "90%", "10"],
      ["体检", "效益指标", "社会效益指标", "健康水平", "提高", "20"],
    ],
  );
  assert.deepEqual(moved, [
    { row: 1, dropped: 2 },
    { row: 2, dropped: 3 },
    { row: 3, dropped: 1 },
  ]);
  assert.deepEqual(after, ["附件："]);
});

test("aligned header: names wrapped over lines are stacked; a group label over several names is left out", () => {
  const lines = [
    at([17, "绩效指标"]),
    at([2, "项目"], [10, "一级"], [18, "二级"], [26, "三级"], [34, "指标"]),
    at([2, "名称"], [10, "指标"], [18, "指标"], [26, "指标"], [34, "性质"]),
  ];
  assert.deepEqual(
    stackedHeader(lines).map((c) => c.text),
    ["项目名称", "一级指标", "二级指标", "三级指标", "指标性质"],
  );
});
