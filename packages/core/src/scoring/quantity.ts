/**
 * Reads a target or an actual value as an exact number in the indicator's unit: 85, "85",
 * "≥95%", "95%以上", "1,000", "６５", "6.5万元" for an indicator in 元 (converted). Text is read by
 * the vocabulary's cell grammar (model/vocabulary/cell-grammar.ts), as the review and the
 * importers read it. A unit that cannot be converted to the indicator's unit is reported,
 * never silently ignored.
 */
import { Exact } from "../model/exact.ts";
import { moneyUnitOf } from "../model/money.ts";
import { normalizeUnit, parseTargetCell } from "../model/vocabulary/cell-grammar.ts";

export type QuantityResult =
  | { ok: true; value: Exact }
  | { ok: false; reason: "not-numeric" }
  | { ok: false; reason: "unit"; from: string; to: string };

const NOT_NUMERIC: QuantityResult = Object.freeze({ ok: false, reason: "not-numeric" });

/**
 * The value in the indicator's unit: a finite number as is; a cell's number when the cell
 * prints no unit or the indicator's own (or the indicator has none); 元 ↔ 万元 (per the same
 * thing) converted exactly. Dates, deadlines and words are not numeric.
 * @example toIndicatorUnit("6.5万元", "元") // { ok: true, value: Exact 65000 }
 * @example toIndicatorUnit("3项", "人") // { ok: false, reason: "unit", from: "项", to: "人" }
 */
export function toIndicatorUnit(raw: string | number, indicatorUnit: string | null): QuantityResult {
  if (typeof raw === "number") return Number.isFinite(raw) ? { ok: true, value: Exact.from(raw) } : NOT_NUMERIC;
  const cell = parseTargetCell(raw);
  if (cell.number === null) return NOT_NUMERIC;
  // The grammar's number text is plain decimal ASCII, which Exact.parse always reads.
  const value = Exact.parse(cell.number.text)!;
  const u = cell.unit;
  if (u === null || indicatorUnit === null) return { ok: true, value };
  const to = normalizeUnit(indicatorUnit);
  if (u === to) return { ok: true, value };
  const a = moneyUnitOf(u);
  const b = moneyUnitOf(to);
  if (a && b && a.per === b.per)
    return { ok: true, value: value.shift(a.money === b.money ? 0 : a.money === "元" ? -4 : 4) };
  return { ok: false, reason: "unit", from: u, to };
}
