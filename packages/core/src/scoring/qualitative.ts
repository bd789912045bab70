/**
 * Scoring of a 定性 indicator by its grade: 达成 → [80%, 100%] of the weight (default 100%),
 * 部分达成 → [60%, 80%) (default 60%), 未达成 → [0, 60%) (default 0); the bands are policy
 * settings. A hand-given score must lie inside its grade's band.
 */
import type { Grade } from "../model/document.ts";
import { Exact } from "../model/exact.ts";
import type { GradeBand, ScoringPolicy } from "./policy.ts";
import { text } from "./working-text.ts";

export interface QualitativeScore {
  /** Rounded to 2 decimals. */
  score: Exact;
  working: string;
  /** Set when a given score lay outside the band (the grade's default was used instead). */
  outOfBand?: { given: number; band: string };
}

/**
 * The band of a grade in points for a weight, as [low, high] with high open or closed.
 * @example gradeBandPoints(DEFAULT_SCORING_POLICY.qualitative["部分达成"], Exact.from(10)) // { low: 6, high: 8, highInclusive: false }
 */
export function gradeBandPoints(band: GradeBand, weight: Exact): { low: Exact; high: Exact; highInclusive: boolean } {
  return { low: weight.times(band.min), high: weight.times(band.max), highInclusive: band.maxInclusive };
}

/**
 * Whether a score lies within a grade's band for a weight.
 * @example inGradeBand(Exact.from(7.99), DEFAULT_SCORING_POLICY.qualitative["部分达成"], Exact.from(10)) // true
 */
export function inGradeBand(score: Exact, band: GradeBand, weight: Exact): boolean {
  const { low, high, highInclusive } = gradeBandPoints(band, weight);
  return score.gte(low) && (highInclusive ? score.lte(high) : score.lt(high));
}

function bandText(band: GradeBand, weight: Exact): string {
  const { low, high, highInclusive } = gradeBandPoints(band, weight);
  return text("[", low, ", ", high, highInclusive ? "]" : ")");
}

/**
 * Scores a 定性 indicator from its grade and optional given score.
 * @example scoreQualitative("部分达成", Exact.from(15), undefined, DEFAULT_SCORING_POLICY).score.toString() // "9"
 * @example scoreQualitative("达成", Exact.from(15), 13.5, DEFAULT_SCORING_POLICY).score.toString() // "13.5"
 */
export function scoreQualitative(
  grade: Grade,
  weight: Exact,
  given: number | undefined,
  policy: ScoringPolicy,
): QualitativeScore {
  const band = policy.qualitative[grade];
  const fallback = weight.times(band.default).round(2);
  if (given === undefined) return { score: fallback, working: text(grade, " → ", fallback) };
  // The band is checked on the score as recorded (2 decimals): 7.996 of a [6, 8) band is 8.00, outside.
  const s = Number.isFinite(given) ? Exact.from(given).round(2) : null;
  if (s && inGradeBand(s, band, weight)) {
    return { score: s, working: text(grade, " ", bandText(band, weight), ", 填报 given ", s) };
  }
  const shown = bandText(band, weight);
  return {
    score: fallback,
    working: text(grade, " → ", fallback, " (填报 given ", String(given), " ∉ ", shown, ")"),
    outOfBand: { given, band: shown },
  };
}
