// One test per layout class of docs/LAYOUTS.md, on small hand-made grids (made-up offices and
// projects, not the real-world fixtures' strings).
import assert from "node:assert/strict";
import { test } from "node:test";
import { readGrid } from "./read-grid.ts";
import { sheetOf } from "./test-grid.ts";

const codes = (r: { diagnostics: { code: string }[] }) => r.diagnostics.map((d) => d.code);
const errors = (r: { diagnostics: { severity: string; code: string }[] }) =>
  r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code);

test("row table, Sichuan form: 指标性质 holds the operator, 指标方向性 the nature; unit code after the name; subtotal row", () => {
  const s = sheetOf([
    [{ t: "项目绩效目标表（2025年度）", cs: 10 }],
    [{ t: "金额单位：元", cs: 10 }],
    [
      "项目名称",
      "单位名称",
      "预算数",
      "一级指标",
      "二级指标",
      "三级指标",
      "指标性质",
      "指标值",
      "度量单位",
      "指标方向性",
    ],
    ["", "310-某区水务部门", "50,000.00", "", "", "", "", "", "", ""],
    [
      { t: "河道保洁", rs: 2 },
      { t: "某区河道管理所-310002", rs: 2 },
      { t: "50,000.00", rs: 2 },
      "产出指标",
      "数量指标",
      "保洁河道长度",
      "≥",
      "12",
      "公里",
      "正向指标",
    ],
    ["效益指标", "生态效益指标", "水质达标率", "=", "100", "%", "正向指标"],
  ]);
  const r = readGrid([s], { source: "html" });
  const doc = r.value!;
  assert.equal(doc.moneyUnit, "元");
  assert.equal(doc.total, 50000);
  assert.deepEqual(doc.department, { code: "310", name: "某区水务部门" });
  assert.equal(doc.projects.length, 1);
  const p = doc.projects[0]!;
  assert.deepEqual([p.name, p.unitCode, p.unitName, p.budget], ["河道保洁", "310002", "某区河道管理所", 50000]);
  assert.deepEqual(
    p.indicators.map((i) => [i.level1, i.level2, i.name, i.nature, i.operator, i.target, i.unit, i.weight]),
    [
      ["产出指标", "数量指标", "保洁河道长度", "正向", "≥", "12", "公里", null],
      ["效益指标", "生态效益", "水质达标率", "正向", "=", "100", "%", null],
    ],
  );
  assert.ok(codes(r).includes("html.subtotal-row"));
  assert.equal(codes(r).filter((c) => c === "html.no-weights").length, 1, "one warning for the document");
  assert.deepEqual(errors(r), []);
  assert.deepEqual(r.reading.blocks[0]!.layouts, ["row-table"]);
});

test("row table in another column order, operator inside the value, two projects split by a merged name", () => {
  const s = sheetOf([
    ["三级指标", "指标值", "分值", "二级指标", "一级指标", "项目名称", "项目资金（万元）"],
    [
      "培训人次",
      "≥300人次",
      "20",
      "数量指标",
      { t: "产出指标", rs: 2 },
      { t: "教师培训", rs: 2 },
      { t: "12.5", rs: 2 },
    ],
    ["完成时间", "2025年10月底前", "10", "时效指标"],
    ["设备采购数", "8台", "30", "数量指标", "产出指标", "设备更新", "40"],
  ]);
  const r = readGrid([s], { source: "csv" });
  const ps = r.value!.projects;
  assert.deepEqual(
    ps.map((p) => [
      p.name,
      p.budget,
      p.indicators.map((i) => `${i.level1}/${i.name}/${i.operator}/${i.target}/${i.unit}/${i.nature}/${i.weight}`),
    ]),
    [
      [
        "教师培训",
        12.5,
        ["产出指标/培训人次/≥/300/人次/正向/20", "产出指标/完成时间/null/2025年10月底前/null/定性/10"],
      ],
      ["设备更新", 40, ["产出指标/设备采购数/null/8/台/正向/30"]],
    ],
  );
  assert.equal(r.value!.moneyUnit, "万元");
  assert.ok(r.diagnostics.some((d) => d.code === "csv.nature-inferred" && d.cell === "t!B2"));
});

