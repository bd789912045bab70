// Table-driven: every spelling the vocabulary reads, and what it reads it as.
import assert from "node:assert/strict";
import { test } from "node:test";
import { looksLikeUnit, parseTargetCell, targetValue } from "./cell-grammar.ts";
import { headerRow, matchHeader } from "./headers.ts";
import { normalizeLevel1, normalizeLevel2, parseLevelLabel } from "./levels.ts";
import { inferNature, parseNatureWord, resolveNature } from "./natures.ts";
import { moneyUnitInText, parseNumber, readMoney, readNumber } from "./numbers.ts";
import { parseOperator } from "./operators.ts";
import { parseCodeName, totalLabel } from "./row-cells.ts";

test("operators: every spelling printed on its own", () => {
  const table: [string, string | null][] = [
    ["≥", "≥"],
    [">=", "≥"],
    ["＞＝", "≥"],
    ["≧", "≥"],
    ["大于等于", "≥"],
    ["大于或等于", "≥"],
    ["不低于", "≥"],
    ["不少于", "≥"],
    ["≤", "≤"],
    ["<=", "≤"],
    ["＜＝", "≤"],
    ["≦", "≤"],
    ["小于等于", "≤"],
    ["不高于", "≤"],
    ["不超过", "≤"],
    ["不多于", "≤"],
    ["=", "="],
    ["＝", "="],
    ["等于", "="],
    [">", ">"],
    ["＞", ">"],
    ["大于", ">"],
    ["高于", ">"],
    ["<", "<"],
    ["＜", "<"],
    ["小于", "<"],
    ["低于", "<"],
    [" 大于 等于 ", "≥"],
    ["定性", null],
    ["", null],
    ["有效", null],
  ];
  for (const [text, op] of table) assert.equal(parseOperator(text), op, text);
});

test("target cells: operator, number, unit, dates and text", () => {
  // [cell, kind, operator, number text, unit]
  const table: [string, string, string | null, string | null, string | null][] = [
    ["95", "number", null, "95", null],
    ["95%", "number", null, "95", "%"],
    ["95％", "number", null, "95", "%"],
    ["≥95%", "number", "≥", "95", "%"],
    ["≥ 95 %", "number", "≥", "95", "%"],
    ["＞＝95", "number", "≥", "95", null],
    [">=95%", "number", "≥", "95", "%"],
    ["≧90%", "number", "≥", "90", "%"],
    ["不低于95%", "number", "≥", "95", "%"],
    ["不少于30人", "number", "≥", "30", "人"],
    ["大于等于100", "number", "≥", "100", null],
    ["95%以上", "number", "≥", "95", "%"],
    ["90%及以上", "number", "≥", "90", "%"],
    ["95%（含）以上", "number", "≥", "95", "%"],
    ["95%以上(含)", "number", "≥", "95", "%"],
    ["≤65万元", "number", "≤", "65", "万元"],
    ["<=5%", "number", "≤", "5", "%"],
    ["＜＝5", "number", "≤", "5", null],
    ["小于等于3天", "number", "≤", "3", "天"],
    ["不超过65万元", "number", "≤", "65", "万元"],
    ["不高于10%", "number", "≤", "10", "%"],
    ["3天以内", "number", "≤", "3", "天"],
    ["30日内", "number", "≤", "30", "日"],
    ["5%以下", "number", "≤", "5", "%"],
    ["=300天", "number", "=", "300", "天"],
    ["等于12次", "number", "=", "12", "次"],
    [">92%", "number", ">", "92", "%"],
    ["<1%", "number", "<", "1", "%"],
    ["≥100百分比", "number", "≥", "100", "%"],
    ["1,000", "number", null, "1000", null],
    ["8,827,620.53", "number", null, "8827620.53", null],
    ["56.00", "number", null, "56.00", null],
    ["１２３", "number", null, "123", null],
    ["1290.3平方米", "number", null, "1290.3", "平方米"],
    ["10000万元", "number", null, "10000", "万元"],
    ["2280次", "number", null, "2280", "次"],
    ["12个月", "number", null, "12", "个月"],
    ["1年", "number", null, "1", "年"],
    ["-5%", "number", null, "-5", "%"],
    ["2023年12月底前", "date", null, null, null],
    ["2024年12月前完成", "date", null, null, null],
    ["2024年", "date", null, null, null],
    ["2024年度", "date", null, null, null],
    ["12月底前", "date", null, null, null],
    ["6月30日前", "date", null, null, null],
    ["2024-12-31", "date", null, null, null],
    ["2024.12.31", "date", null, null, null],
    ["≤2024年12月", "date", null, null, null],
    ["有效保障", "text", null, null, null],
    ["参照政府采购成本控制", "text", null, null, null],
    ["不超预算", "text", null, null, null],
    ["低于上年", "text", null, null, null],
    ["90%-100%", "text", null, null, null],
    ["1:2", "text", null, null, null],
    ["79名退休人员参加体检，覆盖率100%", "text", null, null, null],
    ["", "empty", null, null, null],
    ["  ", "empty", null, null, null],
  ];
  for (const [cell, kind, op, num, unit] of table) {
    const r = parseTargetCell(cell);
    assert.equal(r.kind, kind, `${cell}: kind`);
    assert.equal(r.operator, op, `${cell}: operator`);
    assert.equal(r.number?.text ?? null, num, `${cell}: number`);
    assert.equal(r.unit, unit, `${cell}: unit`);
    assert.equal(r.qualitative, kind !== "number", `${cell}: qualitative`);
  }
  assert.equal(parseTargetCell("2024年12月前完成").deadline, true);
  assert.equal(parseTargetCell("年底前完成").deadline, true);
  assert.equal(parseTargetCell("有效保障").deadline, false);
  assert.equal(parseTargetCell("≥95%").operatorPrinted, "≥");
  assert.equal(parseTargetCell("95%以上").operatorPrinted, "以上");
  assert.equal(parseTargetCell("≥100百分比").unitPrinted, "百分比");
  assert.equal(parseTargetCell(70).number?.value, 70);
  assert.equal(parseTargetCell(null).kind, "empty");
});

