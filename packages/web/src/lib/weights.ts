/**
 * Live weight totals of a target table, exact (decimal.js through @jixiao/core).
 */
import { sumDecimal } from "@jixiao/core/model/money.ts";

export interface WeightSummary {
  total: number;
  byLevel1: { level1: string; total: number }[];
  /** expected − total; 0 when the table is balanced. */
  missing: number;
}

/**
 * @example weightSummary([{level1:"产出指标", weight: 0.1},{level1:"产出指标", weight: 0.2}], 90).total // 0.3
 */
export function weightSummary(
  indicators: readonly { level1: string; weight: number | null | undefined }[],
  expected = 90,
): WeightSummary {
  const w = (x: number | null | undefined) => (typeof x === "number" && Number.isFinite(x) ? x : 0);
  const total = sumDecimal(indicators.map((i) => w(i.weight)));
  const groups = new Map<string, number[]>();
  for (const i of indicators) {
    const list = groups.get(i.level1) ?? [];
    list.push(w(i.weight));
    groups.set(i.level1, list);
  }
  return {
    total,
    byLevel1: [...groups].map(([level1, ws]) => ({ level1, total: sumDecimal(ws) })),
    missing: sumDecimal([expected, -total]),
  };
}
