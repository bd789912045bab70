/**
 * A scanned page fed slightly askew (0.3–3°, nearly every office scan): the table's lines are
 * then no horizontal or vertical runs of dark pixels, and line finding (ocr-image.ts pixelLines)
 * breaks them into short pieces. The skew is measured on the page's ink — the angle at which
 * the rows of dark pixels, followed along that slope, pile up most sharply (the projection
 * profile: a ruling line or a line of print falls into one row) — and the page is turned back
 * before its lines are looked for.
 */
import type { PageImage } from "./pdf-page.ts";

/** The largest skew looked for, degrees (a page further off is read as it is). */
export const MAX_SKEW = 4;
/** A skew smaller than this (degrees) is left: it moves a line under a pixel across 1,000 px. */
export const MIN_SKEW = 0.05;

/**
 * The slope of the page's rows of ink, in degrees: positive when they go down to the right (in
 * image rows). Ink is pixels at or below `t`; 0 when the page has too little ink to tell.
 * @example skewAngle(img, threshold(img)) // 1.52
 */
export function skewAngle(img: PageImage, t: number): number {
  const { width: W, height: H, grey } = img;
  // Every other column of dark pixels: enough to pile up a line, half the work.
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x += 2)
      if (grey[y * W + x]! <= t) {
        xs.push(x);
        ys.push(y);
      }
  if (xs.length < 200) return 0;
  const pad = Math.ceil(W * Math.tan((MAX_SKEW * Math.PI) / 180)) + 2;
  const rows = new Float64Array(H + 2 * pad);
  const cx = W / 2;
  /** How sharply the ink piles up into rows along a slope: the sum of squared row counts. */
  const score = (deg: number) => {
    rows.fill(0);
    const tan = Math.tan((deg * Math.PI) / 180);
    for (let i = 0; i < xs.length; i++) rows[Math.round(ys[i]! - (xs[i]! - cx) * tan) + pad]!++;
    let s = 0;
    for (let r = 0; r < rows.length; r++) s += rows[r]! * rows[r]!;
    return s;
  };
  const search = (from: number, to: number, step: number) => {
    let best = 0;
    let bestScore = -1;
    for (let deg = from; deg <= to + 1e-9; deg += step) {
      const s = score(deg);
      if (s > bestScore) {
        bestScore = s;
        best = deg;
      }
    }
    return { best, bestScore };
  };
  const coarse = search(-MAX_SKEW, MAX_SKEW, 0.2);
  const fine = search(coarse.best - 0.2, coarse.best + 0.2, 0.02);
  // A page whose ink piles up no better turned than straight (no lines, no print): no skew.
  if (fine.bestScore <= score(0) * 1.01) return 0;
  return Math.round(fine.best * 100) / 100;
}

/**
 * The image turned by `deg` degrees so that rows sloping at `deg` (skewAngle) lie flat: same
 * size and place on the page, bilinear, what comes in from outside the image white.
 */
export function rotateImage(img: PageImage, deg: number): PageImage {
  const { width: W, height: H, grey } = img;
  const out = new Uint8Array(W * H).fill(255);
  const a = (deg * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  const [cx, cy] = [(W - 1) / 2, (H - 1) / 2];
  for (let y = 0; y < H; y++) {
    const dy = y - cy;
    for (let x = 0; x < W; x++) {
      const dx = x - cx;
      const sx = cx + dx * cos - dy * sin;
      const sy = cy + dx * sin + dy * cos;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= W || y0 + 1 >= H) continue;
      const tx = sx - x0;
      const ty = sy - y0;
      const i = y0 * W + x0;
      const top = grey[i]! * (1 - tx) + grey[i + 1]! * tx;
      const bot = grey[i + W]! * (1 - tx) + grey[i + W + 1]! * tx;
      out[y * W + x] = top * (1 - ty) + bot * ty;
    }
  }
  return { ...img, grey: out };
}

/**
 * The page straightened: turned back by its skew when that is at least MIN_SKEW, else as it is.
 * @example deskew(img, threshold(img)).angle // 1.5
 */
export function deskew(img: PageImage, t: number): { img: PageImage; angle: number } {
  const angle = skewAngle(img, t);
  // Turned (bilinear), not sheared by whole pixels: sheared, the borders become stairs whose
  // steps stay in the cells' crops as bars (时效指标 read as 1111时效指标1111; measured 2026-12-03).
  return Math.abs(angle) < MIN_SKEW ? { img, angle: 0 } : { img: rotateImage(img, angle), angle };
}