test("a leftmost 绩效指标 label column never captures the names or the targets", () => {
  const s = sheetOf([
    ["项目名称", "社区养老服务", "", "", ""],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
    [{ t: "绩效指标", rs: 3 }, "产出指标", "质量指标", "服务满意率", "≥90%"],
    ["效益指标", "社会效益指标", "受益老人数", "500人"],
    ["满意度指标", "服务对象满意度指标", "家属满意度", "≥85%"],
  ]);
  const r = readGrid([s], { source: "docx" });
  const p = r.value!.projects[0]!;
  assert.deepEqual(
    p.indicators.map((i) => [i.level1, i.name, i.target]),
    [
      ["产出指标", "服务满意率", "90"],
      ["效益指标", "受益老人数", "500"],
      ["满意度指标", "家属满意度", "85"],
    ],
  );
  const col0 = r.reading.blocks[0]!.columns.find((c) => c.column === 0)!;
  assert.equal(col0.key, null);
});

test("a 绩效指标 column holding the 一级 labels is read as 一级, the 三级 column as names", () => {
  const s = sheetOf([
    ["项目名称", "农村公路养护", "", ""],
    ["绩效指标", "二级指标", "三级指标", "目标值"],
    ["产出指标", "数量指标", "养护里程", "120公里"],
    ["满意度指标", "服务对象满意度", "群众满意度", "≥90%"],
  ]);
  const r = readGrid([s], { source: "html" });
  const p = r.value!.projects[0]!;
  assert.deepEqual(
    p.indicators.map((i) => [i.level1, i.level2, i.name]),
    [
      ["产出指标", "数量指标", "养护里程"],
      ["满意度指标", "服务对象满意度", "群众满意度"],
    ],
  );
});

test("长期/年度 column pairs: the 年度 columns are read, the 长期 ones logged as not read", () => {
  const s = sheetOf([
    ["项目名称", { t: "图书馆数字化", cs: 6 }],
    [
      "一级指标",
      "二级指标（长期）",
      "三级指标（长期）",
      "指标值（长期）",
      "二级指标（年度）",
      "三级指标（年度）",
      "指标值（年度）",
    ],
    ["产出指标", "数量指标", "五年数字化藏书", "10万册", "数量指标", "本年数字化藏书", "2万册"],
  ]);
  const r = readGrid([s], { source: "html" });
  const i = r.value!.projects[0]!.indicators[0]!;
  assert.deepEqual([i.name, i.target, i.unit], ["本年数字化藏书", "2", "万册"]);
  assert.ok(r.reading.blocks[0]!.layouts.includes("long-and-annual"));
  assert.equal(r.reading.blocks[0]!.columns.filter((c) => c.note === "long-term").length, 3);
});

test("form blocks: several projects per sheet, label beside or below its value, money with its unit", () => {
  const block = (name: string, money: string, goal: string, ind: string, target: string) => [
    ["项目名称", { t: name, cs: 3 }],
    ["主管部门及编码", "[207001]某县卫生健康局", "实施单位", "某县疾控中心"],
    ["项目总预算", money, "", ""],
    ["年度目标", { t: goal, cs: 3 }],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", ind, target],
  ];
  const s = sheetOf([
    ...block("疫苗冷链运维", "36万元", "保障冷链设备运转", "冷链设备数", "15台"),
    ...block("慢病筛查", "800000元", "完成筛查", "筛查人数", "≥2000人"),
  ]);
  const r = readGrid([s], { source: "xlsx" });
  const doc = r.value!;
  assert.equal(doc.moneyUnit, "万元");
  assert.deepEqual(
    doc.projects.map((p) => [p.name, p.unitCode, p.unitName, p.budget, p.goal, p.indicators.map((i) => i.name)]),
    [
      ["疫苗冷链运维", "207001", "某县疾控中心", 36, "保障冷链设备运转", ["冷链设备数"]],
      ["慢病筛查", "207001", "某县疾控中心", 80, "完成筛查", ["筛查人数"]],
    ],
  );
  assert.deepEqual(
    r.reading.blocks.map((b) => b.layouts[0]),
    ["form-block", "form-block"],
  );
  assert.deepEqual(errors(r), []);
});

