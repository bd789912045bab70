/**
 * The last band of a tiled print may hold no table: the sheet's rows after it (a note under the
 * table, "口径说明：…") fall on a page of their own, and the other strips of that band print the
 * same rows' empty cells — only the page number. Such a page prints no columns to compare with
 * the band above (tiled-pages.ts accepts it as the last band when its strips still link).
 */
import type { PdfPage } from "./pdf-page.ts";

/** A tail page has at most this many lines of text. */
const TAIL_LINES = 4;

function distinctCount(values: number[], tol: number): number {
  let n = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const v of [...values].sort((x, y) => x - y))
    if (v - last > tol) {
      n++;
      last = v;
    }
  return n;
}

/** No table ruling (fewer than 3 column or row lines) and a few lines of text at most. */
export function tailPage(p: PdfPage): boolean {
  const v = distinctCount(
    p.verticals.map((s) => s.x0),
    1,
  );
  const h = distinctCount(
    p.horizontals.map((s) => s.y0),
    1,
  );
  if (v >= 3 || h >= 3 || p.images.length) return false;
  return (
    distinctCount(
      p.runs.filter((r) => r.str.trim()).map((r) => r.y),
      2,
    ) <= TAIL_LINES
  );
}
