import assert from "node:assert/strict";
import { test } from "node:test";
import { deflateSync } from "node:zlib";
import { imagesPdf, packBits } from "../../../../scripts/scan-variants.ts";
import { stitchStrips } from "./ocr-stitch.ts";
import { type PageImage, readPage } from "./pdf-page.ts";

/** A grey page (W × H px) with a dark frame and a dark diagonal, so a wrong stitch shows. */
function page(W: number, H: number): Uint8Array {
  const g = new Uint8Array(W * H).fill(255);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      if (x < 3 || y < 3 || x >= W - 3 || y >= H - 3 || Math.abs(x - Math.round((y * W) / H)) < 2) g[y * W + x] = 0;
  return g;
}

const strip = (y0: number, y1: number, rows: number, fill: number, x0 = 0, x1 = 100): PageImage => ({
  x0,
  y0,
  x1,
  y1,
  width: 50,
  height: rows,
  grey: new Uint8Array(50 * rows).fill(fill),
});

test("strips one under the other, same columns and resolution, stitch into one image; others stay apart", () => {
  const a = strip(0, 10, 5, 1);
  const b = strip(10, 20, 5, 2);
  const c = strip(20.5, 30.5, 5, 3);
  // Listed out of order: stitched top to bottom.
  const [one, ...rest] = stitchStrips([c, a, b]);
  assert.equal(rest.length, 0);
  assert.deepEqual(
    [one!.y0, one!.y1, one!.height, one!.grey[0], one!.grey[50 * 5], one!.grey[50 * 14]],
    [0, 30.5, 15, 1, 2, 3],
  );
  // A gap of several points, other columns or another resolution: separate images.
  assert.equal(stitchStrips([a, strip(15, 25, 5, 2)]).length, 2);
  assert.equal(stitchStrips([a, strip(10, 20, 5, 2, 0, 60)]).length, 2);
  assert.equal(stitchStrips([a, strip(10, 20, 9, 2)]).length, 2);
});

/** The pages of a PDF as readPage collects them (pdf.js as readPdf opens it). */
async function pages(pdf: Uint8Array) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: pdf, isOffscreenCanvasSupported: false, verbosity: 0 }).promise;
  const out = [];
  for (let i = 1; i <= doc.numPages; i++)
    out.push(await readPage(await doc.getPage(i), pdfjs.OPS as unknown as Record<string, number>));
  await doc.destroy();
  return out;
}

test("a scan placed as strips, bitonal or as image masks, is collected as one grey page image", async () => {
  const [W, H] = [120, 90];
  const grey = page(W, H);
  const bands = [
    [0, 30],
    [30, 61],
    [61, 90],
  ] as const;
  const kinds = {
    grey: (g: Uint8Array, w: number, h: number) => ({
      dict: `/Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
      data: deflateSync(g),
    }),
    bitonal: (g: Uint8Array, w: number, h: number) => ({
      dict: `/Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode`,
      data: deflateSync(packBits({ width: w, height: h, grey: g })),
    }),
    mask: (g: Uint8Array, w: number, h: number) => ({
      dict: `/Width ${w} /Height ${h} /ImageMask true /Filter /FlateDecode`,
      data: deflateSync(packBits({ width: w, height: h, grey: g })),
    }),
  };
  // 1 px = 0.6 pt (120 dpi).
  const pt = 0.6;
  const pdf = imagesPdf(
    Object.values(kinds).map((encode) => ({
      widthPt: W * pt,
      heightPt: H * pt,
      images: bands.map(([a, b]) => ({
        x: 0,
        y: (H - b) * pt,
        w: W * pt,
        h: (b - a) * pt,
        ...encode(grey.subarray(a * W, b * W), W, b - a),
      })),
    })),
  );
  const read = await pages(pdf);
  assert.equal(read.length, 3);
  for (const [k, p] of read.entries()) {
    const name = Object.keys(kinds)[k];
    assert.equal(p.images.length, 1, `${name}: ${p.images.length} images`);
    const img = p.images[0]!;
    assert.deepEqual([img.width, img.height], [W, H], name);
    assert.ok(Math.abs(img.y1 - img.y0 - H * pt) < 0.01 && Math.abs(img.x1 - img.x0 - W * pt) < 0.01, name);
    let off = 0;
    for (let i = 0; i < grey.length; i++) if (img.grey[i]! < 128 !== grey[i]! < 128) off++;
    assert.equal(off, 0, `${name}: ${off} pixels differ`);
  }
});
