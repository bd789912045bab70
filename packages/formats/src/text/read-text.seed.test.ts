// The real published 表12 (examples/seed-2024-hohhot-union.txt) read back exactly: 4 projects, 59
// indicators, each in its right project with the right levels and values. The expected
// rows below were worked out by hand from the printed table (see DOMAIN.md §6 for its
// damage); each one is asserted field by field.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { sumDecimal } from "@jixiao/core";
import { readText } from "./read-text.ts";

const SEED = new URL("../../../../examples/seed-2024-hohhot-union.txt", import.meta.url);

// level1|level2|name|nature|operator|target|unit|weight, per project in document order.
const EXPECTED: string[][] = [
  [
    // 退休人员体检费
    "效益指标|可持续影响|为退休人员身心健康提供保障|定性||有效保障||15",
    "效益指标|社会效益|保障退休人员身体健康水平|定性||有效保障||15",
    "产出指标|成本指标|退休人员体检费总额|正向|=|7|万元|5",
    "产出指标|成本指标|退休人员体检标准|正向|=|1000|元/人|5",
    "产出指标|时效指标|退休人员体检及时率|正向|≥|85|%|2",
    "产出指标|时效指标|退休人员体检时间|定性||2024年12月前完成||8",
    "产出指标|质量指标|体检工作完成率|正向|≥|90|%|5",
    "产出指标|质量指标|退休人员体检覆盖率|正向|≥|100|%|10",
    "产出指标|数量指标|参加体检的退休人数|正向|≥|70|人|9",
    "产出指标|数量指标|退休人员总人数|正向|=|70|人|6",
    "满意度指标|服务对象满意度|服务对象满意度|正向|≥|95|%|10",
  ],
  [
    // 呼和浩特市财政困难职工专项帮扶资金及送清凉、送温暖资金
    "产出指标|时效指标|送清凉送温暖慰问资金发放完成时间|定性||2024年12月前完成||5",
    "产出指标|时效指标|经申请确认为建档立卡困难职工救助资金发放完成时间|定性||2024年12月前完成||5",
    "产出指标|质量指标|送清凉送温暖慰问覆盖率|正向|=|100|%|6",
    "产出指标|质量指标|经申请确认为建档立卡困难职工的医疗救助覆盖率|正向|=|100|%|3",
    "产出指标|质量指标|申请确认为建档立卡困难职工的助学救助覆盖率|正向|=|100|%|3",
    "产出指标|质量指标|经申请确认为建档立卡困难职工的生活救助覆盖率|正向|=|100|%|3",
    "产出指标|数量指标|送清凉送温暖慰问职工人数|正向|=|4000|人|6",
    "产出指标|数量指标|对在档符合医疗救助的困难职工救助|正向|=|78|户|3",
    "产出指标|数量指标|对在档符合生活救助的困难职工救助|正向|=|13|户|3",
    "产出指标|数量指标|对在档符合助学救助的困难职工救助|正向|=|55|户|3",
    "产出指标|成本指标|对在档符合医疗救助的困难职工救助标准|反向|≤|10.6|万元|2.5",
    "产出指标|成本指标|送清凉送温暖慰问标准|正向|=|200|元/人|2.5",
    "产出指标|成本指标|对在档符合助学救助的困难职工救助标准|反向|≤|7.6|万元|2.5",
    "产出指标|成本指标|对在档符合生活救助的困难职工救助标准|反向|≤|1.8|万元|2.5",
    "效益指标|社会效益|缓解帮扶救助人员的经济困难|定性||有所缓解||10",
    "效益指标|社会效益|维护社会稳定性水平|定性||有所缓解||10",
    "效益指标|可持续影响|保障市总工会工作正常运转|定性||有效保障||10",
    "满意度指标|服务对象满意度|服务对象满意度|正向|≥|90|%|10",
  ],
  [
    // 呼市地区各级劳动模范荣誉津贴
    "产出指标|数量指标|社保代发的省部级劳模津贴发放人数|正向|=|148|人|3",
    "产出指标|数量指标|社保代发的市级劳模津贴发放人数|正向|=|778|人|3",
    "产出指标|数量指标|市总工会代发的国家级劳模津贴发放人数|正向|=|1|人|2",
    "产出指标|数量指标|市总工会代发的省部级劳模津贴发放人数|正向|=|6|人|2",
    "产出指标|数量指标|市总工会代发的市级劳模津贴发放人数|正向|=|24|人|2",
    "产出指标|数量指标|社保代发的国家级劳模津贴发放人数|正向|=|14|人|3",
    "产出指标|质量指标|津贴发放准确率|正向|=|100|%|5",
    "产出指标|质量指标|津贴发放及时率|正向|=|100|%|5",
    "产出指标|质量指标|津贴发放覆盖率|正向|≥|95|%|5",
    "产出指标|时效指标|社保代发津贴完成时间|定性||2024年12月前完||5",
    "产出指标|时效指标|市总工会代发津贴完成时间|定性||2024年12月前完||5",
    "产出指标|成本指标|国家级劳模发放津贴标准|正向|=|6000|元/年|3",
    "产出指标|成本指标|省部级劳模发放津贴标准|正向|=|3600|元/年|3",
    "产出指标|成本指标|市级劳模发放津贴标准|正向|=|720|元/年|4",
    "效益指标|社会效益|发挥劳动模范示范引领作用|定性||效果显著||15",
    "效益指标|可持续影响|发挥劳动模范示范引领作用|定性||效果显著||15",
    "满意度指标|服务对象满意度|各级劳模满意度|正向|≥|90|%|10",
  ],
  [
    // 体检费
    "产出指标|质量指标|退休人员覆盖率|正向|=|100|%|10",
    "产出指标|质量指标|退休人员体检健康率|正向|≥|95|%|5",
    "产出指标|时效指标|退休人员体检时间|定性||2024年度||5",
    "产出指标|时效指标|退休人员体检项目完成时间|定性||2024年度||5",
    "产出指标|成本指标|体检项目成本|反向|≤|4.3|万元|8",
    "产出指标|成本指标|体检预约体检成本|反向|≤|0.1|万元|2",
    "产出指标|数量指标|退休人员体检费|正向|=|43|人|10",
    "产出指标|数量指标|退休人员体检项目|正向|=|5|项|5",
    "效益指标|经济效益|保障职工身体健康提高单位经济效益|正向|≥|95|%|10",
    "效益指标|生态效益|保障职工身体健康提高单位生态效益|正向|≤|95|%|5",
    "效益指标|可持续影响|保障公众身体健康水平|正向|≥|95|%|5",
    "效益指标|社会效益|进一步提升公众身体健康水平|正向|≥|95|%|10",
    "满意度指标|服务对象满意度|职工满意度|正向|≥|95|%|10",
  ],
];

