/**
 * Not-applicable indicators (不适用) are dropped; when any are, the sum of the remaining
 * (already rounded) indicator scores is scaled by policy indicator total ÷ sum of applicable
 * weights and rounded to 2 decimals, so the indicator part keeps its total.
 */
import { Exact } from "../model/exact.ts";
import { ExactSum } from "../model/exact-sum.ts";
import { text } from "./working-text.ts";

export interface IndicatorPart {
  /** The indicator part's score, 2 decimals. */
  score: Exact;
  /** Sum of the applicable indicators' scores before rescaling. */
  raw: Exact;
  /** Sum of the applicable weights. */
  applicableWeight: Exact;
  /** True when some indicator was dropped and the part was rescaled. */
  rescaled: boolean;
  working: string;
}

/**
 * Sums the indicator scores as the rows print them (a null score: not applicable), rescaling
 * when some are dropped. A row without a weight counts 0 points.
 * @example indicatorPart([{ score: 8, weight: 10 }, { score: null, weight: 10 }], 90).score.toString() // "72"
 */
export function indicatorPart(
  rows: ReadonlyArray<{ score: number | null; weight: number | null }>,
  indicatorTotal: number,
): IndicatorPart {
  return partFromSums(rowSums(rows), indicatorTotal);
}

/** What the indicator part and the weight check add up, in one pass over the rows. */
export interface RowSums {
  /** Every row's weight (rows without one add nothing). */
  weight: Exact;
  /** The applicable rows' scores. */
  raw: Exact;
  /** The applicable rows' weights. */
  applicableWeight: Exact;
  /** Rows not applicable (score null). */
  dropped: number;
}

/**
 * Sums the rows' weights and, over the applicable rows, their scores and weights, exactly.
 * @example rowSums([{ score: 8, weight: 10 }, { score: null, weight: 5 }]).weight.toString() // "15"
 */
export function rowSums(rows: ReadonlyArray<{ score: number | null; weight: number | null }>): RowSums {
  const weight = new ExactSum();
  const raw = new ExactSum();
  const applicableWeight = new ExactSum();
  let dropped = 0;
  for (const r of rows) {
    if (r.weight !== null) weight.add(r.weight);
    if (r.score === null) {
      dropped++;
      continue;
    }
    raw.add(r.score);
    if (r.weight !== null) applicableWeight.add(r.weight);
  }
  return { weight: weight.value(), raw: raw.value(), applicableWeight: applicableWeight.value(), dropped };
}

/**
 * The indicator part from the sums: the applicable scores as they are when nothing was dropped,
 * else rescaled to the policy's total.
 * @example partFromSums(rowSums([{ score: 8, weight: 10 }, { score: null, weight: 10 }]), 90).score.toString() // "72"
 */
export function partFromSums(sums: RowSums, indicatorTotal: number): IndicatorPart {
  const { raw, applicableWeight, dropped } = sums;
  if (dropped === 0) return { score: raw, raw, applicableWeight, rescaled: false, working: text("Σ = ", raw) };
  if (applicableWeight.isZero()) {
    return { score: Exact.ZERO, raw, applicableWeight, rescaled: true, working: "Σ applicable weights = 0 → 0" };
  }
  const total = Exact.from(indicatorTotal);
  const score = raw.times(total).div(applicableWeight, 2);
  return {
    score,
    raw,
    applicableWeight,
    rescaled: true,
    working: text(raw, " × ", total, " ÷ ", applicableWeight, " = ", score),
  };
}
