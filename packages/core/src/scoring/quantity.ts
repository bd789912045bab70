/**
 * Reads a target or an actual value as an exact decimal in the indicator's unit: "85", 85,
 * "≥95%", "1,000", "6.5万元" for an indicator in 元 (converted), "７０人". A suffix unit that
 * cannot be converted to the indicator's unit is reported, never silently ignored.
 */
import { asciiDigits, Decimal, moneyUnitOf } from "../model/money.ts";
import { type Fixed, fixedFrom, fixedFromDouble, shiftFixed } from "./fixed-point.ts";

export type QuantityResult =
  | { ok: true; value: Decimal }
  | { ok: false; reason: "not-numeric" }
  | { ok: false; reason: "unit"; from: string; to: string };

const OPERATOR_PREFIX =
  /^(?:≥|≤|>=|<=|=|>|<|＞|＜|＝|大于等于|小于等于|不低于|不高于|不少于|不超过|不多于|大于|小于|等于|达到)\s*/;
const NUMBER_THEN_UNIT = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(.*)$/s;

function normUnit(unit: string): string {
  return unit.replace(/\s+/g, "").replace(/％/g, "%");
}

type Resolved =
  | { ok: true; text: string; shift: number }
  | { ok: false; reason: "not-numeric" }
  | { ok: false; reason: "unit"; from: string; to: string };

/** The number as plain decimal text, and the power of ten that converts it to the indicator's unit. */
function resolve(raw: string | number, indicatorUnit: string | null): Resolved {
  let text: string;
  let unit: string | null;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return { ok: false, reason: "not-numeric" };
    const plain = String(raw);
    text = plain.includes("e") ? new Decimal(raw).toFixed() : plain;
    unit = null;
  } else {
    const m = NUMBER_THEN_UNIT.exec(asciiDigits(raw.trim()).replace(OPERATOR_PREFIX, ""));
    if (!m) return { ok: false, reason: "not-numeric" };
    const u = normUnit(m[2]!);
    if (/\d/.test(u)) return { ok: false, reason: "not-numeric" }; // "2024年12月前完成" is a date, not a quantity
    text = m[1]!.replace(/,/g, "");
    unit = u === "" ? null : u;
  }
  if (unit === null || indicatorUnit === null) return { ok: true, text, shift: 0 };
  const to = normUnit(indicatorUnit);
  if (unit === to) return { ok: true, text, shift: 0 };
  const a = moneyUnitOf(unit);
  const b = moneyUnitOf(to);
  if (a && b && a.per === b.per) return { ok: true, text, shift: a.money === b.money ? 0 : a.money === "元" ? -4 : 4 };
  return { ok: false, reason: "unit", from: unit, to };
}

/**
 * Splits a value into its number and the unit written after it (null when none).
 * @example parseQuantity("≥95%")?.unit // "%"
 */
export function parseQuantity(raw: string | number): { value: Decimal; unit: string | null } | null {
  if (typeof raw === "number") return Number.isFinite(raw) ? { value: new Decimal(raw), unit: null } : null;
  const text = asciiDigits(raw.trim()).replace(OPERATOR_PREFIX, "");
  const m = NUMBER_THEN_UNIT.exec(text);
  if (!m) return null;
  const unit = normUnit(m[2]!);
  if (/\d/.test(unit)) return null; // "2024年12月前完成" is a date, not a quantity
  return { value: new Decimal(m[1]!.replace(/,/g, "")), unit: unit === "" ? null : unit };
}

/**
 * The value in the indicator's unit: same unit or none as is, 元 ↔ 万元 (same "per") converted exactly.
 * @example toIndicatorUnit("6.5万元", "元") // { ok: true, value: Decimal(65000) }
 * @example toIndicatorUnit("3项", "人") // { ok: false, reason: "unit", from: "项", to: "人" }
 */
