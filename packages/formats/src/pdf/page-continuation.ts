/**
 * A merged cell cut by a page break, in a print that does not repeat the header: the cell is
 * open at the bottom of page N and goes on at the top of page N+1. Its text belongs to the whole
 * cell, wherever the producer printed it; the ruled grid ends page N's table at its last row line,
 * so text printed below that line is outside the table — a banner row that cut 满意度指标 into
 * 满意度指 and a row "标 度", or a stray 产出指标 between two rows of one project. Such text is
 * given back to the cell it belongs to here (page-join.ts then joins the two parts):
 * - a browser with collapsed borders prints what did not fit in the cell's open tail, right
 *   under the last row line (no margin, as a note below a table has); the next page's first
 *   band is empty in those columns;
 * - calc draws a cut cell's text centred in the whole cell on each page, clipped to the page:
 *   the copy past page N's foot is still in the file, and page N+1's first band prints the same
 *   text (or its end) in those columns; a line the break runs through is printed on both pages,
 *   on page N+1 across the table's top line, above its first band (attachCutHeads).
 */
import type { PageTables } from "./page-sheet.ts";
import type { TextRun } from "./pdf-page.ts";
import { joinPieces, type Piece } from "./place-text.ts";
import type { Table } from "./ruled-grid.ts";

/** The top of a run's glyphs (its baseline less the ascent). */
const top = (r: TextRun) => r.y - r.size * 0.85;

/** Index of the cell of `t` that touches its bottom line and holds the run's whole width, or -1. */
function bottomCell(t: Table, r: TextRun, tol: number): number {
  const last = t.ys.length - 1;
  return t.cells.findIndex((c) => c.r1 === last && r.x >= t.xs[c.c0]! - tol && r.x + r.w <= t.xs[c.c1]! + tol);
}

/**
 * The text the first band of `t` (the last with `foot`) holds across [x0, x1] ("" when its cells
 * there are empty), or null when no cell of it lies there.
 */
function textAtTop(t: Table, texts: (Piece[] | string)[], x0: number, x1: number, foot = false): string | null {
  let out: string | null = null;
  for (let k = 0; k < t.cells.length; k++) {
    const c = t.cells[k]!;
    if (foot ? c.r1 !== t.ys.length - 1 : c.r0 !== 0) continue;
    const a = Math.max(x0, t.xs[c.c0]!);
    const b = Math.min(x1, t.xs[c.c1]!);
    if (b - a < 1) continue;
    const x = texts[k];
    out = (out ?? "") + (typeof x === "string" ? x : x ? joinPieces(x) : "");
  }
  return out === null ? null : bare(out);
}

const bare = (s: string) => s.replace(/\s+/g, "");

/**
 * The pages with the tails of cells cut by a page break moved from the text outside the tables
 * into the cells they continue, and those cells marked in `runOn` (the pages given are not
 * changed). A line below the last table, inside one bottom cell's columns, is that cell's:
 * - when the next page's first band is empty there and the line starts right at the table's
 *   last row line, or right under such a line (the text that did not fit, printed in the open
 *   tail of the cell);
 * - when the next page's first band prints the same text there, wherever the line is (a
 *   producer that draws a cut cell's centred text on each page, clipped to the page: the copy
 *   past the page's edge is still in the file). Text the cell already holds is not added twice.
 * @example attachCutTails(pages)[3].outside.length // the "标 度" under page 4's table gone
 */
