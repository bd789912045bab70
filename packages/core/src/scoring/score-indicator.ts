/**
 * Scores one indicator row of a self-evaluation and reports what is wrong with it: the row's
 * nature picks the rule (定性 → grade bands, 正向/反向 → formulas), missing or unreadable data
 * scores 0 with an error finding, and a missing 偏差原因 is flagged where one is required.
 */
import type { Grade, Indicator, Nature } from "../model/document.ts";
import { Exact } from "../model/exact.ts";
import { type FindingPlace, type ScoringFinding, scoringFinding } from "./finding.ts";
import type { ScoringPolicy } from "./policy.ts";
import { scoreQualitative } from "./qualitative.ts";
import { scoreQuantitative } from "./quantitative.ts";
import { toIndicatorUnit } from "./quantity.ts";

/** One scored row, in the key order of the `--json` output. */
export interface IndicatorScore {
  indicatorIndex: number;
  name: string;
  nature: Nature;
  /** 分值; null when the table prints none (the row cannot be scored). */
  weight: number | null;
  target: string;
  unit: string | null;
  actual: string | number | null;
  grade: Grade | null;
  notApplicable: boolean;
  deviationReason: string | null;
  /** Points awarded, 2 decimals; null when not applicable. */
  score: number | null;
  /** How the score was reached. */
  working: string;
}

export interface ScoredIndicator {
  result: IndicatorScore;
  findings: ScoringFinding[];
}

