/**
 * 抽评: the finance bureau's score of a sampled project beside the unit's own (issue 17 item 2).
 * Each indicator row and the total are compared; a difference (finance − unit) beyond the
 * tolerance — strictly more than it, in points — is flagged. Exact decimal strings throughout.
 */
import { Exact } from "../model/exact.ts";
import type { ProjectScore } from "../scoring/score-project.ts";

/** Points a score may differ by before it counts: on the total, and on each indicator. */
export interface SpotCheckTolerance {
  total: number;
  indicator: number;
}

/** 5 points on the total, 1 point per indicator. */
export const DEFAULT_SPOT_CHECK_TOLERANCE: Readonly<SpotCheckTolerance> = Object.freeze({ total: 5, indicator: 1 });

export interface SpotCheckDifference {
  /** The indicator's row; null for the total. */
  indicatorIndex: number | null;
  /** Indicator name, or "总分" for the total. */
  name: string;
  /** The unit's score ("" when the row is not applicable or absent on that side). */
  unit: string;
  /** The finance bureau's score ("" likewise). */
  finance: string;
  /** finance − unit (a missing side counts 0). */
  difference: string;
  /** |difference| > tolerance. */
  beyond: boolean;
}

const text = (v: number | null | undefined) => (v === null || v === undefined ? "" : Exact.from(v).toString());
const value = (v: number | null | undefined) => (v === null || v === undefined ? Exact.ZERO : Exact.from(v));

function row(
  indicatorIndex: number | null,
  name: string,
  u: number | null | undefined,
  f: number | null | undefined,
  tolerance: Exact,
): SpotCheckDifference {
  const d = value(f).minus(value(u));
  const abs = d.isNegative() ? d.negated() : d;
  return { indicatorIndex, name, unit: text(u), finance: text(f), difference: d.toString(), beyond: abs.gt(tolerance) };
}

/**
 * The rows of both scores (matched by position) and then the total. A row not applicable on both
 * sides is left out.
 * @example compareSpotCheck(unitScore, financeScore, 5).at(-1) // { indicatorIndex: null, name: "总分", unit: "91.65", finance: "84.5", difference: "-7.15", beyond: true }
 */
export function compareSpotCheck(
  unit: ProjectScore,
  finance: ProjectScore,
  tolerance: number | SpotCheckTolerance = DEFAULT_SPOT_CHECK_TOLERANCE,
): SpotCheckDifference[] {
  const t = typeof tolerance === "number" ? { total: tolerance, indicator: tolerance } : tolerance;
  const perRow = Exact.from(t.indicator);
  const out: SpotCheckDifference[] = [];
  const n = Math.max(unit.indicators.length, finance.indicators.length);
  for (let i = 0; i < n; i++) {
    const u = unit.indicators[i];
    const f = finance.indicators[i];
    if ((u?.score ?? null) === null && (f?.score ?? null) === null) continue;
    out.push(row(i, u?.name ?? f?.name ?? "", u?.score, f?.score, perRow));
  }
  out.push(row(null, "总分", unit.total, finance.total, Exact.from(t.total)));
  return out;
}
