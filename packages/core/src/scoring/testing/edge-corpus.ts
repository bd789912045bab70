/**
 * A deterministic self-evaluation corpus that reaches every branch of scoring: plain and
 * awkward numbers (separators, full-width digits, units to convert, 17-digit doubles, values past
 * the safe-integer range), every nature × operator, zero and negative targets and actuals,
 * given 定性 scores in and out of their band, not-applicable rows, missing data, and policies
 * with uneven constants. The golden test (score-golden.test.ts) pins scoring's JSON on it.
 */
import type { Grade, Indicator, Nature, Operator, Project, TargetDocument } from "../../model/document.ts";
import type { ScoringPolicy } from "../policy.ts";
import { DEFAULT_SCORING_POLICY } from "../policy.ts";

/** A small linear congruential generator: the same numbers on every machine. */
function lcg(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    next,
    pick<T>(xs: readonly T[]): T {
      return xs[Math.floor(next() * xs.length)]!;
    },
    chance(p: number): boolean {
      return next() < p;
    },
  };
}

const NATURES: Nature[] = ["定性", "正向", "正向", "反向"];
const OPERATORS: (Operator | null)[] = ["≥", "≥", "≤", "=", ">", "<", null];
const UNITS: (string | null)[] = ["人", "%", "％", "万元", "元", "元/人", "万元/人", "项", null, " 人 "];
const TARGETS = [
  "70",
  "0",
  "100",
  "85.5",
  "0.001",
  "-5",
  "≥95%",
  "≥ 95",
  "大于等于80",
  "不超过10",
  "1,000",
  "12,345.678",
  "6.5万元",
  "25800元",
  "７０人",
  "95％",
  " 85 ",
  "2024年12月前完成",
  "有效保障",
  "",
  "3项",
  "12345678901234567890",
  "9007199254740993",
  "0.1234567890123456789",
  "1e5",
  "12.",
  "+7",
];
const ACTUALS: (string | number | undefined)[] = [
  65,
  70,
  0,
  -3,
  -0,
  85.5,
  140,
  1.3,
  0.30000000000000004,
  1e21,
  1e-7,
  123456789.12345678,
  9007199254740992,
  1e16,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "65",
  "６５",
  "1,234",
  "6.5万元",
  "25800元",
  "3项",
  "已完成",
  "",
  " ",
  "12345678901234567890",
  "15000000000000000000",
  "≥90%",
  undefined,
];
const WEIGHTS = [9, 10, 5, 2.5, 15, 0.1, 0.3, 1e-7, 0, 7.125, 0.30000000000000004, 1e16, 123456789.5];
const GRADES: (Grade | undefined)[] = ["达成", "达成", "部分达成", "未达成", undefined];
const GIVEN = [undefined, undefined, 9, 13.5, 7.996, 8, 6, 0, -1, 1e20, Number.NaN, 0.1 + 0.2, 12.345];
const BUDGETS = [7, 100, 7.5, 0.01, 0, -1, 1e-7, 0.30000000000000004, 123456789012.34, 1e21, 1e15 + 0.5];
const EXECUTED = [undefined, 0, 6.5, 7, 120, 99.999, -1, 1e-7, 123456789012.34, 1e21, 0.1 + 0.2, 5.000000000000001];

function indicator(r: ReturnType<typeof lcg>, i: number): Indicator {
  const nature = r.pick(NATURES);
  const ind: Indicator = {
    level1: "产出指标",
    level2: "数量指标",
    name: `指标${i}`,
    nature,
    operator: nature === "定性" ? null : r.pick(OPERATORS),
    target: nature === "定性" ? r.pick(["有效保障", "明显改善"]) : r.pick(TARGETS),
    unit: nature === "定性" ? null : r.pick(UNITS),
    weight: r.pick(WEIGHTS),
  };
  if (r.chance(0.05)) ind.notApplicable = true;
  if (nature === "定性") {
    const g = r.pick(GRADES);
    if (g) ind.grade = g;
    const given = r.pick(GIVEN);
    if (given !== undefined) ind.score = g && r.chance(0.5) ? Math.round((ind.weight ?? 0) * 85) / 100 : given;
    const a = r.pick(["已完成", "", undefined]);
    if (a !== undefined) ind.actual = a;
  } else {
    const a = r.pick(ACTUALS);
    if (a !== undefined) ind.actual = a;
    if (r.chance(0.1)) ind.score = r.pick([5, 1.5]);
  }
  if (r.chance(0.5)) ind.deviationReason = r.pick(["原因", "", "  "]);
  return ind;
}

/**
 * `projects` projects of 0–14 indicators each.
 * @example edgeCorpus(1, 10).projects.length // 10
 */
export function edgeCorpus(seed: number, projects: number): TargetDocument {
  const r = lcg(seed);
  const list: Project[] = [];
  for (let p = 0; p < projects; p++) {
    const n = Math.floor(r.next() * 15);
    const indicators: Indicator[] = [];
    for (let i = 0; i < n; i++) indicators.push(indicator(r, i));
    if (r.chance(0.05)) for (const ind of indicators) ind.notApplicable = true;
    const project: Project = {
      name: `项目${p}`,
      unitCode: "151001",
      unitName: "单位",
      category: "部门预算项目",
      budget: r.pick(BUDGETS),
      goal: "",
      indicators,
    };
    const executed = r.pick(EXECUTED);
    if (executed !== undefined) project.executed = executed;
    if (r.chance(0.2)) project.initialBudget = r.pick(BUDGETS);
    list.push(project);
  }
  return { format: "jixiao.targets/1", moneyUnit: "万元", projects: list };
}

/** Policies with uneven constants, beside the shipped presets. */
export const EDGE_POLICIES: readonly ScoringPolicy[] = [
  {
    ...DEFAULT_SCORING_POLICY,
    name: "edge-uneven",
    indicatorTotal: 85.5,
    execution: { weight: 7.5, allowOverExecution: true },
    qualitative: {
      达成: { min: 0.85, max: 1, maxInclusive: true, default: 0.95 },
      部分达成: { min: 0.55, max: 0.85, maxInclusive: false, default: 0.7 },
      未达成: { min: 0, max: 0.55, maxInclusive: false, default: 0.125 },
    },
    deviationExcessRatio: 1.25,
    grades: [
      { min: 60, grade: "中" },
      { min: 89.995, grade: "优" },
      { min: 80, grade: "良" },
      { min: 80, grade: "良2" },
      { min: 0.5, grade: "差" },
    ],
  },
  {
    ...DEFAULT_SCORING_POLICY,
    name: "edge-steps",
    execution: {
      weight: 12.5,
      allowOverExecution: false,
      steps: [
        { minRate: 60, points: 5.25 },
        { minRate: 99.995, points: 15 },
        { minRate: 80, points: 7 },
      ],
    },
    deviationExcessRatio: 2,
  },
];
