/**
 * A sheet wider than the paper, printed tiled: spreadsheet programs print it in column strips —
 * LibreOffice calc by default top to bottom, then left to right (pages 1..k hold the left
 * columns of every row, pages k+1..2k the next columns of the same rows), Excel optionally over,
 * then down (page 1 the left columns of the first rows, page 2 their right columns, …). Each
 * strip of one band of rows prints the same rows at the same heights. This finds such runs of
 * pages and stitches every band's strips side by side into one wide page (runs and ruling lines
 * shifted right), before the page is cut into cells, so the rows are read across all columns.
 *
 * Evidence that page B continues page A to the right (same band, next strip):
 * - overflow: B starts with the tail of text A's last column ran over the strip's edge (calc
 *   prints it on both pages): same line, B's text the end of A's, left of B's own text;
 * - ruling: the same horizontal lines (the same rows) and other verticals (other columns);
 * - lines: most of B's text lines on the baselines of A's lines, in other columns.
 * A band whose neighbours lack all of it but lie inside the other's rows and other columns
 * (weak) is joined only when the tiling holds elsewhere, and is reported as doubtful.
 */
import type { Diagnostic } from "@jixiao/core";
import type { PdfPage, Segment, TextRun } from "./pdf-page.ts";

const Y_TOL = 2.5;
const X_TOL = 2;

interface Line {
  y: number;
  text: string;
  x: number;
}

/** A strip wider than this many pages, or this many bands of rows, is not looked for. */
const MAX_STRIPS = 12;
const MAX_BANDS = 30;

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
function own(a: PdfPage, b: PdfPage): TextRun[] {
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

/** For tests: how far B's text aligns where A's does. */
export const columnLikenessOf = (a: PdfPage, b: PdfPage) => columnLikeness(a, own(a, b));

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
  if (aH.length >= 3 && bH.length >= 3) {
    // Ruled strips: the same rows (one strip's lines among the other's,
    // as a merged cell leaves out the lines it covers), other columns; B's left border on A's right.
    const rows = Math.max(shared(bH, aH), shared(aH, bH));
    // The same top (a merged cell cut by the page's foot leaves one strip's bottom open).
    const top = Math.abs(aH[0]! - bH[0]!) <= 1;
    if (rows >= 0.8 && top && shared(bV, aV) < 0.5 && aV.length && bV.length)
      return { strength: "strong", offset: Math.max(...aV) - Math.min(...bV) };
    return none;
  }
  if (aH.length >= 3 || bH.length >= 3) return none;
  const otherColumns = columnLikeness(a, bRuns) < 0.3;
  const fallback = textRight(aRuns) + 12 - textLeft(bRuns);
  const over = overflowOffset(a, bRuns);
  if (over !== null && over > 0) return { strength: "strong", offset: over };
  if (!otherColumns) return none;
  const la = lines(aRuns.filter((r) => !onLine(b, r.y).some((q) => sameRun(q, r)))).map((l) => l.y);
  const lb = lines(bRuns).map((l) => l.y);
  // The sparser strip's lines on the denser one's baselines (calc prints a row's cells on one
  // baseline when they take one line).
  const [few, many] = la.length <= lb.length ? [la, lb] : [lb, la];
  const matched = few.filter((y) => near(y, many, Y_TOL)).length;
  if (matched >= 4 && matched / few.length >= 0.6) return { strength: "strong", offset: fallback };
  // Inside A's rows (B starts no higher and ends no lower than A's text): not contradicted.
  if (lb.length && lb[0]! >= la[0]! - Y_TOL && lb[lb.length - 1]! <= la[la.length - 1]! + Y_TOL)
    return { strength: "weak", offset: fallback };
  return none;
}

export interface Tiling {
  /** First page (index into the pages given), strips per band, bands. */
  start: number;
  strips: number;
  bands: number;
  order: "down-then-over" | "over-then-down";
}

/** The page index of band b, strip j. */
function at(t: Tiling, b: number, j: number): number {
  return t.start + (t.order === "down-then-over" ? j * t.bands + b : b * t.strips + j);
}

/** Pair tests of one document, each computed once. */
interface Tests {
  link(i: number, j: number): StripLink;
  same(i: number, j: number): boolean;
}

function tests(pages: PdfPage[]): Tests {
  const links = new Map<number, StripLink>();
  const sames = new Map<number, boolean>();
  const key = (i: number, j: number) => i * pages.length + j;
  return {
    link(i, j) {
      const k = key(i, j);
      if (!links.has(k)) links.set(k, stripLink(pages[i]!, pages[j]!));
      return links.get(k)!;
    },
    same(i, j) {
      const k = key(i, j);
      if (!sames.has(k)) sames.set(k, sameColumns(pages[i]!, pages[j]!));
      return sames.get(k)!;
    },
  };
}

/** The links along every band of a tiling, or null when one contradicts it. */
function linksOf(test: Tests, t: Tiling): StripLink[][] | null {
  const out: StripLink[][] = [];
  for (let b = 0; b < t.bands; b++) {
    const band: StripLink[] = [];
    for (let j = 1; j < t.strips; j++) {
      const l = test.link(at(t, b, j - 1), at(t, b, j));
      if (l.strength === "none") return null;
      band.push(l);
    }
    out.push(band);
  }
  // The next band of a strip prints the same columns.
  for (let b = 1; b < t.bands; b++)
    for (let j = 0; j < t.strips; j++) if (!test.same(at(t, b - 1, j), at(t, b, j))) return null;
  return out;
}

