/**
 * Borderless calc prints' accuracy as a class (issue 11, text geometry): makes
 * "libreoffice-borderless" fixtures of generated departments (scripts/make-pdf-fixtures.ts: the
 * department's xlsx without cell borders printed by calc) over chosen seeds and layouts, reads each
 * with readPdf and prints, per file, indicators exact / wrong but flagged / wrong and NOT flagged /
 * missing, as scripts/ocr-accuracy.ts does for scans. The target: no wrong indicator unflagged.
 *
 *   npx tsx scripts/borderless-accuracy.ts [--seeds 2501,2502] [--layouts table12,column-order]
 *                                          [--producer libreoffice-borderless] [--cache DIR] [--verbose]
 *
 * PDFs are cached in DIR (default $TMPDIR/jixiao-borderless-accuracy) so a second run only reads.
 * A wrong indicator counts as flagged when a warning or error names its project and indicator
 * (pdf.layout-guessed names the cell and the indicators of the rows it spans); a missing one when
 * a warning names its project, else it is "lost". "alarms": exact indicators flagged all the same;
 * UNFLAGGED: truth indicators not read exactly and flagged nowhere (scripts/pdf-accuracy.ts).
 */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeFixture, type Producer } from "./make-pdf-fixtures.ts";
import { AccuracyTable, measure } from "./pdf-accuracy.ts";

if (process.argv.includes("--help")) {
  console.log(
    "npx tsx scripts/borderless-accuracy.ts [--seeds 2501,2502] [--layouts table12,column-order] [--producer libreoffice-borderless] [--cache DIR] [--verbose]",
  );
  process.exit(0);
}
const arg = (name: string, fallback: string) => {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 && process.argv[k + 1] ? process.argv[k + 1]! : fallback;
};
const seeds = arg("seeds", "2501,2502,2503,2504,2505,2506").split(",").map(Number);
const layouts = arg("layouts", "table12,column-order").split(",");
const producer = arg("producer", "libreoffice-borderless") as Producer;
const cache = arg("cache", path.join(tmpdir(), "jixiao-borderless-accuracy"));
const verbose = process.argv.includes("--verbose");
mkdirSync(cache, { recursive: true });

const table = new AccuracyTable(44);
console.log(table.header());
for (const layout of layouts)
  for (const seed of seeds) {
    const m = await measure(cache, `${layout}-${seed}-${producer}`, () => makeFixture(seed, layout, producer));
    console.log(table.add(m));
    if (verbose) for (const line of m.details) console.log(line);
  }
console.log(table.summary());
