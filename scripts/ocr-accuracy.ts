/**
 * Scanned-PDF accuracy as a class (issue 11 item 5): makes scanned fixtures of generated
 * departments (scripts/make-pdf-fixtures.ts: a chromium print rasterised at 150 dpi into an
 * image-only PDF) over several seeds and layouts, reads each with readPdf and prints, per file,
 * indicators exact / wrong but flagged / wrong and NOT flagged / missing, and the read time.
 * The target: ≥ 95 % exact and no wrong indicator unflagged.
 *
 *   npx tsx scripts/ocr-accuracy.ts [--seeds 7,1505,11] [--layouts table12,column-order]
 *                                   [--variant skew1.5,dpi300,mono,mask,strips4]
 *                                   [--cache DIR] [--verbose]
 *
 * Scans are cached in DIR (default $TMPDIR/jixiao-ocr-accuracy) so a second run only reads;
 * JIXIAO_OCR_CACHE=DIR2 also keeps tesseract's output per batch of crops (ocr-tesseract.ts), so a
 * change to what happens after recognition is measured in seconds.
 * A wrong indicator counts as flagged when a warning or error names its project and indicator;
 * a missing one (a truth indicator no row was read for) when a warning or error names its
 * project without naming one of its indicators for a cell of its own (pdf.ocr-weights-off: its
 * weights do not add up), else it is "lost" — silent. "alarms" counts the exact indicators
 * flagged all the same (the price of flagging by class).
 * Layouts: table12, column-order (scripts/make-pdf-fixtures.ts). --variant measures each class
 * of scan damage (scripts/scan-variants.ts), one run of the seeds and layouts per variant, parts
 * combined with "+" (skew0.8+dpi200); "clean" is the plain 150-dpi grey JPEG. --help prints this.
 */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeFixture } from "./make-pdf-fixtures.ts";
import { AccuracyTable, measure } from "./pdf-accuracy.ts";
import { parseVariant } from "./scan-variants.ts";

if (process.argv.includes("--help")) {
  console.log(
    "npx tsx scripts/ocr-accuracy.ts [--seeds 7,1505,11,23] [--layouts table12,column-order] [--variant clean,skew1.5,dpi300,mono,mask,strips4] [--cache DIR] [--verbose]",
  );
  process.exit(0);
}
const arg = (name: string, fallback: string) => {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 && process.argv[k + 1] ? process.argv[k + 1]! : fallback;
};
const seeds = arg("seeds", "7,1505,11,23").split(",").map(Number);
const layouts = arg("layouts", "table12,column-order").split(",");
const variants = arg("variant", "clean").split(",");
const cache = arg("cache", path.join(tmpdir(), "jixiao-ocr-accuracy"));
const verbose = process.argv.includes("--verbose");
mkdirSync(cache, { recursive: true });

const table = new AccuracyTable(33);
console.log(table.header());
for (const variant of variants)
  for (const layout of layouts)
    for (const seed of seeds) {
      const name = `${layout}-${seed}-scanned${variant === "clean" ? "" : `-${variant}`}`;
      const m = await measure(cache, name, () =>
        makeFixture(seed, layout, "scanned", 150, variant === "clean" ? undefined : parseVariant(variant)),
      );
      console.log(table.add(m));
      if (verbose) for (const line of m.details) console.log(line);
    }
console.log(table.summary());
