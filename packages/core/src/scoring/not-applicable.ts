/**
 * Not-applicable indicators (不适用) are dropped; when any are, the sum of the remaining
 * (already rounded) indicator scores is scaled by policy indicator total ÷ sum of applicable
 * weights and rounded to 2 decimals, so the indicator part keeps its total.
 */
import { Decimal } from "../model/money.ts";

export interface IndicatorPart {
  /** The indicator part's score, 2 decimals. */
  score: Decimal;
  /** Sum of the applicable indicators' scores before rescaling. */
  raw: Decimal;
  /** Sum of the applicable weights. */
  applicableWeight: Decimal;
  /** True when some indicator was dropped and the part was rescaled. */
  rescaled: boolean;
  working: string;
}

/**
 * Sums the indicator scores, rescaling when some are not applicable.
 * @example indicatorPart([{ score: 8, weight: 10 }, { score: null, weight: 10 }], 90).score.toString() // "72"
 */
export function indicatorPart(
  rows: ReadonlyArray<{ score: Decimal.Value | null; weight: Decimal.Value }>,
  indicatorTotal: Decimal.Value,
): IndicatorPart {
  let raw = new Decimal(0);
  let applicableWeight = new Decimal(0);
  let dropped = 0;
  for (const r of rows) {
    if (r.score === null) {
      dropped++;
      continue;
    }
    raw = raw.plus(r.score);
    applicableWeight = applicableWeight.plus(r.weight);
  }
  return partFromSums(raw, applicableWeight, dropped, indicatorTotal);
}

/**
 * The indicator part from its sums: the applicable scores' sum, the applicable weights' sum and
 * how many rows were dropped (indicatorPart's arithmetic, for callers that sum by other means).
 * @example partFromSums(new Decimal(8), new Decimal(10), 1, 90).score.toString() // "72"
 */
export function partFromSums(
  raw: Decimal,
  applicableWeight: Decimal,
  dropped: number,
  indicatorTotal: Decimal.Value,
): IndicatorPart {
  if (dropped === 0) return { score: raw, raw, applicableWeight, rescaled: false, working: `Σ = ${raw.toString()}` };
  if (applicableWeight.isZero()) {
    return { score: new Decimal(0), raw, applicableWeight, rescaled: true, working: "Σ applicable weights = 0 → 0" };
  }
  const total = new Decimal(indicatorTotal);
  const score = raw.times(total).div(applicableWeight).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return {
    score,
    raw,
    applicableWeight,
    rescaled: true,
    working: `${raw.toString()} × ${total.toString()} ÷ ${applicableWeight.toString()} = ${score.toString()}`,
  };
}
