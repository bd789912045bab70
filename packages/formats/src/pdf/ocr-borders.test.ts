import assert from "node:assert/strict";
import { test } from "node:test";
import { borderless, bordersOnly, crossedByStrokes, OVERHANG, trimToLines } from "./ocr-borders.ts";
import { pageCutFragment, rulesOnly } from "./ocr-image.ts";
import type { PageImage, Segment } from "./pdf-page.ts";

/** A white image with dark rectangles (pixel coordinates, inclusive). */
function image(width: number, height: number, boxes: Array<[number, number, number, number]>): PageImage {
  const grey = new Uint8Array(width * height).fill(255);
  for (const [x0, y0, x1, y1] of boxes)
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) grey[y * width + x] = 0;
  return { x0: 0, y0: 0, x1: width, y1: height, width, height, grey };
}

const hseg = (x0: number, x1: number, y: number): Segment => ({ x0, y0: y, x1, y1: y });
const vseg = (x: number, y0: number, y1: number): Segment => ({ x0: x, y0, x1: x, y1 });

test("a bar of text across a narrow column (crossed by strokes) is no border; a clean line is", () => {
  // Two columns (x 0–40, 40–100), one row 0–60. A text bar at y 30 from border to border in the
  // first column, crossed by vertical strokes; a clean line at y 45 in the same column.
  const strokes: Array<[number, number, number, number]> = [];
  for (let x = 6; x < 36; x += 5) strokes.push([x, 22, x, 38]);
  const img = image(101, 61, [[3, 30, 37, 30], [3, 45, 37, 45], ...strokes]);
  assert.ok(crossedByStrokes(img, hseg(0, 40, 30), 128, 4) > 0.05);
  assert.equal(crossedByStrokes(img, hseg(0, 40, 45), 128, 4), 0);
  // Joined runs sit between pixel rows (y 30.5): still measured.
  assert.ok(crossedByStrokes(img, hseg(0, 40, 30.5), 128, 4) > 0.05);
  const v = [vseg(0, 0, 60), vseg(40, 0, 60), vseg(100, 0, 60)];
  const kept = bordersOnly([hseg(0, 40, 30), hseg(0, 40, 45), hseg(0, 100, 0), hseg(0, 100, 60)], v, 2, img, 128);
  assert.deepEqual(
    kept.map((s) => s.y0),
    [0, 45, 60],
  );
});

test("what a page break leaves of a cell (glyph remains touching the cut edge) is no text; a centred dash is", () => {
  const line = 20;
  // A cell at the image's bottom edge (y 40–79 of an 80-pixel image).
  const remains = image(60, 80, [[10, 72, 50, 76]]);
  assert.ok(pageCutFragment(remains, { x0: 0, y0: 40, x1: 59, y1: 79 }, 128, { top: false, bottom: true }, 0.6 * line));
  const dash = image(60, 80, [[20, 58, 40, 59]]);
  assert.ok(!pageCutFragment(dash, { x0: 0, y0: 40, x1: 59, y1: 79 }, 128, { top: false, bottom: true }, 0.6 * line));
  // Full-height text touching the edge is text.
  const text = image(60, 80, [[10, 50, 50, 76]]);
  assert.ok(!pageCutFragment(text, { x0: 0, y0: 40, x1: 59, y1: 79 }, 128, { top: false, bottom: true }, 0.6 * line));
  // Not at a page break: never a fragment.
  assert.ok(
    !pageCutFragment(remains, { x0: 0, y0: 40, x1: 59, y1: 79 }, 128, { top: false, bottom: false }, 0.6 * line),
  );
});

test("a cell holding only rules (a border drawn twice, the stubs of column lines ending in it) is no text", () => {
  const line = 20;
  const box = { x0: 0, y0: 40, x1: 59, y1: 119 };
  const rule = image(60, 120, [[4, 60, 55, 61]]);
  assert.ok(pageCutFragment(rule, box, 128, { top: false, bottom: false }, 0.6 * line));
  const stubs = image(60, 120, [
    [4, 50, 55, 51],
    [20, 44, 20, 80],
    [40, 44, 40, 80],
  ]);
  assert.ok(rulesOnly(stubs, { x0: 3, y0: 43, x1: 56, y1: 116 }, 128, line));
  // Text beside a rule is text; a short dash is text.
  const texted = image(60, 120, [
    [4, 50, 55, 51],
    [20, 70, 35, 72],
    [27, 64, 28, 84],
  ]);
  assert.ok(!rulesOnly(texted, { x0: 3, y0: 43, x1: 56, y1: 116 }, 128, line));
  const dash = image(60, 120, [[22, 80, 38, 81]]);
  assert.ok(!pageCutFragment(dash, box, 128, { top: false, bottom: false }, 0.6 * line));
});