test("form written as lines above the table (a Word file's paragraphs)", () => {
  const s = sheetOf(
    [
      ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
      ["产出指标", "时效指标", "按期完工率", "100%", "50"],
      ["满意度指标", "服务对象满意度", "使用单位满意度", "≥95%", "50"],
    ],
    "table 1",
    ["项目支出绩效目标表", "项目名称：办公楼节能改造    实施单位：某市机关事务中心", "项目资金（万元）：88"],
  );
  const r = readGrid([s], { source: "docx" });
  const p = r.value!.projects[0]!;
  assert.deepEqual([p.name, p.unitName, p.budget, p.indicators.length], ["办公楼节能改造", "某市机关事务中心", 88, 2]);
  assert.equal(r.value!.title, "项目支出绩效目标表");
});

test("self-evaluation: funding table, 年度指标值 / 实际完成值 / 分值 / 得分 / 偏差原因, score band and a 二级 re-parented", () => {
  const s = sheetOf([
    ["项目名称", { t: "高标准农田建设", cs: 8 }],
    [{ t: "项目资金（万元）", rs: 3 }, "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
    ["年度资金总额", "500", "480", "456", "10", "95%", "9.5", ""],
    ["其中：财政拨款", "500", "480", "456", "—", "", "—", ""],
    [
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      { t: "偏差原因分析及改进措施", cs: 2 },
    ],
    [
      { t: "产出指标（40分）", rs: 3 },
      { t: "数量指标", rs: 1 },
      "新建农田面积",
      "≥2000亩",
      "1900亩",
      "20",
      "19",
      { t: "雨季延误", cs: 2 },
    ],
    ["社会效益指标", "带动就业人数", "50人", "60", "10", "10", { t: "", cs: 2 }],
    ["质量指标", "", "", "", "", "", { t: "", cs: 2 }],
  ]);
  const r = readGrid([s], { source: "docx" });
  const p = r.value!.projects[0]!;
  assert.deepEqual([p.budget, p.initialBudget, p.executed], [480, 500, 456]);
  const [a, b] = p.indicators;
  assert.deepEqual(
    [a!.level1, a!.level1Label, a!.operator, a!.target, a!.unit, a!.actual, a!.weight, a!.score, a!.deviationReason],
    ["产出指标", "产出指标（40分）", "≥", "2000", "亩", 1900, 20, 19, "雨季延误"],
  );
  assert.deepEqual([b!.level1, b!.level2, b!.actual], ["效益指标", "社会效益", 60]);
  assert.equal(p.indicators.length, 2, "the 质量指标 heading row is not an indicator");
  assert.ok(codes(r).includes("docx.structural-row"));
  assert.ok(codes(r).includes("docx.level1-from-level2"));
  assert.ok(r.reading.blocks[0]!.layouts.includes("self-evaluation"));
});

test("levels one column over: the 一级 column holds 二级 labels, the 二级 column the names; budget from a cost breakdown 合计", () => {
  const s = sheetOf([
    ["项目名称", "档案数字化", "项目类别", "一次性项目"],
    ["成本构成", "金额", "测算依据", ""],
    ["扫描费", "30", "按页计价", ""],
    ["合计", "30", "", ""],
    ["一级指标", "二级指标", "绩效标准", "当年预期实现值"],
    [{ t: "数量指标", rs: 2 }, "扫描页数", "反映完成量", "60万页"],
    ["著录条目", "反映完成量", "12万条"],
    ["成本指标", "成本控制", "", "不超预算"],
  ]);
  const r = readGrid([s], { source: "docx" });
  const p = r.value!.projects[0]!;
  assert.equal(p.budget, 30);
  assert.deepEqual(
    p.indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.unit, i.nature]),
    [
      ["产出指标", "数量指标", "扫描页数", "60", "万页", "正向"],
      ["产出指标", "数量指标", "著录条目", "12", "万条", "正向"],
      ["产出指标", "成本指标", "成本控制", "不超预算", null, "定性"],
    ],
  );
  assert.ok(r.reading.blocks[0]!.layouts.includes("levels-shifted"));
  assert.ok(codes(r).includes("docx.budget-from-total"));
});

