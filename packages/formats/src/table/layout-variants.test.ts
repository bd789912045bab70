// Variants of the layout classes seen across offices: header bands, projects announced by a
// banner row, a Word form table followed by its indicator table, weights printed with 分.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readGrid } from "./read-grid.ts";
import { sheetOf } from "./test-grid.ts";

test("a two-row header band (指标值 over 目标值 | 计量单位) repeated on the next page is one block", () => {
  const band = [
    [
      { t: "项目名称", rs: 2 },
      { t: "三级指标", rs: 2 },
      { t: "指标值", cs: 2 },
      { t: "分值", rs: 2 },
    ],
    ["目标值", "计量单位"],
  ];
  const s = sheetOf([
    ...band,
    ["防汛物资储备", "储备编织袋", "5", "万条", "10分"],
    ...band,
    ["防汛物资储备", "应急演练", "2", "次", "10分"],
  ]);
  const r = readGrid([s], { source: "pdf" });
  assert.equal(r.reading.blocks.length, 1);
  const p = r.value!.projects;
  assert.equal(p.length, 1);
  assert.deepEqual(
    p[0]!.indicators.map((i) => [i.name, i.target, i.unit, i.weight]),
    [
      ["储备编织袋", "5", "万条", 10],
      ["应急演练", "2", "次", 10],
    ],
  );
});

test("several projects under one header, each announced by a banner row", () => {
  const s = sheetOf([
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [{ t: "项目名称：老旧小区改造    项目资金：300万元", cs: 4 }],
    ["产出指标", "数量指标", "改造户数", "≥600户"],
    [{ t: "项目名称：背街小巷整治；项目资金：90万元", cs: 4 }],
    ["产出指标", "质量指标", "验收合格率", "100%"],
  ]);
  const r = readGrid([s], { source: "html" });
  assert.deepEqual(
    r.value!.projects.map((p) => [p.name, p.budget, p.indicators.map((i) => i.name)]),
    [
      ["老旧小区改造", 300, ["改造户数"]],
      ["背街小巷整治", 90, ["验收合格率"]],
    ],
  );
  assert.deepEqual(r.reading.blocks[0]!.layouts, ["form-block"]);
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity === "error"),
    [],
  );
});

test("a Word form table followed by its indicator table: the form names the project of the next table", () => {
  const form = sheetOf(
    [
      ["项目名称", "智慧课堂建设"],
      ["实施单位", "某区第三中学"],
      ["项目总预算（万元）", "75"],
      ["年度绩效目标", "建成智慧教室10间"],
    ],
    "table 1",
  );
  const grid = sheetOf(
    [
      ["一级指标", "二级指标", "三级指标", "指标值", "权重"],
      ["产出指标", "数量指标", "建成教室数", "10间", "30"],
    ],
    "table 2",
  );
  const r = readGrid([form, grid], { source: "docx" });
  const p = r.value!.projects[0]!;
  assert.deepEqual([p.name, p.unitName, p.budget, p.goal], ["智慧课堂建设", "某区第三中学", 75, "建成智慧教室10间"]);
  assert.ok(!r.diagnostics.some((d) => d.code === "docx.no-header"));
});

test("no 项目名称 anywhere: the title names the project, with a warning; without a title it is an error", () => {
  const rows = [
    ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
    ["产出指标", "数量指标", "巡查次数", "≥52次", "100"],
  ];
  const titled = readGrid([sheetOf(rows, "t", ["2025年河湖巡查项目绩效目标表"])], { source: "html" });
  assert.equal(titled.value!.projects[0]!.name, "2025年河湖巡查项目绩效目标表");
  assert.ok(titled.diagnostics.some((d) => d.code === "html.project-name-from-title" && d.severity === "warning"));
  const bare = readGrid([sheetOf(rows, "report.html")], { source: "html" });
  assert.equal(bare.value!.projects[0]!.name, "");
  assert.ok(bare.diagnostics.some((d) => d.code === "html.project-name-missing" && d.severity === "error"));
});

test("unit printed as 百分比 in 计量单位 and % in the value is one unit, not a conflict", () => {
  const s = sheetOf([
    ["项目名称", "三级指标", "指标值", "计量单位", "分值"],
    ["垃圾分类", "分类覆盖率", "≥90%", "百分比", "100"],
  ]);
  const r = readGrid([s], { source: "csv" });
  const i = r.value!.projects[0]!.indicators[0]!;
  assert.deepEqual([i.operator, i.target, i.unit], ["≥", "90", "百分比"]);
  assert.ok(!r.diagnostics.some((d) => d.code === "csv.unit-conflict"));
});

