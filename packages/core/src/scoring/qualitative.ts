/**
 * Scoring of a 定性 indicator by its grade: 达成 → [80%, 100%] of the weight (default 100%),
 * 部分达成 → [60%, 80%) (default 60%), 未达成 → [0, 60%) (default 0); the bands are policy
 * settings. A hand-given score must lie inside its grade's band.
 */
import type { Grade } from "../model/document.ts";
import { Decimal } from "../model/money.ts";
import { align, type Fixed, fixedConstant, fixedFrom, fixedText, hundredthsOf, mul } from "./fixed-point.ts";
import type { GradeBand, ScoringPolicy } from "./policy.ts";

export interface QualitativeScore {
  /** Rounded to 2 decimals. */
  score: Decimal;
  working: string;
  /** Set when a given score lay outside the band (the grade's default was used instead). */
  outOfBand?: { given: number; band: string };
}

const r2 = (d: Decimal): Decimal => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/**
 * The band of a grade in points for a weight, as [low, high] with high open or closed.
 * @example gradeBandPoints(DEFAULT_SCORING_POLICY.qualitative["部分达成"], 10) // { low: Decimal(6), high: Decimal(8), highInclusive: false }
 */
export function gradeBandPoints(
  band: GradeBand,
  weight: Decimal.Value,
): { low: Decimal; high: Decimal; highInclusive: boolean } {
  const w = new Decimal(weight);
  return { low: w.times(band.min), high: w.times(band.max), highInclusive: band.maxInclusive };
}

/** Whether a score lies within a grade's band for a weight. */
export function inGradeBand(score: Decimal.Value, band: GradeBand, weight: Decimal.Value): boolean {
  const s = new Decimal(score);
  const { low, high, highInclusive } = gradeBandPoints(band, weight);
  return s.gte(low) && (highInclusive ? s.lte(high) : s.lt(high));
}

function bandText(band: GradeBand, weight: Decimal.Value): string {
  const { low, high, highInclusive } = gradeBandPoints(band, weight);
  return `[${low.toString()}, ${high.toString()}${highInclusive ? "]" : ")"}`;
}

/**
 * Scores a 定性 indicator from its grade and optional given score.
 * @example scoreQualitative("部分达成", 15, undefined, DEFAULT_SCORING_POLICY).score.toString() // "9"
 * @example scoreQualitative("达成", 15, 13.5, DEFAULT_SCORING_POLICY).score.toString() // "13.5"
 */
export function scoreQualitative(
  grade: Grade,
  weight: Decimal.Value,
  given: number | undefined,
  policy: ScoringPolicy,
): QualitativeScore {
  const band = policy.qualitative[grade];
  const w = new Decimal(weight);
  const fallback = r2(w.times(band.default));
  if (given === undefined) {
    return { score: fallback, working: `${grade} → ${fallback.toString()}` };
  }
  // The band is checked on the score as recorded (2 decimals): 7.996 of a [6, 8) band is 8.00, outside.
  const s = Number.isFinite(given) ? r2(new Decimal(given)) : null;
  if (s && inGradeBand(s, band, w)) {
    return { score: s, working: `${grade} ${bandText(band, w)}, 填报 given ${s.toString()}` };
  }
  return {
    score: fallback,
    working: `${grade} → ${fallback.toString()} (填报 given ${given} ∉ ${bandText(band, w)})`,
    outOfBand: { given, band: bandText(band, w) },
  };
}

function times(w: Fixed, fraction: number): Fixed | null {
  const f = fixedConstant(fraction);
  if (!f || w.s + f.s > 15) return null;
  const n = mul(w.n, f.n);
  return n === null ? null : { n, s: w.s + f.s };
}

function cmp(a: Fixed, b: Fixed): number | null {
  const al = align(a, b);
  return al ? Math.sign(al[0] - al[1]) : null;
}

/**
 * The same rules as scoreQualitative on a safe-integer weight: the score in hundredths and the
 * identical working; null when something does not fit (use scoreQualitative then).
 * @example scoreQualitativeFixed("部分达成", { n: 15, s: 0 }, undefined, DEFAULT_SCORING_POLICY)?.hundredths // 900
 */
export function scoreQualitativeFixed(
  grade: Grade,
  weight: Fixed,
  given: number | undefined,
  policy: ScoringPolicy,
): { hundredths: number; working: string; outOfBand?: { given: number; band: string } } | null {
  const band = policy.qualitative[grade];
  const def = times(weight, band.default);
  const fallback = def && hundredthsOf(def);
  if (fallback === null) return null;
  const fallbackText = fixedText({ n: fallback, s: 2 });
  if (given === undefined) return { hundredths: fallback, working: `${grade} → ${fallbackText}` };
  const low = times(weight, band.min);
  const high = times(weight, band.max);
  if (!low || !high) return null;
  const bandStr = `[${fixedText(low)}, ${fixedText(high)}${band.maxInclusive ? "]" : ")"}`;
  if (Number.isFinite(given)) {
    const g = fixedFrom(given);
    const h = g && hundredthsOf(g);
    if (h === null || h === undefined) return null;
    const s: Fixed = { n: h, s: 2 };
    const lo = cmp(s, low);
    const hi = cmp(s, high);
    if (lo === null || hi === null) return null;
    if (lo >= 0 && (band.maxInclusive ? hi <= 0 : hi < 0)) {
      return { hundredths: h, working: `${grade} ${bandStr}, 填报 given ${fixedText(s)}` };
    }
  }
  return {
    hundredths: fallback,
    working: `${grade} → ${fallbackText} (填报 given ${given} ∉ ${bandStr})`,
    outOfBand: { given, band: bandStr },
  };
}
