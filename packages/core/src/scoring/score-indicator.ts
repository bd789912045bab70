/**
 * Scores one indicator row of a self-evaluation and reports what is wrong with it: the row's
 * nature picks the rule (定性 → grade bands, 正向/反向 → formulas), missing or unreadable data
 * scores 0 with an error finding, and a missing 偏差原因 is flagged where one is required.
 */
import type { Grade, Indicator, Nature, Operator } from "../model/document.ts";
import { Decimal } from "../model/money.ts";
import { type FindingPlace, type ScoringFinding, scoringFinding } from "./finding.ts";
import { compareFixed, type Fixed, fixedConstant, fixedFrom, mul } from "./fixed-point.ts";
import type { ScoringPolicy } from "./policy.ts";
import { scoreQualitative, scoreQualitativeFixed } from "./qualitative.ts";
import { scoreQuantitative, scoreQuantitativeFixed } from "./quantitative.ts";
import { plainFixed, toIndicatorUnit, toIndicatorUnitFixed, toIndicatorUnitFixedFast } from "./quantity.ts";

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
  const result = scoreIndicatorInto(ind, place, policy, findings);
  return { result, findings };
}

/**
 * The result row: the fields of IndicatorScore in the key order of the `--json` output, with
 * `working` as an accessor. A row scored by the fast quantitative path keeps no working text:
 * it is rebuilt from the row's own weight, target, actual and unit (and the operator, kept
 * privately) on first read, then kept. JSON.stringify goes through toJSON, which lists every
 * field, `working` included, in the same order as before, so the serialised row is unchanged.
 */
class IndicatorRow implements IndicatorScore {
  indicatorIndex: number;
  name: string;
  nature: Nature;
  weight: number;
  target: string;
  unit: string | null;
  actual: string | number | null;
  grade: Grade | null;
  notApplicable: boolean;
  deviationReason: string | null;
  score: number | null;
  /** The working, or undefined while it is still to be rebuilt from the fields. */
  #working: string | undefined;
  #operator: Operator | null;

  constructor(
    ind: Indicator,
    indicatorIndex: number,
    score: number | null,
    working: string | undefined,
    operator: Operator | null,
  ) {
    this.indicatorIndex = indicatorIndex;
    this.name = ind.name;
    this.nature = ind.nature;
    this.weight = ind.weight;
    this.target = ind.target;
    this.unit = ind.unit;
    this.actual = ind.actual ?? null;
    this.grade = ind.grade ?? null;
    this.notApplicable = ind.notApplicable === true;
    this.deviationReason = ind.deviationReason ?? null;
    this.score = score;
    this.#working = working;
    this.#operator = operator;
  }

  /** How the score was reached. */
  get working(): string {
    let w = this.#working;
    if (w === undefined) {
      w = quantitativeWorking(this.nature, this.#operator, this.target, this.actual, this.unit, this.weight);
      this.#working = w;
    }
    return w;
  }

  set working(value: string) {
    this.#working = value;
  }

  toJSON(): IndicatorScore {
    return {
      indicatorIndex: this.indicatorIndex,
      name: this.name,
      nature: this.nature,
      weight: this.weight,
      target: this.target,
      unit: this.unit,
      actual: this.actual,
      grade: this.grade,
      notApplicable: this.notApplicable,
      deviationReason: this.deviationReason,
      score: this.score,
      working: this.working,
    };
  }
}

/** The working of a row the fast quantitative path scored: the same call again, with its text. */
function quantitativeWorking(
  nature: Nature,
  operator: Operator | null,
  target: string,
  actual: string | number | null,
  unit: string | null,
  weight: number,
): string {
  const a = toIndicatorUnitFixedFast(target, unit);
  const b = toIndicatorUnitFixedFast(actual!, unit);
  const w = fixedFrom(weight);
  const q =
    a.ok && b.ok && a.value && b.value && w && nature !== "定性"
      ? scoreQuantitativeFixed(nature, operator, a.value, b.value, w)
      : null;
  // Unreachable: the row was scored by this same path from these same fields.
  if (!q) throw new Error("jixiao: a quantitative row's working cannot be rebuilt");
  return q.working;
}

function row(
  ind: Indicator,
  indicatorIndex: number,
  score: number | null,
  working: string | undefined,
  operator: Operator | null = null,
): IndicatorScore {
  return new IndicatorRow(ind, indicatorIndex, score, working, operator);
}

/**
 * As scoreIndicator, appending the findings to `findings` instead of returning a list of its own
 * (scoreProject scores thousands of rows into one list). `place` is read, never kept, so a caller
 * may reuse one object for every row.
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

  const wf = fixedFrom(ind.weight);
  /** Score in hundredths (exact integer). */
  let scoreH = 0;
  let working: string | undefined;
  let lazyOperator: Operator | null = null;
  let fromData = false;
  let excess = false;

