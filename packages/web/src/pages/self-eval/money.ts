/**
 * Money and scores as shown: 千分位 grouping on the exact decimal text the server sends (never
 * through a float, so 12345678.10 stays 12,345,678.10), two decimals for money.
 */

/** Groups the integer part of a decimal string or number by thousands; "—" for nothing. */
export function groupThousands(value: number | string | null | undefined, decimals?: number): string {
  if (value === null || value === undefined || value === "") return "—";
  let text =
    typeof value === "number" ? (decimals === undefined ? String(value) : value.toFixed(decimals)) : value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return String(value);
  if (typeof value === "string" && decimals !== undefined) text = padDecimals(text, decimals);
  const negative = text.startsWith("-");
  const [int = "0", frac] = (negative ? text.slice(1) : text).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${frac === undefined ? "" : `.${frac}`}`;
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
