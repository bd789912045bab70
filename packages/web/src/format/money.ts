/**
 * Money as people read it: 千分位, fixed decimals, converted between 万元 and 元 exactly (core's
 * Exact: n × 10^−s, never a float product), and sums that never drift.
 */
import { Exact } from "@jixiao/core/model/exact.ts";

export type MoneyUnit = "万元" | "元";

/** The most decimals a 万元 amount converted from 元 needs (1 元 = 0.0001 万元, 1 分 = 0.000001 万元). */
const MAX_PLACES = 6;

/**
 * An amount in another unit, exactly.
 * @example toUnit(12345.6, "元", "万元").toString() // "1.23456"
 */
export function toUnit(value: number | Exact, from: MoneyUnit, to: MoneyUnit): Exact {
  const x = Exact.from(value);
  if (from === to) return x;
  return x.shift(from === "万元" ? 4 : -4);
}

/**
 * Inserts 千分位 separators into fixed-point text.
 * @example group("-1234567.50") // "-1,234,567.50"
 */
export function group(fixed: string): string {
  const [int = "", frac] = fixed.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${frac === undefined ? "" : `.${frac}`}`;
}

/**
 * Fixed-point text with 千分位: `places` decimals, more (up to 6) only when the exact value has
 * them, so a conversion never hides a 分.
 * @example formatExact(Exact.from(1234.5), 2) // "1,234.50"
 * @example formatExact(Exact.from(1.23456), 2) // "1.23456"
 */
export function formatExact(x: Exact, places = 2): string {
  let p = places;
  while (p < MAX_PLACES && !x.round(p).eq(x)) p++;
  return group(x.toFixed(p));
}

/**
 * An amount stated in `from`, shown in `to`, with 千分位.
 * @example formatMoney(1.2345, "万元", "元") // "12,345.00"
 * @example formatMoney(12000, "元", "万元") // "1.20"
 */
export function formatMoney(value: number | null | undefined, from: MoneyUnit, to: MoneyUnit = from): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return formatExact(toUnit(value, from, to));
}

/**
 * The exact sum of amounts stated in various units, in `to`.
 * @example sumMoney([{ value: 0.1, unit: "万元" }, { value: 0.2, unit: "万元" }], "万元").toString() // "0.3"
 */
export function sumMoney(items: Iterable<{ value: number; unit: MoneyUnit }>, to: MoneyUnit): Exact {
  let acc = Exact.ZERO;
  for (const i of items) if (Number.isFinite(i.value)) acc = acc.plus(toUnit(i.value, i.unit, to));
  return acc;
}

/**
 * A count or a plain number with 千分位 (integers as they are, decimals as given).
 * @example formatNumber(12345) // "12,345"
 */
export function formatNumber(value: number, places?: number): string {
  const x = Exact.from(value);
  return group(places === undefined ? x.toString() : x.toFixed(places));
}

/**
 * An amount as it is (no conversion) with 千分位 and two decimals (more only when it has them).
 * @example formatAmount(1234.5) // "1,234.50"
 */
export function formatAmount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return formatExact(Exact.from(value));
}
