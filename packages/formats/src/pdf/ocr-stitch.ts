/**
 * A scan placed as several images: some scanners and PDF makers cut the page into horizontal
 * strips (one image XObject each, often a few dozen rows), which together cover the page. Read
 * one by one, no strip holds the table; stitched back into one image, the page reads as any
 * scan. Strips stitch when they share their left and right edges and their pixel width, lie one
 * under the other with no gap (or overlap) larger than a point, and have the same resolution.
 */
import type { PageImage } from "./pdf-page.ts";

/** How far (points) two strips' edges may be apart and still meet. */
const TOUCH = 1;

/** Whether `b` continues `a` downwards (same columns, same resolution, touching). */
function continues(a: PageImage, b: PageImage): boolean {
  const rowsPerPt = (im: PageImage) => im.height / Math.max(1e-6, im.y1 - im.y0);
  return (
    a.width === b.width &&
    Math.abs(a.x0 - b.x0) <= TOUCH &&
    Math.abs(a.x1 - b.x1) <= TOUCH &&
    Math.abs(b.y0 - a.y1) <= TOUCH &&
    Math.abs(rowsPerPt(a) / rowsPerPt(b) - 1) < 0.03
  );
}

/** The strips (top to bottom) as one image. */
function join(strips: PageImage[]): PageImage {
  const width = strips[0]!.width;
  const height = strips.reduce((n, s) => n + s.height, 0);
  const grey = new Uint8Array(width * height);
  let row = 0;
  for (const s of strips) {
    grey.set(s.grey.subarray(0, width * s.height), row * width);
    row += s.height;
  }
  const last = strips[strips.length - 1]!;
  return { x0: strips[0]!.x0, y0: strips[0]!.y0, x1: strips[0]!.x1, y1: last.y1, width, height, grey };
}

/**
 * The page's images, top to bottom, with each run of strips that continue one another stitched
 * into one; other images are kept as they are.
 * @example stitchStrips(page.images).length // 1 for a page placed as 4 strips
 */
export function stitchStrips(images: PageImage[]): PageImage[] {
  if (images.length < 2) return images;
  const order = [...images].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const used = new Set<PageImage>();
  const out: PageImage[] = [];
  for (const first of order) {
    if (used.has(first)) continue;
    used.add(first);
    const run = [first];
    for (let next = order.find((o) => !used.has(o) && continues(run[run.length - 1]!, o)); next; ) {
      used.add(next);
      run.push(next);
      next = order.find((o) => !used.has(o) && continues(run[run.length - 1]!, o));
    }
    out.push(run.length > 1 ? join(run) : first);
  }
  return out;
}
