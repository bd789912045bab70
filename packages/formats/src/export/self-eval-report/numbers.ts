/**
 * Exact number texts for the reports: money with 千分位 (thousands separators) and at least two
 * decimals, scores with two, rates computed on Exact — never through float arithmetic.
 */
import { Exact, fundingValue } from "@jixiao/core";
import type { Amount } from "./types.ts";

/** Most decimals printed for money (a 万元 amount has at most 6 meaningful ones: 0.000001 万元 = 0.01 元). */
const MAX_MONEY_PLACES = 6;

/**
 * The exact value of an amount, or null when absent or unreadable.
 * @example exactOf("1,234.50")?.toString() // "1234.5"
 */
export function exactOf(v: Amount | Exact): Exact | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Exact) return v;
  const x = fundingValue(v); // core's exact reader: separators and full-width digits allowed
  return x === "bad" ? null : x;
}

/**
 * "1234567.5" → "1,234,567.5": separators in the integer part of plain decimal text.
 * @example groupThousands("-1234567.50") // "-1,234,567.50"
 */
export function groupThousands(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}

/** Decimal places of an exact value (its plain text), capped. */
function placesOf(x: Exact, cap: number): number {
  const t = x.toDecimal().toFixed();
  const dot = t.indexOf(".");
  return dot < 0 ? 0 : Math.min(cap, t.length - dot - 1);
}

/**
 * Money with 千分位 and at least two decimals (more when the amount has them, up to six);
 * "—" when absent, the text as given when it is not a number.
 * @example moneyText(1234567.5) // "1,234,567.50"
 * @example moneyText("12.3456") // "12.3456"
 */
export function moneyText(v: Amount | Exact): string {
  const x = exactOf(v);
  if (x === null) return typeof v === "string" && v.trim() ? v : "—";
  return groupThousands(x.toFixed(Math.max(2, placesOf(x, MAX_MONEY_PLACES))));
}

/**
 * A score with two decimals; "—" when absent.
 * @example scoreText(90.5) // "90.50"
 */
export function scoreText(v: Amount | Exact): string {
  const x = exactOf(v);
  if (x === null) return typeof v === "string" && v.trim() ? v : "—";
  return x.toFixed(2);
}

/**
 * A signed difference with two decimals ("+1.50", "-3.00", "0.00"); "—" when absent.
 * @example signedText(1.5) // "+1.50"
 */
export function signedText(v: Amount | Exact): string {
  const x = exactOf(v);
  if (x === null) return typeof v === "string" && v.trim() ? v : "—";
  const t = x.toFixed(2);
  return x.isNegative() || x.isZero() ? t : `+${t}`;
}

/**
 * executed ÷ full × 100 with two decimals, exactly; null when either is missing or full is not positive.
 * @example rateOf(6.5, 7)?.toString() // "92.86"
 */
export function rateOf(executed: Amount, full: Amount): Exact | null {
  const e = exactOf(executed);
  const f = exactOf(full);
  if (e === null || f === null || f.isNegative() || f.isZero()) return null;
  return e.times(100).div(f, 2);
}

/**
 * A percentage with two decimals ("92.86%"), "—" when absent.
 * @example percentText(92.857) // "92.86%"
 */
export function percentText(v: Exact | number | null): string {
  if (v === null) return "—";
  if (typeof v === "number" && !Number.isFinite(v)) return "—";
  return `${Exact.from(v).toFixed(2)}%`;
}

/**
 * A file size for people: 512 B, 1.5 KB, 2.0 MB.
 * @example sizeText(1536) // "1.5 KB"
 */
export function sizeText(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Exact.from(bytes).div(Exact.from(1024), 1).toFixed(1)} KB`;
  return `${Exact.from(bytes)
    .div(Exact.from(1024 * 1024), 1)
    .toFixed(1)} MB`;
}