export function attachCutTails(pages: PageTables[]): PageTables[] {
  return pages.map((p, i) => {
    const next = pages[i + 1];
    if (!p.tables.length || !p.outside.length || !next?.tables.length) return p;
    const ti = p.tables.reduce((m, t, k) => (t.ys[0]! > p.tables[m]!.ys[0]! ? k : m), 0);
    const t = p.tables[ti]!;
    const bottom = t.ys[t.ys.length - 1]!;
    const nt = next.tables.reduce((m, x) => (x.ys[0]! < m.ys[0]! ? x : m));
    const nTexts = next.texts[next.tables.indexOf(nt)] ?? [];
    const texts = p.texts.map((cells, k) => (k === ti ? cells.map((x) => (Array.isArray(x) ? [...x] : x)) : cells));
    const own = texts[ti]!;
    const cellText = (k: number) => {
      const x = own[k];
      return bare(typeof x === "string" ? x : x ? joinPieces(x) : "");
    };
    const runOn = new Set<number>();
    const gone = new Set<TextRun>();
    const below = p.outside.filter((r) => r.y > bottom).sort((a, b) => a.y - b.y || a.x - b.x);
    let edge = bottom;
    for (let j = 0; j < below.length; ) {
      const line = below.filter((r) => Math.abs(r.y - below[j]!.y) < Math.max(1.5, r.size * 0.35));
      j = below.indexOf(line[line.length - 1]!) + 1;
      const cells = line.map((r) => bottomCell(t, r, 1));
      if (cells.some((k) => k < 0)) continue;
      const size = Math.max(...line.map((r) => r.size));
      const touching = Math.min(...line.map(top)) - edge <= size * 0.6;
      const parts = [...new Set(cells)].map((k) => {
        const runs = line.filter((_, n) => cells[n] === k);
        const c = t.cells[k]!;
        return {
          k,
          runs,
          text: bare(runs.map((r) => r.str).join("")),
          next: textAtTop(nt, nTexts, t.xs[c.c0]!, t.xs[c.c1]!),
        };
      });
      const tail = touching && parts.every((q) => q.next === "");
      const copy = parts.every((q) => q.next && q.text && q.next.includes(q.text));
      if (!tail && !copy) continue;
      for (const q of parts) {
        runOn.add(q.k);
        for (const run of q.runs) gone.add(run);
        if (copy && cellText(q.k).includes(q.text)) continue;
        const cell = own[q.k];
        const pieces = q.runs.map((r): Piece => ({ str: r.str, x: r.x, y: r.y, w: r.w, size: r.size }));
        if (Array.isArray(cell)) cell.push(...pieces);
        else own[q.k] = (cell ?? "") + q.runs.map((r) => r.str).join("");
      }
      if (tail) edge = Math.max(...line.map((r) => r.y + r.size * 0.25));
    }
    if (!gone.size) return p;
    const runOnAll = p.tables.map((_, k) => (k === ti ? runOn : new Set<number>()));
    return { ...p, texts, outside: p.outside.filter((r) => !gone.has(r)), runOn: runOnAll };
  });
}

/**
 * The pages with the heads of cells cut by a page break moved from the text outside the tables
 * into the cells they begin: a line of a cut cell's text that the break runs through is printed
 * on both pages, clipped — on page N in the cell's part, on page N+1 across the table's top line,
 * above the first band. Such a line on page N+1, inside one first-band cell's columns, whose text
 * the cell above it on page N ends with, is the first line of that cell's part on page N+1 (so its
 * text starts at the cell's top, and page-join.ts joins the parts).
 */
export function attachCutHeads(pages: PageTables[]): PageTables[] {
  return pages.map((p, i) => {
    const prev = pages[i - 1];
    if (!p.tables.length || !p.outside.length || !prev?.tables.length) return p;
    const ti = p.tables.reduce((m, t, k) => (t.ys[0]! < p.tables[m]!.ys[0]! ? k : m), 0);
    const t = p.tables[ti]!;
    const topLine = t.ys[0]!;
    const pt = prev.tables.reduce((m, x) => (x.ys[0]! > m.ys[0]! ? x : m));
    const pTexts = prev.texts[prev.tables.indexOf(pt)] ?? [];
    const texts = p.texts.map((cells, k) => (k === ti ? cells.map((x) => (Array.isArray(x) ? [...x] : x)) : cells));
    const own = texts[ti]!;
    const gone = new Set<TextRun>();
    const across = p.outside.filter((r) => top(r) < topLine && r.y + r.size * 0.25 > topLine);
    for (const r of across) {
      if (gone.has(r)) continue;
      const line = across.filter((q) => Math.abs(q.y - r.y) < Math.max(1.5, q.size * 0.35));
      const k = t.cells.findIndex((c) => c.r0 === 0 && r.x >= t.xs[c.c0]! - 1 && r.x + r.w <= t.xs[c.c1]! + 1);
      if (k < 0) continue;
      const c = t.cells[k]!;
      const runs = line.filter((q) => q.x >= t.xs[c.c0]! - 1 && q.x + q.w <= t.xs[c.c1]! + 1);
      const text = bare(runs.map((q) => q.str).join(""));
      const above = textAtTop(pt, pTexts, t.xs[c.c0]!, t.xs[c.c1]!, true);
      if (!text || !above?.endsWith(text)) continue;
      const cell = own[k];
      const pieces = runs.map((q): Piece => ({ str: q.str, x: q.x, y: q.y, w: q.w, size: q.size }));
      if (Array.isArray(cell)) cell.push(...pieces);
      else own[k] = runs.map((q) => q.str).join("") + (cell ?? "");
      for (const q of runs) gone.add(q);
    }
    if (!gone.size) return p;
    return { ...p, texts, outside: p.outside.filter((r) => !gone.has(r)) };
  });
}