test("a target's number in the indicator's unit", () => {
  assert.equal(targetValue(parseTargetCell("70人"), "人"), 70);
  assert.equal(targetValue(parseTargetCell("70"), "人"), 70);
  assert.equal(targetValue(parseTargetCell("95%"), null), 95);
  assert.equal(targetValue(parseTargetCell("95％"), "%"), 95);
  assert.equal(targetValue(parseTargetCell("6.5万元"), "元"), null);
  assert.equal(targetValue(parseTargetCell("有效"), "%"), null);
});

test("natures: every spelling, and the nature inferred when none is printed", () => {
  const table: [string, string | null][] = [
    ["定性", "定性"],
    ["定性指标", "定性"],
    ["定量", "定量"],
    ["定量指标", "定量"],
    ["正向", "正向"],
    ["正向指标", "正向"],
    ["定量正向", "正向"],
    ["越大越好", "正向"],
    ["反向", "反向"],
    ["反向指标", "反向"],
    ["定量反向", "反向"],
    ["越小越好", "反向"],
    [" 正向 指标", "正向"],
    ["≥", null],
    ["", null],
    ["正常", null],
  ];
  for (const [text, nature] of table) assert.equal(parseNatureWord(text), nature, text);

  const infer: [string | null, string, string][] = [
    ["≤", "65", "反向"],
    ["<", "5%", "反向"],
    ["≥", "95%", "正向"],
    ["=", "300", "正向"],
    [null, "12", "正向"],
    [null, "≤65万元", "反向"],
    [null, "95%以上", "正向"],
    [null, "有效保障", "定性"],
    [null, "2024年12月前完成", "定性"],
    ["≥", "良好", "定性"],
  ];
  for (const [op, target, nature] of infer) {
    const r = inferNature(op as never, parseTargetCell(target));
    assert.equal(r.nature, nature, `${op} ${target}`);
    assert.equal(r.inferred, true);
    assert.ok(r.reason?.zh && r.reason.en);
  }
  assert.deepEqual(resolveNature("正向指标", "≥", parseTargetCell("95%")), { nature: "正向", inferred: false });
  assert.equal(resolveNature("定量", "≤", parseTargetCell("65")).nature, "反向");
  assert.equal(resolveNature(null, null, "≤65万元").nature, "反向");
  assert.equal(inferNature(null, "2024年12月前完成").nature, "定性");
  assert.equal(resolveNature("定量", null, parseTargetCell("较上年提高")).nature, "正向");
  assert.equal(resolveNature("", null, parseTargetCell("较上年提高")).nature, "定性");
});

