/**
 * Columns of a page without ruling lines: the x ranges where the table's lines leave a gap in
 * common (tolerating a few lines that cross it). A table printed over several pages has the
 * same columns on every page, but each page's gaps differ (its cells hold other texts, so a
 * border drawn at the middle of each page's gap drifts): a gap overlapping an earlier page's is
 * the same border, placed in the middle of what all of them leave blank, and the earlier pages'
 * tables are moved onto it (a position blank on each of them, so what they hold does not change).
 */
import type { Table } from "./ruled-grid.ts";

export interface InkLine {
  runs: Array<{ x: number; w: number; size?: number }>;
  groups: Array<[number, number]>;
}

/** The x range a border may lie in (what every page sharing it leaves blank). */
interface Border {
  lo: number;
  hi: number;
}

/** Each text table's borders, in order, shared between the pages of one printed table. */
const SHARED = new WeakMap<Table, Border[]>();
/** The x ranges the pages sharing these borders print text across (their cells' texts). */
const PRINTED = new WeakMap<Border[], Array<[number, number]>>();

const at = (b: Border) => (b.lo + b.hi) / 2;

/** The gaps of the tabular lines (each a blank x range), the outer edges first and last. */
function gapsOf(body: InkLine[]): Border[] | null {
  const table = body.filter((l) => l.groups.length >= 3);
  const lo = Math.min(...body.flatMap((l) => l.groups.map((g) => g[0])));
  const hi = Math.max(...body.flatMap((l) => l.groups.map((g) => g[1])));
  // (A tenth of a point: calc's small print leaves about a point between a right-aligned number
  // and the next column's text, which a coarser raster may close.)
  const step = 0.1;
  const n = Math.ceil((hi - lo) / step) + 1;
  const ink = new Uint16Array(n);
  // Ink per run (a producer writes each cell's text as its own runs), not per group of runs. A few
  // wide runs may cross a gap (a note across the table); a cell's short text never does.
  const wide = (hi - lo) * 0.25;
  for (const l of body)
    for (const r of l.runs) {
      if (r.w > wide && l.groups.length < 3) continue;
      for (let i = Math.max(0, Math.round((r.x - lo) / step)); i <= Math.round((r.x + r.w - lo) / step) && i < n; i++)
        ink[i]! += r.w > wide ? 1 : 1000;
    }
  const limit = Math.max(0, Math.floor(table.length * 0.05));
  // A gap of 2 pt, less in small print (a sheet fitted to the paper's width: calc's cells leave
  // about a sixth of an em between a cell's text and its neighbour's).
  const sizes = table.flatMap((l) => l.runs.map((r) => r.size ?? 12)).sort((a, b) => a - b);
  const minGap = Math.min(2, (sizes[Math.floor(sizes.length / 2)] ?? 12) * 0.17);
  const out: Border[] = [{ lo: lo - 1, hi: lo - 1 }];
  for (let i = 0; i < n; ) {
    if (ink[i]! <= limit) {
      let j = i;
      while (j < n && ink[j]! <= limit) j++;
      if (i > 0 && j < n && (j - i) * step >= minGap) {
        // Clear of the ink at either end (a border touching it could cut a neighbour's glyph).
        const a = lo + i * step;
        const b = lo + j * step;
        const margin = Math.min((b - a) / 4, 1.5);
        out.push({ lo: a + margin, hi: b - margin });
      }
      i = j;
    } else i++;
  }
  out.push({ lo: hi + 1, hi: hi + 1 });
  return out.length < 4 ? null : out;
}

/**
 * The column borders of a page's table (ascending), aligned with the text table of an earlier
 * page of the same print when most of its borders fall in this page's gaps.
 * @example columnBorders(lines, pages.flatMap((p) => p.tables))
 */
export function columnBorders(body: InkLine[], earlier: Table[]): { xs: number[]; keep(t: Table): void } | null {
  const own = gapsOf(body);
  if (!own) return null;
  const ref = [...earlier].reverse().find((t) => SHARED.has(t));
  const prev = ref ? SHARED.get(ref)! : [];
  // This page's gaps, and what lies beyond its ink (columns it leaves empty at either side).
  const inner = [{ lo: -Infinity, hi: own[0]!.lo }, ...own.slice(1, -1), { lo: own[own.length - 1]!.hi, hi: Infinity }];
  const overlap = (a: Border, b: Border) => Math.min(a.hi, b.hi) - Math.max(a.lo, b.lo);
  // Each earlier border in one of this page's gaps (a gap holding several: columns left empty here).
  const within = prev.slice(1, -1).map((p) => inner.find((g) => overlap(g, p) >= 0));
  let borders = own;
  if (prev.length && within.filter(Boolean).length >= Math.max(2, (prev.length - 2) * 0.5)) {
    // Shared borders narrow to what both leave blank; the outer edges widen to both.
    const left = prev[0]!;
    const right = prev[prev.length - 1]!;
    left.lo = left.hi = Math.min(left.lo, own[0]!.lo);
    right.lo = right.hi = Math.max(right.hi, own[own.length - 1]!.hi);
    const mine: Border[] = [];
    // (A gap of this page's only where the earlier pages print a cell's text across it is no
    // border: the same table has the same columns, this page's texts there are only shorter.)
    const across = (g: Border) => (PRINTED.get(prev) ?? []).some(([a, b]) => a < g.lo && b > g.hi);
    inner.forEach((g, k) => {
      const shared = prev.slice(1, -1).filter((_, j) => within[j] === g);
      for (const p of shared) {
        p.lo = Math.max(p.lo, g.lo);
        p.hi = Math.min(p.hi, g.hi);
      }
      mine.push(...(shared.length ? shared : k > 0 && k < inner.length - 1 && !across(g) ? [g] : []));
    });
    borders = [left, ...mine, right];
    for (const t of earlier) {
      const shared = SHARED.get(t);
      if (shared) t.xs = shared.map(at);
    }
  }
  PRINTED.set(borders, [...(PRINTED.get(prev) ?? []), ...printed(body)]);
  return { xs: borders.map(at), keep: (t) => SHARED.set(t, borders) };
}

/** The x ranges of the table lines' texts (a run of glyphs a cell prints; not a note across the table). */
function printed(body: InkLine[]): Array<[number, number]> {
  const groups = body.filter((l) => l.groups.length >= 3).flatMap((l) => l.groups);
  const lo = Math.min(...groups.map((g) => g[0]));
  const hi = Math.max(...groups.map((g) => g[1]));
  return groups.filter((g) => g[1] - g[0] <= (hi - lo) * 0.25);
}
