/**
 * Money and numbers with exact decimal arithmetic (decimal.js): no float drift in sums.
 * Values travel as JS numbers with at most a few decimals; every sum, product and
 * conversion goes through Decimal and is rounded at the end.
 */
import { Decimal } from "decimal.js";
import type { MoneyUnit } from "./document.ts";

export { Decimal };

/**
 * Exact sum of decimal numbers.
 * @example sumDecimal([0.1, 0.2]) // 0.3
 */
export function sumDecimal(values: Iterable<number>): number {
  let acc = new Decimal(0);
  for (const v of values) acc = acc.plus(v);
  return acc.toNumber();
}

/**
 * Rounds half away from zero to `places` decimals.
 * @example round(2.675, 2) // 2.68
 */
export function round(value: number | Decimal, places = 2): number {
  return new Decimal(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
}

// The number reader lives in the vocabulary; re-exported here for the money helpers' users.
export { asciiDigits, parseNumber } from "./vocabulary/numbers.ts";

/**
 * Converts an amount between 元 and 万元, exactly.
 * @example convertMoney(12000, "元", "万元") // 1.2
 */
export function convertMoney(value: number, from: MoneyUnit, to: MoneyUnit): number {
  if (from === to) return value;
  return from === "元" ? new Decimal(value).div(10000).toNumber() : new Decimal(value).times(10000).toNumber();
}

/**
 * Formats money with the given number of decimals (2 by default), no separators.
 * @example formatMoney(7) // "7.00"
 */
export function formatMoney(value: number, places = 2): string {
  return new Decimal(value).toFixed(places);
}

/**
 * The money unit a unit of measure is stated in, if any: "万元" → 万元, "元/人" → 元 (per 人).
 * @example moneyUnitOf("元/人") // { money: "元", per: "人" }
 */
export function moneyUnitOf(unit: string | null): { money: MoneyUnit; per: string | null } | null {
  if (!unit) return null;
  const m = /^(万元|元)(?:\/(.+))?$/.exec(unit.replace(/\s+/g, ""));
  if (!m) return null;
  return { money: m[1] as MoneyUnit, per: m[2] ?? null };
}
