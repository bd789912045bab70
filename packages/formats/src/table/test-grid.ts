/**
 * Test helper (not a test): builds grid sheets from compact row descriptions, so layout tests
 * read like the tables they stand for. A cell is its text, or `{ t, rs, cs }` with spans.
 */
import { type GridSheet, gridFromSpans, type SpanCell } from "./grid.ts";

export type CellSpec = string | { t: string; rs?: number; cs?: number };

/**
 * A sheet from rows of cell specs (spans laid out like HTML rowspan/colspan).
 * @example sheetOf([["三级指标", "指标值"], ["到岗率", "≥95%"]]).rows[1][1].text // "≥95%"
 */
export function sheetOf(rows: CellSpec[][], name = "t", before?: string[]): GridSheet {
  const spans: SpanCell[][] = rows.map((r) =>
    r.map((c) => {
      if (typeof c === "string") return { text: c };
      const s: SpanCell = { text: c.t };
      if (c.rs) s.rowSpan = c.rs;
      if (c.cs) s.colSpan = c.cs;
      return s;
    }),
  );
  const sheet = gridFromSpans(name, spans, (r, c) => `${name}!${String.fromCharCode(65 + c)}${r + 1}`);
  if (before) sheet.before = before;
  return sheet;
}
