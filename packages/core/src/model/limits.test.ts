import assert from "node:assert/strict";
import { test } from "node:test";
import type { Indicator, Project, TargetDocument } from "./document.ts";
import { LIMITS, limitViolations } from "./limits.ts";

const indicator = (o: Partial<Indicator> = {}): Indicator => ({
  level1: "产出指标",
  level2: "数量指标",
  name: "培训人数",
  nature: "正向",
  operator: "≥",
  target: "100",
  unit: "人",
  weight: 10,
  ...o,
});
const project = (o: Partial<Project> = {}): Project => ({
  name: "职工培训",
  unitCode: "151001",
  unitName: "总工会本级",
  category: "部门预算项目",
  budget: 12.5,
  goal: "完成培训",
  indicators: [indicator()],
  ...o,
});
const doc = (projects: Project[]): TargetDocument => ({ format: "jixiao.targets/1", moneyUnit: "万元", projects });

test("a document inside the limits has no violations", () => {
  assert.deepEqual(limitViolations(doc([project(), project({ budget: 0 })])), []);
});

test("too many indicators, a long name, out-of-range money and weights are named by cell", () => {
  const many = Array.from({ length: LIMITS.indicatorsPerProject + 1 }, () => indicator());
  const v = limitViolations(
    doc([
      project({ indicators: many }),
      project({ name: "名".repeat(LIMITS.nameLength + 1), budget: 1.7e308 }),
      project({ indicators: [indicator(), indicator({ weight: -1, target: "x".repeat(501) })] }),
      project({ budget: Number.NaN }),
    ]),
  );
  const paths = v.map((x) => x.path);
  assert.deepEqual(paths, [
    "projects/0/indicators",
    "projects/1/name",
    "projects/1/budget",
    "projects/2/indicators/1/target",
    "projects/2/indicators/1/weight",
    "projects/3/budget",
  ]);
  assert.equal(v[0]?.found, 501);
  assert.equal(v[0]?.max, 500);
  assert.match(v[3]?.message ?? "", /项目 3 第 2 个指标/);
  assert.match(v[3]?.messageEn ?? "", /project 3, indicator 2/);
});

test("reports at most maxReported violations", () => {
  const bad = Array.from({ length: 50 }, () => project({ budget: -1 }));
  assert.equal(limitViolations(doc(bad), 10).length, 10);
});
