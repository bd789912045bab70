/**
 * The container-neutral shape of a printed table, as the generator lays it out before a
 * container renders it: paragraphs and tables, each table a rectangular matrix whose master
 * cells carry their row/column spans and whose covered positions are null (what a merged
 * cell hides). HTML, docx, xlsx, CSV, TSV and one-cell-per-line text are all rendered
 * from this, so every container prints the same table.
 */

export interface Cell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  /** The number a spreadsheet cell holds (xlsx writes a numeric cell). */
  num?: number;
}

/** A table row: a master cell, or null where a span from the left or above covers it. */
export type GridRow = (Cell | null)[];

export type Block = { kind: "para"; text: string } | { kind: "table"; rows: GridRow[] };

/** A printed page: what a container renders. */
export interface Printed {
  title: string;
  blocks: Block[];
}

/** Plain text cell. */
export function cell(text: string, extra: Omit<Cell, "text"> = {}): Cell {
  return { text, ...extra };
}

/**
 * Merges runs of equal text in one column (a 一级 printed once over its rows): the first cell
 * of a run gets rowSpan, the rest become null. `sameRun(i)` may forbid a run across a boundary
 * (a new project restarts the 一级 even when the label is equal).
 */
export function mergeColumn(rows: GridRow[], col: number, from: number, to: number, boundary?: (r: number) => boolean) {
  let start = from;
  for (let r = from + 1; r <= to; r++) {
    const a = rows[start]?.[col];
    const b = rows[r]?.[col];
    const same = r < to && a && b && a.text === b.text && a.text !== "" && !(boundary?.(r) ?? false);
    if (same) continue;
    const len = r - start;
    if (len > 1 && a) {
      a.rowSpan = len;
      for (let k = start + 1; k < r; k++) rows[k]![col] = null;
    }
    start = r;
  }
}

/** Makes every row of a table as wide as its widest (spans counted). */
export function tableWidth(rows: GridRow[]): number {
  return rows.reduce((w, r) => Math.max(w, r.length), 0);
}

/**
 * Expands a table into a dense matrix of texts, master text in its top-left position and ""
 * in covered positions: what a spreadsheet's CSV/TSV export prints for merged cells.
 */
export function dense(rows: GridRow[]): string[][] {
  const width = tableWidth(rows);
  return rows.map((r) => Array.from({ length: width }, (_, c) => r[c]?.text ?? ""));
}

/** One paragraph per line: the title and the notes around a table. */
export function para(text: string): Block {
  return { kind: "para", text };
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
