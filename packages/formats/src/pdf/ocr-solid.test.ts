import assert from "node:assert/strict";
import { test } from "node:test";
import { bordersOnly } from "./ocr-borders.ts";
import { pixelLines } from "./ocr-image.ts";
import { withoutSolidInk } from "./ocr-solid.ts";
import type { PageImage } from "./pdf-page.ts";
import { findTables } from "./ruled-grid.ts";

/** A white page image (1 px = 0.48 pt, 150 dpi) with dark rectangles (pixel coordinates, inclusive). */
function page(width: number, height: number, boxes: Array<[number, number, number, number]>): PageImage {
  const grey = new Uint8Array(width * height).fill(255);
  for (const [x0, y0, x1, y1] of boxes)
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) grey[y * width + x] = 0;
  return { x0: 0, y0: 0, x1: width * 0.48, y1: height * 0.48, width, height, grey };
}

/** A ruled grid of `cols` × `rows` cells with 2-pixel rules, and a few glyph-like strokes in each cell. */
function grid(x0: number, y0: number, cols: number, rows: number, cw: number, rh: number) {
  const boxes: Array<[number, number, number, number]> = [];
  for (let r = 0; r <= rows; r++) boxes.push([x0, y0 + r * rh, x0 + cols * cw + 1, y0 + r * rh + 1]);
  for (let c = 0; c <= cols; c++) boxes.push([x0 + c * cw, y0, x0 + c * cw + 1, y0 + rows * rh + 1]);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const gx = x0 + c * cw + 10;
      const gy = y0 + r * rh + 8;
      // A bold ideograph: a 3-pixel box outline with a cross, 16 px square.
      boxes.push([gx, gy, gx + 15, gy + 2], [gx, gy + 13, gx + 15, gy + 15], [gx, gy, gx + 2, gy + 15]);
      boxes.push([gx + 13, gy, gx + 15, gy + 15], [gx + 7, gy, gx + 9, gy + 15], [gx, gy + 7, gx + 15, gy + 9]);
    }
  return boxes;
}

function tablesOf(img: PageImage) {
  const { h, v } = pixelLines(img, 30);
  return findTables(bordersOnly(h, v, 3, img, 128), v, 3);
}

test("a dark banner above the table and a scanner's black margin are paper; the table's rules and glyphs stay", () => {
  const W = 600;
  const H = 500;
  const table = grid(60, 180, 4, 5, 110, 50);
  const banner: [number, number, number, number] = [0, 0, W - 1, 90];
  const margin: [number, number, number, number] = [0, 0, 14, H - 1];
  const img = page(W, H, [banner, margin, ...table]);
  // As the page is, the banner's rows read as rules: no 4 × 5 table comes out of it.
  assert.ok(!tablesOf(img).some((tb) => tb.xs.length === 5 && tb.ys.length === 6));
  const clean = withoutSolidInk(img, 128);
  assert.notEqual(clean, img);
  // The banner's band and the margin strip are white, to their edges.
  for (const [x, y] of [
    [300, 45],
    [300, 0],
    [300, 90],
    [7, 300],
    [14, 300],
  ] as const)
    assert.equal(clean.grey[y * W + x], 255, `(${x}, ${y})`);
  // The rules (with their crossings) and the glyphs are unchanged.
  let changed = 0;
  for (let y = 120; y < H; y++)
    for (let x = 40; x < W; x++) if (clean.grey[y * W + x] !== img.grey[y * W + x]) changed++;
  assert.equal(changed, 0);
  // The table is found in the cleaned image: 4 columns, 5 rows.
  const found = tablesOf(clean);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.xs.length, 5);
  assert.equal(found[0]!.ys.length, 6);
});

test("a page without solid ink is returned as it is", () => {
  const img = page(400, 300, grid(20, 20, 3, 4, 120, 60));
  assert.equal(withoutSolidInk(img, 128), img);
});
