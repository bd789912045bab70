/**
 * The text lines of each column of a page without ruling lines, and their blocks: the lines of
 * one cell. Rows set apart by padding (a web page, a word processor's table) leave more than a
 * line step between the lines of two cells of a column, so a block is the lines one line step
 * apart. Rows printed at exactly one line height (a spreadsheet printed without borders: calc)
 * leave no such space: there a cell's line continues on the next one only when it is full (it
 * wrapped: its text nearly as wide as the column's widest line), a short line ends its cell.
 */
import { cutRun } from "./place-text.ts";
import { slot } from "./ruled-grid.ts";
import type { BodyLine } from "./text-spans.ts";

/** One line of text in a column: its baseline and width. */
export interface ColumnLine {
  y: number;
  w: number;
}

export interface Block {
  /** First and last baseline. */
  fb: number;
  lb: number;
}

/** Column → its text lines (pieces cut at the column borders, by first glyph), top to bottom. */
export function columnLines(body: BodyLine[], xs: number[]): ColumnLine[][] {
  const cols: Array<Array<ColumnLine & { x0: number; x1: number }>> = xs.slice(1).map(() => []);
  for (const l of body)
    for (const r of l.runs)
      for (const p of cutRun(r, xs)) {
        const c = slot(xs, p.x + Math.min(p.w, p.size) / 2);
        if (c < 0) continue;
        const ys = cols[c]!;
        const same = ys.find((y) => Math.abs(y.y - p.y) < Math.max(1.5, p.size * 0.35));
        if (!same) ys.push({ y: p.y, w: p.w, x0: p.x, x1: p.x + p.w });
        else {
          same.x0 = Math.min(same.x0, p.x);
          same.x1 = Math.max(same.x1, p.x + p.w);
          same.w = same.x1 - same.x0;
        }
      }
  for (const ys of cols) ys.sort((a, b) => a.y - b.y);
  return cols.map((ys) => ys.map(({ y, w }) => ({ y, w })));
}

/**
 * The line step inside a cell. Padded rows: the usual short step between lines of one column.
 * Tight rows: the shortest step many lines share (a row of one line stands a little more apart than two
 * lines of one cell when the sheet's rows are taller than their text).
 */
export function lineStep(lines: ColumnLine[][], size: number, tight: boolean): number {
  const steps = lines.flatMap((ys) => ys.slice(1).map((y, i) => y.y - ys[i]!.y)).filter((s) => s > size * 0.6);
  const short = steps.filter((s) => s <= size * 1.75).sort((a, b) => a - b);
  if (!short.length) return size * 1.3;
  if (!tight) return short[Math.floor(short.length / 2)]!;
  // (The shortest step many lines share: not two lines of different cells a few points apart.)
  const near = (s: number) => short.filter((t) => t >= s * 0.95 && t <= s * 1.05);
  const common = short.find((s) => s > size * 0.9 && near(s).length >= 2) ?? short[0]!;
  const like = near(common);
  return like[Math.floor(like.length / 2)]!;
}

/**
 * A column's blocks: lines at most `gap` apart, not across `cutAt` (a page break's cut). With
 * `size` (rows printed tight), a line also ends its block unless it is full: within 1.5 em of
 * the column's widest line.
 */
export function blocksOf(ys: ColumnLine[], gap: number, cutAt = Number.NEGATIVE_INFINITY, size?: number): Block[] {
  const out: Block[] = [];
  const widest = Math.max(0, ...ys.map((y) => y.w));
  let prev: ColumnLine | null = null;
  for (const l of ys) {
    const b = out[out.length - 1];
    const wrapped = size === undefined || (prev !== null && prev.w >= widest - size * 1.5);
    if (b && l.y - b.lb <= gap && wrapped && !(b.lb < cutAt && l.y >= cutAt)) b.lb = l.y;
    else out.push({ fb: l.y, lb: l.y });
    prev = l;
  }
  return out;
}

/**
 * Lines below the anchor column's last row (from its lowest line: a wrapped cell beside it makes
 * it taller), on the rows' grid (whole row steps below it), whose text is a one-line block in
 * each column holding it — a row without the anchor's text (a 合计 line under the last
 * indicator), not the centred lines of a merged cell cut by the page's foot (those form blocks
 * of several lines, or sit between the grid's lines). `next`: one row step below (right under it).
 */
export function rowsBelow(blocks: Block[][], rows: Block[], tol: number): Array<Block & { next: boolean }> {
  const pitches = rows
    .slice(1)
    .map((r, i) => r.fb - rows[i]!.lb)
    .sort((a, b) => a - b);
  const step = pitches[Math.floor(pitches.length / 2)];
  const end = rows[rows.length - 1]!;
  const last = Math.max(
    ...blocks
      .flat()
      .filter((b) => b.fb - tol <= end.lb && b.lb + tol >= end.fb)
      .map((b) => b.lb),
  );
  if (!step) return [];
  const ys = [
    ...new Set(
      blocks
        .flat()
        .filter((b) => b.fb > last + step * 0.9)
        .map((b) => b.fb),
    ),
  ].sort((a, b) => a - b);
  const out: Array<Block & { next: boolean }> = [];
  for (const y of ys) {
    const k = Math.round((y - last) / step);
    if (Math.abs(y - last - k * step) > tol) continue;
    const on = blocks.flatMap((col) => col.filter((b) => b.fb - tol <= y && b.lb + tol >= y));
    if (on.length >= 2 && on.every((b) => b.lb - b.fb < tol) && !out.some((r) => Math.abs(r.fb - y) < tol))
      out.push({ fb: y, lb: y, next: k === 1 });
  }
  return out;
}
