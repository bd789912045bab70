/**
 * One PDF page as the table reader needs it (pdfjs-dist 5, legacy build for Node): the glyph
 * runs (getTextContent), the axis-aligned lines the page draws (operator list: constructPath
 * with stroke or fill, under save/restore/transform and form XObjects) and its images — all in
 * one coordinate system: points from the top-left of the page as displayed (rotation applied).
 */
import { scanGrey } from "./ocr-colour.ts";
import { stitchStrips } from "./ocr-stitch.ts";
import { repairRadicals } from "./radicals.ts";

export interface TextRun {
  str: string;
  /** Left end of the run and its baseline, from the top-left of the displayed page, in points. */
  x: number;
  y: number;
  w: number;
  size: number;
  font: string;
}

/** An axis-aligned line: horizontal when y0 = y1 (x0 < x1), vertical when x0 = x1 (y0 < y1). */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageImage {
  /** Where the image lands on the page (points, top-left origin). */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  width: number;
  height: number;
  /** 8-bit grey, row-major, width × height. */
  grey: Uint8Array;
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  rotate: number;
  runs: TextRun[];
  horizontals: Segment[];
  verticals: Segment[];
  images: PageImage[];
  /** Operators read (a bound: a page with more is read only that far). */
  truncated: boolean;
}

type Matrix = [number, number, number, number, number, number];

const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** Operators read per page at most; a page beyond it is flagged (deeply nested or huge content). */
export const MAX_OPERATORS = 400_000;
/** save/restore nesting beyond which a page is not read for text (producers nest a few levels). */
export const MAX_NESTING = 1000;
/** Image pixels decoded per page at most (a 300-dpi A3 scan is ≈ 17 M). */
const MAX_IMAGE_PIXELS = 40_000_000;

// biome-ignore lint/suspicious/noExplicitAny: pdf.js page proxy
type PdfJsPage = any;

/** Reads one page; throws only what pdf.js throws (the caller turns it into a diagnostic). */
export async function readPage(page: PdfJsPage, OPS: Record<string, number>): Promise<PdfPage> {
  const vp = page.getViewport({ scale: 1 });
  const view = vp.transform as Matrix;
  const out: PdfPage = {
    number: page.pageNumber,
    width: vp.width,
    height: vp.height,
    rotate: page.rotate ?? 0,
    runs: [],
    horizontals: [],
    verticals: [],
    images: [],
    truncated: false,
  };

  const ol = await page.getOperatorList();
  const fns: number[] = ol.fnArray;
  const args: unknown[][] = ol.argsArray;
  const n = Math.min(fns.length, MAX_OPERATORS);
  out.truncated = fns.length > MAX_OPERATORS;
  let ctm: Matrix = view;
  const stack: Matrix[] = [];
  let fillWhite = false;
  const whiteStack: boolean[] = [];
  let pixels = 0;
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const fn = fns[i];
    const a = args[i] ?? [];
    if (fn === OPS.save) {
      depth = Math.max(depth, stack.length + 1);
      stack.push(ctm);
      whiteStack.push(fillWhite);
    } else if (fn === OPS.restore) {
      ctm = stack.pop() ?? ctm;
      fillWhite = whiteStack.pop() ?? fillWhite;
    } else if (fn === OPS.transform) {
      ctm = mul(ctm, a as unknown as Matrix);
    } else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      whiteStack.push(fillWhite);
      if (Array.isArray(a[0])) ctm = mul(ctm, a[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) {
      ctm = stack.pop() ?? ctm;
      fillWhite = whiteStack.pop() ?? fillWhite;
    } else if (fn === OPS.setFillRGBColor) {
      fillWhite = typeof a[0] === "string" && /^#(f[0-9a-f]){3}$/i.test(a[0]);
    } else if (fn === OPS.setFillGray) {
      fillWhite = Number(a[0]) > 0.94;
    } else if (fn === OPS.constructPath) {
      addPath(out, ctm, a, OPS, fillWhite);
    } else if (
      (fn === OPS.paintImageXObject || fn === OPS.paintImageMaskXObject || fn === OPS.paintInlineImageXObject) &&
      pixels < MAX_IMAGE_PIXELS
    ) {
      // An image by name; a bitonal scan drawn as an image mask (ink where its bit is 0) or
      // inline in the content (strips of some scanners) comes as the decoded object itself.
      const img =
        fn === OPS.paintImageXObject
          ? await imageOf(page, String(a[0]))
          : fn === OPS.paintImageMaskXObject
            ? await maskOf(page, a[0])
            : greyOf(a[0]);
      if (img && pixels + img.width * img.height <= MAX_IMAGE_PIXELS) {
        pixels += img.width * img.height;
        const corners = [apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)];
        const xs = corners.map((c) => c[0]);
        const ys = corners.map((c) => c[1]);
        out.images.push({
          x0: Math.min(...xs),
          y0: Math.min(...ys),
          x1: Math.max(...xs),
          y1: Math.max(...ys),
          ...img,
        });
      }
    }
  }
  // A scan placed as several strips is one image again (ocr-stitch.ts).
  out.images = stitchStrips(out.images);
  // pdf.js's text extraction is quadratic in save/restore nesting: a page nested deeper than any
  // producer nests is not asked for its text.
  if (depth > MAX_NESTING) {
    out.truncated = true;
    return out;
  }
  const content = await page.getTextContent();
  // Text direction in the displayed page: 0 → right, 1 → down, 2 → left, 3 → up.
  const dirs: number[] = [];
  const weight = [0, 0, 0, 0];
  for (const raw of content.items) {
    if (!("str" in raw) || !raw.str.trim()) continue;
    const m = mul(view, raw.transform as Matrix);
    const dir = (((Math.round(Math.atan2(m[1], m[0]) / (Math.PI / 2)) % 4) + 4) % 4) as 0 | 1 | 2 | 3;
    weight[dir]! += raw.str.length;
    dirs.push(dir);
    out.runs.push({
      str: repairRadicals(raw.str),
      x: m[4],
      y: m[5],
      w: raw.width,
      size: Math.hypot(m[2], m[3]) || raw.height || 9,
      font: raw.fontName ?? "",
    });
  }
  // A table printed sideways (a landscape table on a portrait page, or a page turned by /Rotate
  // the wrong way) is read in its text's direction: the page is turned until most text runs right.
  const turn = weight.indexOf(Math.max(...weight));
  if (turn !== 0) upright(out, turn);
  // Runs in another direction (a vertical label) are kept at their origin, one character wide.
  out.runs.forEach((r, i) => {
    if (dirs[i] !== turn) r.w = r.size;
  });
  return out;
}

