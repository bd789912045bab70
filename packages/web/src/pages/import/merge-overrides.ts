/**
 * The column mapping to send with a re-read: the overrides already applied, replaced or
 * extended by the choices made since. A column that every block of a repeated template prints
 * (a form per project) is corrected in all of them, by its header; any other by its place.
 */
import type { ImportColumn, ImportColumnOverride } from "../../api/types.ts";

/** Identity of a column in the wizard: sheet and place. */
export const colId = (c: { sheet?: string; column?: number }) => `${c.sheet ?? ""}#${c.column ?? ""}`;

/**
 * @example mergeOverrides([], [{ sheet: "t", column: 3, header: "考核要求", key: null, how: "name", ref: "", blocks: 1 }],
 *   new Map([["t#3", "target"]])) // [{ sheet: "t", column: 3, key: "target" }]
 */
export function mergeOverrides(
  earlier: readonly ImportColumnOverride[],
  columns: readonly ImportColumn[],
  chosen: ReadonlyMap<string, string | null>,
): ImportColumnOverride[] {
  const out = new Map<string, ImportColumnOverride>();
  const idOf = (o: ImportColumnOverride) => (o.column !== undefined ? colId(o) : `h:${o.header ?? ""}`);
  for (const o of earlier) out.set(idOf(o), o);
  for (const c of columns) {
    const id = colId(c);
    if (!chosen.has(id)) continue;
    const key = chosen.get(id) ?? null;
    if (key === c.key) continue;
    // A column every block of a repeated template prints is corrected in all of them, by its header.
    const o: ImportColumnOverride =
      c.blocks > 1 && c.header ? { header: c.header, key } : { sheet: c.sheet, column: c.column, key };
    out.set(idOf(o), o);
  }
  return [...out.values()];
}
