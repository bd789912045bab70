import assert from "node:assert/strict";
import { test } from "node:test";
import ExcelJS from "exceljs";
import { readDocument } from "../read-document.ts";
import { readXlsx } from "./read-xlsx.ts";

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test("reads an alternative layout: 元 with separators, 指标性质 holding ≥/≤, 指标方向性, ≥95% values, 绩效标准", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.addRow(["2024年部门项目支出绩效目标表"]);
  ws.addRow(["主管部门：151-呼和浩特市总工会", "", "", "", "", "", "", "", "", "", "", "金额单位：元"]);
  ws.addRow([]);
  ws.addRow([
    "项目名称",
    "预算单位",
    "资金总额（元）",
    "年度目标",
    "一级指标",
    "二级指标",
    "指标名称",
    "指标性质",
    "指标方向性",
    "指标值",
    "计量单位",
    "权重",
    "绩效标准",
  ]);
  ws.addRow([
    "职工帮扶",
    "151001-呼和浩特市总工会",
    "1,234,567.89",
    "帮扶困难职工",
    "产出指标",
    "数量指标",
    "帮扶人数",
    "≥",
    "正向指标",
    70,
    "人",
    10,
    "计划标准",
  ]);
  ws.addRow(["", "", "", "", "", "质量指标", "覆盖率", "", "", "≥95%", "", 10, "行业标准"]);
  ws.addRow(["", "", "", "", "", "成本指标", "人均成本", "≤", "反向指标", "1,200", "元/人", 5, "历史标准"]);
  ws.addRow(["", "", "", "", "效益指标", "社会效益指标", "困难缓解", "定性", "", "有所缓解", "", 20, ""]);
  ws.addRow(["", "", "", "", "满意度指标", "服务对象满意度", "满意度", "≥", "正向指标", "约九成", "%", 10, ""]);
  for (const c of [1, 2, 3, 4]) ws.mergeCells(5, c, 9, c);
  ws.mergeCells(5, 5, 7, 5);
  ws.addRow(["合计", "", "1,234,567.89"]);
  const r = await readXlsx(await bytesOf(wb));
  const doc = r.value!;
  assert.equal(doc.moneyUnit, "元");
  assert.deepEqual(doc.department, { code: "151", name: "呼和浩特市总工会" });
  assert.equal(doc.fiscalYear, 2024);
  assert.equal(doc.total, 1234567.89);
  assert.equal(doc.projects.length, 1);
  const p = doc.projects[0]!;
  assert.equal(p.budget, 1234567.89);
  assert.equal(p.unitCode, "151001");
  assert.equal(p.goal, "帮扶困难职工");
  const [a, b, c, d, e] = p.indicators;
  assert.deepEqual(
    [a!.level1, a!.level2, a!.nature, a!.operator, a!.target, a!.unit, a!.weight, a!.standard],
    ["产出指标", "数量指标", "正向", "≥", "70", "人", 10, "计划标准"],
  );
  assert.deepEqual([b!.level1, b!.nature, b!.operator, b!.target, b!.unit], ["产出指标", "正向", "≥", "95", "%"]);
  assert.deepEqual([c!.nature, c!.operator, c!.target, c!.unit], ["反向", "≤", "1200", "元/人"]);
  assert.deepEqual(
    [d!.level1, d!.level2, d!.level2Label, d!.nature, d!.operator],
    ["效益指标", "社会效益", "社会效益指标", "定性", null],
  );
  // The bad cell is reported where it is.
  const bad = r.diagnostics.find((x) => x.code === "xlsx.target-not-number");
  assert.ok(bad, JSON.stringify(r.diagnostics));
  assert.equal(bad.cell, "Sheet1!J9");
  assert.equal(bad.messageEn, 'Sheet1!J9: 目标值 "约九成" is not a number for a 正向 indicator');
  assert.equal(e!.target, "约九成");
  assert.equal(bad.projectIndex, 0);
  assert.equal(bad.indicatorIndex, 4);
  // nature inferred for the ≥95% row, and said so
  assert.ok(r.diagnostics.some((x) => x.code === "xlsx.nature-inferred" && x.cell === "Sheet1!H6"));
});

