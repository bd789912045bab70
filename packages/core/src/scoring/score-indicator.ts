/**
 * Scores one indicator row of a self-evaluation and reports what is wrong with it: the row's
 * nature picks the rule (定性 → grade bands, 正向/反向 → formulas), missing or unreadable data
 * scores 0 with an error finding, and a missing 偏差原因 is flagged where one is required.
 */
import type { Grade, Indicator, Nature } from "../model/document.ts";
import { Decimal } from "../model/money.ts";
import { type FindingPlace, type ScoringFinding, scoringFinding } from "./finding.ts";
import type { ScoringPolicy } from "./policy.ts";
import { scoreQualitative } from "./qualitative.ts";
import { scoreQuantitative } from "./quantitative.ts";
import { toIndicatorUnit } from "./quantity.ts";

export interface IndicatorScore {
  indicatorIndex: number;
  name: string;
  nature: Nature;
  weight: number;
  target: string;
  unit: string | null;
  actual: string | number | null;
  grade: Grade | null;
  notApplicable: boolean;
  /** Points awarded, 2 decimals; null when not applicable. */
  score: number | null;
  /** How the score was reached. */
  working: string;
  deviationReason: string | null;
}

export interface ScoredIndicator {
  result: IndicatorScore;
  findings: ScoringFinding[];
}

function isBlank(v: string | number | undefined): boolean {
  return v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * Scores one indicator under a policy.
 * @example scoreIndicator({ ...ind, nature: "正向", operator: "≥", target: "70", unit: "人", weight: 9, actual: 65 }, place, DEFAULT_SCORING_POLICY).result.score // 8.36
 */
export function scoreIndicator(ind: Indicator, place: FindingPlace, policy: ScoringPolicy): ScoredIndicator {
  const findings: ScoringFinding[] = [];
  const base = {
    indicatorIndex: place.indicatorIndex ?? 0,
    name: ind.name,
    nature: ind.nature,
    weight: ind.weight,
    target: ind.target,
    unit: ind.unit,
    actual: ind.actual ?? null,
    grade: ind.grade ?? null,
    notApplicable: ind.notApplicable === true,
    deviationReason: ind.deviationReason ?? null,
  };
  if (ind.notApplicable) return { result: { ...base, score: null, working: "不适用 N/A" }, findings };

  const w = new Decimal(ind.weight);
  let score = new Decimal(0);
  let working: string;
  let fromData = false;
  let excess = false;

  if (ind.nature === "定性") {
    if (!ind.grade) {
      findings.push(scoringFinding("score.grade-missing", "error", place));
      working = "无等级 no grade → 0";
    } else {
      const q = scoreQualitative(ind.grade, w, ind.score, policy);
      score = q.score;
      working = q.working;
      fromData = true;
      if (q.outOfBand) {
        findings.push(
          scoringFinding("score.score-out-of-band", "error", place, {
            score: String(q.outOfBand.given),
            grade: ind.grade,
            band: q.outOfBand.band,
            used: q.score.toString(),
          }),
        );
      }
    }
    if (isBlank(ind.actual)) findings.push(scoringFinding("score.actual-missing", "warning", place));
  } else {
    if (ind.score !== undefined) {
      findings.push(scoringFinding("score.score-ignored", "warning", place, { score: String(ind.score) }));
    }
    const target = toIndicatorUnit(ind.target, ind.unit);
    if (!target.ok || target.value.isNegative()) {
      findings.push(scoringFinding("score.target-not-numeric", "error", place, { target: ind.target }));
      working = "目标值无法计分 target unusable → 0";
    } else if (isBlank(ind.actual)) {
      findings.push(scoringFinding("score.actual-missing", "error", place));
      working = "无实际值 no actual → 0";
    } else {
      const actual = toIndicatorUnit(ind.actual!, ind.unit);
      if (!actual.ok) {
        if (actual.reason === "unit") {
          findings.push(scoringFinding("score.actual-unit", "error", place, { from: actual.from, to: actual.to }));
        } else {
          findings.push(scoringFinding("score.actual-not-numeric", "error", place, { actual: String(ind.actual) }));
        }
        working = "实际值无法计分 actual unusable → 0";
      } else {
        const q = scoreQuantitative({
          nature: ind.nature,
          operator: ind.operator,
          target: target.value,
          actual: actual.value,
          weight: w,
        });
        score = q.score;
        working = q.working;
        fromData = true;
        excess =
          ind.nature === "正向" &&
          target.value.isPositive() &&
          !target.value.isZero() &&
          actual.value.gte(target.value.times(policy.deviationExcessRatio));
      }
    }
  }

  if (fromData && isBlank(ind.deviationReason)) {
    if (score.lt(w)) {
      findings.push(
        scoringFinding("score.deviation-reason-missing", "warning", place, {
          why: "below",
          score: score.toString(),
          weight: w.toString(),
        }),
      );
    } else if (excess) {
      findings.push(
        scoringFinding("score.deviation-reason-missing", "warning", place, {
          why: "excess",
          ratio: new Decimal(policy.deviationExcessRatio).times(100).toString(),
        }),
      );
    }
  }
  return { result: { ...base, score: score.toNumber(), working }, findings };
}
