/**
 * Reads a target or an actual value as an exact decimal in the indicator's unit: "85", 85,
 * "≥95%", "1,000", "6.5万元" for an indicator in 元 (converted), "７０人". A suffix unit that
 * cannot be converted to the indicator's unit is reported, never silently ignored.
 */
import { asciiDigits, Decimal, moneyUnitOf } from "../model/money.ts";

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
  const q = parseQuantity(raw);
  if (!q) return { ok: false, reason: "not-numeric" };
  if (q.unit === null || indicatorUnit === null) return { ok: true, value: q.value };
  const to = normUnit(indicatorUnit);
  if (q.unit === to) return { ok: true, value: q.value };
  const a = moneyUnitOf(q.unit);
  const b = moneyUnitOf(to);
  if (a && b && a.per === b.per) {
    if (a.money === b.money) return { ok: true, value: q.value };
    return { ok: true, value: a.money === "元" ? q.value.div(10000) : q.value.times(10000) };
  }
  return { ok: false, reason: "unit", from: q.unit, to };
}
