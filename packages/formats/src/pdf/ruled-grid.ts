/**
 * Ruling lines → tables of cells. Collinear pieces are joined into lines; lines that cross
 * form a table; the distinct x of its vertical lines and y of its horizontal lines cut it into
 * fine cells, and two neighbouring fine cells belong to one (merged) cell when the border
 * between them is not drawn. Works on points (vector PDFs) and on pixels (scanned pages) alike.
 */
import type { Segment } from "./pdf-page.ts";

export interface Cell {
  /** Fine rows r0 ≤ r < r1 and columns c0 ≤ c < c1 the cell covers. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Table {
  /** Column borders (ascending) and row borders (ascending, top first). */
  xs: number[];
  ys: number[];
  cells: Cell[];
  /** owner[r][c]: index in `cells` of the cell covering fine cell (r, c). */
  owner: number[][];
}

/** Sorts and joins segments on the same line (within `tol`) whose ends meet or overlap. */
export function joinCollinear(segs: Segment[], horizontal: boolean, tol: number): Segment[] {
  const at = (s: Segment) => (horizontal ? s.y0 : s.x0);
  const from = (s: Segment) => (horizontal ? s.x0 : s.y0);
  const to = (s: Segment) => (horizontal ? s.x1 : s.y1);
  const sorted = [...segs].sort((a, b) => at(a) - at(b));
  const groups: Segment[][] = [];
  for (const s of sorted) {
    const g = groups[groups.length - 1];
    if (g && at(s) - at(g[g.length - 1]!) <= tol) g.push(s);
    else groups.push([s]);
  }
  const out: Segment[] = [];
  for (const g of groups) {
    const pos = g.reduce((n, s) => n + at(s), 0) / g.length;
    g.sort((a, b) => from(a) - from(b));
    let lo = from(g[0]!);
    let hi = to(g[0]!);
    const push = () =>
      out.push(horizontal ? { x0: lo, y0: pos, x1: hi, y1: pos } : { x0: pos, y0: lo, x1: pos, y1: hi });
    for (const s of g.slice(1)) {
      if (from(s) <= hi + tol) hi = Math.max(hi, to(s));
      else {
        push();
        lo = from(s);
        hi = to(s);
      }
    }
    push();
  }
  return out;
}

function cluster(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const g = out[out.length - 1];
    if (g && v - g[g.length - 1]! <= tol) g.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/** Lines drawn at `pos` (within tol) cover most of [a, b]? */
function drawn(lines: Segment[], horizontal: boolean, pos: number, a: number, b: number, tol: number): boolean {
  let covered = 0;
  for (const l of lines) {
    if (Math.abs((horizontal ? l.y0 : l.x0) - pos) > tol) continue;
    const lo = Math.max(a, horizontal ? l.x0 : l.y0);
    const hi = Math.min(b, horizontal ? l.x1 : l.y1);
    if (hi > lo) covered += hi - lo;
  }
  return covered >= (b - a) * 0.6;
}

/**
 * The tables a set of horizontal and vertical lines draws (each at least 2 × 2 lines crossing).
 * `tol` is the distance under which two lines count as one (about 2 pt, or 2 px per 72 dpi).
 * @example findTables(page.horizontals, page.verticals, 2).length
 */
export function findTables(horizontals: Segment[], verticals: Segment[], tol: number): Table[] {
  const hs = joinCollinear(horizontals, true, tol);
  const vs = joinCollinear(verticals, false, tol);
  const n = hs.length + vs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < hs.length; i++)
    for (let j = 0; j < vs.length; j++) {
      const h = hs[i]!;
      const v = vs[j]!;
      if (v.x0 >= h.x0 - tol && v.x0 <= h.x1 + tol && h.y0 >= v.y0 - tol && h.y0 <= v.y1 + tol)
        parent[find(parent, i)] = find(parent, hs.length + j);
    }
  const comps = new Map<number, { h: Segment[]; v: Segment[] }>();
  for (let i = 0; i < n; i++) {
    const root = find(parent, i);
    const c = comps.get(root) ?? { h: [], v: [] };
    if (i < hs.length) c.h.push(hs[i]!);
    else c.v.push(vs[i - hs.length]!);
    comps.set(root, c);
  }
  const tables: Table[] = [];
  for (const { h, v } of comps.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const xs = cluster(
      v.map((s) => s.x0),
      tol,
    );
    const ys = cluster(
      h.map((s) => s.y0),
      tol,
    );
    if (xs.length < 2 || ys.length < 2) continue;
    const xs0 = [...xs];
    openEnds(xs, ys, h, true, tol);
    openEnds(ys, xs0, v, false, tol);
    tables.push(cellsOf(xs, ys, h, v, tol));
  }
  return tables.sort((a, b) => a.ys[0]! - b.ys[0]! || a.xs[0]! - b.xs[0]!);
}