test("a 序号 column numbering rows (not projects) does not split a project", () => {
  const s = sheetOf([
    ["序号", "项目名称", "三级指标", "指标值", "分值"],
    ["1", "全民健身", "赛事场次", "≥12场", "50"],
    ["2", "全民健身", "参与人次", "≥5000人次", "50"],
    ["3", "体育彩票", "销售网点", "30个", "100"],
  ]);
  const r = readGrid([s], { source: "csv" });
  assert.deepEqual(
    r.value!.projects.map((p) => [p.name, p.indicators.length]),
    [
      ["全民健身", 2],
      ["体育彩票", 1],
    ],
  );
});

test("a 合计 row under 一级/二级 cells merged down from above is the total, not an indicator", () => {
  const s = sheetOf([
    ["项目名称", { t: "森林防火", cs: 3 }],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [{ t: "满意度指标", rs: 3 }, { t: "服务对象满意度", rs: 3 }, "林农满意度", "≥90%"],
    ["护林员满意度", "≥85%"],
    ["合计", "1200.50"],
  ]);
  const r = readGrid([s], { source: "text" });
  const p = r.value!.projects[0]!;
  assert.deepEqual(
    p.indicators.map((i) => i.name),
    ["林农满意度", "护林员满意度"],
  );
  assert.equal(r.value!.total, 1200.5);
});

test("department-wide form (财政部 template): tasks with amounts, 金额合计 as the budget, a 年度绩效指标 label column", () => {
  const s = sheetOf(
    [
      ["部门（单位）名称", { t: "某市档案馆", cs: 6 }],
      [
        { t: "年度主要任务", rs: 4 },
        { t: "任务名称", rs: 2 },
        { t: "主要内容", rs: 2 },
        { t: "预算金额（万元）", cs: 3 },
        { t: "", rs: 2 },
      ],
      ["总额", "财政拨款", "其他资金"],
      ["档案数字化", "扫描整理", "120", "120", "0"],
      ["库房改造", "恒温恒湿", "80", "60", "20"],
      ["金额合计", { t: "", cs: 2 }, "200", "180", "20", ""],
      ["年度总体目标", { t: "完成馆藏档案数字化三万卷", cs: 6 }],
      [{ t: "年度绩效指标", rs: 3 }, "一级指标", "二级指标", "三级指标", { t: "指标值", cs: 3 }],
      ["产出指标", "数量指标", "数字化卷数", { t: "≥30000卷", cs: 3 }],
      ["效益指标", "社会效益指标", "查档服务人次", { t: "≥5000人次", cs: 3 }],
    ],
    "table 1",
    ["2025年度部门整体支出绩效目标申报表"],
  );
  const r = readGrid([s], { source: "docx" });
  const p = r.value!.projects[0]!;
  assert.deepEqual([p.name, p.category, p.budget, p.goal], ["某市档案馆", "部门整体", 200, "完成馆藏档案数字化三万卷"]);
  assert.deepEqual(
    p.indicators.map((i) => [i.level1, i.name, i.operator, i.target, i.unit]),
    [
      ["产出指标", "数字化卷数", "≥", "30000", "卷"],
      ["效益指标", "查档服务人次", "≥", "5000", "人次"],
    ],
  );
  assert.deepEqual(r.reading.blocks[0]!.layouts, ["department-wide"]);
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity === "error"),
    [],
  );
});

test("a table cut at a page break (the second part has no header) continues the project before", () => {
  const first = sheetOf(
    [
      ["项目名称", { t: "城市绿化养护", cs: 3 }],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      [{ t: "产出指标", rs: 2 }, "数量指标", "养护面积", "≥120万平方米"],
      ["质量指标", "苗木成活率", "≥95%"],
    ],
    "table 1",
  );
  const second = sheetOf(
    [
      ["产出指标", "时效指标", "养护及时率", "100%"],
      ["满意度指标", "服务对象满意度", "市民满意度", "≥90%"],
    ],
    "table 2",
  );
  const r = readGrid([first, second], { source: "html" });
  assert.equal(r.value!.projects.length, 1);
  assert.deepEqual(
    r.value!.projects[0]!.indicators.map((i) => [i.level1, i.name]),
    [
      ["产出指标", "养护面积"],
      ["产出指标", "苗木成活率"],
      ["产出指标", "养护及时率"],
      ["满意度指标", "市民满意度"],
    ],
  );
  assert.ok(r.diagnostics.some((d) => d.code === "html.table-continued"));
  assert.ok(!r.diagnostics.some((d) => d.code === "html.no-header"));
});

