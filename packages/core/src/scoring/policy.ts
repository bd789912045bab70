/**
 * Scoring policies (评分规则): every number of self-evaluation scoring is a setting here, never
 * hard-coded in the arithmetic (DOMAIN.md §4). Three presets ship: `default` (indicators 90 +
 * execution 10, linear), `execution-20` (indicators 80 + execution 20) and `execution-steps`
 * (execution scored in steps: 100% → 10, ≥ 80% → 7, ≥ 60% → 5, else 0).
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
}

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

/** The shipped presets by name. */
export const SCORING_PRESETS: Readonly<Record<string, ScoringPolicy>> = {
  default: DEFAULT_SCORING_POLICY,
  "execution-20": EXECUTION_20_SCORING_POLICY,
  "execution-steps": EXECUTION_STEPS_SCORING_POLICY,
};

/**
 * Looks a preset up by name; null when there is none.
 * @example scoringPreset("execution-20")?.execution.weight // 20
 */
export function scoringPreset(name: string): ScoringPolicy | null {
  return Object.hasOwn(SCORING_PRESETS, name) ? SCORING_PRESETS[name]! : null;
}
