import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Indicator, Project, TargetDocument } from "./model/document.ts";
import { REVIEW_PRESETS } from "./policy/presets.ts";
import { review } from "./review.ts";
import { FINDING_KEYS } from "./rules/finding.ts";

/** Half-edited cells as an editor may hold them: text, numbers, empties, placeholders. */
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "",
    " ",
    "XX",
    "null",
    "*",
    "70",
    "95%",
    "1,000",
    "2024年12月前完成",
    "有所提高",
    "79名",
    "〔2021〕1号",
    "≥95%",
    "95%以上",
    "＞＝95",
    "≤65万元",
    "12月底前",
  ),
);
const indicator: fc.Arbitrary<Indicator> = fc.record({
  level1: fc.constantFrom("产出指标", "成本指标", "效益指标", "满意度指标", "其他", ""),
  level2: fc.constantFrom("数量指标", "成本指标", "经济成本指标", "社会效益", "服务对象满意度", "x"),
  name: cell,
  nature: fc.constantFrom("定性", "正向", "反向") as fc.Arbitrary<Indicator["nature"]>,
  operator: fc.constantFrom("=", "≥", "≤", ">", "<", null) as fc.Arbitrary<Indicator["operator"]>,
  target: cell,
  unit: fc.oneof(fc.constant(null), fc.constantFrom("人", "%", "万元", "元", "元/人", "元/年", "户", "")),
  weight: fc.oneof(fc.double({ min: -10, max: 100, noNaN: false }), fc.constantFrom(2.5, 10, 0, null)),
});
const project: fc.Arbitrary<Project> = fc.record({
  name: cell,
  unitCode: fc.constant("151001"),
  unitName: fc.constant("单位"),
  category: fc.constant("部门预算项目"),
  budget: fc.oneof(fc.double({ min: -1, max: 1e6, noNaN: false }), fc.constantFrom(0, 7, 4.3)),
  goal: fc.oneof(cell, fc.constant("通过对79名退休人员进行体检。呼财发【2020】152号")),
  indicators: fc.array(indicator, { maxLength: 20 }),
});
const documents: fc.Arbitrary<TargetDocument> = fc.record(
  {
    format: fc.constant("jixiao.targets/1" as const),
    moneyUnit: fc.constantFrom("万元" as const, "元" as const),
    fiscalYear: fc.integer({ min: 2020, max: 2030 }),
    total: fc.double({ min: 0, max: 1e6 }),
    projects: fc.array(project, { maxLength: 4 }),
  },
  { requiredKeys: ["format", "moneyUnit", "projects"] },
);

test("review never throws and every finding points inside the document, under every preset", () => {
  fc.assert(
    fc.property(documents, fc.constantFrom(...Object.values(REVIEW_PRESETS)), (doc, policy) => {
      for (const f of review(doc, policy)) {
        assert.deepEqual(Object.keys(f).sort(), [...FINDING_KEYS].sort());
        assert.ok(f.message.length > 0 && f.messageEn.length > 0);
        if (f.projectIndex !== null) {
          const p = doc.projects[f.projectIndex];
          assert.ok(p, f.code);
          assert.equal(f.project, p.name);
          if (f.indicatorIndex !== null) assert.equal(f.indicator, p.indicators[f.indicatorIndex]?.name, f.code);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test("a document that prints no weights gets one weight finding, whatever else it holds", () => {
  fc.assert(
    fc.property(documents, (doc) => {
      for (const p of doc.projects) for (const ind of p.indicators) ind.weight = null;
      const weight = review(doc).filter((f) => f.code.startsWith("weight."));
      const n = doc.projects.reduce((s, p) => s + p.indicators.length, 0);
      assert.deepEqual(
        weight.map((f) => f.code),
        n > 0 ? ["weight.not-printed"] : [],
      );
    }),
    { numRuns: 200 },
  );
});
