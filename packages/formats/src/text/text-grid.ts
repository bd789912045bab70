/**
 * A pasted text → rows of cell texts, per shape (detect-shape.ts):
 * - pipes: `| a | b |` split at the pipes (the frame's outer pipes dropped);
 * - tabs: split at tabs, a quoted cell ("…") may hold tabs and line breaks (spreadsheet copy);
 * - cell-per-line: the header spelled one name per line gives the row width; cells are the
 *   lines (blank separator lines skipped when the copy puts one between cells, a line of only
 *   spaces is an empty cell); the lines before the header form one row (a form above the grid);
 * (Columns aligned by spaces, pdftotext -layout, are read by aligned-rows.ts.)
 * Bounded: at most MAX_ROWS rows and MAX_COLS cells a row.
 */
import { matchHeader } from "@jixiao/core";
import { isGridHeader } from "./detect-shape.ts";

export const MAX_ROWS = 200_000;
export const MAX_COLS = 256;

function lines(src: string): string[] {
  const out = src.split("\n", MAX_ROWS * 4);
  for (let i = 0; i < out.length; i++) if (out[i]!.endsWith("\r")) out[i] = out[i]!.slice(0, -1);
  return out;
}

/**
 * Rows of a pipe table. Outer pipes of `| a | b |` are the frame, not empty cells.
 * @example pipeRows("| a | b |\nc | d") // [["a","b"],["c","d"]]
 */
export function pipeRows(src: string): string[][] {
  const rows: string[][] = [];
  for (const l of lines(src)) {
    if (!/\S/.test(l)) continue;
    const t = l.trim();
    if (t.indexOf("|") < 0) {
      rows.push([t]);
      continue;
    }
    let cells = t.split("|");
    if (t.startsWith("|")) cells = cells.slice(1);
    if (t.endsWith("|") && cells.length > 1) cells = cells.slice(0, -1);
    rows.push(cells.slice(0, MAX_COLS).map((c) => c.trim()));
    if (rows.length >= MAX_ROWS) break;
  }
  return rows;
}

/**
 * Rows of tab-separated text; a cell in double quotes may hold tabs, line breaks and "" quotes.
 * @example tabRows('a\t"b\nc"\td') // [["a","b\nc","d"]]
 */
export function tabRows(src: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = src.length;
  while (i <= n && rows.length < MAX_ROWS) {
    let cell = "";
    if (src[i] === '"') {
      const close = quotedEnd(src, i);
      if (close > 0) {
        cell = src.slice(i + 1, close).replace(/""/g, '"');
        i = close + 1;
      }
    }
    let end = i;
    while (end < n && src[end] !== "\t" && src[end] !== "\n") end++;
    cell += src.slice(i, end);
    if (row.length < MAX_COLS) row.push(cell.replace(/\r$/, "").trim());
    if (end >= n || src[end] === "\n") {
      if (row.some((c) => c !== "")) rows.push(row);
      row = [];
    }
    i = end + 1;
  }
  return rows;
}

/** End of a quoted cell starting at `i` (the closing quote, before a tab, newline or the end), or -1. */
function quotedEnd(src: string, i: number): number {
  for (let j = i + 1; j < src.length && j < i + 100_000; j++) {
    if (src[j] !== '"') continue;
    if (src[j + 1] === '"') {
      j++;
      continue;
    }
    const next = src[j + 1];
    return next === undefined || next === "\t" || next === "\n" || next === "\r" ? j : -1;
  }
  return -1;
}

/**
 * Rows of text with one cell per line, the width taken from the header (four or more header
 * names on consecutive cells). Header names wrapped over two lines (主管部门 / 及编码) are
 * joined when only the pair is a name.
 */
export function cellPerLineRows(src: string): string[][] {
  const blocks = cellPerLineBlocks(src);
  if (!blocks) return [cellsOf(src).filter((c) => c !== "")];
  const rows: string[][] = [];
  for (const t of blocks) {
    if (t.before.length) rows.push(t.before);
    rows.push(t.header);
    const w = t.header.length;
    for (let i = 0; i < t.body.length && rows.length < MAX_ROWS; i += w) rows.push(t.body.slice(i, i + w));
  }
  return rows;
}

/** The cells of a one-cell-per-line text, in order (blank separator lines skipped). */
function cellsOf(src: string): string[] {
  const all = lines(src);
  // A copy that puts a blank line between cells: then a line of only spaces is an empty cell.
  let blank = 0;
  for (const l of all) if (l === "") blank++;
  const separated = blank >= all.length * 0.3;
  const cells: string[] = [];
  for (const l of all) {
    if (separated && l === "") continue;
    cells.push(l.trim());
  }
  if (!separated) while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  joinWrappedNames(cells);
  return cells;
}

/** One table of a one-cell-per-line text: the cells above it (a form, a title), its header, its cells. */
export interface CellBlock {
  before: string[];
  header: string[];
  body: string[];
}

const isName = (c: string) => c !== "" && c.length <= 24 && matchHeader(c) !== null;

/**
 * A one-cell-per-line text split into its tables: each header is a run of consecutive header
 * names that names an indicator grid; a table's cells end where the next table's form begins (the
 * first cell that is a header name: 项目名称, 主管部门及编码 …). null when no header is found.
 */
export function cellPerLineBlocks(src: string): CellBlock[] | null {
  const cells = cellsOf(src);
  const heads: [number, number][] = [];
  for (let i = 0; i < cells.length; ) {
    let j = i;
    while (j < cells.length && isName(cells[j]!)) j++;
    if (j - i >= 3 && isGridHeader(cells.slice(i, j))) heads.push([i, j - i]);
    i = Math.max(j, i + 1);
  }
  if (heads.length === 0) return null;
  const blocks: CellBlock[] = [];
  let before = cells.slice(0, heads[0]![0]).filter((c) => c !== "");
  heads.forEach(([start, len], k) => {
    const end = heads[k + 1]?.[0] ?? cells.length;
    let f = start + len;
    while (f < end && !(k + 1 < heads.length && isName(cells[f]!))) f++;
    blocks.push({
      before: before.slice(0, MAX_COLS * 4),
      header: cells.slice(start, start + len),
      body: cells.slice(start + len, Math.min(f, start + len + MAX_ROWS * len)),
    });
    before = cells.slice(f, end).filter((c) => c !== "");
  });
  return blocks;
}

/** Joins a header name split over two cells (主管部门 / 及编码 → 主管部门及编码). */
function joinWrappedNames(cells: string[]): void {
  for (let i = 0; i + 1 < cells.length; i++) {
    const a = cells[i]!;
    const b = cells[i + 1]!;
    if (!a || !b || a.length + b.length > 16) continue;
    if (matchHeader(a + b) && !matchHeader(b)) cells.splice(i, 2, a + b);
  }
}
