// One test group per pass of the printed-表12 reader: cells, line classes, re-attachment,
// the guessed group of re-attached rows, and what is inferred about the document.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FORMAT_ID, type Indicator, type TargetDocument } from "@jixiao/core";
import { attachRows } from "./attach-rows.ts";
import { type Block, LineClassifier } from "./classify-line.ts";
import { guessGroup, insertInGroup } from "./guess-group.ts";
import { commonestYear, detectLayout, inferDocument } from "./infer-document.ts";
import { parseIndicatorTokens, type RawIndicator, type Token } from "./parse-row.ts";
import { CellSplitter } from "./split-cells.ts";
import { RepairLog } from "./text-diagnostics.ts";

const emptyDoc = (): TargetDocument => ({ format: FORMAT_ID, moneyUnit: "万元", projects: [] });
const copy = (ts: Token[]) => ts.map((t) => ({ ...t }));

function row(cells: string[], line = 1): RawIndicator {
  const r = parseIndicatorTokens(
    cells.map((text, col) => ({ text, col })),
    line,
  );
  assert.ok(r, cells.join("|"));
  return r;
}

test("split cells: tabs keep their columns, empty cells skipped", () => {
  const s = new CellSplitter(true, new RepairLog());
  assert.deepEqual(copy(s.split("a\t\tb\t", 1)), [
    { text: "a", col: 0 },
    { text: "b", col: 2 },
  ]);
});

test("split cells: without tabs, runs of spaces split; single spaces stay inside a cell", () => {
  const s = new CellSplitter(false, new RepairLog());
  assert.deepEqual(
    s.split("产出指标  数量指标   参加 人数", 1).map((t) => t.text),
    ["产出指标", "数量指标", "参加人数"],
  );
});

test("split cells: a word split at a line wrap is joined and logged", () => {
  const log = new RepairLog();
  const s = new CellSplitter(true, log);
  assert.equal(s.split("满意度指 标\tx", 4)[0]!.text, "满意度指标");
  assert.equal(log.diagnostics[0]?.code, "text.split-word-joined");
  assert.equal(log.diagnostics[0]?.line, 4);
});

test("classify lines: preamble, header, project row, indicator row, wrapped line, repeated header, 合计, footer", () => {
  const doc = emptyDoc();
  const log = new RepairLog();
  const c = new LineClassifier(doc, log);
  const s = new CellSplitter(true, log);
  const lines = [
    "2024年部门项目绩效目标表",
    "部门：某局",
    "单位：元",
    "项目名称\t项目单位\t项目类别\t预算数\t年度绩效目标\t一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位\t分值",
    "体检费\t151001-某单位\t部门项目\t7.00\t完成体检\t产出指标\t数量指标\t体检人数\t正向\t等于\t70\t人\t10",
    "\t\t\t\t\t\t\t\t\t\t\t\t\t（含退休人员）",
    "项目名称\t项目单位\t项目类别\t预算数\t年度绩效目标\t一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位\t分值",
    "\t\t\t\t\t\t质量指标\t覆盖率\t正向\t大于等于\t95\t%\t5",
    "合计\t\t\t7.00",
    "口径说明：取值为预算项目。",
  ];
  lines.forEach((l, i) => {
    c.read(s.split(l, i + 1), l, i + 1);
  });
  assert.equal(doc.title, "2024年部门项目绩效目标表");
  assert.equal(doc.fiscalYear, 2024);
  assert.deepEqual(doc.department, { name: "某局" });
  assert.equal(doc.moneyUnit, "元");
  assert.equal(c.moneyUnitSeen, true);
  assert.equal(c.headerSeen, 2);
  assert.equal(c.blocks.length, 1);
  const b = c.blocks[0]!;
  assert.deepEqual(
    [b.name, b.unitCode, b.unitName, b.category, b.budget, b.goal],
    ["体检费", "151001", "某单位", "部门项目", 7, "完成体检"],
  );
  assert.deepEqual(
    b.rows.map((r) => r.name),
    ["体检人数（含退休人员）", "覆盖率"],
  );
  assert.equal(doc.total, 7);
  assert.deepEqual(c.notes, ["口径说明：取值为预算项目。"]);
  const codes = log.diagnostics.map((d) => d.code);
  for (const code of ["text.continuation-joined", "text.header-repeated", "text.total-read", "text.footer-read"])
    assert.ok(codes.includes(code), code);
});

test("classify lines: an indicator row before any project is kept as an orphan; stray text is reported", () => {
  const log = new RepairLog();
  const c = new LineClassifier(emptyDoc(), log);
  const s = new CellSplitter(true, log);
  const header = "项目名称\t项目单位\t项目类别\t预算数\t一级指标\t二级指标\t三级指标\t指标性质";
  c.read(s.split(header, 1), header, 1);
  const r = "\t\t\t\t产出指标\t数量指标\t人数\t正向\t等于\t5\t人\t10";
  c.read(s.split(r, 2), r, 2);
  c.read(s.split("随便一行\t字", 3), "随便一行\t字", 3);
  assert.equal(c.orphans.length, 1);
  assert.ok(log.diagnostics.some((d) => d.code === "text.line-unread" && d.line === 3));
});

