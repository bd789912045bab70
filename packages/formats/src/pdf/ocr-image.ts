/**
 * The pixels of a scanned page as the OCR needs them: Otsu's ink threshold, the table's lines
 * (long runs of dark pixels) and each cell's crop, trimmed to its ink and scaled up for tesseract.
 */
import type { PageImage, Segment } from "./pdf-page.ts";

/** Otsu's threshold of a grey histogram: the level that best separates paper from ink. */
export function otsu(hist: ArrayLike<number>): number {
  let total = 0;
  let sum = 0;
  for (let i = 0; i < 256; i++) {
    total += hist[i]!;
    sum += i * hist[i]!;
  }
  let best = 128;
  let bestVar = -1;
  let wB = 0;
  let sumB = 0;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (!wB || wB === total) continue;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / (total - wB);
    const v = wB * (total - wB) * (mB - mF) ** 2;
    if (v > bestVar) {
      bestVar = v;
      best = t;
    }
  }
  return best;
}

/** Dark pixels: at or below the page's Otsu threshold (on a sample of its pixels). */
export function threshold(img: PageImage): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < img.grey.length; i += 7) hist[img.grey[i]!]!++;
  return otsu(hist);
}

/**
 * Horizontal and vertical runs of dark pixels at least `min` long, in pixel coordinates (a run
 * reaching the image's edge — a border continued on the next page — counts too). A hairline
 * scanned across two pixel rows prints as two light greys, each above the ink threshold: a
 * pixel is on a line when it and its neighbour below (right, for vertical lines) hold as much
 * ink together as one dark pixel.
 */
export function pixelLines(img: PageImage, min: number): { h: Segment[]; v: Segment[] } {
  const { width: W, height: H, grey } = img;
  const t = threshold(img);
  const h: Segment[] = [];
  const v: Segment[] = [];
  const gap = 2;
  for (let y = 0; y < H; y++) {
    let start = -1;
    let lastDark = -1;
    for (let x = 0; x <= W; x++) {
      const dark = x < W && grey[y * W + x]! + (y + 1 < H ? grey[(y + 1) * W + x]! : 255) <= t + 255;
      if (dark) {
        if (start < 0) start = x;
        lastDark = x;
      } else if (start >= 0 && (x === W || x - lastDark > gap)) {
        if (lastDark - start >= min) h.push({ x0: start, y0: y, x1: lastDark, y1: y });
        start = -1;
      }
    }
  }
  for (let x = 0; x < W; x++) {
    let start = -1;
    let lastDark = -1;
    for (let y = 0; y <= H; y++) {
      const dark = y < H && grey[y * W + x]! + (x + 1 < W ? grey[y * W + x + 1]! : 255) <= t + 255;
      if (dark) {
        if (start < 0) start = y;
        lastDark = y;
      } else if (start >= 0 && (y === H || y - lastDark > gap)) {
        if (lastDark - start >= min) v.push({ x0: x, y0: start, x1: x, y1: lastDark });
        start = -1;
      }
    }
  }
  return { h, v };
}