export function toIndicatorUnit(raw: string | number, indicatorUnit: string | null): QuantityResult {
  const r = resolve(raw, indicatorUnit);
  if (!r.ok) return r;
  const d = new Decimal(r.text);
  return { ok: true, value: r.shift === 0 ? d : d.times(new Decimal(10).pow(r.shift)) };
}

const PLAIN_UNITS = new Map<string, boolean>();

/** A unit that the slow path would leave as is (no spaces, ％, digits or full-width signs). */
function isPlainUnit(unit: string): boolean {
  let plain = PLAIN_UNITS.get(unit);
  if (plain === undefined) {
    plain = unit !== "" && normUnit(unit) === unit && !/\d/.test(unit) && asciiDigits(unit) === unit;
    if (PLAIN_UNITS.size >= 256) PLAIN_UNITS.clear();
    PLAIN_UNITS.set(unit, plain);
  }
  return plain;
}

/**
 * The common cases of toIndicatorUnitFixed without regexes or intermediate strings: a finite
 * number, or ASCII text "[+-]digits[.digits]" optionally followed by exactly the indicator's
 * (plain) unit. Returns undefined when the text is anything else (the caller takes the full
 * path, which gives the same answer for these cases), null when the number does not fit.
 * @example plainFixed("95%", "%") // { n: 95, s: 0 }
 */
export function plainFixed(raw: string | number, indicatorUnit: string | null): Fixed | null | undefined {
  let text: string;
  if (typeof raw === "number") {
    if (Number.isSafeInteger(raw)) return { n: raw + 0, s: 0 };
    if (!Number.isFinite(raw)) return undefined;
    const f = fixedFromDouble(raw);
    if (f !== undefined) return f;
    text = String(raw);
  } else {
    text = raw;
  }
  const len = text.length;
  let i = 0;
  let c = text.charCodeAt(0);
  const neg = c === 45;
  if (neg || c === 43) i = 1;
  let n = 0;
  const intStart = i;
  for (; i < len; i++) {
    c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
  }
  if (i === intStart) return undefined;
  let scale = 0;
  if (i < len && text.charCodeAt(i) === 46) {
    for (i++; i < len; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
      scale++;
    }
    if (scale === 0) return undefined;
  }
  if (i < len) {
    // Only the indicator's own unit may follow; anything else (e, a comma, another unit) goes the full way.
    if (
      typeof raw === "number" ||
      indicatorUnit === null ||
      len - i !== indicatorUnit.length ||
      !text.endsWith(indicatorUnit)
    )
      return undefined;
    if (!isPlainUnit(indicatorUnit)) return undefined;
  }
  if (scale > 15 || !Number.isSafeInteger(n)) return null;
  return { n: neg ? -n : n, s: scale };
}

/**
 * toIndicatorUnitFixed with a fast path for plain numbers ("65", 65, "95%" of a % indicator):
 * the same answer, fewer allocations. `value` is null when it does not fit a safe integer.
 * @example toIndicatorUnitFixedFast("95%", "%") // { ok: true, value: { n: 95, s: 0 } }
 */
export function toIndicatorUnitFixedFast(
  raw: string | number,
  indicatorUnit: string | null,
): { ok: true; value: Fixed | null } | Exclude<QuantityResult, { ok: true }> {
  const f = plainFixed(raw, indicatorUnit);
  return f === undefined ? toIndicatorUnitFixed(raw, indicatorUnit) : { ok: true, value: f };
}

/**
 * As toIndicatorUnit, as an exact safe-integer decimal; `value` is null when it does not fit.
 * @example toIndicatorUnitFixed("25800元", "万元") // { ok: true, value: { n: 25800, s: 4 } }
 */
export function toIndicatorUnitFixed(
  raw: string | number,
  indicatorUnit: string | null,
): { ok: true; value: Fixed | null } | Exclude<QuantityResult, { ok: true }> {
  const r = resolve(raw, indicatorUnit);
  if (!r.ok) return r;
  const f = fixedFrom(r.text);
  return { ok: true, value: f && shiftFixed(f, r.shift) };
}
