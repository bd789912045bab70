/**
 * Pure edits of a target table in the editor: change a cell (a merged 一级/二级 cell
 * renames its whole block), insert a row into its block, remove a row.
 */
import type { Indicator } from "@jixiao/core/model/document.ts";
import { parseNumber } from "@jixiao/core/model/vocabulary/numbers.ts";
import type { CellField } from "./findings.ts";
import { rowSpans } from "./indicator-tree.ts";

/**
 * A weight cell as typed: empty → null (not filled in); a number as printed ("7.5", "１０",
 * "1,000") through the core vocabulary; anything else NaN, which the review reports.
 * @example weightOf("７.５") // 7.5
 */
export function weightOf(value: string | number | null): number | null {
  if (value === null) return null;
  if (typeof value === "number") return value;
  if (value.trim() === "") return null;
  return parseNumber(value) ?? Number.NaN;
}

export function setCell(
  rows: readonly Indicator[],
  index: number,
  field: CellField,
  value: string | number | null,
): Indicator[] {
  const next = rows.slice();
  if (field === "level1" || field === "level2") {
    const spans = rowSpans(rows);
    const span = field === "level1" ? spans[index]!.level1Span : spans[index]!.level2Span;
    for (let i = index; i < index + Math.max(span, 1); i++) {
      const r = { ...next[i]!, [field]: String(value ?? "") };
      next[i] = r;
    }
    return next;
  }
  const row = { ...next[index]! } as Indicator;
  if (field === "weight") row.weight = weightOf(value);
  else if (field === "operator") row.operator = (value || null) as Indicator["operator"];
  else if (field === "unit") row.unit = value === null || value === "" ? null : String(value);
  else if (field === "nature") {
    row.nature = String(value) as Indicator["nature"];
    if (row.nature === "定性") row.operator = null;
  } else (row as unknown as Record<string, unknown>)[field] = value ?? "";
  next[index] = row;
  return next;
}

/** Inserts `row` after the last row of its 一级/二级 block (or of its 一级, or at the end). */
export function insertRow(rows: readonly Indicator[], row: Indicator): Indicator[] {
  let at = -1;
  rows.forEach((r, i) => {
    if (r.level1 === row.level1 && r.level2 === row.level2) at = i;
  });
  if (at < 0)
    rows.forEach((r, i) => {
      if (r.level1 === row.level1) at = i;
    });
  const next = rows.slice();
  next.splice(at < 0 ? rows.length : at + 1, 0, row);
  return next;
}

export function removeRow(rows: readonly Indicator[], index: number): Indicator[] {
  return rows.filter((_, i) => i !== index);
}

export function blankIndicator(level1: string, level2: string): Indicator {
  return { level1, level2, name: "", nature: "正向", operator: "≥", target: "", unit: null, weight: 0 };
}
