/**
 * The resolution a scanned page is read at. The pixel measures of the scan reader — a border's
 * width, the padding inside a cell's lines, the gaps a line may have — are those of a 150-dpi
 * office scan. A finer scan (200, 300, 600 dpi) is brought down to READ_DPI by averaging the
 * pixels each new pixel covers (print stays sharp and its noise averages out); at 300 dpi, read
 * as is, its 3-px borders left bars in the cells' crops and short numbers read as nothing
 * (measured 2026-12-03: 14 of 28 exact). A coarser scan is read as it is.
 */
import type { PageImage } from "./pdf-page.ts";

/** The resolution pages are read at, dots per inch. */
export const READ_DPI = 150;
/**
 * Below this resolution a scan is read but every cell flagged: at 100 dpi an ideograph is
 * ≈ 14 px and whole columns (大于等于) read as nothing (seed 7: 22 of 52 wrong and unflagged).
 */
export const COARSE_DPI = 120;
/** A scan finer than READ_DPI by more than this factor is brought down to it. */
const FINER = 1.25;

/** The page image's resolution, dots per inch (its pixels across its width on the page). */
export function imageDpi(img: PageImage): number {
  return (img.width * 72) / Math.max(1e-6, img.x1 - img.x0);
}

/** One axis averaged down from `n` to `m` samples: each output sample the mean of what it covers. */
function shrink(
  src: Uint8Array | Float32Array,
  n: number,
  m: number,
  count: number,
  at: (line: number, k: number) => number,
): Float32Array {
  const out = new Float32Array(m * count);
  const f = n / m;
  for (let line = 0; line < count; line++)
    for (let j = 0; j < m; j++) {
      const a = j * f;
      const b = a + f;
      let sum = 0;
      for (let k = Math.floor(a); k < Math.min(n, Math.ceil(b)); k++) {
        const w = Math.min(b, k + 1) - Math.max(a, k);
        sum += w * src[at(line, k)]!;
      }
      out[line * m + j] = sum / f;
    }
  return out;
}

/**
 * The page image at READ_DPI when it is finer (same place on the page), else as it is.
 * @example atReadResolution(scan300).width // half of scan300.width
 */
export function atReadResolution(img: PageImage): PageImage {
  const dpi = imageDpi(img);
  if (dpi <= READ_DPI * FINER) return img;
  const W = Math.max(1, Math.round((img.width * READ_DPI) / dpi));
  const H = Math.max(1, Math.round((img.height * READ_DPI) / dpi));
  // Rows first (width W × height img.height), then columns.
  const rows = shrink(img.grey, img.width, W, img.height, (y, x) => y * img.width + x);
  const cols = shrink(rows, img.height, H, W, (x, y) => y * W + x);
  // `cols` is column-major (x, then y): back to rows.
  const grey = new Uint8Array(W * H);
  for (let x = 0; x < W; x++) for (let y = 0; y < H; y++) grey[y * W + x] = Math.round(cols[x * H + y]!);
  return { ...img, width: W, height: H, grey };
}