test("department-wide table: flagged as department-level, named after the department, never after the file", () => {
  const s = sheetOf(
    [
      ["部门名称", { t: "某市统计局", cs: 3 }],
      ["年度总体目标", { t: "完成统计调查任务", cs: 3 }],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "调查项目数", "12项"],
    ],
    "some-export-file.xlsx",
    ["2025年部门整体绩效目标表"],
  );
  const r = readGrid([s], { source: "xlsx" });
  const p = r.value!.projects[0]!;
  assert.equal(p.name, "某市统计局");
  assert.notEqual(p.name, "some-export-file.xlsx");
  assert.equal(p.category, "部门整体");
  assert.deepEqual(r.reading.blocks[0]!.layouts, ["department-wide"]);
  assert.ok(codes(r).includes("xlsx.department-wide"));
});

test("honest results: blank name, blank target, no indicators and an unreadable amount are errors naming the cells", () => {
  const s = sheetOf([
    ["项目名称", "预算数", "三级指标", "指标值", "分值"],
    ["甲项目", "约五万", "受益人数", "", "10"],
    ["甲项目", "约五万", "", "≥3次", "10"],
    ["乙项目", "8", "", "", ""],
  ]);
  const r = readGrid([s], { source: "csv" });
  const bad = r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}@${d.cell}`);
  assert.deepEqual(bad.sort(), [
    "csv.budget-not-number@t!B2",
    "csv.name-empty@t!C3",
    "csv.project-no-indicators@t!A4",
    "csv.target-empty@t!D2",
  ]);
});

test("a header repeated on every page continues the block; the user's mapping override re-reads a column", () => {
  const header = ["序号", "三级指标", "目标", "指标值", "分值"];
  const s = sheetOf([
    ["项目名称", { t: "校舍维修", cs: 4 }],
    header,
    ["1", "维修面积", "2000", "≥1800平方米", "40"],
    header,
    ["2", "验收合格率", "100", "100%", "60"],
  ]);
  const plain = readGrid([s], { source: "pdf" });
  assert.deepEqual(
    plain.value!.projects[0]!.indicators.map((i) => i.target),
    ["1800", "100"],
  );
  const fixed = readGrid([s], {
    source: "pdf",
    columns: [
      { header: "目标", key: "target" },
      { column: 3, key: null },
    ],
  });
  assert.deepEqual(
    fixed.value!.projects[0]!.indicators.map((i) => i.target),
    ["2000", "100"],
  );
  const used = fixed.reading.blocks[0]!.columns.find((c) => c.header === "目标")!;
  assert.deepEqual([used.key, used.how], ["target", "override"]);
  assert.ok(codes(fixed).includes("pdf.column-override"));
  assert.deepEqual(JSON.parse(JSON.stringify(fixed.reading)), fixed.reading, "the reading is plain JSON");
});

test("no header anywhere: a coded error, never a throw", () => {
  const r = readGrid(
    [
      sheetOf([
        ["随便", "什么"],
        ["1", "2"],
      ]),
    ],
    { source: "html" },
  );
  assert.equal(r.value, null);
  assert.deepEqual(codes(r), ["html.no-header", "html.no-table"]);
});