test("一级/二级 labels: bands, suffixes and spaces, printed label kept", () => {
  const table: [string, string | null, string | null, number | null][] = [
    ["产出指标", "产出指标", null, null],
    ["产出指标(50分)", "产出指标", null, 50],
    ["产出指标（50分）", "产出指标", null, 50],
    ["成本指标(0-20)分", "成本指标", "成本指标", 20],
    ["效益指标（30）", "效益指标", null, 30],
    ["满意度指标10分", "满意度指标", null, 10],
    ["一、产出指标", "产出指标", null, null],
    ["满意度指 标", "满意度指标", null, null],
    ["社会效益指标", null, "社会效益", null],
    ["经济效益 指标", null, "经济效益", null],
    ["服务对象满意度指标", null, "服务对象满意度", null],
    ["可持续影响指标", null, "可持续影响", null],
    ["数量指标(10分)", null, "数量指标", 10],
    ["退休人员体检费", null, null, null],
  ];
  for (const [text, l1, l2, points] of table) {
    const r = parseLevelLabel(text);
    assert.equal(r?.level1 ?? null, l1, `${text}: level1`);
    assert.equal(r?.level2 ?? null, l2, `${text}: level2`);
    assert.equal(r?.points ?? null, points, `${text}: points`);
    if (r) assert.equal(r.printed, text);
    assert.equal(normalizeLevel1(text), l1, `${text}: normalizeLevel1`);
    assert.equal(normalizeLevel2(text), l2, `${text}: normalizeLevel2`);
  }
  assert.equal(parseLevelLabel("成本指标(0-20)分")?.minPoints, 0);
});

test("numbers and money as printed", () => {
  const table: [string, number | null][] = [
    ["1,234.50", 1234.5],
    ["8,827,620.53", 8827620.53],
    ["56.00", 56],
    ["１２３", 123],
    ["１，２３４．５", 1234.5],
    [" 70 ", 70],
    ["-3", -3],
    ["1,23", null],
    ["12,3456", null],
    ["1.", null],
    [".5", null],
    ["95%", null],
    ["abc", null],
    ["", null],
  ];
  for (const [text, n] of table) assert.equal(parseNumber(text), n, text);
  assert.equal(readNumber("56.00")?.text, "56.00");
  assert.equal(readNumber("8,827,620.53")?.printed, "8,827,620.53");
  const money: [string, number, string | null][] = [
    ["10000万元", 10000, "万元"],
    ["8,827,620.53", 8827620.53, null],
    ["56.00", 56, null],
    ["1,100.00元", 1100, "元"],
    ["￥1,100.00", 1100, null],
  ];
  for (const [text, value, unit] of money) {
    assert.equal(readMoney(text)?.value, value, text);
    assert.equal(readMoney(text)?.unit, unit, text);
  }
  assert.equal(readMoney("十万元"), null);
  const units: [string, string | null][] = [
    ["金额单位：元", "元"],
    ["金额单位:万元", "万元"],
    ["单位：万元", "万元"],
    ["（单位：万元）", "万元"],
    ["预算数（元）", "元"],
    ["单位名称", null],
    ["项目名称", null],
  ];
  for (const [text, unit] of units) assert.equal(moneyUnitInText(text), unit, text);
});

