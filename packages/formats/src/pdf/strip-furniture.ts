/**
 * Page furniture a strip repeats with its own page number: calc's footer "第 6 页，共 9 页" (or
 * "Page 6") is printed on every strip of a band at the same place, the number differing. Joined
 * side by side, the strips' copies would be text inside the wide page — under the right strips'
 * columns, read as a row of cells when the band is read by text positions. The furniture is the
 * first or last line of both pages: same baseline, same left end, the same text but for digits
 * (and it holds something besides digits, so a row of amounts is never taken for it).
 */
import type { PdfPage, TextRun } from "./pdf-page.ts";
import { X_TOL } from "./strip-link.ts";

interface Line {
  y: number;
  runs: TextRun[];
}

function lines(p: PdfPage): Line[] {
  const out: Line[] = [];
  for (const r of p.runs.filter((r) => r.str.trim()).sort((a, b) => a.y - b.y || a.x - b.x)) {
    const l = out[out.length - 1];
    if (l && Math.abs(l.y - r.y) < 1) l.runs.push(r);
    else out.push({ y: r.y, runs: [r] });
  }
  return out;
}

const text = (l: Line) => l.runs.map((r) => r.str.trim()).join("");
const masked = (l: Line) => text(l).replace(/\d+/g, "#");

function sameFurniture(a: Line | undefined, b: Line | undefined): boolean {
  if (!a || !b || Math.abs(a.y - b.y) >= 1 || Math.abs(a.runs[0]!.x - b.runs[0]!.x) > X_TOL) return false;
  const m = masked(b);
  return m === masked(a) && /\d/.test(text(b)) && /[^\d\s.,，。:：%#()（）/-]/.test(m);
}

/** B's runs on its first or last line when that line is A's with other digits (a page number). */
export function numberedFurniture(a: PdfPage, b: PdfPage): Set<TextRun> {
  const la = lines(a);
  const lb = lines(b);
  const out = new Set<TextRun>();
  if (lb.length && sameFurniture(la[la.length - 1], lb[lb.length - 1]))
    for (const r of lb[lb.length - 1]!.runs) out.add(r);
  if (lb.length > 1 && sameFurniture(la[0], lb[0])) for (const r of lb[0]!.runs) out.add(r);
  return out;
}

/** A page number as footers print it: 第 3 页，共 9 页 / 第 3 页 / Page 3 of 9 / - 3 -. */
const PAGE_NUMBER = /^(第\d+页([，,]?共\d+页)?|共\d+页[，,]?第\d+页|page\d+(of\d+)?|[-—–]\d+[-—–])$/i;

/**
 * The page without its page-number line: a line alone on its baseline, centred on the page, whose
 * text is a page number. calc prints its footer inside the printable area, and a merged cell the
 * page break cuts is drawn with its text centred in the whole cell — below the footer, past the
 * page's last row — so read by text positions the footer would be a line of the table (a block
 * of the merged columns under it: no tiling of them holds every block).
 */
export function withoutPageNumbers(p: PdfPage): PdfPage {
  const drop = new Set<TextRun>();
  for (const l of lines(p).flatMap(clusters)) {
    const x0 = Math.min(...l.runs.map((r) => r.x));
    const x1 = Math.max(...l.runs.map((r) => r.x + r.w));
    const centred = Math.abs((x0 + x1) / 2 - p.width / 2) < p.width * 0.1 && x1 - x0 < p.width * 0.3;
    if (centred && PAGE_NUMBER.test(text(l).replace(/\s+/g, ""))) for (const r of l.runs) drop.add(r);
  }
  return drop.size ? { ...p, runs: p.runs.filter((r) => !drop.has(r)) } : p;
}

/**
 * A line's runs in groups apart by more than three em: a cut cell's text may sit on the footer's
 * baseline far from it (calc draws the clipped text of a merged cell the page break cuts there).
 */
function clusters(l: Line): Line[] {
  const out: Line[] = [];
  for (const r of [...l.runs].sort((a, b) => a.x - b.x)) {
    const g = out[out.length - 1];
    const last = g?.runs[g.runs.length - 1];
    if (g && last && r.x - (last.x + last.w) <= r.size * 3) g.runs.push(r);
    else out.push({ y: l.y, runs: [r] });
  }
  return out;
}
