/**
 * The one number and money reader of jixiao: every package reads printed numbers through
 * these functions, so "1,234.50", "１２３", "8,827,620.53" and "10000万元" mean the same
 * thing to the importers, the review and scoring.
 *
 * A number is read as its exact decimal text (ASCII digits, no separators) plus its JS value;
 * exact arithmetic (decimal.js) starts from the text, never from the float.
 */
import type { MoneyUnit } from "../document.ts";

const FULLWIDTH_DIGITS = /[０-９．，－＋]/g;

/**
 * Converts full-width digits and signs (０-９ ． ， － ＋) to ASCII.
 * @example asciiDigits("１２３．５") // "123.5"
 */
export function asciiDigits(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff0b && c <= 0xff19) return text.replace(FULLWIDTH_DIGITS, fromFullwidth);
  }
  return text;
}

function fromFullwidth(c: string): string {
  return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
}

/** A number as printed, read exactly. */
export interface ReadNumber {
  /** Canonical ASCII decimal text: sign, digits, at most one point; no separators ("1234.50"). */
  text: string;
  /** The value as a JS number (for comparisons; exact sums start from `text`). */
  value: number;
  /** The characters as printed ("1,234.50", "１２３"). */
  printed: string;
}

function digit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

const isComma = (c: number) => c === 44 || c === 0xff0c;
const isPoint = (c: number) => c === 46 || c === 0xff0e;

/**
 * Reads the number that starts at `from` in `text` (an optional sign, digits with optional
 * thousands separators, an optional decimal part), or null when no digit starts there.
 * Separators count only in groups of three ("1,234" is 1234; "1,23" stops before the comma).
 * @example readNumberAt("≥1,000人", 1) // { text: "1000", value: 1000, printed: "1,000", end: 6 }
 */
export function readNumberAt(text: string, from = 0): (ReadNumber & { end: number }) | null {
  const fast = readPlainAt(text, from);
  if (fast !== undefined) return fast;
  let i = from;
  const len = text.length;
  let sign = "";
  const s0 = text.charCodeAt(i);
  if (s0 === 45 || s0 === 0xff0d || s0 === 0x2212) sign = "-";
  if (sign || s0 === 43 || s0 === 0xff0b) i++;
  if (i >= len || digit(text.charCodeAt(i)) < 0) return null;
  let int = "";
  let groupLen = 0;
  let grouped = false;
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    const d = digit(c);
    if (d >= 0) {
      int += String.fromCharCode(48 + d);
      groupLen++;
      continue;
    }
    if (isComma(c)) {
      // A separator needs 1–3 digits before (first group) or exactly 3 (later), and 3 after.
      const okBefore = grouped ? groupLen === 3 : groupLen >= 1 && groupLen <= 3;
      let after = 0;
      while (after < 4 && digit(text.charCodeAt(i + 1 + after)) >= 0) after++;
      if (okBefore && after === 3) {
        grouped = true;
        groupLen = 0;
        continue;
      }
    }
    break;
  }
  if (grouped && groupLen !== 3) return null;
  let frac = "";
  if (i < len && isPoint(text.charCodeAt(i)) && digit(text.charCodeAt(i + 1)) >= 0) {
    for (i++; i < len; i++) {
      const d = digit(text.charCodeAt(i));
      if (d < 0) break;
      frac += String.fromCharCode(48 + d);
    }
  }
  const canon = sign + int + (frac ? `.${frac}` : "");
  const value = Number(canon);
  if (!Number.isFinite(value)) return null;
  return { text: canon, value: value === 0 ? 0 : value, printed: text.slice(from, i), end: i };
}

/**
 * The common case without building strings: ASCII digits with an optional "-" and one decimal
 * part, followed by anything but a digit, separator or point. undefined: take the full path.
 */
function readPlainAt(text: string, from: number): (ReadNumber & { end: number }) | null | undefined {
  const len = text.length;
  let i = from;
  if (text.charCodeAt(i) === 45) i++;
  const intStart = i;
  while (i < len && isAsciiDigit(text.charCodeAt(i))) i++;
  if (i === intStart) return undefined;
  if (i < len && text.charCodeAt(i) === 46 && isAsciiDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (i < len && isAsciiDigit(text.charCodeAt(i))) i++;
  }
  if (i < len) {
    const c = text.charCodeAt(i);
    if (isComma(c) || isPoint(c) || digit(c) >= 0) return undefined;
  }
  const printed = text.slice(from, i);
  const value = Number(printed);
  if (!Number.isFinite(value)) return null;
  return { text: printed, value: value === 0 ? 0 : value, printed, end: i };
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function trimmed(text: string): string {
  return text.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "");
}

/**
 * Reads a cell that holds exactly one number (surrounding space allowed), exactly.
 * @example readNumber(" 8,827,620.53 ") // { text: "8827620.53", value: 8827620.53, printed: "8,827,620.53" }
 */
export function readNumber(text: string): ReadNumber | null {
  const t = trimmed(text);
  const r = readNumberAt(t, 0);
  if (!r || r.end !== t.length) return null;
  return { text: r.text, value: r.value, printed: r.printed };
}

/**
 * Parses a number as printed: thousands separators, full-width digits, surrounding space.
 * Returns null when the text is not a plain number.
 * @example parseNumber("1,234.50") // 1234.5
 */
export function parseNumber(text: string): number | null {
  return readNumber(text)?.value ?? null;
}

/** An amount of money as printed, with the unit it was printed in (null: none printed). */
export interface ReadMoney extends ReadNumber {
  unit: MoneyUnit | null;
}

/**
 * Reads an amount of money: a number with separators, optionally ¥/￥ before and 元/万元
 * after ("10000万元", "8,827,620.53", "56.00", "￥1,100.00元").
 * @example readMoney("10000万元") // { text: "10000", value: 10000, printed: "10000", unit: "万元" }
 */
export function readMoney(text: string): ReadMoney | null {
  let t = trimmed(text);
  if (t.startsWith("¥") || t.startsWith("￥")) t = t.slice(1).trimStart();
  let unit: MoneyUnit | null = null;
  if (t.endsWith("万元")) unit = "万元";
  else if (t.endsWith("元")) unit = "元";
  if (unit) t = t.slice(0, t.length - unit.length).trimEnd();
  const n = readNumber(t);
  return n ? { ...n, unit } : null;
}

/**
 * The money unit a table states on a line of its own or in a header: `金额单位：元`,
 * `单位：万元`, `（单位：万元）`, `预算数（元）`. null when the text states none.
 * @example moneyUnitInText("金额单位：元") // "元"
 */
export function moneyUnitInText(text: string): MoneyUnit | null {
  const t = text.replace(/[\s\u3000]+/g, "");
  const m = /(?:金额|资金|计量)?单位[:：]?(万元|元)(?![\p{L}\d])/u.exec(t);
  if (m) return m[1] as MoneyUnit;
  const p = /[（(](?:单位[:：]?)?(万元|元)[）)]/.exec(t);
  return p ? (p[1] as MoneyUnit) : null;
}
