/**
 * A row cut by the page break of a scan. A browser (or a word processor) that moves a row to
 * the next page leaves the space it would have taken at the foot of the page: the row's outer
 * borders go on down to the page's edge, its inner column lines do not (the row is drawn on the
 * next page). In the image that fragment is one blank cell across several columns — which the
 * page layer would take for a merged cell and join with every cell of the row printed on the
 * next page, making the row one cell across the indicator columns (read as a banner, not an
 * indicator: lost). The same happens at the top of a page (the blank rest of a row begun on
 * the page before).
 *
 * `splitCutRows` cuts such a blank fragment at the column borders of the row next to it (the
 * row above for the page's foot, below for its top), so each column's part joins the part of
 * its own column on the other page, and the row is read as the row it is. A fragment with ink
 * (text of its own) is left as it is.
 */
import { cropCell, pageCutFragment } from "./ocr-image.ts";
import type { PageImage } from "./pdf-page.ts";
import type { Table } from "./ruled-grid.ts";

/**
 * Splits, in place, the blank cells of a table's cut edge rows at the column borders of the
 * neighbouring row. `blank(k)` says whether cell k holds no text of its own (no ink, or only
 * the cut-off remains of glyphs or rules); `cut` which edges of the table are the image's edges.
 * Returns how many cells were split.
 * @example splitCutRows(table, () => true, { top: false, bottom: true }) // 1
 */
export function splitCutRows(tb: Table, blank: (k: number) => boolean, cut: { top: boolean; bottom: boolean }): number {
  const R = tb.ys.length - 1;
  if (R < 2) return 0;
  let split = 0;
  const edges: Array<{ row: number; next: number }> = [];
  if (cut.bottom) edges.push({ row: R - 1, next: R - 2 });
  if (cut.top) edges.push({ row: 0, next: 1 });
  for (const { row, next } of edges) {
    const n = tb.cells.length;
    for (let k = 0; k < n; k++) {
      const cell = tb.cells[k]!;
      if (cell.r0 !== row || cell.r1 !== row + 1 || cell.c1 - cell.c0 < 2 || !blank(k)) continue;
      // The neighbouring row's column borders inside this cell.
      const borders: number[] = [];
      for (let x = cell.c0 + 1; x < cell.c1; x++) {
        const a = tb.owner[next]![x - 1]!;
        const b = tb.owner[next]![x]!;
        if (a !== b) borders.push(x);
      }
      if (!borders.length) continue;
      const bounds = [cell.c0, ...borders, cell.c1];
      for (let j = 0; j + 1 < bounds.length; j++) {
        const [c0, c1] = [bounds[j]!, bounds[j + 1]!];
        const index = j === 0 ? k : tb.cells.length;
        if (j === 0) tb.cells[k] = { ...cell, c0, c1 };
        else tb.cells.push({ ...cell, c0, c1 });
        for (let x = c0; x < c1; x++) tb.owner[row]![x] = index;
      }
      split++;
    }
  }
  return split;
}

/**
 * Which edges of a scanned table are a page break (the table goes on over the page). Its top
 * when it lies within `edge` pixels of the image's top, or nothing is printed above it across
 * its width (a scan with white beyond the paper, a page turned straight: the break is then no
 * longer at the image's edge); its bottom when within `edge` of the image's bottom, or when
 * `continued` (the page's last table with a scanned page after it: a print's bottom margin may
 * lie between its last line and the image's edge).
 */
export function tableCut(
  img: PageImage,
  tb: Table,
  t: number,
  edge: number,
  continued: boolean,
): { top: boolean; bottom: boolean } {
  const top = tb.ys[0]!;
  const [x0, x1] = [Math.max(0, Math.round(tb.xs[0]!)), Math.min(img.width - 1, Math.round(tb.xs[tb.xs.length - 1]!))];
  let ink = 0;
  for (let y = 0; y < Math.round(top) - 3 && ink < 8; y++)
    for (let x = x0; x <= x1; x++) if (img.grey[y * img.width + x]! <= t) ink++;
  return {
    top: top <= edge || ink < 8,
    bottom: tb.ys[tb.ys.length - 1]! >= img.height - 1 - edge || continued,
  };
}

/**
 * splitCutRows on a scanned table: a cell is blank when it holds no ink or only what a page
 * break leaves (pageCutFragment) at the table's `cut` edges (tableCut). `line` is the print's
 * line height in pixels.
 */
export function splitBlankCutRows(
  img: PageImage,
  tb: Table,
  t: number,
  line: number,
  cut: { top: boolean; bottom: boolean },
): number {
  const blank = (k: number) => {
    const c = tb.cells[k]!;
    const box = { x0: tb.xs[c.c0]!, y0: tb.ys[c.r0]!, x1: tb.xs[c.c1]!, y1: tb.ys[c.r1]! };
    return !cropCell(img, box.x0, box.y0, box.x1, box.y1, t, 0) || pageCutFragment(img, box, t, cut, 0.6 * line);
  };
  return splitCutRows(tb, blank, cut);
}