const PROJECTS = [
  { name: "退休人员体检费", unitCode: "151001", unitName: "呼和浩特市总工会", budget: 7 },
  {
    name: "呼和浩特市财政困难职工专项帮扶资金及送清凉、送温暖资金",
    unitCode: "151001",
    unitName: "呼和浩特市总工会",
    budget: 100,
  },
  { name: "呼市地区各级劳动模范荣誉津贴", unitCode: "151001", unitName: "呼和浩特市总工会", budget: 128.85 },
  { name: "体检费", unitCode: "151002", unitName: "呼和浩特市工人文化宫", budget: 4.3 },
];

test("seed: document header, 4 projects, 59 indicators, weights 90 each, budgets sum to 合计 240.15", () => {
  const { value: doc } = readText(readFileSync(SEED, "utf8"));
  assert.ok(doc);
  assert.equal(doc.moneyUnit, "万元");
  assert.equal(doc.title, "项目绩效目标表");
  assert.deepEqual(doc.department, { code: "151", name: "呼和浩特市总工会" });
  assert.equal(doc.fiscalYear, 2024);
  assert.equal(doc.total, 240.15);
  assert.deepEqual(doc.notes, ["口径说明：取值为【项目库管理】-预算项目所填写绩效目标表。"]);
  assert.equal(doc.projects.length, 4);
  assert.equal(
    doc.projects.reduce((n, p) => n + p.indicators.length, 0),
    59,
  );
  for (const p of doc.projects) assert.equal(sumDecimal(p.indicators.map((i) => i.weight ?? 0)), 90, p.name);
  assert.equal(sumDecimal(doc.projects.map((p) => p.budget)), doc.total);
});

