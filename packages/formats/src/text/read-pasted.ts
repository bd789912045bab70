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
import { cellPerLineBlocks, pipeRows, tabRows } from "./text-grid.ts";

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
  let all: AlignedCell[][] = [];
  const moved: { row: number; dropped: number }[] = [];
  let after: string[] = [];
  const asCells = (r: readonly string[]): AlignedCell[] => r.map((text) => ({ text }));
  if (shape === "cell-per-line") {
    // One cell per line: each header's names fix the columns; the cells after it are cut into
    // rows by what they hold (rowspan cells a web copy dropped make rows shorter). What does not
    // fit the last rows (a title) goes to the next table's form.
    const blocks = cellPerLineBlocks(src);
    if (!blocks) return null;
    for (const t of blocks) {
      const before = [...after, ...t.before];
      if (before.length) all.push(asCells(before));
      all.push(asCells(t.header));
      const cut = segmentRows(t.header, t.body, SHEET);
      const base = all.length;
      all.push(...cut.rows);
      moved.push(...cut.moved.map((m) => ({ row: base + m.row, dropped: m.dropped })));
      after = cut.after;
    }
  } else if (shape === "aligned") {
    // Aligned text places cells by position and spreads merged cells itself.
    const rows = alignedRows(src);
    if (!rows?.some((r, i) => i < 200 && isGridHeader(r.map((c) => c.text)))) return null;
    all = rows;
  } else {
    // Rows of cells: each header starts a table whose short rows are realigned under it.
    const rows = rowsOf(src, shape);
    const heads = rows.flatMap((r, i) => (isGridHeader(r) ? [i] : []));
    if (heads.length === 0 || heads[0]! >= 200) return null;
    all = rows.slice(0, heads[0]).map(asCells);
    heads.forEach((hi, k) => {
      all.push(asCells(rows[hi]!));
      const realigned = realignRows(rows[hi]!, rows.slice(hi + 1, heads[k + 1] ?? rows.length), SHEET);
      const base = all.length;
      all.push(...realigned.rows);
      moved.push(...realigned.moved.map((m) => ({ row: base + m.row, dropped: m.dropped })));
    });
  }
  const grid: (GridCell | undefined)[][] = all.map((r) =>
    r.map((c) => (c.merged ? { text: c.text, merged: c.merged } : { text: c.text })),
  );
  const sheet: GridSheet = { name: SHEET, rows: grid, ref: (r, c) => `${SHEET}!${columnName(c)}${r + 1}` };
  return { sheet, moved: moved.map((m) => ({ row: m.row + 1, dropped: m.dropped })), after };
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