/** Pages a tiling may cover: text pages (no scans, some text). */
const usable = (p: PdfPage) => p.runs.some((r) => r.str.trim());

/**
 * The tilings of a document: runs of pages that are column strips of one table, each run the
 * most pages whose every band is linked, at least half the links strong and one in every band
 * (a band of weak links only is not shown to be tiled).
 */
export function findTilings(pages: PdfPage[]): Array<Tiling & { links: StripLink[][] }> {
  const found: Array<Tiling & { links: StripLink[][] }> = [];
  const test = tests(pages);
  // The first page from each on that is not usable.
  const stop: number[] = new Array(pages.length + 1).fill(pages.length);
  for (let i = pages.length - 1; i >= 0; i--) stop[i] = usable(pages[i]!) ? stop[i + 1]! : i;
  let start = 0;
  while (start < pages.length - 1) {
    let best: (Tiling & { links: StripLink[][] }) | null = null;
    for (let n = stop[start]! - start; n >= 2 && !best; n--) {
      for (let strips = 2; strips <= Math.min(n, MAX_STRIPS) && !best; strips++) {
        if (n % strips || n / strips > MAX_BANDS) continue;
        for (const order of ["down-then-over", "over-then-down"] as const) {
          const t: Tiling = { start, strips, bands: n / strips, order };
          if (t.bands === 1 && order === "over-then-down") continue;
          const links = linksOf(test, t);
          if (!links) continue;
          const all = links.flat();
          const strong = all.filter((l) => l.strength === "strong").length;
          if (strong * 2 < all.length) continue;
          if (!links.every((band) => band.some((l) => l.strength === "strong"))) continue;
          best = { ...t, links };
          break;
        }
      }
    }
    if (best) {
      found.push(best);
      start += best.strips * best.bands;
    } else start++;
  }
  return found;
}

function shiftRun(r: TextRun, dx: number): TextRun {
  return { ...r, x: r.x + dx };
}

function shiftSeg(s: Segment, dx: number): Segment {
  return { ...s, x0: s.x0 + dx, x1: s.x1 + dx };
}

/** B's runs not already on the page: furniture repeated, text A ran over the strip's edge. */
function fresh(joined: TextRun[], r: TextRun): boolean {
  return !joined.some(
    (q) =>
      Math.abs(q.y - r.y) < 1 && q.str.includes(r.str.trim()) && r.x >= q.x - X_TOL && r.x + r.w <= q.x + q.w + X_TOL,
  );
}

function diag(code: string, severity: Diagnostic["severity"], zh: string, en: string): Diagnostic {
  return { code, severity, message: zh, messageEn: en };
}

/**
 * Joins the strips of every tiled run of pages: one page per band, numbered as its first strip.
 * Logs `pdf.pages-tiled` (info) per run, and `pdf.pages-tiled-doubtful` (warning) for a band
 * joined on weak evidence.
 * @example joinTiledPages(pages).pages.length // 2 for 4 pages printed as 2 strips × 2 bands
 */
export function joinTiledPages(pages: PdfPage[]): { pages: PdfPage[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const tilings = findTilings(pages);
  if (!tilings.length) return { pages, diagnostics };
  const out: PdfPage[] = [];
  let i = 0;
  for (const t of tilings) {
    out.push(...pages.slice(i, t.start));
    for (let b = 0; b < t.bands; b++) {
      const first = pages[at(t, b, 0)]!;
      const page: PdfPage = {
        ...first,
        runs: [...first.runs],
        horizontals: [...first.horizontals],
        verticals: [...first.verticals],
      };
      let dx = 0;
      let prev = first;
      for (let j = 1; j < t.strips; j++) {
        const next = pages[at(t, b, j)]!;
        dx += t.links[b]![j - 1]!.offset;
        const keep = own(prev, next)
          .map((r) => shiftRun(r, dx))
          .filter((r) => fresh(page.runs, r));
        page.runs.push(...keep);
        page.horizontals.push(...next.horizontals.map((s) => shiftSeg(s, dx)));
        page.verticals.push(...next.verticals.map((s) => shiftSeg(s, dx)));
        page.width = Math.max(page.width, next.width + dx);
        prev = next;
      }
      out.push(page);
      const nums = Array.from({ length: t.strips }, (_, j) => pages[at(t, b, j)]!.number);
      const weak = t.links[b]!.some((l) => l.strength === "weak");
      if (weak)
        diagnostics.push(
          diag(
            "pdf.pages-tiled-doubtful",
            "warning",
            `第 ${nums.join("、")} 页按同一表格的分列打印拼接，但其中有的页与前一页的行未能对齐，请核对`,
            `Pages ${nums.join(", ")} were joined side by side as column strips of one table, but some did not line up row for row with the page before: check them`,
          ),
        );
    }
    const all = Array.from({ length: t.strips * t.bands }, (_, k) => pages[t.start + k]!.number);
    const order = t.order === "down-then-over" ? ["先列后行", "down, then over"] : ["先行后列", "over, then down"];
    diagnostics.push(
      diag(
        "pdf.pages-tiled",
        "info",
        `第 ${all.join("、")} 页是一张宽表分 ${t.strips} 列段打印（${order[0]}），已左右拼接为 ${t.bands} 页`,
        `Pages ${all.join(", ")} are a wide sheet printed in ${t.strips} column strips (${order[1]}); joined side by side into ${t.bands} page${t.bands === 1 ? "" : "s"}`,
      ),
    );
    i = t.start + t.strips * t.bands;
  }
  out.push(...pages.slice(i));
  return { pages: out, diagnostics };
}