test("reads one project per sheet (a form above the indicator table), percent-formatted cells", async () => {
  const wb = new ExcelJS.Workbook();
  for (const [i, name] of ["项目甲", "项目乙"].entries()) {
    const ws = wb.addWorksheet(`项目${i + 1}`);
    ws.addRow(["项目支出绩效目标申报表"]);
    ws.addRow(["项目名称", name, "", "实施单位", "151002-工人文化宫"]);
    ws.addRow(["项目类别", "部门预算项目", "", "年度资金总额（万元）", 12.5 + i]);
    ws.addRow(["年度目标", `完成${name}`]);
    ws.addRow(["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位", "分值"]);
    ws.addRow(["产出指标", "时效指标", "完成时间", "定性", "", "2024年12月前完成", "", 40]);
    const row = ws.addRow(["满意度", "服务对象满意度", "满意度", "正向", "大于等于", 0.9, "", 50]);
    row.getCell(6).numFmt = "0%";
  }
  const r = await readDocument(await bytesOf(wb), { fileName: "x.xlsx" });
  const doc = r.value!;
  assert.equal(doc.projects.length, 2);
  assert.deepEqual(
    doc.projects.map((p) => [p.name, p.unitCode, p.unitName, p.category, p.budget, p.goal, p.indicators.length]),
    [
      ["项目甲", "151002", "工人文化宫", "部门预算项目", 12.5, "完成项目甲", 2],
      ["项目乙", "151002", "工人文化宫", "部门预算项目", 13.5, "完成项目乙", 2],
    ],
  );
  const sat = doc.projects[1]!.indicators[1]!;
  assert.deepEqual(
    [sat.level1, sat.level1Label, sat.target, sat.unit, sat.operator],
    ["满意度指标", "满意度", "90", "%", "≥"],
  );
});

test("many projects on one sheet with the header repeated per project, and a sheet without a table", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("说明").addRow(["本工作簿为示例"]);
  const ws = wb.addWorksheet("表12");
  const header = [
    "项目名称",
    "项目单位",
    "项目类别",
    "预算数",
    "年度绩效目标",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标方向",
    "目标值",
    "计量单位",
    "分值",
  ];
  ws.addRow(header);
  ws.addRow([
    "甲",
    "151001-甲单位",
    "部门预算项目",
    7,
    "目标甲",
    "产出指标",
    "数量指标",
    "人数",
    "正向",
    "等于",
    70,
    "人",
    90,
  ]);
  ws.addRow(header);
  ws.addRow([
    "乙",
    "151001-甲单位",
    "部门预算项目",
    8,
    "目标乙",
    "产出指标",
    "数量指标",
    "户数",
    "正向",
    "等于",
    5,
    "户",
    50,
  ]);
  ws.addRow(["", "", "", "", "", "", "", "次数", "正向", "等于", 2, "次", 40]);
  ws.addRow(["口径说明：取值为项目库。"]);
  const r = await readXlsx(await bytesOf(wb));
  const doc = r.value!;
  assert.deepEqual(
    doc.projects.map((p) => [p.name, p.indicators.map((i) => `${i.level2}/${i.name}/${i.target}`)]),
    [
      ["甲", ["数量指标/人数/70"]],
      ["乙", ["数量指标/户数/5", "数量指标/次数/2"]],
    ],
  );
  assert.deepEqual(doc.notes, ["口径说明：取值为项目库。"]);
  assert.ok(r.diagnostics.some((d) => d.code === "xlsx.no-header" && d.cell === "说明!A1"));
});

test("garbage bytes that look like a zip give a coded error, not a throw", async () => {
  const r = await readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
  assert.equal(r.value, null);
  assert.equal(r.diagnostics[0]!.code, "xlsx.unreadable");
});
