/**
 * Solid ink on a scanned page is not a table: the dark band of a printed web page's banner, the
 * black margin a scanner leaves beside the paper, a filled logo. Its rows and columns are long
 * runs of dark pixels, so the line finder (ocr-image.ts pixelLines) would read every pixel row of
 * a banner as a ruling line and no table would come out of the page. Lines are thin in one
 * direction; solid ink is thick in both. A pixel is solid when a square around it (the thickest
 * rule a table prints, at least 9 px) is nearly all ink; solid pixels and everything within that
 * square of them are turned to paper before the lines are looked for. Text strokes and the
 * crossing of two rules never fill such a square.
 */
import type { PageImage } from "./pdf-page.ts";

/** Share of a square's pixels that must be ink for its centre to be solid. */
const SOLID_FILL = 0.95;
/** The thickest rule a table prints, in points (a heavy outer frame is ≈ 1.5 pt). */
const THICKEST_RULE_PT = 3;

/**
 * The image with its solid ink areas turned to paper (255), or the image itself when it has none.
 * `t` is the ink threshold (a pixel ≤ t is ink).
 * @example withoutSolidInk(scan, threshold(scan)).grey // a banner's band is white, the table's rules kept
 */
export function withoutSolidInk(img: PageImage, t: number): PageImage {
  const { width: W, height: H, grey } = img;
  const ptPerPx = (img.x1 - img.x0) / Math.max(1, W);
  const k = Math.max(4, Math.ceil(THICKEST_RULE_PT / Math.max(ptPerPx, 1e-6) / 2));
  if (W < 2 * k + 1 || H < 2 * k + 1) return img;
  const solid = boxCount(W, H, k, (i) => (grey[i]! <= t ? 1 : 0), Math.ceil(SOLID_FILL * (2 * k + 1) ** 2));
  if (!solid.some((x) => x)) return img;
  // Everything within the square of a solid pixel: the band's own edges, a few pixels thick,
  // would otherwise be left as the frame of a table of one empty cell.
  const near = boxCount(W, H, k, (i) => solid[i]!, 1);
  const out = new Uint8Array(grey);
  for (let i = 0; i < out.length; i++) if (near[i]) out[i] = 255;
  return { ...img, grey: out };
}

/**
 * For every pixel, whether the (2k+1)² square around it holds at least `min` of `value` (0/1):
 * a sliding sum along each row, then along each column over those sums, both O(width × height).
 */
function boxCount(W: number, H: number, k: number, value: (i: number) => number, min: number): Uint8Array {
  const rows = new Uint16Array(W * H);
  for (let y = 0; y < H; y++) {
    const base = y * W;
    let s = 0;
    for (let x = 0; x < Math.min(k, W); x++) s += value(base + x);
    for (let x = 0; x < W; x++) {
      if (x + k < W) s += value(base + x + k);
      if (x - k - 1 >= 0) s -= value(base + x - k - 1);
      rows[base + x] = s;
    }
  }
  const out = new Uint8Array(W * H);
  const col = new Uint32Array(W);
  for (let y = 0; y < Math.min(k, H); y++) for (let x = 0; x < W; x++) col[x] = col[x]! + rows[y * W + x]!;
  for (let y = 0; y < H; y++) {
    if (y + k < H) for (let x = 0; x < W; x++) col[x] = col[x]! + rows[(y + k) * W + x]!;
    if (y - k - 1 >= 0) for (let x = 0; x < W; x++) col[x] = col[x]! - rows[(y - k - 1) * W + x]!;
    for (let x = 0; x < W; x++) if (col[x]! >= min) out[y * W + x] = 1;
  }
  return out;
}