function block(name: string, rows: RawIndicator[], line: number): Block {
  return { line, name, unitCode: "151001", unitName: "某单位", category: "", budget: 1, goal: "", rows };
}

test("attach rows: a trailing row printed in the previous block moves on when the weights say so", () => {
  const a = [
    row(["产出指标", "数量指标", "甲人数", "正向", "=", "5", "人", "50"], 2),
    row(["效益指标", "社会效益", "甲效益", "定性", "有效", "50"], 3),
    row(["产出指标", "数量指标", "乙人数", "正向", "=", "5", "人", "40"], 4),
  ];
  const b = [row(["效益指标", "社会效益", "乙效益", "定性", "有效", "60"], 6)];
  const c = [
    row(["产出指标", "数量指标", "丙人数", "正向", "=", "5", "人", "50"], 8),
    row(["效益指标", "社会效益", "丙效益", "定性", "有效", "50"], 9),
  ];
  const doc = emptyDoc();
  const log = new RepairLog();
  attachRows(doc, [block("甲项目", a, 1), block("乙项目", b, 5), block("丙项目", c, 7)], [], "older", log);
  assert.deepEqual(
    doc.projects.map((p) => p.indicators.map((i) => i.name)),
    // The moved row has no group in its new project: it goes last.
    [
      ["甲人数", "甲效益"],
      ["乙效益", "乙人数"],
      ["丙人数", "丙效益"],
    ],
  );
  const moved = log.diagnostics.find((d) => d.code === "text.row-reattached");
  assert.equal(moved?.projectIndex, 1);
  assert.equal(moved?.line, 4);
});

test("attach rows: rows before any project go to the first one, and say so", () => {
  const doc = emptyDoc();
  const log = new RepairLog();
  const orphan = row(["产出指标", "数量指标", "人数", "正向", "=", "5", "人", "10"], 2);
  attachRows(doc, [block("甲项目", [], 3)], [orphan], "older", log);
  assert.equal(doc.projects[0]!.indicators[0]!.name, "人数");
  assert.equal(log.diagnostics[0]?.code, "text.row-reattached");
});

function ind(level1: string, level2: string, name: string, unit: string | null, target: string): Indicator {
  return { level1, level2, name, nature: "正向", operator: "=", target, unit, weight: 5 };
}

test("guess group: a moved row printed with no level takes the group its kind and likeness fit", () => {
  const dest = [
    ind("产出指标", "数量指标", "培训人数", "人", "50"),
    ind("产出指标", "时效指标", "完成时间", null, "2024年12月前完成"),
    ind("满意度指标", "服务对象满意度", "学员满意度", "%", "95"),
  ];
  const r = row(["参训人数", "正向", "=", "80", "人", "5"]);
  assert.deepEqual(guessGroup([r], dest, "older"), { level1: "产出指标", level2: "数量指标" });
  const s = row(["群众满意度", "正向", "≥", "90", "%", "5"]);
  assert.equal(guessGroup([s], dest, "older")?.level1, "满意度指标");
});

test("guess group: a row goes after the last indicator of its group", () => {
  const list = [ind("产出指标", "数量指标", "a", "人", "1"), ind("效益指标", "社会效益", "b", null, "好")];
  assert.equal(insertInGroup(list, ind("产出指标", "数量指标", "c", "人", "2")), 1);
  assert.deepEqual(
    list.map((i) => i.name),
    ["a", "c", "b"],
  );
});

test("infer document: layout, year, department code, total check", () => {
  const b2021 = block("x", [row(["成本指标", "经济成本指标", "单价", "反向", "≤", "5", "元", "10"])], 1);
  assert.equal(detectLayout([b2021]), "cost-first-level-2021");
  assert.equal(
    detectLayout([block("y", [row(["产出指标", "数量指标", "人数", "正向", "=", "5", "人", "10"])], 1)]),
    "older",
  );
  assert.equal(commonestYear("2023年 2024年 2024年"), 2024);
  assert.equal(commonestYear("无年份"), 0);
  const doc = emptyDoc();
  doc.total = 10;
  doc.projects.push(
    { name: "a", unitCode: "151001", unitName: "甲", category: "", budget: 3, goal: "", indicators: [] },
    { name: "b", unitCode: "151002", unitName: "乙", category: "", budget: 4, goal: "", indicators: [] },
  );
  const log = new RepairLog();
  inferDocument(doc, "2024年", ["注：x"], log);
  assert.deepEqual(doc.department, { code: "151", name: "甲" });
  assert.equal(doc.fiscalYear, 2024);
  assert.deepEqual(doc.notes, ["注：x"]);
  assert.deepEqual(
    log.diagnostics.map((d) => d.code),
    ["text.department-code-inferred", "text.fiscal-year-inferred", "text.total-mismatch"],
  );
});