function isBlank(v: string | number | undefined): boolean {
  return v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The row as output: every field in the documented key order (this literal is its serializer). */
function row(ind: Indicator, indicatorIndex: number, score: number | null, working: string): IndicatorScore {
  return {
    indicatorIndex,
    name: ind.name,
    nature: ind.nature,
    weight: ind.weight ?? null,
    target: ind.target,
    unit: ind.unit,
    actual: ind.actual ?? null,
    grade: ind.grade ?? null,
    notApplicable: ind.notApplicable === true,
    deviationReason: ind.deviationReason ?? null,
    score,
    working,
  };
}

/**
 * Scores one indicator under a policy.
 * @example scoreIndicator({ ...ind, nature: "正向", operator: "≥", target: "70", unit: "人", weight: 9, actual: 65 }, place, DEFAULT_SCORING_POLICY).result.score // 8.36
 */
export function scoreIndicator(ind: Indicator, place: FindingPlace, policy: ScoringPolicy): ScoredIndicator {
  const findings: ScoringFinding[] = [];
  const result = scoreIndicatorInto(ind, place, policy, findings);
  return { result, findings };
}

/** A row scored 0 because its data are missing or unusable (no deviation reason is asked then). */
interface Unusable {
  score: Exact;
  working: string;
}

const unusable = (working: string): Unusable => Object.freeze({ score: Exact.ZERO, working });
const NO_GRADE = unusable("无等级 no grade → 0");
const TARGET_UNUSABLE = unusable("目标值无法计分 target unusable → 0");
const NO_ACTUAL = unusable("无实际值 no actual → 0");
const ACTUAL_UNUSABLE = unusable("实际值无法计分 actual unusable → 0");

/**
 * As scoreIndicator, appending the findings to `findings` instead of returning a list of its own
 * (scoreProject scores every row into one list). `place` is read, never kept.
 * @example scoreIndicatorInto(ind, place, DEFAULT_SCORING_POLICY, findings).score // 8.36
 */
export function scoreIndicatorInto(
  ind: Indicator,
  place: FindingPlace,
  policy: ScoringPolicy,
  findings: ScoringFinding[],
): IndicatorScore {
  const indicatorIndex = place.indicatorIndex ?? 0;
  if (ind.notApplicable) return row(ind, indicatorIndex, null, "不适用 N/A");
  const w = ind.weight;
  if (w === null || w === undefined || !Number.isFinite(w)) {
    findings.push(scoringFinding("score.weight-missing", "error", place));
    return row(ind, indicatorIndex, 0, "无分值 no weight → 0");
  }
  const weight = Exact.from(w);
  const rated =
    ind.nature === "定性"
      ? rateQualitative(ind, weight, place, policy, findings)
      : rateQuantitative(ind, weight, place, policy, findings);
  return row(ind, indicatorIndex, rated.score.toNumber(), rated.working);
}

/**
 * The 偏差原因 check of a row scored from its data: a reason is needed when the score is below the
 * weight, or when a 正向 actual is at or above the policy's ratio of its (positive) target (the
 * over-achievement switch's ratio when set, else deviationExcessRatio).
 */
function checkDeviation(
  ind: Indicator,
  score: Exact,
  weight: Exact,
  /** Target and actual of a 正向 row (null otherwise). */
  target: Exact | null,
  actual: Exact | null,
  place: FindingPlace,
  policy: ScoringPolicy,
  findings: ScoringFinding[],
): void {
  if (!isBlank(ind.deviationReason)) return;
  if (score.lt(weight)) {
    findings.push(
      scoringFinding("score.deviation-reason-missing", "warning", place, {
        why: "below",
        score: String(score.toNumber()),
        weight: weight.toString(),
      }),
    );
    return;
  }
  const ratio = policy.overAchievement?.ratio ?? policy.deviationExcessRatio;
  if (target && actual && target.gt(Exact.ZERO) && actual.gte(target.times(ratio))) {
    findings.push(
      scoringFinding("score.deviation-reason-missing", "warning", place, {
        why: "excess",
        ratio: Exact.from(ratio).times(100).toString(),
      }),
    );
  }
}

function rateQualitative(
  ind: Indicator,
  weight: Exact,
  place: FindingPlace,
  policy: ScoringPolicy,
  findings: ScoringFinding[],
): Unusable {
  let rated: Unusable;
  if (!ind.grade) {
    findings.push(scoringFinding("score.grade-missing", "error", place));
    rated = NO_GRADE;
  } else {
    const q = scoreQualitative(ind.grade, weight, ind.score, policy);
    if (q.outOfBand) {
      findings.push(
        scoringFinding("score.score-out-of-band", "error", place, {
          score: String(q.outOfBand.given),
          grade: ind.grade,
          band: q.outOfBand.band,
          used: String(q.score.toNumber()),
        }),
      );
    }
    rated = q;
  }
  if (isBlank(ind.actual)) findings.push(scoringFinding("score.actual-missing", "warning", place));
  if (rated !== NO_GRADE) checkDeviation(ind, rated.score, weight, null, null, place, policy, findings);
  return rated;
}

function rateQuantitative(
  ind: Indicator,
  weight: Exact,
  place: FindingPlace,
  policy: ScoringPolicy,
  findings: ScoringFinding[],
): Unusable {
  const nature = ind.nature as "正向" | "反向";
  if (ind.score !== undefined) {
    findings.push(scoringFinding("score.score-ignored", "warning", place, { score: String(ind.score) }));
  }
  const target = toIndicatorUnit(ind.target, ind.unit);
  if (!target.ok || target.value.isNegative()) {
    findings.push(scoringFinding("score.target-not-numeric", "error", place, { target: ind.target }));
    return TARGET_UNUSABLE;
  }
  if (isBlank(ind.actual)) {
    findings.push(scoringFinding("score.actual-missing", "error", place));
    return NO_ACTUAL;
  }
  const actual = toIndicatorUnit(ind.actual!, ind.unit);
  if (!actual.ok) {
    if (actual.reason === "unit") {
      findings.push(scoringFinding("score.actual-unit", "error", place, { from: actual.from, to: actual.to }));
    } else {
      findings.push(scoringFinding("score.actual-not-numeric", "error", place, { actual: String(ind.actual) }));
    }
    return ACTUAL_UNUSABLE;
  }
  const q = scoreQuantitative({
    nature,
    operator: ind.operator,
    target: target.value,
    actual: actual.value,
    weight,
    zeroTarget: policy.zeroTarget,
    overAchievement: policy.overAchievement,
  });
  const positive = nature === "正向";
  checkDeviation(
    ind,
    q.score,
    weight,
    positive ? target.value : null,
    positive ? actual.value : null,
    place,
    policy,
    findings,
  );
  return q;
}
