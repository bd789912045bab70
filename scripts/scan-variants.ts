/**
 * Scans as real offices make them (issue 11 item 5), from a vector PDF: the classes of damage a
 * clean 150-dpi grey JPEG does not show.
 *   - skew: the page rasterised, then turned by `rotate` degrees (bilinear, white corners), as a
 *     sheet fed 0.3–3° off, on a canvas holding all of it; re-encoded as a grey JPEG (pdftocairo of the turned image);
 *   - dpi: any resolution (100, 200, 300);
 *   - margin: white around the printed page (the sheet on a larger scanner bed);
 *   - dark: solid ink beside the printed page — a dark band above it (a web page's banner printed
 *     with it) and a black strip down its left edge (the shadow a scanner's lid leaves);
 *   - mono: bitonal (1 bit per pixel, thresholded like a scanner's black-and-white mode), as an
 *     8-bit-free /DeviceGray 1-bit image, or (`mask`) as an /ImageMask drawn in black;
 *   - strips: the page placed as several horizontal image strips (several XObjects).
 * Needs pdftoppm and pdftocairo (Debian poppler-utils); no ImageMagick.
 *
 *   scanVariant(pdf, { dpi: 200, rotate: 1.5 })
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";

export interface ScanVariant {
  dpi?: number;
  /** Degrees, counter-clockwise as the page is seen. */
  rotate?: number;
  mono?: boolean;
  /** With mono: drawn as an /ImageMask (black where the sample is 0). */
  mask?: boolean;
  /** White added around the page, points (a sheet on a larger scanner bed; 0: cut at the paper). */
  margin?: number;
  /** Solid ink beside the page: a dark band above it and a black strip at its left (points). */
  dark?: boolean;
  /** How many horizontal strips the page image is cut into (1: one image). */
  strips?: number;
  quality?: number;
}

/**
 * A variant from its name: "skew1.5", "dpi300", "mono", "mask", "strips4", combined with "+"
 * ("skew0.8+dpi200"). Unknown parts throw.
 * @example parseVariant("skew-1+dpi200") // { rotate: -1, dpi: 200 }
 */
export function parseVariant(name: string): ScanVariant {
  const v: ScanVariant = {};
  for (const part of name.split("+").filter(Boolean)) {
    const m = /^(skew|dpi|strips|mono|mask|q|margin|dark)(-?[\d.]*)$/.exec(part);
    if (!m) throw new Error(`unknown scan variant ${part} (skewDEG, dpiN, mono, mask, stripsN, qN, marginPT, dark)`);
    const n = Number(m[2]);
    if (m[1] === "skew") v.rotate = n;
    else if (m[1] === "dpi") v.dpi = n;
    else if (m[1] === "strips") v.strips = n || 4;
    else if (m[1] === "q") v.quality = n;
    else if (m[1] === "margin") v.margin = n;
    else if (m[1] === "dark") v.dark = true;
    else if (m[1] === "mono") v.mono = true;
    else {
      v.mono = true;
      v.mask = true;
    }
  }
  return v;
}

interface Grey {
  width: number;
  height: number;
  grey: Uint8Array;
}

/** A binary PGM (P5, maxval 255). */
function readPgm(b: Buffer): Grey {
  const head: string[] = [];
  let i = 0;
  while (head.length < 4) {
    while (/\s/.test(String.fromCharCode(b[i]!))) i++;
    if (b[i] === 0x23) {
      while (b[i] !== 0x0a) i++;
      continue;
    }
    let tok = "";
    while (!/\s/.test(String.fromCharCode(b[i]!))) tok += String.fromCharCode(b[i++]!);
    head.push(tok);
  }
  i++;
  const width = Number(head[1]);
  const height = Number(head[2]);
  return { width, height, grey: new Uint8Array(b.subarray(i, i + width * height)) };
}

/**
 * The image turned by `deg` degrees about its centre (counter-clockwise as seen), bilinear, on
 * a canvas grown to hold all of it (the sheet lies askew on a larger scanner bed: nothing of
 * the page is cut off), white around it.
 */