/**
 * A table cut by a page break is drawn open at the cut: every one of its column lines runs on
 * past the last row line (a browser with collapsed borders prints the rows continued on the
 * next page without a line above them, or ends the page without one below). Where the lines at
 * every one of the `across` borders run on by more than a stroke, the frame is closed where
 * they end (the median end), so the text in the open row is read as a row of cells and not as
 * text outside the table. (Only some lines running on — a merged cell's sides in a table with
 * separate borders — is not an open frame.)
 */
function openEnds(borders: number[], across: number[], crossing: Segment[], horizontal: boolean, tol: number): void {
  const from = (s: Segment) => (horizontal ? s.x0 : s.y0);
  const to = (s: Segment) => (horizontal ? s.x1 : s.y1);
  const at = (s: Segment) => (horizontal ? s.y0 : s.x0);
  const median = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  const everywhere = (segs: Segment[]) => across.every((a) => segs.some((s) => Math.abs(at(s) - a) <= tol));
  const before = crossing.filter((s) => from(s) < borders[0]! - 2 * tol);
  if (across.length >= 2 && everywhere(before)) borders.unshift(median(before.map(from)));
  const after = crossing.filter((s) => to(s) > borders[borders.length - 1]! + 2 * tol);
  if (across.length >= 2 && everywhere(after)) borders.push(median(after.map(to)));
}

function cellsOf(xs: number[], ys: number[], h: Segment[], v: Segment[], tol: number): Table {
  const R = ys.length - 1;
  const C = xs.length - 1;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const join = (a: number, b: number) => {
    parent[find(parent, a)] = find(parent, b);
  };
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && !drawn(v, false, xs[c + 1]!, ys[r]!, ys[r + 1]!, tol)) join(r * C + c, r * C + c + 1);
      if (r + 1 < R && !drawn(h, true, ys[r + 1]!, xs[c]!, xs[c + 1]!, tol)) join(r * C + c, (r + 1) * C + c);
    }
  const index = new Map<number, number>();
  const cells: Cell[] = [];
  const owner: number[][] = Array.from({ length: R }, () => new Array<number>(C).fill(0));
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      const root = find(parent, r * C + c);
      let k = index.get(root);
      if (k === undefined) {
        k = cells.length;
        index.set(root, k);
        cells.push({ r0: r, c0: c, r1: r + 1, c1: c + 1 });
      }
      const cell = cells[k]!;
      cell.r0 = Math.min(cell.r0, r);
      cell.c0 = Math.min(cell.c0, c);
      cell.r1 = Math.max(cell.r1, r + 1);
      cell.c1 = Math.max(cell.c1, c + 1);
      owner[r]![c] = k;
    }
  return { xs, ys, cells, owner };
}

/** Index i with xs[i] ≤ x < xs[i+1], or -1 outside. */
export function slot(xs: number[], x: number): number {
  if (x < xs[0]! || x >= xs[xs.length - 1]!) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}
