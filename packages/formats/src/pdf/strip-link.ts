/**
 * Whether page B continues page A to the right — the next column strip of the same rows of a
 * sheet printed tiled (tiled-pages.ts) — and by how much B is shifted to sit right of A:
 * - overflow: B prints again the tail of text A's last column ran over the strip's edge (calc
 *   draws it on both pages): same line, B's copy further left — measures the offset;
 * - ruling: the same horizontal lines from the same top (one strip's lines among the other's, as
 *   a merged cell leaves out the lines it covers) and other verticals — B's left border on A's right;
 * - lines: most lines of the sparser strip on the baselines of the other's, in other columns.
 * Weak: none of it, but B's text inside A's rows and in other columns.
 */
import type { PdfPage, TextRun } from "./pdf-page.ts";

const Y_TOL = 2.5;
export const X_TOL = 2;

interface Line {
  y: number;
  text: string;
  x: number;
}

/** Page furniture (calc's "Sheet1" header, "Page 3" footer): same text, same place on both. */
function sameRun(a: TextRun, b: TextRun): boolean {
  return a.str === b.str && Math.abs(a.x - b.x) < X_TOL && Math.abs(a.y - b.y) < 1;
}

/** A page's text runs by baseline (rounded), so runs on one line are found without a scan. */
const INDEX = new WeakMap<PdfPage, Map<number, TextRun[]>>();
function byLine(p: PdfPage): Map<number, TextRun[]> {
  let m = INDEX.get(p);
  if (!m) {
    m = new Map();
    for (const r of p.runs) {
      if (!r.str.trim()) continue;
      const k = Math.round(r.y);
      const l = m.get(k);
      if (l) l.push(r);
      else m.set(k, [r]);
    }
    INDEX.set(p, m);
  }
  return m;
}

/** The runs of `p` within 1 pt of baseline y. */
function onLine(p: PdfPage, y: number): TextRun[] {
  const m = byLine(p);
  const k = Math.round(y);
  return [...(m.get(k - 1) ?? []), ...(m.get(k) ?? []), ...(m.get(k + 1) ?? [])].filter((q) => Math.abs(q.y - y) <= 1);
}

function lines(runs: TextRun[]): Line[] {
  const out: Array<{ y: number; rs: TextRun[] }> = [];
  for (const r of [...runs].filter((r) => r.str.trim()).sort((a, b) => a.y - b.y || a.x - b.x)) {
    const l = out[out.length - 1];
    if (l && Math.abs(l.y - r.y) < Math.max(1.5, r.size * 0.35)) l.rs.push(r);
    else out.push({ y: r.y, rs: [r] });
  }
  return out.map((l) => ({ y: l.y, x: l.rs[0]!.x, text: l.rs.map((r) => r.str).join("") }));
}

/** Runs of B that are not page furniture repeated from A. */
export function own(a: PdfPage, b: PdfPage): TextRun[] {
  return b.runs.filter((r) => r.str.trim() && !onLine(a, r.y).some((q) => sameRun(q, r)));
}

/** Whether `set` (ascending) holds a value within `tol` of v. */
function near(v: number, set: number[], tol: number): boolean {
  let lo = 0;
  let hi = set.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (set[mid]! < v - tol) lo = mid + 1;
    else hi = mid;
  }
  return lo < set.length && set[lo]! <= v + tol;
}

function distinct(values: number[], tol: number): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((x, y) => x - y)) if (!out.length || v - out[out.length - 1]! > tol) out.push(v);
  return out;
}

export interface StripLink {
  /** How sure: overflow text or ruling / line alignment (strong), only not contradicted (weak). */
  strength: "strong" | "weak" | "none";
  /** Added to B's x to place it right of A (in A's coordinates). */
  offset: number;
  /** The offset is measured (B's border on A's, text printed on both), not B put after A's text. */
  measured?: boolean;
}

const textRight = (runs: TextRun[]) => Math.max(...runs.map((r) => r.x + r.w));
const textLeft = (runs: TextRun[]) => Math.min(...runs.map((r) => r.x));

/**
 * Overflow: text of A's last columns that B prints again, further left (calc draws what runs over
 * the strip's edge, and cells cut by it, on both pages): the same text on the same line, or its
 * tail. The offset most such copies agree on, when two do (or one starting left of all B prints).
 */
function overflowOffset(a: PdfPage, b: TextRun[]): number | null {
  const left = Math.min(...b.map((r) => r.x));
  const votes: Array<{ off: number; n: number }> = [];
  for (const r of b) {
    const s = r.str.trim();
    if (!s) continue;
    for (const q of onLine(a, r.y)) {
      const off = q.str === r.str ? q.x - r.x : s.length >= 2 && q.str.endsWith(r.str) ? q.x + q.w - (r.x + r.w) : null;
      if (off === null || off < 20) continue;
      const weight = r.x <= left + 1 && s.length >= 2 ? 2 : 1;
      const v = votes.find((v) => Math.abs(v.off - off) < 1.5);
      if (v) v.n += weight;
      else votes.push({ off, n: weight });
    }
  }
  const best = votes.sort((x, y) => y.n - x.n)[0];
  return best && best.n >= 2 ? best.off : null;
}