test("a 指标类型 column holding 共性指标/个性指标 is not read as natures; a weight printed — is not printed", () => {
  const s = sheetOf([
    ["项目名称", "三级指标", "指标类型", "指标值", "分值"],
    ["政务公开", "公开事项数", "个性指标", "≥40项", "50"],
    ["政务公开", "公众满意度", "共性指标", "≥90%", "—"],
  ]);
  const r = readGrid([s], { source: "html" });
  const [a, b] = r.value!.projects[0]!.indicators;
  assert.deepEqual([a!.nature, a!.operator, a!.weight, b!.weight], ["正向", "≥", 50, null]);
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity === "error"),
    [],
  );
  assert.equal(r.reading.blocks[0]!.columns.find((c) => c.header === "指标类型")!.note, "other-content");
});

test("a 合计 row at the top of a row table (above the departments) is the total and ends nothing", () => {
  const s = sheetOf([
    ["单位名称", "项目名称", "预算数", "三级指标", "指标值", "权重"],
    ["合计", "", "30.00", "", "", ""],
    ["501-某区民政部门", "", "30.00", "", "", ""],
    ["501001-某区民政局", "低保审核", "30.00", "审核户数", "≥1200户", "100"],
  ]);
  const r = readGrid([s], { source: "xlsx" });
  assert.equal(r.value!.total, 30);
  assert.deepEqual(
    r.value!.projects.map((p) => [p.name, p.unitCode, p.indicators.length]),
    [["低保审核", "501001", 1]],
  );
  assert.ok(!r.diagnostics.some((d) => d.code === "xlsx.subtotal-mismatch" || d.code === "xlsx.total-mismatch"));
});

test("a form's footer under the grid (填报人 | 张三 | 联系电话 | …) is a note, not an indicator", () => {
  const s = sheetOf([
    ["项目名称", { t: "路灯维护", cs: 3 }],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "质量指标", "亮灯率", "≥98%"],
    ["填报人：", "张三", "联系电话：", "12345678"],
    ["单位负责人", "李四", "填报日期", "2025年3月1日"],
  ]);
  const r = readGrid([s], { source: "docx" });
  assert.deepEqual(
    r.value!.projects[0]!.indicators.map((i) => i.name),
    ["亮灯率"],
  );
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity === "error"),
    [],
  );
});

test("指标值 printed over 年度 | 长期 sub-headers: the 年度 column is the target", () => {
  const s = sheetOf([
    [
      { t: "项目名称", rs: 2 },
      { t: "三级指标", rs: 2 },
      { t: "指标值", cs: 2 },
      { t: "分值", rs: 2 },
    ],
    ["长期", "年度"],
    ["湿地保护", "湿地保护面积", "≥5000亩", "≥1200亩", "100"],
  ]);
  const r = readGrid([s], { source: "html" });
  const i = r.value!.projects[0]!.indicators[0]!;
  assert.deepEqual([i.target, i.unit, i.weight], ["1200", "亩", 100]);
  assert.ok(r.reading.blocks[0]!.layouts.includes("long-and-annual"));
});

test("the smallest table: 指标名称 | 目标值 under a form", () => {
  const s = sheetOf([
    ["项目名称", "社区义诊"],
    ["指标名称", "目标值"],
    ["义诊人次", "≥800人次"],
    ["群众满意度", "≥90%"],
  ]);
  const r = readGrid([s], { source: "html" });
  assert.deepEqual(
    r.value!.projects.map((p) => [p.name, p.indicators.map((i) => `${i.name}/${i.operator}/${i.target}/${i.unit}`)]),
    [["社区义诊", ["义诊人次/≥/800/人次", "群众满意度/≥/90/%"]]],
  );
});

test("a blank 一级 cell inferred from its 二级 carries no printed label (an empty label is none)", () => {
  const s = sheetOf([
    ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "计量单位"],
    ["社区义诊", "", "数量指标", "义诊人次", "≥800", "人次"],
    ["社区义诊", "满意度", "服务对象满意度指标", "群众满意度", "≥90", "%"],
  ]);
  const r = readGrid([s], { source: "pdf" });
  const [first, second] = r.value!.projects[0]!.indicators;
  assert.equal(first!.level1, "产出指标");
  assert.ok(!("level1Label" in first!) || first!.level1Label === undefined, JSON.stringify(first));
  assert.ok(r.diagnostics.some((d) => d.code === "pdf.level1-inferred"));
  // A printed label other than the canonical name is still kept.
  assert.equal(second!.level1Label, "满意度");
});
