/**
 * A pasted table that is not the printed 表12 (pipes, tabs, one cell per line, pdftotext
 * -layout) → grid sheets → the grid reader, which finds the header by its names and maps the
 * columns whatever their order. Rows whose merged cells a web copy dropped are realigned first.
 */
import type { GridCell, GridSheet } from "../table/grid.ts";
import type { ColumnOverride } from "../table/header.ts";
import { type GridResult, readGrid } from "../table/read-grid.ts";
import { alignedRows } from "./aligned-rows.ts";
import { isGridHeader, SHAPE_WORDS, type TextShape } from "./detect-shape.ts";
import { type AlignedCell, realignRows } from "./realign-rows.ts";
import { segmentRows } from "./segment-cells.ts";
import { textDiagnostic } from "./text-diagnostics.ts";
import { cellPerLineTable, pipeRows, tabRows } from "./text-grid.ts";

const SHEET = "text";

function columnName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Rows of cell texts of a pipe or tab text. */
export function rowsOf(src: string, shape: "pipes" | "tabs"): string[][] {
  return shape === "pipes" ? pipeRows(src) : tabRows(src);
}

/**
 * The grid sheet of a pasted text: its rows, with short rows under the header realigned.
 * null when no row of it is a header (four or more column names).
 * @example textSheet("| 一级指标 | 二级指标 | 三级指标 | 分值 |\n| 产出指标 | 数量指标 | 人数 | 5 |", "pipes")?.sheet.rows.length // 2
 */
export function textSheet(
  src: string,
  shape: Exclude<TextShape, "printed">,
): { sheet: GridSheet; moved: { row: number; dropped: number }[]; after: string[] } | null {
  let all: AlignedCell[][];
  let h: number;
  let moved: { row: number; dropped: number }[] = [];
  let after: string[] = [];
  if (shape === "cell-per-line") {
    // One cell per line: the header's names fix the columns; the cells after it are cut into
    // rows by what they hold (rowspan cells a web copy dropped make rows shorter).
    const t = cellPerLineTable(src);
    if (!t || !isGridHeader(t.header)) return null;
    const cut = segmentRows(t.header, t.body, SHEET);
    const top = t.before.length ? [t.before.map((text) => ({ text }))] : [];
    all = [...top, t.header.map((text) => ({ text })), ...cut.rows];
    h = top.length;
    moved = cut.moved;
    after = cut.after;
  } else if (shape === "aligned") {
    // Aligned text places cells by position and spreads merged cells itself.
    const rows = alignedRows(src);
    h = rows ? rows.findIndex((r, i) => i < 200 && isGridHeader(r.map((c) => c.text))) : -1;
    if (!rows || h < 0) return null;
    all = rows;
  } else {
    const rows = rowsOf(src, shape);
    h = rows.findIndex((r, i) => i < 200 && isGridHeader(r));
    if (h < 0) return null;
    const realigned = realignRows(rows[h]!, rows.slice(h + 1), SHEET);
    all = [...rows.slice(0, h + 1).map((r) => r.map((text) => ({ text }))), ...realigned.rows];
    moved = realigned.moved;
  }
  const grid: (GridCell | undefined)[][] = all.map((r) =>
    r.map((c) => (c.merged ? { text: c.text, merged: c.merged } : { text: c.text })),
  );
  const sheet: GridSheet = { name: SHEET, rows: grid, ref: (r, c) => `${SHEET}!${columnName(c)}${r + 1}` };
  return { sheet, moved: moved.map((m) => ({ row: m.row + h + 2, dropped: m.dropped })), after };
}

/** Options of a pasted-table read: progress, and the user's corrections of the column mapping. */
export interface PastedOptions {
  onProgress?: (fraction: number) => void;
  columns?: readonly ColumnOverride[];
}

/**
 * Reads a pasted table through the grid reader (with how the table was read, for the import
 * wizard); null when the text has no header row (the caller then reads it as printed text and
 * says what it could not find).
 */
export function readPasted(
  src: string,
  shape: Exclude<TextShape, "printed">,
  options: PastedOptions = {},
): GridResult | null {
  const found = textSheet(src, shape);
  if (!found) return null;
  const words = SHAPE_WORDS[shape];
  const diagnostics = [textDiagnostic("text.shape-detected", { shape: words.en, zhShape: words.zh })];
  for (const m of found.moved)
    diagnostics.push(
      textDiagnostic("text.rows-realigned", { row: m.row, dropped: m.dropped }, { cell: `${SHEET}!A${m.row}` }),
    );
  if (found.after.length) diagnostics.push(textDiagnostic("text.after-table-skipped", { text: found.after.join(" ") }));
  const read = readGrid([found.sheet], {
    source: "text",
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.columns ? { columns: options.columns } : {}),
  });
  if (!read.value || read.value.projects.length === 0) return null;
  return { value: read.value, diagnostics: [...diagnostics, ...read.diagnostics], reading: read.reading };
}
