/**
 * A sheet wider than the paper, printed tiled: spreadsheet programs print it in column strips —
 * LibreOffice calc by default top to bottom, then left to right (pages 1..k hold the left
 * columns of every row, pages k+1..2k the next columns of the same rows), Excel optionally over,
 * then down (page 1 the left columns of the first rows, page 2 their right columns, …). Each
 * strip of one band of rows prints the same rows at the same heights. This finds such runs of
 * pages and stitches every band's strips side by side into one wide page (runs and ruling lines
 * shifted right), before the page is cut into cells, so the rows are read across all columns.
 *
 * Whether a page continues another to the right is strip-link.ts. A run of pages is tiled when
 * every band's neighbouring strips are linked, at least half of the links strongly, and the
 * next band of a strip prints the same columns; a band joined on a weak link is reported as
 * doubtful.
 */
import type { Diagnostic } from "@jixiao/core";
import type { PdfPage, Segment, TextRun } from "./pdf-page.ts";
import { numberedFurniture, withoutPageNumbers } from "./strip-furniture.ts";
import { own, type StripLink, sameColumns, stripLink, X_TOL } from "./strip-link.ts";
import { tailPage } from "./tiled-tail.ts";

/** A strip wider than this many pages, or this many bands of rows, is not looked for. */
const MAX_STRIPS = 12;
const MAX_BANDS = 30;

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
  tail(i: number): boolean;
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
    tail: (i) => tailPage(pages[i]!),
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
  // The next band of a strip prints the same columns; the last band's page may print none (the
  // rows after the table: a note under it, or only the strip's empty cells).
  for (let b = 1; b < t.bands; b++)
    for (let j = 0; j < t.strips; j++)
      if (!test.same(at(t, b - 1, j), at(t, b, j)) && !(b === t.bands - 1 && test.tail(at(t, b, j)))) return null;
  return out;
}

/** Pages a tiling may cover: text pages (no scans, some text). */
const usable = (p: PdfPage) => p.runs.some((r) => r.str.trim());

/**
 * The tilings of a document: runs of pages that are column strips of one table, each run the
 * most pages whose every band is linked, at least half the links strong.
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
          // Two pages linked weakly only are not shown to be tiled; a band of weak links is
          // when the other bands are strong and each strip's bands print the same columns.
          if (strong * 2 < all.length || strong === 0) continue;
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

/**
 * One offset per strip for every band, so a column lies at one x on every page: measured where a
 * band measures it (the median), else after the widest band's text.
 */
function stripOffsets(links: StripLink[][]): number[] {
  return links[0]!.map((_, j) => {
    const all = links.map((band) => band[j]!);
    const measured = all.filter((l) => l.measured).map((l) => l.offset);
    measured.sort((a, b) => a - b);
    return measured.length ? measured[measured.length >> 1]! : Math.max(...all.map((l) => l.offset));
  });
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
  // (Page numbers dropped once the strips are found: a strip's footer helps link it.)
  if (!tilings.length) return { pages: pages.map(withoutPageNumbers), diagnostics };
  const out: PdfPage[] = [];
  let i = 0;
  for (const t of tilings) {
    out.push(...pages.slice(i, t.start));
    const offsets = stripOffsets(t.links);
    for (let b = 0; b < t.bands; b++) {
      const first = pages[at(t, b, 0)]!;
      const page: PdfPage = {
        ...first,
        // (Its page number centred on the strip, not on the joined page: dropped here.)
        runs: [...withoutPageNumbers(first).runs],
        horizontals: [...first.horizontals],
        verticals: [...first.verticals],
      };
      let dx = 0;
      let prev = first;
      for (let j = 1; j < t.strips; j++) {
        const next = pages[at(t, b, j)]!;
        dx += offsets[j - 1]!;
        const numbered = numberedFurniture(prev, next);
        const keep = own(prev, next)
          .filter((r) => !numbered.has(r))
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
      // A band of tail pages (a note under the table, empty cells) has no rows to misalign.
      const bare = nums.every((_, j) => tailPage(pages[at(t, b, j)]!));
      const weak = !bare && t.links[b]!.some((l) => l.strength === "weak");
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
  return { pages: out.map(withoutPageNumbers), diagnostics };
}