for (const overhang of [5, 12, 22])
  test(`a row border whose run goes on ${overhang} px past its column line (a label's glyph touching it) is kept, cut back to the line`, () => {
    // Columns x 0–100 (a merged label), 100–200, 200–300; a row border at y 40 across the two
    // right columns; the label's last glyph, centred on the border, touches the line at x 100
    // and its bar continues the border's run leftwards by `overhang` pixels.
    const tol = 3;
    const glyph: Array<[number, number, number, number]> = [
      [100 - overhang, 40, 99, 40],
      [100 - overhang, 32, 100 - overhang, 48],
    ];
    const img = image(301, 81, [[0, 0, 300, 0], [0, 80, 300, 80], [100 - overhang, 40, 300, 40], ...glyph]);
    const v = [vseg(0, 0, 80), vseg(100, 0, 80), vseg(200, 0, 80), vseg(300, 0, 80)];
    const run = hseg(100 - overhang, 300, 40);
    const kept = bordersOnly([hseg(0, 300, 0), run, hseg(0, 300, 80)], v, tol, img, 128);
    const border = kept.find((s) => s.y0 === 40);
    assert.ok(border, "the row border is kept");
    assert.deepEqual([border.x0, border.x1], [overhang <= 2 * tol ? 100 - overhang : 100, 300]);
  });

test("a run going on far past a line, or crossing no two lines, is not cut back", () => {
  const v = [vseg(0, 0, 80), vseg(100, 0, 80), vseg(200, 0, 80)];
  const far = hseg(100 - (OVERHANG * 3 + 5), 200, 40);
  assert.deepEqual(trimToLines(far, v, 3), far);
  const inside = hseg(110, 190, 40);
  assert.deepEqual(trimToLines(inside, v, 3), inside);
  // A glyph's bar ending on one line scanned four pixels wide is not cut to a stub of that line.
  const wide = [vseg(0, 0, 80), vseg(100, 0, 80), vseg(101, 0, 80), vseg(102, 0, 80), vseg(103, 0, 80)];
  const bar = hseg(73, 103, 40);
  assert.deepEqual(trimToLines(bar, wide, 3), bar);
});

test("the bars of 等于 in a narrow column, running on past its line, are no border even beside a border at their height", () => {
  // Columns 0–100, 100–140 (narrow: 指标方向), 140–240. A row border at y 40 in the first column
  // only; in the narrow column a text bar at y 40 from x 106 to 152, its glyph's strokes across it.
  const strokes: Array<[number, number, number, number]> = [];
  for (let x = 108; x < 150; x += 3) strokes.push([x, 32, x, 48]);
  const img = image(241, 81, [[0, 0, 240, 0], [0, 80, 240, 80], [0, 40, 100, 40], [106, 40, 152, 40], ...strokes]);
  const v = [vseg(0, 0, 80), vseg(100, 0, 80), vseg(140, 0, 80), vseg(240, 0, 80)];
  const kept = bordersOnly([hseg(0, 240, 0), hseg(0, 100, 40), hseg(106, 152, 40), hseg(0, 240, 80)], v, 3, img, 128);
  assert.ok(!kept.some((s) => s.y0 === 40 && s.x0 >= 100), "the text bar is no border");
  assert.ok(
    kept.some((s) => s.y0 === 40 && s.x1 <= 100),
    "the first column's border is kept",
  );
});

test("bars a border left at a line's ends are dropped; a bracket with its pair stays", () => {
  assert.equal(borderless("项目类别|"), "项目类别");
  assert.equal(borderless("正向]"), "正向");
  assert.equal(borderless("]定性]"), "定性");
  assert.equal(borderless("[定性"), "定性");
  assert.equal(borderless("依据[2024]5号"), "依据[2024]5号");
  assert.equal(borderless("[2024]"), "[2024]");
});