test("seed: project columns", () => {
  const { value: doc } = readText(readFileSync(SEED, "utf8"));
  assert.ok(doc);
  PROJECTS.forEach((want, k) => {
    const p = doc.projects[k]!;
    assert.equal(p.name, want.name);
    assert.equal(p.unitCode, want.unitCode);
    assert.equal(p.unitName, want.unitName);
    assert.equal(p.category, "部门预算项目");
    assert.equal(p.budget, want.budget);
  });
  assert.equal(doc.projects[0]!.goal, "通过对79名退休人员进行体检，完成退休人员体检工作，为退休人员身心健康提供保障。");
  assert.equal(doc.projects[3]!.goal, "呼财发【2020】152号文件《关于财政供养人员体检经费安排和使用的通知》");
});

test("seed: every one of the 59 indicators, field by field", () => {
  const { value: doc } = readText(readFileSync(SEED, "utf8"));
  assert.ok(doc);
  EXPECTED.forEach((rows, k) => {
    const got = doc.projects[k]!.indicators;
    assert.equal(got.length, rows.length, `project ${k} indicator count`);
    rows.forEach((row, i) => {
      const [level1, level2, name, nature, operator, target, unit, weight] = row.split("|");
      const g = got[i]!;
      const at = `project ${k} indicator ${i} (${name})`;
      assert.equal(g.level1, level1, at);
      assert.equal(g.level2, level2, at);
      assert.equal(g.name, name, at);
      assert.equal(g.nature, nature, at);
      assert.equal(g.operator, operator || null, at);
      assert.equal(g.target, target, at);
      assert.equal(g.unit, unit || null, at);
      assert.equal(g.weight, Number(weight), at);
    });
  });
});

test("seed: the repair log says what was repaired", () => {
  const { diagnostics } = readText(readFileSync(SEED, "utf8"));
  const codes = (c: string) => diagnostics.filter((d) => d.code === c);
  // Three repeated header pages dropped.
  assert.deepEqual(
    codes("text.header-repeated").map((d) => d.line),
    [28, 45, 64],
  );
  // 4 cost rows of project 2, one row of project 3 and one of project 4 re-attached.
  assert.deepEqual(
    codes("text.row-reattached").map((d) => d.line),
    [23, 24, 25, 26, 43, 62],
  );
  assert.ok(codes("text.row-reattached").every((d) => d.severity === "info" && /90/.test(d.message)));
  // 产出指标 missing for a whole block: inferred from 成本指标.
  assert.ok(codes("text.level1-inferred").some((d) => d.line === 14));
  // Words split at a line wrap.
  assert.ok(codes("text.split-word-joined").some((d) => d.line === 22 && d.message.includes("满意度指标")));
  // The re-attached row with no printed levels is flagged, not guessed silently.
  const guessed = codes("text.levels-guessed");
  assert.equal(guessed.length, 1);
  assert.equal(guessed[0]!.severity, "warning");
  assert.equal(guessed[0]!.projectIndex, 2);
  assert.equal(codes("text.total-read").length, 1);
  assert.equal(codes("text.footer-read").length, 1);
  assert.equal(diagnostics.filter((d) => d.severity === "error").length, 0);
});