test("headers: every spelling seen, with money unit and period", () => {
  const table: [string, string | null][] = [
    ["指标值", "target"],
    ["指标目标值", "target"],
    ["年度指标值", "target"],
    ["*指标值", "target"],
    ["＊指标值", "target"],
    ["当年预期实现值", "target"],
    ["目标值", "target"],
    ["权重", "weight"],
    ["分值", "weight"],
    ["指标方向性", "polarity"],
    ["指标方向", "operator"],
    ["度量单位", "measure"],
    ["计量单位", "measure"],
    ["项目总预算", "budget"],
    ["资金总额", "budget"],
    ["年度资金总额", "budget"],
    ["预算申报数", "budget"],
    ["预算数", "budget"],
    ["年度目标", "goal"],
    ["年度绩效目标", "goal"],
    ["实施单位", "unit"],
    ["单位名称", "unit"],
    ["主管部门及编码", "department"],
    ["绩效标准", "standard"],
    ["评(计)价标准", "standard"],
    ["指标性质", "nature"],
    ["指标值类型", "nature"],
    ["一级指标", "level1"],
    ["二级指标", "level2"],
    ["三级指标", "indicator"],
    ["项目名称", "name"],
    ["项 目 名 称", "name"],
    ["实际完成值", "actual"],
    ["得分", "score"],
    ["偏差原因分析及改进措施", "deviationReason"],
    ["全年执行数", "executed"],
    ["年初预算数", "initialBudget"],
    ["全年预算数", "budget"],
    ["执行率", "executionRate"],
    ["项目名称：", "name"],
    ["备注", null],
    ["金额单位：元", null],
  ];
  for (const [text, key] of table) assert.equal(matchHeader(text)?.key ?? null, key, text);
  assert.deepEqual(matchHeader("预算数（元）"), { key: "budget", moneyUnit: "元" });
  assert.deepEqual(matchHeader("项目资金 (万元)"), { key: "budget", moneyUnit: "万元", weak: true });
  assert.deepEqual(matchHeader("指标值(年度)"), { key: "target", period: "年度" });
  assert.deepEqual(matchHeader("三级指标（长期）"), { key: "indicator", period: "长期" });
  assert.deepEqual(matchHeader("年度指标值"), { key: "target", period: "年度" });
  assert.deepEqual(matchHeader("中期目标"), { key: "goal", period: "中期" });
});

test("row cells: code and name, totals, units, header rows", () => {
  const codes: [string, string | null, string | null][] = [
    ["151001-呼和浩特市总工会", "151001", "呼和浩特市总工会"],
    ["820-马踏镇部门", "820", "马踏镇部门"],
    ["820001 - 井研县马踏镇人民政府", "820001", "井研县马踏镇人民政府"],
    ["[015001]武汉市青山区教育局", "015001", "武汉市青山区教育局"],
    ["【015001】武汉市青山区教育局", "015001", "武汉市青山区教育局"],
    ["015001 武汉市青山区教育局", "015001", "武汉市青山区教育局"],
    ["2024-12-31", null, null],
    ["95", null, null],
    ["呼和浩特市总工会", null, null],
  ];
  for (const [text, code, name] of codes) {
    const r = parseCodeName(text);
    assert.equal(r?.code ?? null, code, text);
    assert.equal(r?.name ?? null, name, text);
  }
  assert.equal(totalLabel("合计"), "total");
  assert.equal(totalLabel("合 计"), "total");
  assert.equal(totalLabel("总计："), "total");
  assert.equal(totalLabel("小计"), "subtotal");
  assert.equal(totalLabel("合计数"), null);
  for (const u of ["%", "人", "万元", "元/人", "平方米", "个月", "人/年"]) assert.ok(looksLikeUnit(u), u);
  for (const u of ["", "95%", "有效保障，长期", "按期完成工作任务并验收"]) assert.ok(!looksLikeUnit(u), u);
  const row = headerRow(["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "", "备注"]);
  assert.equal(row.isHeader, true);
  assert.deepEqual(
    row.matches.map((m) => m?.key ?? null),
    ["unit", "name", "budget", "goal", "level1", null, null],
  );
  assert.equal(headerRow(["产出指标", "数量指标", "维修次数", "≥", "95"]).isHeader, false);
  // The nanhua self-evaluation header: a leftmost 绩 效 指 标 label never takes the 三级 column.
  const selfEval = headerRow([
    "绩 效 指 标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
  ]);
  assert.deepEqual(
    selfEval.matches.map((m) => m?.key ?? null),
    [null, "level1", "level2", "indicator", "target", "actual", "weight", "score"],
  );
  assert.equal(matchHeader("绩效指标")?.weak, true);
  assert.equal(matchHeader("三级指标")?.weak, undefined);
});