/** Fraction of `xs` within X_TOL of one of `ref`. */
function shared(xs: number[], ref: number[]): number {
  return xs.length ? xs.filter((x) => near(x, ref, X_TOL)).length / xs.length : 0;
}

/**
 * Where a page's text aligns: left ends, centres and right ends that two runs or more share (a
 * column's edge or axis). Each appears once.
 */
function anchors(rs: TextRun[]): number[] {
  const all = rs.flatMap((r) => [r.x, r.x + r.w / 2, r.x + r.w]).sort((x, y) => x - y);
  const out: number[] = [];
  for (let i = 0; i + 1 < all.length; i++)
    if (all[i + 1]! - all[i]! <= 0.8 && !near(all[i]!, out, 1)) out.push(all[i]!);
  return out;
}

/** How many of B's alignments A shares: its columns are A's. */
const ANCHORS = new WeakMap<PdfPage, number[]>();
function pageAnchors(p: PdfPage): number[] {
  if (!ANCHORS.has(p)) ANCHORS.set(p, anchors(p.runs.filter((r) => r.str.trim())));
  return ANCHORS.get(p)!;
}

function columnLikeness(a: PdfPage, b: TextRun[]): number {
  const bx = anchors(b);
  const ax = pageAnchors(a);
  return bx.length ? bx.filter((x) => near(x, ax, 1)).length / bx.length : 0;
}

/** Page B prints the columns of page A (the next band of rows of the same strip). */
export function sameColumns(a: PdfPage, b: PdfPage): boolean {
  const aV = distinct(
    a.verticals.map((s) => s.x0),
    1,
  );
  const bV = distinct(
    b.verticals.map((s) => s.x0),
    1,
  );
  if (aV.length >= 3 && bV.length >= 3) return shared(bV, aV) >= 0.5;
  const bRuns = own(a, b);
  return bRuns.length > 0 && columnLikeness(a, bRuns) >= 0.4;
}

/** How page B continues page A to the right, if it does. */
export function stripLink(a: PdfPage, b: PdfPage): StripLink {
  const none: StripLink = { strength: "none", offset: 0 };
  // Quick test first: text aligned as on A (the same columns, the table continued down).
  const bx = pageAnchors(b);
  if (b.horizontals.length < 3 && bx.length && bx.filter((x) => near(x, pageAnchors(a), 1)).length >= bx.length * 0.6)
    return none;
  const bRuns = own(a, b);
  const aRuns = a.runs.filter((r) => r.str.trim());
  if (!bRuns.length || !aRuns.length) return none;
  const aH = distinct(
    a.horizontals.map((s) => s.y0),
    1,
  );
  const bH = distinct(
    b.horizontals.map((s) => s.y0),
    1,
  );
  const aV = distinct(
    a.verticals.map((s) => s.x0),
    1,
  );
  const bV = distinct(
    b.verticals.map((s) => s.x0),
    1,
  );
  // Ruled strips: other columns, B's left border on A's right.
  let ruled: number | null = null;
  if (aV.length >= 3 && bV.length >= 3) {
    if (shared(bV, aV) >= 0.5) return none;
    ruled = Math.max(...aV) - Math.min(...bV);
  }
  // One ruled row on both (a band of one row, 合计 at the table's foot): its two lines the same.
  const oneRow = ruled !== null && aH.length === 2 && bH.length === 2 && aH.every((y, k) => Math.abs(y - bH[k]!) <= 1);
  if (Math.min(aH.length, bH.length) >= 2 && (Math.max(aH.length, bH.length) >= 3 || oneRow)) {
    // The same rows: the sparser strip's lines among the other's (a merged cell leaves out the
    // lines it covers; one continued from the page before, the top line), starting no higher;
    // else the lines of text decide.
    const [few, many] = aH.length <= bH.length ? [aH, bH] : [bH, aH];
    if (shared(few, many) < 0.8 || ruled === null) return none;
    if (few[0]! >= many[0]! - 1) return { strength: "strong", offset: ruled, measured: true };
  }
  const measured = ruled !== null ? { offset: ruled, measured: true } : {};
  const otherColumns = columnLikeness(a, bRuns) < 0.3;
  const fallback = textRight(aRuns) + 12 - textLeft(bRuns);
  const over = overflowOffset(a, bRuns);
  if (over !== null && over > 0 && ruled === null) return { strength: "strong", offset: over, measured: true };
  if (!otherColumns) return none;
  const la = lines(aRuns.filter((r) => !onLine(b, r.y).some((q) => sameRun(q, r)))).map((l) => l.y);
  const lb = lines(bRuns).map((l) => l.y);
  // The sparser strip's lines on the denser one's baselines (calc prints a row's cells on one
  // baseline when they take one line).
  const [few, many] = la.length <= lb.length ? [la, lb] : [lb, la];
  const matched = few.filter((y) => near(y, many, Y_TOL)).length;
  if (matched >= 4 && matched / few.length >= 0.6) return { strength: "strong", offset: fallback, ...measured };
  // One strip's text inside the other's rows (starting no higher, ending no lower): not contradicted.
  const inside = (x: number[], y: number[]) => x[0]! >= y[0]! - Y_TOL && x[x.length - 1]! <= y[y.length - 1]! + Y_TOL;
  if (la.length && lb.length && (inside(lb, la) || inside(la, lb)))
    return { strength: "weak", offset: fallback, ...measured };
  return none;
}