export function rotateGrey(img: Grey, deg: number): Grey {
  const { width: W, height: H, grey } = img;
  const a = (deg * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  const OW = Math.ceil(W * Math.abs(cos) + H * Math.abs(sin));
  const OH = Math.ceil(W * Math.abs(sin) + H * Math.abs(cos));
  const out = new Uint8Array(OW * OH).fill(255);
  const [cx, cy] = [(W - 1) / 2, (H - 1) / 2];
  const [ox, oy] = [(OW - 1) / 2, (OH - 1) / 2];
  for (let y = 0; y < OH; y++)
    for (let x = 0; x < OW; x++) {
      // Image rows go down: a counter-clockwise turn as seen maps (dx, dy) back by +a.
      const dx = x - ox;
      const dy = y - oy;
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
      out[y * OW + x] = Math.round(top * (1 - ty) + bot * ty);
    }
  return { width: OW, height: OH, grey: out };
}

/** The image averaged down by a whole factor `k` (each pixel the mean of a k × k block). */
function boxDown(img: Grey, k: number): Grey {
  if (k <= 1) return img;
  const W = Math.floor(img.width / k);
  const H = Math.floor(img.height / k);
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      let sum = 0;
      for (let j = 0; j < k; j++) for (let i = 0; i < k; i++) sum += img.grey[(y * k + j) * img.width + x * k + i]!;
      out[y * W + x] = Math.round(sum / (k * k));
    }
  return { width: W, height: H, grey: out };
}

/**
 * The image with solid ink beside it: a band `band` pixels tall above it (grey 40, a banner) and
 * a strip `strip` pixels wide at its left (black, a scanner lid's shadow), the canvas grown by both.
 */
function darkened(img: Grey, band: number, strip: number): Grey {
  const W = img.width + strip;
  const H = img.height + band;
  const out = new Uint8Array(W * H).fill(255);
  for (let y = 0; y < H; y++) {
    out.fill(12, y * W, y * W + strip);
    if (y < band) out.fill(40, y * W + strip, (y + 1) * W);
    else out.set(img.grey.subarray((y - band) * img.width, (y - band + 1) * img.width), y * W + strip);
  }
  return { width: W, height: H, grey: out };
}

/** The image with `px` white pixels added on every side. */
function pad(img: Grey, px: number): Grey {
  if (px <= 0) return img;
  const W = img.width + 2 * px;
  const out = new Uint8Array(W * (img.height + 2 * px)).fill(255);
  for (let y = 0; y < img.height; y++)
    out.set(img.grey.subarray(y * img.width, (y + 1) * img.width), (y + px) * W + px);
  return { width: W, height: img.height + 2 * px, grey: out };
}

/** 1 bit per pixel, rows padded to a byte, 1 = white (paper), 0 = ink: dark below `t`. */
export function packBits(img: Grey, t = 150): Uint8Array {
  const stride = (img.width + 7) >> 3;
  const out = new Uint8Array(stride * img.height);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++)
      if (img.grey[y * img.width + x]! >= t) out[y * stride + (x >> 3)]! |= 128 >> (x & 7);
  return out;
}

interface Placed {
  /** Points from the page's bottom-left. */
  x: number;
  y: number;
  w: number;
  h: number;
  dict: string;
  data: Uint8Array;
}

/** An image-only PDF: each page its images, placed. */
export function imagesPdf(pages: Array<{ widthPt: number; heightPt: number; images: Placed[] }>): Uint8Array {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let pos = 0;
  const add = (b: Buffer | string) => {
    const buf = typeof b === "string" ? Buffer.from(b, "latin1") : b;
    chunks.push(buf);
    pos += buf.length;
  };
  let next = 3;
  const obj = (body: (Buffer | string)[]) => {
    const n = next++;
    offsets[n] = pos;
    add(`${n} 0 obj\n`);
    for (const b of body) add(b);
    add("\nendobj\n");
    return n;
  };
  add("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  const pageIds: number[] = [];
  for (const p of pages) {
    const ids = p.images.map((im) =>
      obj([
        `<< /Type /XObject /Subtype /Image ${im.dict} /Length ${im.data.length} >>\nstream\n`,
        Buffer.from(im.data),
        "\nendstream",
      ]),
    );
    const f = (n: number) => n.toFixed(2);
    const content = p.images
      .map((im, k) => `q 0 g ${f(im.w)} 0 0 ${f(im.h)} ${f(im.x)} ${f(im.y)} cm /Im${k} Do Q`)
      .join("\n");
    const c = obj([`<< /Length ${content.length} >>\nstream\n${content}\nendstream`]);
    const xobjects = ids.map((id, k) => `/Im${k} ${id} 0 R`).join(" ");
    pageIds.push(
      obj([
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${f(p.widthPt)} ${f(p.heightPt)}] /Resources << /XObject << ${xobjects} >> >> /Contents ${c} 0 R >>`,
      ]),
    );
  }
  offsets[1] = pos;
  add("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = pos;
  add(
    `2 0 obj\n<< /Type /Pages /Kids [${pageIds.map((n) => `${n} 0 R`).join(" ")}] /Count ${pages.length} >>\nendobj\n`,
  );
  const xref = pos;
  add(`xref\n0 ${next}\n0000000000 65535 f \n`);
  for (let i = 1; i < next; i++) add(`${String(offsets[i] ?? 0).padStart(10, "0")} 00000 n \n`);
  add(`trailer\n<< /Size ${next} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Width, height and colour components of a baseline or progressive JPEG (from its SOF marker). */
export function jpegSize(b: Uint8Array): { width: number; height: number; components: number } {
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) {
      i++;
      continue;
    }
    const m = b[i + 1]!;
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc)
      return { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]!, components: b[i + 9]! };
    i += 2 + ((b[i + 2]! << 8) | b[i + 3]!);
  }
  throw new Error("not a JPEG");
}

const numbered = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => new RegExp(`^p-\\d+\\.${ext}$`).test(f))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));

