/**
 * Scoring policies (评分规则): every number of self-evaluation scoring is a setting here, never
 * hard-coded in the arithmetic (DOMAIN.md §4). Three presets ship: `default` (indicators 90 +
 * execution 10, linear), `execution-20` (indicators 80 + execution 20) and `execution-steps`
 * (execution scored in steps: 100% → 10, ≥ 80% → 7, ≥ 60% → 5, else 0), plus `grades-hao` (the
 * default graded 好/较好/一般/差). Optional switches (capRate, zeroTarget, overAchievement) change
 * scoring only when set; absent, scoring is what it always was (docs/SELF-EVALUATION.md).
 */
import type { Grade } from "../model/document.ts";

/** A band of a 定性 grade, as fractions of the indicator's weight. */
export interface GradeBand {
  /** Lowest allowed fraction (inclusive). */
  min: number;
  /** Highest allowed fraction. */
  max: number;
  /** Whether `max` itself is allowed (达成: yes; the others: no). */
  maxInclusive: boolean;
  /** Fraction awarded when no score is given. */
  default: number;
}

/** One step of stepped execution scoring: a rate ≥ `minRate` (percent) earns `points`. */
export interface ExecutionStep {
  minRate: number;
  points: number;
}

export interface ExecutionPolicy {
  /** Points of 预算执行率. */
  weight: number;
  /** When present, execution is scored by the first step whose minRate the rate reaches (sorted high→low). */
  steps?: ExecutionStep[];
  /** When false, a rate above 100% is an error finding (it still scores as 100%). */
  allowOverExecution: boolean;
  /**
   * Switch: whether a rate above 100% is capped at 100% for scoring. Absent or true (today's
   * behaviour): 120% scores as 100%. false: over-execution is scored by its distance from 100%,
   * as 200% − rate (120% scores as 80%; 200% or more as 0). The rate itself is always shown as is.
   */
  capRate?: boolean;
}

/**
 * Switch: how a 正向 indicator whose target is 0 scores. "any-nonnegative" (absent: today's
 * behaviour): full for any actual ≥ 0 (negatives count as 0). "actual-zero-only": full only when
 * the actual is 0, else 0.
 */
export type ZeroTargetRule = "any-nonnegative" | "actual-zero-only";

/**
 * Switch: a 正向 actual beyond `ratio` × its (positive) target. "explain": only a 偏差原因 is
 * required (the ratio replaces deviationExcessRatio). "deduct": the row also loses points by the
 * excess — score = weight × (1 − (actual − ratio × target) ÷ target), never below 0.
 */
export interface OverAchievementPolicy {
  ratio: number;
  mode: "explain" | "deduct";
}

/** Thresholds of the consistency findings (self-evaluation/consistency.ts). */
export interface ConsistencyPolicy {
  /** "High score, low spending": indicator score rate above execution score rate × (1 + this). */
  scoreRateExcess: number;
  /** More than this share of the budget unspent (0.2 = 20%). */
  unspentShare: number;
  /** A 正向 actual at or above this multiple of its target: the target was set too low. */
  targetTooLowRatio: number;
}

/** An overall grade reached at `min` total points. */
export interface TotalGrade {
  min: number;
  grade: string;
}

export interface ScoringPolicy {
  /** Preset or file name, shown in output. */
  name: string;
  /** Points of the indicator part; not-applicable rescaling keeps this total. */
  indicatorTotal: number;
  execution: ExecutionPolicy;
  qualitative: Record<Grade, GradeBand>;
  /** A 正向 actual at or above this multiple of its target needs a deviation reason. */
  deviationExcessRatio: number;
  /** Overall grades, highest threshold first; the last should have min 0. */
  grades: TotalGrade[];
  /** Switch (absent: "any-nonnegative"): a 正向 indicator with target 0. */
  zeroTarget?: ZeroTargetRule;
  /** Switch (absent: explain at deviationExcessRatio): over-achievement beyond a ratio. */
  overAchievement?: OverAchievementPolicy;
  /** Thresholds of the consistency findings (absent: DEFAULT_CONSISTENCY_POLICY). */
  consistency?: ConsistencyPolicy;
}