  if (ind.nature === "定性") {
    if (!ind.grade) {
      findings.push(scoringFinding("score.grade-missing", "error", place));
      working = "无等级 no grade → 0";
    } else {
      const fast = wf && scoreQualitativeFixed(ind.grade, wf, ind.score, policy);
      const q = fast ?? toHundredths(scoreQualitative(ind.grade, new Decimal(ind.weight), ind.score, policy));
      scoreH = q.hundredths;
      working = q.working;
      fromData = true;
      if (q.outOfBand) {
        findings.push(
          scoringFinding("score.score-out-of-band", "error", place, {
            score: String(q.outOfBand.given),
            grade: ind.grade,
            band: q.outOfBand.band,
            used: (scoreH / 100).toString(),
          }),
        );
      }
    }
    if (isBlank(ind.actual)) findings.push(scoringFinding("score.actual-missing", "warning", place));
  } else {
    if (ind.score !== undefined) {
      findings.push(scoringFinding("score.score-ignored", "warning", place, { score: String(ind.score) }));
    }
    // plainFixed answers plain numbers without toIndicatorUnitFixedFast's wrapper object.
    let targetValue = plainFixed(ind.target, ind.unit);
    let targetOk = true;
    if (targetValue === undefined) {
      const t = toIndicatorUnitFixed(ind.target, ind.unit);
      targetOk = t.ok;
      targetValue = t.ok ? t.value : null;
    }
    const targetNegative =
      targetOk && (targetValue ? targetValue.n < 0 : new Decimal(fixedlessText(ind.target, ind.unit)).isNegative());
    if (!targetOk || targetNegative) {
      findings.push(scoringFinding("score.target-not-numeric", "error", place, { target: ind.target }));
      working = "目标值无法计分 target unusable → 0";
    } else if (isBlank(ind.actual)) {
      findings.push(scoringFinding("score.actual-missing", "error", place));
      working = "无实际值 no actual → 0";
    } else {
      const ap = plainFixed(ind.actual!, ind.unit);
      const actual = ap === undefined ? toIndicatorUnitFixed(ind.actual!, ind.unit) : null;
      const actualValue = actual ? (actual.ok ? actual.value : null) : ap!;
      if (actual && !actual.ok) {
        if (actual.reason === "unit") {
          findings.push(scoringFinding("score.actual-unit", "error", place, { from: actual.from, to: actual.to }));
        } else {
          findings.push(scoringFinding("score.actual-not-numeric", "error", place, { actual: String(ind.actual) }));
        }
        working = "实际值无法计分 actual unusable → 0";
      } else {
        const fast =
          targetValue && actualValue && wf
            ? scoreQuantitativeFixed(ind.nature, ind.operator, targetValue, actualValue, wf, false)
            : null;
        const fastExcess =
          fast && targetValue && actualValue
            ? excessFixed(targetValue, actualValue, policy.deviationExcessRatio)
            : null;
        if (fast && fastExcess !== null) {
          scoreH = fast.hundredths;
          working = undefined; // rebuilt on first read (IndicatorRow)
          lazyOperator = ind.operator;
          excess = ind.nature === "正向" && fastExcess;
        } else {
          // Exact decimal.js path for values beyond the safe-integer range.
          const a = (toIndicatorUnit(ind.target, ind.unit) as { value: Decimal }).value;
          const b = (toIndicatorUnit(ind.actual!, ind.unit) as { value: Decimal }).value;
          const w = new Decimal(ind.weight);
          const q = scoreQuantitative({ nature: ind.nature, operator: ind.operator, target: a, actual: b, weight: w });
          scoreH = q.score.times(100).toNumber();
          working = q.working;
          excess = ind.nature === "正向" && a.gt(0) && b.gte(a.times(policy.deviationExcessRatio));
        }
        fromData = true;
      }
    }
  }

  if (fromData && isBlank(ind.deviationReason)) {
    const below = wf ? compareFixed(scoreH, 2, wf.n, wf.s) : null;
    if (below === null ? new Decimal(scoreH).div(100).lt(new Decimal(ind.weight)) : below < 0) {
      findings.push(
        scoringFinding("score.deviation-reason-missing", "warning", place, {
          why: "below",
          score: (scoreH / 100).toString(),
          weight: weightText(ind.weight),
        }),
      );
    } else if (excess) {
      findings.push(
        scoringFinding("score.deviation-reason-missing", "warning", place, {
          why: "excess",
          ratio: percentText(policy.deviationExcessRatio),
        }),
      );
    }
  }
  return row(ind, indicatorIndex, scoreH / 100, working, lazyOperator);
}

/** Decimal#toString of the weight; String(n) is the same text whenever it has no exponent. */
function weightText(weight: number): string {
  if (typeof weight === "number" && Number.isFinite(weight)) {
    const t = String(weight);
    if (!t.includes("e")) return t;
  }
  return new Decimal(weight).toString();
}

let lastRatio: number | undefined;
let lastRatioText = "";

/** ratio × 100 as text, exactly (memoised: one policy ratio for every row). */
function percentText(ratio: number): string {
  if (lastRatio === undefined || !Object.is(ratio, lastRatio)) {
    lastRatioText = new Decimal(ratio).times(100).toString();
    lastRatio = ratio;
  }
  return lastRatioText;
}

function toHundredths(q: { score: Decimal; working: string; outOfBand?: { given: number; band: string } }) {
  return { hundredths: q.score.times(100).toNumber(), working: q.working, outOfBand: q.outOfBand };
}

/** A > 0 and B ≥ ratio × A, exactly; null when it does not fit. */
function excessFixed(target: Fixed, actual: Fixed, ratio: number): boolean | null {
  if (target.n <= 0) return false;
  const r = fixedConstant(ratio);
  const n = r && mul(target.n, r.n);
  if (!r || n === null || target.s + r.s > 15) return null;
  const c = compareFixed(actual.n, actual.s, n, target.s + r.s);
  return c === null ? null : c >= 0;
}

/** The target as a decimal text when it does not fit a safe integer (rare). */
function fixedlessText(target: string, unit: string | null): string {
  const r = toIndicatorUnit(target, unit);
  return r.ok ? r.value.toString() : "0";
}