/** A cell's inside (borders trimmed), as PGM bytes scaled up (scale 0: its ink box only), or null when it holds no ink. */
export function cropCell(
  img: PageImage,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  t: number,
  scale: number,
  margin = 10,
): { pgm: Buffer; inkHeight: number; left: number; top: number; margin: number } | null {
  const pad = 3;
  let a = Math.max(0, Math.round(x0) + pad);
  let b = Math.min(img.width, Math.round(x1) - pad + 1);
  let c = Math.max(0, Math.round(y0) + pad);
  let d = Math.min(img.height, Math.round(y1) - pad + 1);
  if (b - a < 4 || d - c < 4) return null;
  // Crop to the ink (borders' remains at the edges ignored), so tesseract sees only the text.
  let ink = 0;
  let top = d;
  let bottom = c;
  let left = b;
  let right = a;
  for (let y = c; y < d; y++)
    for (let x = a; x < b; x++)
      if (img.grey[y * img.width + x]! <= t) {
        ink++;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
        if (x < left) left = x;
        if (x > right) right = x;
      }
  if (ink < 6) return null;
  a = Math.max(a, left - 3);
  b = Math.min(b, right + 4);
  c = Math.max(c, top - 3);
  d = Math.min(d, bottom + 4);
  // A fractional scale (a 300-dpi scan is read near its own size) rounds to whole pixels.
  const [sw, sh] = [Math.round((b - a) * scale), Math.round((d - c) * scale)];
  const w = sw + 2 * margin;
  const h = sh + 2 * margin;
  const head = Buffer.from(`P5\n${w} ${h}\n255\n`);
  const body = Buffer.alloc(w * h, 255);
  // Bilinear scaling: tesseract reads ideographs best at 30–40 px; a 150-dpi scan of small print is ≈ 12.
  const W = img.width;
  for (let y = 0; y < sh; y++) {
    const fy = c + (y + 0.5) / scale - 0.5;
    const y0 = Math.max(c, Math.min(d - 1, Math.floor(fy)));
    const y1 = Math.min(d - 1, y0 + 1);
    const ty = Math.max(0, Math.min(1, fy - y0));
    for (let x = 0; x < sw; x++) {
      const fx = a + (x + 0.5) / scale - 0.5;
      const x0 = Math.max(a, Math.min(b - 1, Math.floor(fx)));
      const x1 = Math.min(b - 1, x0 + 1);
      const tx = Math.max(0, Math.min(1, fx - x0));
      const g = img.grey;
      const top = g[y0 * W + x0]! * (1 - tx) + g[y0 * W + x1]! * tx;
      const bot = g[y1 * W + x0]! * (1 - tx) + g[y1 * W + x1]! * tx;
      body[(y + margin) * w + x + margin] = top * (1 - ty) + bot * ty;
    }
  }
  return { pgm: Buffer.concat([head, body]), inkHeight: d - c, left: a, top: c, margin };
}

/**
 * The lines of text inside a cell, top to bottom, as pixel row ranges [top, bottom]: rows of
 * ink split at blank rows, pieces closer than a line merged while they fit in 1.3 lines (the
 * blank rows inside 二 or 三 do not split a line). `line` is the page's line height in pixels.
 */
export function inkLines(
  img: PageImage,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  t: number,
  line: number,
): Array<[number, number]> {
  const pad = 3;
  const a = Math.max(0, Math.round(x0) + pad);
  const b = Math.min(img.width, Math.round(x1) - pad + 1);
  const c = Math.max(0, Math.round(y0) + pad);
  const d = Math.min(img.height, Math.round(y1) - pad + 1);
  const runs: Array<[number, number]> = [];
  for (let y = c; y < d; y++) {
    let ink = false;
    for (let x = a; x < b && !ink; x++) ink = img.grey[y * img.width + x]! <= t;
    if (!ink) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === y - 1) last[1] = y;
    else runs.push([y, y]);
  }
  const out: Array<[number, number]> = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && r[1] - last[0] + 1 <= 1.3 * line) last[1] = r[1];
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The box of a cell's ink inside its borders (pixels), or null when it holds none. */
export function inkBox(
  img: PageImage,
  box: { x0: number; y0: number; x1: number; y1: number },
  t: number,
): {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  inner: { x0: number; y0: number; x1: number; y1: number };
} | null {
  const pad = 3;
  const a = Math.max(0, Math.round(box.x0) + pad);
  const b = Math.min(img.width, Math.round(box.x1) - pad + 1);
  const c = Math.max(0, Math.round(box.y0) + pad);
  const d = Math.min(img.height, Math.round(box.y1) - pad + 1);
  let [x0, y0, x1, y1] = [b, d, a - 1, c - 1];
  for (let y = c; y < d; y++)
    for (let x = a; x < b; x++)
      if (img.grey[y * img.width + x]! <= t) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = y;
      }
  return x1 < x0 ? null : { x0, y0, x1, y1, inner: { x0: a, y0: c, x1: b - 1, y1: d - 1 } };
}

