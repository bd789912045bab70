/**
 * Glyph runs → cells. A run that crosses a cell border (producers join a line's text into one
 * run) is cut there, by estimated glyph widths (ideographs 1 em, others ½ em, scaled to the
 * run's width). Each piece lands in the cell holding the middle of its first glyph's box; a
 * cell's text is its lines top to bottom (a wrapped cell), each line left to right.
 */
import type { TextRun } from "./pdf-page.ts";
import { slot, type Table } from "./ruled-grid.ts";

export interface Piece {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

const WIDE = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Cuts a run at the given x positions (ascending), keeping glyphs whole. */
export function cutRun(run: TextRun, cuts: number[]): Piece[] {
  const inside = cuts.filter((x) => x > run.x + 0.5 && x < run.x + run.w - 0.5);
  const chars = Array.from(run.str);
  if (inside.length === 0 || chars.length < 2) return [{ str: run.str, x: run.x, y: run.y, w: run.w, size: run.size }];
  const units = chars.map((c) => (WIDE.test(c) ? 1 : 0.5));
  const total = units.reduce((a, b) => a + b, 0);
  const scale = run.w / total;
  const out: Piece[] = [];
  let x = run.x;
  let cur: Piece | null = null;
  let k = 0;
  for (let i = 0; i < chars.length; i++) {
    const w = units[i]! * scale;
    const mid = x + w / 2;
    while (k < inside.length && inside[k]! <= mid) {
      k++;
      if (cur) out.push(cur);
      cur = null;
    }
    if (!cur) cur = { str: "", x, y: run.y, w: 0, size: run.size };
    cur.str += chars[i];
    cur.w += w;
    x += w;
  }
  if (cur) out.push(cur);
  return out.filter((p) => p.str.trim());
}

/** Joins the pieces of one cell: lines by baseline, a space where a line has a wide gap. */
export function joinPieces(pieces: Piece[]): string {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Piece[][] = [];
  for (const p of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - p.y) < Math.max(1.5, p.size * 0.35)) line.push(p);
    else lines.push([p]);
  }
  let out = "";
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let text = "";
    let end = -Infinity;
    for (const p of line) {
      if (text && p.x - end > p.size * 0.3) text += " ";
      text += p.str;
      end = p.x + p.w;
    }
    text = text.trim();
    // A wrapped line continues the word, except between two Latin words.
    if (out && /[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(text)) out += " ";
    out += text;
  }
  return out;
}

/** Where the middle of a piece's first glyph lies (the glyph box is above the baseline). */
function anchor(p: Piece): [number, number] {
  const first = Array.from(p.str)[0] ?? "";
  const w = Math.min(p.w, (WIDE.test(first) ? 1 : 0.5) * p.size);
  return [p.x + w / 2, p.y - p.size * 0.35];
}

/**
 * Text a page clips away: a merged cell cut by the page break prints its text centred in the
 * whole cell, so lines of it fall below the table, wrapped to the cell's width. A run just
 * below a table (within forty lines), lying inside the columns of a bottom cell that spans
 * several rows, is such a line. On a page continuing a table (`above`), lines above the table
 * that fit inside one of its columns are the other end of such a cell.
 */
function overflow(run: TextRun, tables: Table[], above: boolean): boolean {
  return tables.some((t) => {
    if (above && run.y < t.ys[0]! && run.y > t.ys[0]! - run.size * 40) {
      const c0 = slot(t.xs, run.x + 0.5);
      return c0 >= 0 && c0 === slot(t.xs, run.x + run.w - 0.5);
    }
    const bottom = t.ys[t.ys.length - 1]!;
    if (run.y < bottom || run.y > bottom + run.size * 40) return false;
    const R = t.ys.length - 1;
    const c0 = slot(t.xs, run.x + 0.5);
    const c1 = slot(t.xs, run.x + run.w - 0.5);
    if (c0 < 0 || c1 < 0) return false;
    const cell = t.cells[t.owner[R - 1]![c0]!]!;
    return cell.r1 - cell.r0 > 1 && c1 < cell.c1;
  });
}

/**
 * Puts each run in the cell of the table containing it. Returns each table's cell texts
 * (by cell index) and the runs that fell outside every table. A run whose glyphs cross a
 * table's top or bottom border (a merged cell cut by a page break prints its text centred in
 * the whole cell, so half of it falls beyond the page's part) goes to the edge cell below or
 * above it when that cell is otherwise empty.
 */
export function placeRuns(
  runs: TextRun[],
  tables: Table[],
  clipAbove = false,
): { texts: Piece[][][]; outside: TextRun[] } {
  const texts = tables.map((t) => t.cells.map((): Piece[] => []));
  const outside: TextRun[] = [];
  const edge: Array<{ run: TextRun; ti: number; r: number }> = [];
  const put = (run: TextRun, ti: number, rowAt?: number) => {
    const t = tables[ti]!;
    for (const p of cutRun(run, t.xs)) {
      const [ax, ay] = anchor(p);
      const c = slot(t.xs, ax);
      const r = rowAt ?? slot(t.ys, ay);
      if (c < 0 || r < 0) continue;
      texts[ti]![t.owner[r]![c]!]!.push(p);
    }
  };
  for (const run of runs) {
    const [, cy] = anchor(run);
    const across = (t: Table) => run.x + run.w > t.xs[0]! && run.x < t.xs[t.xs.length - 1]!;
    const ti = tables.findIndex((t) => cy >= t.ys[0]! && cy < t.ys[t.ys.length - 1]! && across(t));
    if (ti >= 0) {
      put(run, ti);
      continue;
    }
    const top = run.y - run.size * 0.85;
    const bottom = run.y + run.size * 0.1;
    const ei = tables.findIndex(
      (t) =>
        across(t) &&
        ((top < t.ys[0]! && bottom > t.ys[0]!) || (top < t.ys[t.ys.length - 1]! && bottom > t.ys[t.ys.length - 1]!)),
    );
    if (ei >= 0) {
      const t = tables[ei]!;
      edge.push({ run, ti: ei, r: top < t.ys[0]! && bottom > t.ys[0]! ? 0 : t.ys.length - 2 });
    } else outside.push(run);
  }
  // Clipped lines: every run of the line inside one spanning cell's columns (a page footer
  // centred under a column crosses its borders and stays).
  const lineKey = (r: TextRun) => Math.round(r.y * 2);
  const keep = new Set<number>();
  for (const r of outside) if (!overflow(r, tables, clipAbove)) keep.add(lineKey(r));
  const kept = outside.filter((r) => keep.has(lineKey(r)));
  outside.length = 0;
  outside.push(...kept);
  for (const e of edge) {
    const t = tables[e.ti]!;
    const [ax] = anchor(e.run);
    const c = slot(t.xs, ax);
    if (c >= 0 && texts[e.ti]![t.owner[e.r]![c]!]!.length === 0) put(e.run, e.ti, e.r);
    else outside.push(e.run);
  }
  return { texts, outside };
}
