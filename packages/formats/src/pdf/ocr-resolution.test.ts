import assert from "node:assert/strict";
import { test } from "node:test";
import { pixelLines } from "./ocr-image.ts";
import { atReadResolution, imageDpi, READ_DPI } from "./ocr-resolution.ts";
import type { PageImage } from "./pdf-page.ts";

/** A page `w` × `h` pt at `dpi` with a 0.75-pt border at `at` pt from the top and left. */
function page(dpi: number, w = 200, h = 100, at = 20): PageImage {
  const [W, H] = [Math.round((w * dpi) / 72), Math.round((h * dpi) / 72)];
  const grey = new Uint8Array(W * H).fill(250);
  const px = (pt: number) => Math.round((pt * dpi) / 72);
  const thick = Math.max(1, px(0.75));
  for (let y = px(at); y < px(at) + thick; y++) for (let x = px(at); x < px(w - at); x++) grey[y * W + x] = 10;
  for (let x = px(at); x < px(at) + thick; x++) for (let y = px(at); y < px(h - at); y++) grey[y * W + x] = 10;
  return { x0: 0, y0: 0, x1: w, y1: h, width: W, height: H, grey };
}

test("a scan finer than 150 dpi is read at 150, in the same place; a coarser one as it is", () => {
  for (const dpi of [200, 300, 600]) {
    const fine = page(dpi);
    const read = atReadResolution(fine);
    assert.ok(Math.abs(imageDpi(read) - READ_DPI) < 1, `${dpi}: ${imageDpi(read)}`);
    assert.deepEqual([read.x0, read.y0, read.x1, read.y1], [0, 0, 200, 100]);
    // The border is still one line, at the same place (20 pt ≈ 42 px at 150 dpi).
    const { h, v } = pixelLines(read, 30);
    assert.ok(h.length >= 1 && v.length >= 1, `${dpi}: ${h.length} ${v.length}`);
    assert.ok(Math.abs(h[0]!.y0 - (20 * READ_DPI) / 72) <= 2, `${dpi}: y ${h[0]!.y0}`);
    // Paper stays paper: the mean grey is kept.
    const mean = (g: Uint8Array) => g.reduce((a, b) => a + b, 0) / g.length;
    assert.ok(Math.abs(mean(read.grey) - mean(fine.grey)) < 2);
  }
  for (const dpi of [100, 150, 180]) {
    const img = page(dpi);
    assert.equal(atReadResolution(img), img);
  }
});
