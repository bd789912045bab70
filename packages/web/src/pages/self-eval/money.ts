/**
 * Money and scores as shown: 千分位 grouping (format/money.ts) on the exact decimal text the
 * server sends for advice amounts and funding cells (never through a float, so 12345678.10
 * stays 12,345,678.10), two decimals at least for money.
 */
import { group } from "../../format/money.ts";

/** Groups the integer part of a decimal string or number by thousands; "—" for nothing. */
export function groupThousands(value: number | string | null | undefined, decimals?: number): string {
  if (value === null || value === undefined || value === "") return "—";
  let text =
    typeof value === "number" ? (decimals === undefined ? String(value) : value.toFixed(decimals)) : value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return String(value);
  if (typeof value === "string" && decimals !== undefined) text = padDecimals(text, decimals);
  return group(text);
}

/** Pads (never rounds) a decimal string to at least `decimals` places. */
function padDecimals(text: string, decimals: number): string {
  const [int, frac = ""] = text.split(".");
  if (frac.length >= decimals) return text;
  return `${int}.${frac.padEnd(decimals, "0")}`;
}

/** Money: grouped, at least two decimals. */
export function money(value: number | string | null | undefined): string {
  return groupThousands(value, 2);
}

/** A score as sent (exact text kept), "—" when there is none. */
export function scoreText(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  return String(value);
}