/**
 * Whether the ink inside a box is only lines: every dark pixel on a horizontal run across most
 * of the box (≥ 80 % of its width) or a vertical run taller than 1.5 lines (`line` pixels) —
 * a border drawn twice at a page break, the stubs of the column lines of merged cells ending
 * in it — with fewer than 8 pixels of anything else.
 */
export function rulesOnly(
  img: PageImage,
  inner: { x0: number; y0: number; x1: number; y1: number },
  t: number,
  line: number,
): boolean {
  const w = inner.x1 - inner.x0 + 1;
  const h = inner.y1 - inner.y0 + 1;
  if (w < 4 || h < 4) return false;
  const dark = (x: number, y: number) => img.grey[(inner.y0 + y) * img.width + inner.x0 + x]! <= t;
  const ruled = new Uint8Array(w * h);
  const hMin = Math.max(8, Math.round(0.8 * w));
  const vMin = Math.max(8, Math.round(1.5 * line));
  const G = img.grey;
  const W = img.width;
  // As in pixelLines: a hairline scanned across two pixel rows is two light greys; gaps ≤ 2 px.
  const lineH = (x: number, y: number) => {
    const i = (inner.y0 + y) * W + inner.x0 + x;
    return G[i]! + (inner.y0 + y + 1 < img.height ? G[i + W]! : 255) <= t + 255;
  };
  const lineV = (x: number, y: number) => {
    const i = (inner.y0 + y) * W + inner.x0 + x;
    return G[i]! + (inner.x0 + x + 1 < W ? G[i + 1]! : 255) <= t + 255;
  };
  const gap = 2;
  for (let y = 0; y < h; y++)
    for (let x = 0, start = -1, last = -1; x <= w; x++) {
      if (x < w && lineH(x, y)) {
        if (start < 0) start = x;
        last = x;
      } else if (start >= 0 && (x === w || x - last > gap)) {
        if (last - start + 1 >= hMin)
          for (let k = start; k <= last; k++) {
            ruled[y * w + k] = 1;
            if (y + 1 < h) ruled[(y + 1) * w + k] = 1;
          }
        start = -1;
      }
    }
  for (let x = 0; x < w; x++)
    for (let y = 0, start = -1, last = -1; y <= h; y++) {
      if (y < h && lineV(x, y)) {
        if (start < 0) start = y;
        last = y;
      } else if (start >= 0 && (y === h || y - last > gap)) {
        if (last - start + 1 >= vMin)
          for (let k = start; k <= last; k++) {
            ruled[k * w + x] = 1;
            if (x + 1 < w) ruled[k * w + x + 1] = 1;
          }
        start = -1;
      }
    }
  let rest = 0;
  let lines = 0;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (dark(x, y)) {
        if (ruled[y * w + x]) lines++;
        else rest++;
      }
  return lines > 0 && rest < 8;
}

/**
 * Whether a cell's ink is no text: what a page break left of it, or a rule. A page break: the
 * cell lies at a table edge that is the image's edge (the table goes on over the page), its ink
 * touches that edge and is less than `maxInk` pixels tall — the cut-off tops or bottoms of
 * glyphs centred across the break (产出指标 → rr, 一一). A rule: ink a few pixels tall across
 * most of the cell's width (a border drawn twice at a page break, one copy inside the cell: 一).
 * Such a cell is read as empty, so the page layer joins it to its other part; a centred dash
 * (—) touches no edge, spans little of its cell, and is read.
 * @example pageCutFragment(img, box, t, { top: false, bottom: true }, 20) // false
 */
export function pageCutFragment(
  img: PageImage,
  box: { x0: number; y0: number; x1: number; y1: number },
  t: number,
  cut: { top: boolean; bottom: boolean },
  maxInk: number,
): boolean {
  const ink = inkBox(img, box, t);
  if (!ink) return false;
  const { inner } = ink;
  const height = ink.y1 - ink.y0 + 1;
  if (rulesOnly(img, inner, t, maxInk / 0.6)) return true;
  if ((!cut.top && !cut.bottom) || height >= maxInk) return false;
  const near = 6;
  return (cut.top && ink.y0 - inner.y0 <= near) || (cut.bottom && inner.y1 - ink.y1 <= near);
}
