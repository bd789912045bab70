import assert from "node:assert/strict";
import { test } from "node:test";
import { deskew, rotateImage, skewAngle } from "./ocr-deskew.ts";
import { pixelLines, threshold } from "./ocr-image.ts";
import type { PageImage } from "./pdf-page.ts";

/**
 * A white page with a ruled table (4 columns × 8 rows, lines 2 px wide) and blocks of "print"
 * in its cells, drawn straight, then turned by `deg` degrees (rows going down to the right).
 */
function table(deg: number, width = 900, height = 600): PageImage {
  const grey = new Uint8Array(width * height).fill(255);
  const put = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < width && y < height) grey[y * width + x] = 20;
  };
  const [x0, x1, y0, y1] = [60, 840, 80, 520];
  const straight: Array<[number, number]> = [];
  for (let r = 0; r <= 8; r++) {
    const y = y0 + (r * (y1 - y0)) / 8;
    for (let x = x0; x <= x1; x++) straight.push([x, y], [x, y + 1]);
  }
  for (let c = 0; c <= 4; c++) {
    const x = x0 + (c * (x1 - x0)) / 4;
    for (let y = y0; y <= y1; y++) straight.push([x, y], [x + 1, y]);
  }
  // Print: strokes 12 px tall, one line per row, in every cell.
  for (let r = 0; r < 8; r++)
    for (let c = 0; c < 4; c++)
      for (let k = 0; k < 10; k++) {
        const gx = x0 + (c * (x1 - x0)) / 4 + 20 + k * 14;
        const gy = y0 + (r * (y1 - y0)) / 8 + 20;
        for (let d = 0; d < 12; d++) straight.push([gx + (k % 3), gy + d], [gx + d / 2, gy + 6]);
      }
  const a = (deg * Math.PI) / 180;
  const [cx, cy] = [width / 2, height / 2];
  for (const [x, y] of straight) {
    const dx = x - cx;
    const dy = y - cy;
    put(Math.round(cx + dx * Math.cos(a) - dy * Math.sin(a)), Math.round(cy + dx * Math.sin(a) + dy * Math.cos(a)));
  }
  return { x0: 0, y0: 0, x1: width * 0.48, y1: height * 0.48, width, height, grey };
}

test("the skew of a page is measured from its ink, both ways, to a few hundredths of a degree", () => {
  for (const deg of [0.3, 0.8, 1.5, -1.2, 3, -2.7]) {
    const img = table(deg);
    const got = skewAngle(img, threshold(img));
    assert.ok(Math.abs(got - deg) <= 0.06, `${deg}° measured as ${got}°`);
  }
  const straight = table(0);
  assert.equal(deskew(straight, threshold(straight)).angle, 0);
  // A blank page has no skew to tell.
  const blank: PageImage = { ...straight, grey: new Uint8Array(straight.grey.length).fill(255) };
  assert.equal(skewAngle(blank, 128), 0);
});

test("a page turned back by its skew shows its table's lines as long runs of pixels again", () => {
  const longest = (img: PageImage) => {
    const { h, v } = pixelLines(img, 40);
    return {
      h: Math.max(0, ...h.map((s) => s.x1 - s.x0)),
      v: Math.max(0, ...v.map((s) => s.y1 - s.y0)),
    };
  };
  const askew = table(1.5);
  // Askew, no row of pixels follows a border across the table (780 px wide, 440 tall).
  assert.ok(longest(askew).h < 200, `askew: ${longest(askew).h}`);
  const { img, angle } = deskew(askew, threshold(askew));
  assert.ok(Math.abs(angle - 1.5) <= 0.06);
  const straight = longest(img);
  assert.ok(straight.h > 740 && straight.v > 400, JSON.stringify(straight));
  // Its place on the page is kept.
  assert.deepEqual([img.x0, img.y0, img.x1, img.y1, img.width, img.height], [0, 0, 432, 288, 900, 600]);
  // Turning by 0 changes no pixel.
  assert.deepEqual(rotateImage(askew, 0).grey, askew.grey);
});
