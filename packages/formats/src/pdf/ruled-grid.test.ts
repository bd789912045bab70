// Ruling lines → cells: a table cut by a page break and drawn open at the cut (collapsed
// borders in a browser print) is closed where its column lines end; a merged cell's sides
// running on alone are not an open frame.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Segment } from "./pdf-page.ts";
import { findTables } from "./ruled-grid.ts";

const h = (y: number, x0: number, x1: number): Segment => ({ x0, y0: y, x1, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ x0: x, y0, x1: x, y1 });
const XS = [40, 140, 300, 400];

test("every column line running on above the first row line: the open top row is a row of cells", () => {
  // The page starts with a continued row (no line above it), then two closed rows.
  const hs = [h(50, 40, 400), h(90, 40, 400), h(130, 40, 400)];
  const vs = XS.map((x) => v(x, 0, 130));
  const [t] = findTables(hs, vs, 2);
  assert.deepEqual(t!.ys, [0, 50, 90, 130]);
  assert.equal(t!.cells.filter((c) => c.r0 === 0).length, 3, "the open row has its three cells");
});

test("every column line running on below the last row line: the open bottom row is kept", () => {
  const hs = [h(50, 40, 400), h(90, 40, 400)];
  const vs = XS.map((x) => v(x, 50, 560));
  const [t] = findTables(hs, vs, 2);
  assert.deepEqual(t!.ys, [50, 90, 560]);
});

test("only a merged cell's sides running on (separate borders) leave the frame as drawn", () => {
  const hs = [h(50, 40, 400), h(90, 40, 400), h(130, 40, 400)];
  const vs = [v(40, 50, 200), v(140, 50, 200), v(300, 50, 130), v(400, 50, 130)];
  const [t] = findTables(hs, vs, 2);
  assert.deepEqual(t!.ys, [50, 90, 130]);
});