/** The consistency thresholds used when a policy gives none: 5% relative, 20% unspent, 2 × target. */
export const DEFAULT_CONSISTENCY_POLICY: Readonly<ConsistencyPolicy> = Object.freeze({
  scoreRateExcess: 0.05,
  unspentShare: 0.2,
  targetTooLowRatio: 2,
});

const QUALITATIVE: Record<Grade, GradeBand> = {
  达成: { min: 0.8, max: 1, maxInclusive: true, default: 1 },
  部分达成: { min: 0.6, max: 0.8, maxInclusive: false, default: 0.6 },
  未达成: { min: 0, max: 0.6, maxInclusive: false, default: 0 },
};

const GRADES: TotalGrade[] = [
  { min: 90, grade: "优" },
  { min: 80, grade: "良" },
  { min: 60, grade: "中" },
  { min: 0, grade: "差" },
];

/** The same thresholds under the labels 好/较好/一般/差. */
const GRADES_HAO: TotalGrade[] = [
  { min: 90, grade: "好" },
  { min: 80, grade: "较好" },
  { min: 60, grade: "一般" },
  { min: 0, grade: "差" },
];

/** Grade label schemes by name (a policy file may name one instead of listing grades). */
export const GRADE_SCHEMES: Readonly<Record<string, readonly TotalGrade[]>> = {
  优良中差: GRADES,
  好较好一般差: GRADES_HAO,
};

/** The default policy: indicators 90, execution 10 scored linearly, over-execution an error. */
export const DEFAULT_SCORING_POLICY: ScoringPolicy = {
  name: "default",
  indicatorTotal: 90,
  execution: { weight: 10, allowOverExecution: false },
  qualitative: QUALITATIVE,
  deviationExcessRatio: 1.3,
  grades: GRADES,
};

/** Provinces that weigh execution 20: indicators 80 + execution 20. */
export const EXECUTION_20_SCORING_POLICY: ScoringPolicy = {
  ...DEFAULT_SCORING_POLICY,
  name: "execution-20",
  indicatorTotal: 80,
  execution: { weight: 20, allowOverExecution: false },
};

/** Stepped execution scoring: 100% → 10, ≥ 80% → 7, ≥ 60% → 5, else 0. */
export const EXECUTION_STEPS_SCORING_POLICY: ScoringPolicy = {
  ...DEFAULT_SCORING_POLICY,
  name: "execution-steps",
  execution: {
    weight: 10,
    allowOverExecution: false,
    steps: [
      { minRate: 100, points: 10 },
      { minRate: 80, points: 7 },
      { minRate: 60, points: 5 },
      { minRate: 0, points: 0 },
    ],
  },
};

/** The default policy graded 好 (≥ 90) / 较好 (≥ 80) / 一般 (≥ 60) / 差. */
export const GRADES_HAO_SCORING_POLICY: ScoringPolicy = {
  ...DEFAULT_SCORING_POLICY,
  name: "grades-hao",
  grades: GRADES_HAO,
};

/** The shipped presets by name. */
export const SCORING_PRESETS: Readonly<Record<string, ScoringPolicy>> = {
  default: DEFAULT_SCORING_POLICY,
  "execution-20": EXECUTION_20_SCORING_POLICY,
  "execution-steps": EXECUTION_STEPS_SCORING_POLICY,
  "grades-hao": GRADES_HAO_SCORING_POLICY,
};

/**
 * Looks a preset up by name; null when there is none.
 * @example scoringPreset("execution-20")?.execution.weight // 20
 */
export function scoringPreset(name: string): ScoringPolicy | null {
  return Object.hasOwn(SCORING_PRESETS, name) ? SCORING_PRESETS[name]! : null;
}