/** Turns the page's geometry so that text running in direction `turn` (1 down, 2 left, 3 up) runs right. */
function upright(out: PdfPage, turn: number): void {
  const W = out.width;
  const H = out.height;
  const to = (x: number, y: number): [number, number] =>
    turn === 1 ? [y, W - x] : turn === 2 ? [W - x, H - y] : [H - y, x];
  for (const r of out.runs) [r.x, r.y] = to(r.x, r.y);
  const segs = [...out.horizontals, ...out.verticals].map((s) => {
    const [ax, ay] = to(s.x0, s.y0);
    const [bx, by] = to(s.x1, s.y1);
    return { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
  });
  out.horizontals = segs.filter((s) => Math.abs(s.y1 - s.y0) < 0.5);
  out.verticals = segs.filter((s) => Math.abs(s.x1 - s.x0) < 0.5);
  if (turn !== 2) [out.width, out.height] = [H, W];
  // Scanned images keep their pixels; only text and lines are turned (OCR reads the image as is).
}

/** Lines of a constructPath: stroked edges, thin filled rectangles, edges of coloured fills. */
function addPath(out: PdfPage, ctm: Matrix, a: unknown[], OPS: Record<string, number>, fillWhite: boolean): void {
  const op = a[0] as number;
  const stroke = op === OPS.stroke || op === OPS.closeStroke || op === OPS.fillStroke || op === OPS.eoFillStroke;
  const fill = op === OPS.fill || op === OPS.eoFill || op === OPS.fillStroke || op === OPS.eoFillStroke;
  if (!stroke && !fill) return;
  const data = (a[1] as ArrayLike<number>[] | undefined)?.[0];
  if (!data) return;
  const subpaths: Array<Array<[number, number]>> = [];
  let cur: Array<[number, number]> = [];
  for (let i = 0; i < data.length; ) {
    const kind = data[i++];
    if (kind === 0 || kind === 1) {
      const p = apply(ctm, data[i++]!, data[i++]!);
      if (kind === 0 && cur.length) {
        subpaths.push(cur);
        cur = [];
      }
      cur.push(p);
    } else if (kind === 2) {
      i += 4;
      cur.push(apply(ctm, data[i++]!, data[i++]!));
    } else if (kind === 3) {
      i += 2;
      cur.push(apply(ctm, data[i++]!, data[i++]!));
    } else if (kind === 4) {
      if (cur.length) cur.push(cur[0]!);
    } else break;
  }
  if (cur.length) subpaths.push(cur);
  for (const pts of subpaths) {
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const w = Math.max(...xs) - Math.min(...xs);
    const h = Math.max(...ys) - Math.min(...ys);
    if (fill && !stroke && pts.length >= 4) {
      // A filled rectangle: a thin one is a line; a coloured cell background gives its edges.
      if (h <= 2.5 && w > h) out.horizontals.push(seg(Math.min(...xs), (Math.min(...ys) + Math.max(...ys)) / 2, w, 0));
      else if (w <= 2.5 && h > w)
        out.verticals.push(seg((Math.min(...xs) + Math.max(...xs)) / 2, Math.min(...ys), 0, h));
      else if (!fillWhite && w * h < out.width * out.height * 0.5) edges(out, pts);
      continue;
    }
    if (stroke) edges(out, pts);
  }
}

function seg(x: number, y: number, w: number, h: number): Segment {
  return { x0: x, y0: y, x1: x + w, y1: y + h };
}

function edges(out: PdfPage, pts: Array<[number, number]>): void {
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1]!;
    const [bx, by] = pts[i]!;
    if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= 1)
      out.horizontals.push({ x0: Math.min(ax, bx), y0: ay, x1: Math.max(ax, bx), y1: ay });
    else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= 1)
      out.verticals.push({ x0: ax, y0: Math.min(ay, by), x1: ax, y1: Math.max(ay, by) });
  }
}

