/**
 * Which dark runs of a scan are the table's borders. A run of pixels far longer than a glyph's
 * stroke is a line — but in a narrow column the strokes of a line of text (大于 / 等于: the
 * bars of 大, 于 and 等 side by side) join into one run from border to border, and taken for a
 * border they would cut every such cell in two rows.
 */
import type { PageImage, Segment } from "./pdf-page.ts";
import { joinCollinear } from "./ruled-grid.ts";

/**
 * How much ink lies along a horizontal run: the share of its columns (ends left aside) with ink
 * a few pixels above or below it. A border has white along both sides; the bar of a glyph (于,
 * 大, 等) has the glyph's other strokes beside it.
 */
export function crossedByStrokes(img: PageImage, s: Segment, t: number, margin: number): number {
  const { width: W, height: H, grey } = img;
  const dark = (x: number, from: number, to: number) => {
    for (let y = Math.max(0, from); y <= Math.min(H - 1, to); y++) if (grey[y * W + x]! <= t) return true;
    return false;
  };
  const y = Math.round(s.y0);
  let crossed = 0;
  let n = 0;
  for (let x = Math.round(s.x0 + margin); x <= Math.round(s.x1 - margin); x++, n++)
    if (dark(x, y - 6, y - 4) || dark(x, y + 4, y + 6)) crossed++;
  return n ? crossed / n : 0;
}

/**
 * The horizontal runs that are borders: a border runs from one vertical line to another, so
 * both its ends meet one; a run inside a cell (the strokes of a line of text, an underline)
 * does not, and would otherwise cut a merged cell in two. A run inside a single column that no
 * run in another column continues is a border only when little ink lies along it (a row border of
 * a table usually crosses several columns; a merged cell's own bottom border, drawn apart at a
 * page break, does not).
 * @example bordersOnly(h, v, 3, img, 128).length
 */
export function bordersOnly(h: Segment[], v: Segment[], tol: number, img?: PageImage, t = 128): Segment[] {
  const near = (x: number, y: number) =>
    v.some((s) => Math.abs(s.x0 - x) <= 2 * tol && s.y0 - tol <= y && y <= s.y1 + tol);
  const trimmed = new Set<Segment>();
  const ended = joinCollinear(h, true, tol)
    .map((s) => {
      const cut = trimToLines(s, v, tol);
      if (cut !== s) trimmed.add(cut);
      return cut;
    })
    .filter((s) => near(s.x0, s.y0) && near(s.x1, s.y0));
  const crossesColumns = (s: Segment) =>
    v.some((l) => l.x0 > s.x0 + 2 * tol && l.x0 < s.x1 - 2 * tol && l.y0 - tol <= s.y0 && s.y0 <= l.y1 + tol);
  const continued = (s: Segment) =>
    ended.some(
      (o) =>
        o !== s && !trimmed.has(o) && Math.abs(o.y0 - s.y0) <= tol && (o.x1 < s.x0 + 2 * tol || o.x0 > s.x1 - 2 * tol),
    );
  const clean = (s: Segment) => img !== undefined && crossedByStrokes(img, s, t, 2 * tol) < 0.15;
  // A run cut back to its lines is a border only across columns and with white along it: the
  // bars of 等于 in a narrow column run on past its line too.
  return ended.filter((s) =>
    trimmed.has(s)
      ? crossesColumns(s) && (img === undefined || clean(s))
      : crossesColumns(s) || continued(s) || clean(s),
  );
}

/**
 * A border whose run goes on past the vertical line at its end, into the cell beyond: a glyph
 * of a label centred on the border (社会效益指标 beside the line between two rows) touches the
 * line and its stroke joins the run. The run is cut back to the outermost vertical lines it
 * crosses when what lies past them is short (at most OVERHANG × tol: a glyph or two); the cut
 * run is then judged as any other.
 */
export function trimToLines(s: Segment, v: Segment[], tol: number): Segment {
  const crossing = v
    .filter((l) => l.x0 >= s.x0 - 2 * tol && l.x0 <= s.x1 + 2 * tol && l.y0 - tol <= s.y0 && s.y0 <= l.y1 + tol)
    .map((l) => l.x0)
    .sort((a, b) => a - b);
  const [left, right] = [crossing[0]!, crossing[crossing.length - 1]!];
  // Two lines at least (a line scanned several pixels wide is one): the cut run spans a column.
  if (crossing.length < 2 || right - left <= 2 * tol) return s;
  const x0 = left - s.x0 > 2 * tol && left - s.x0 <= OVERHANG * tol ? left : s.x0;
  const x1 = s.x1 - right > 2 * tol && s.x1 - right <= OVERHANG * tol ? right : s.x1;
  return x0 === s.x0 && x1 === s.x1 ? s : { ...s, x0, x1 };
}

/** How far (in `tol` units) a run may go on past a vertical line and still be cut back to it. */
export const OVERHANG = 16;

/**
 * A recognised line without the bars a cell border left at its ends: | (项目类别|), or a bracket
 * with no pair — a straightened scan's blurred border reads as one (正向]).
 * @example borderless("]定性]") // "定性"
 */
export function borderless(text: string): string {
  let t = text.replace(/^[|｜]+|[|｜]+$/g, "").trim();
  if (!t.includes("[")) t = t.replace(/^\]+|\]+$/g, "").trim();
  if (!t.includes("]")) t = t.replace(/^\[+|\[+$/g, "").trim();
  return t.replace(/^[|｜]+|[|｜]+$/g, "").trim();
}