/** Rasterises a PDF as a scanner of the given variant would and wraps it as an image-only PDF. */
export function scanVariant(pdf: Uint8Array, v: ScanVariant): Uint8Array {
  const dpi = v.dpi ?? 150;
  const quality = v.quality ?? 60;
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-scanv-"));
  const pt = (px: number) => (px * 72) / dpi;
  try {
    writeFileSync(path.join(dir, "in.pdf"), pdf);
    // A sheet fed askew is sampled once, turned: the page is rasterised at 3× the resolution,
    // turned, then averaged down (turning the scan itself would blur each hairline twice).
    const ss = v.rotate ? 3 : 1;
    execFileSync("pdftoppm", ["-r", String(dpi * ss), "-gray", path.join(dir, "in.pdf"), path.join(dir, "p")], {
      timeout: 120_000,
    });
    const greys = numbered(dir, "pgm").map((f) => {
      const px = (points: number) => Math.round((points * dpi * ss) / 72);
      const paper = pad(readPgm(readFileSync(path.join(dir, f))), px(v.margin ?? 0));
      const g = v.dark ? darkened(paper, px(54), px(14)) : paper;
      return v.rotate ? boxDown(rotateGrey(g, v.rotate), ss) : g;
    });
    const strips = Math.max(1, v.strips ?? 1);
    const bands = (h: number) =>
      Array.from({ length: strips }, (_, k) => [Math.round((k * h) / strips), Math.round(((k + 1) * h) / strips)]);
    if (v.mono)
      return imagesPdf(
        greys.map((g) => ({
          widthPt: pt(g.width),
          heightPt: pt(g.height),
          images: bands(g.height).map(([a, b]) => {
            const part = { width: g.width, height: b! - a!, grey: g.grey.subarray(a! * g.width, b! * g.width) };
            const colour = v.mask ? "/ImageMask true" : "/ColorSpace /DeviceGray /BitsPerComponent 1";
            return {
              x: 0,
              y: pt(g.height - b!),
              w: pt(g.width),
              h: pt(b! - a!),
              dict: `/Width ${g.width} /Height ${b! - a!} ${colour} /Filter /FlateDecode`,
              data: deflateSync(packBits(part)),
            };
          }),
        })),
      );
    // Grey: a JPEG per strip, as pdftocairo encodes it (of the turned image when turned).
    let source = path.join(dir, "in.pdf");
    if (v.rotate || v.margin || v.dark) {
      source = path.join(dir, "turned.pdf");
      writeFileSync(
        source,
        imagesPdf(
          greys.map((g) => ({
            widthPt: pt(g.width),
            heightPt: pt(g.height),
            images: [
              {
                x: 0,
                y: 0,
                w: pt(g.width),
                h: pt(g.height),
                dict: `/Width ${g.width} /Height ${g.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
                data: deflateSync(g.grey),
              },
            ],
          })),
        ),
      );
    }
    return imagesPdf(
      greys.map((g, i) => ({
        widthPt: pt(g.width),
        heightPt: pt(g.height),
        images: bands(g.height).map(([a, b], k) => {
          const out = path.join(dir, `s${i}-${k}`);
          const page = String(i + 1);
          execFileSync(
            "pdftocairo",
            [
              ...["-r", String(dpi), "-gray", "-jpeg", "-jpegopt", `quality=${quality}`, "-singlefile"],
              ...["-f", page, "-l", page, "-x", "0", "-y", String(a), "-W", String(g.width), "-H", String(b! - a!)],
              source,
              out,
            ],
            { timeout: 120_000 },
          );
          const jpeg = readFileSync(`${out}.jpg`);
          const size = jpegSize(jpeg);
          return {
            x: 0,
            y: pt(g.height - b!),
            w: pt(g.width),
            h: pt(b! - a!),
            dict: `/Width ${size.width} /Height ${size.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode`,
            data: jpeg,
          };
        }),
      })),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