/**
 * The decoded pixels of an image XObject (or image mask: `mask`) as 8-bit grey, or null when
 * pdf.js could not decode it.
 */
async function imageOf(
  page: PdfJsPage,
  id: string,
  mask = false,
): Promise<{ width: number; height: number; grey: Uint8Array } | null> {
  const objs = id.startsWith("g_") ? page.commonObjs : page.objs;
  // biome-ignore lint/suspicious/noExplicitAny: pdf.js image object
  const img: any = await new Promise((resolve) => {
    try {
      objs.get(id, resolve);
    } catch {
      resolve(null);
    }
  });
  // pdf.js gives a mask its bits (1 bit per pixel, rows padded to a byte, 0 where it paints).
  return greyOf(mask && img ? { ...img, kind: 1 } : img);
}

/** An image mask's pixels: its bits by object id, or (drawn in place) the bits themselves. */
function maskOf(page: PdfJsPage, arg: unknown): Promise<{ width: number; height: number; grey: Uint8Array } | null> {
  const o = arg as { data?: unknown } | undefined;
  if (o?.data instanceof Uint8Array || o?.data instanceof Uint8ClampedArray)
    return Promise.resolve(greyOf({ ...o, kind: 1 }));
  return typeof o?.data === "string" ? imageOf(page, o.data, true) : Promise.resolve(null);
}

/** A decoded pdf.js image (1-bit grey, RGB or RGBA) as 8-bit grey, or null when it has no pixels. */
function greyOf(img: unknown): { width: number; height: number; grey: Uint8Array } | null {
  const o = img as { width?: number; height?: number; data?: Uint8Array; kind?: number } | null | undefined;
  if (!o?.data || !o.width || !o.height) return null;
  const { width, height, data, kind } = o as { width: number; height: number; data: Uint8Array; kind: number };
  const grey = new Uint8Array(width * height);
  if (kind === 1) {
    if (data.length < ((width + 7) >> 3) * height) return null;
    const stride = (width + 7) >> 3;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) grey[y * width + x] = data[y * stride + (x >> 3)]! & (128 >> (x & 7)) ? 255 : 0;
  } else {
    const bpp = kind === 3 ? 4 : 3;
    if (data.length < width * height * bpp) return null;
    for (let p = 0, q = 0; p < grey.length; p++, q += bpp) grey[p] = scanGrey(data[q]!, data[q + 1]!, data[q + 2]!);
  }
  return { width, height, grey };
}
