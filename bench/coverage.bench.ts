/**
 * Coverage at scale: ≥ 200 generated departments per container (spread over every layout of
 * bench/generator/layouts.ts, both framework layouts), rendered as HTML, docx, xlsx, CSV, TSV
 * and one-cell-per-line text and read back through readDocument. Prints, per container and
 * layout, the share of indicators read back exactly and how many wrong or missing ones no
 * diagnostic flags. Baseline in the same run: the same departments printed as the seed's
 * PDF-extracted 表12 text (no damage), which the text importer has always read.
 */
import { readText } from "../packages/formats/src/text/read-text.ts";
import { compareDocuments } from "./generator/compare.ts";
import { CONTAINERS, renderings } from "./generator/corpus.ts";
import { emptyTally, rate, type Tally, tallyRendering } from "./generator/coverage.ts";
import { generateDepartment } from "./generator/department.ts";
import { LAYOUTS } from "./generator/layouts.ts";
import { NO_DAMAGE, printText } from "./generator/print-text.ts";

const DEPARTMENTS = Number(process.env.COVERAGE_DEPARTMENTS ?? 200);

function pct(t: Tally): string {
  return t.indicators ? `${(rate(t) * 100).toFixed(1)}%` : "-";
}

export default async function (): Promise<void> {
  const perLayout = Math.ceil(DEPARTMENTS / LAYOUTS.length);
  // Baseline: the table12 truth of the same seeds as the seed's text print.
  const base = emptyTally();
  for await (const r of renderings(perLayout, ["csv"], LAYOUTS.slice(0, 1))) {
    const doc = generateDepartment(r.seed, { layout: r.seed % 2 ? "older" : "cost-first-level-2021" });
    const c = compareDocuments(doc, readText(printText(doc, r.seed, NO_DAMAGE)).value);
    base.indicators += c.indicators;
    base.exact += c.exact;
  }
  const cells = new Map<string, Tally>();
  const totals = new Map<string, Tally>();
  const t0 = performance.now();
  for await (const r of renderings(perLayout)) {
    const k = `${r.layout}|${r.container}`;
    if (!cells.has(k)) cells.set(k, emptyTally());
    if (!totals.has(r.container)) totals.set(r.container, emptyTally());
    await tallyRendering(r, [cells.get(k)!, totals.get(r.container)!], 1);
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `${perLayout * LAYOUTS.length} departments per container (${perLayout} per layout × ${LAYOUTS.length} layouts), ${seconds.toFixed(1)} s`,
  );
  console.log(`baseline (表12 PDF-extracted text, undamaged): ${pct(base)} exact of ${base.indicators}`);
  const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - [...s].length));
  console.log(`\n${pad("layout", 20)}${CONTAINERS.map((c) => pad(c, 16)).join("")}`);
  for (const l of LAYOUTS) {
    const row = CONTAINERS.map((c) => {
      const t = cells.get(`${l.id}|${c}`)!;
      return pad(
        `${pct(t)}${t.unflagged ? ` !${t.unflagged}` : ""}${t.projectErrors ? ` p${t.projectErrors}` : ""}`,
        16,
      );
    });
    console.log(`${pad(l.id, 20)}${row.join("")}`);
  }
  console.log(
    `${pad("all", 20)}${CONTAINERS.map((c) => {
      const t = totals.get(c)!;
      return pad(`${pct(t)} !${t.unflagged}`, 16);
    }).join("")}`,
  );
  console.log("\n(!N: wrong or missing indicators no diagnostic flags; pN: renderings with wrong projects)");
  console.log("\nfirst failure per layout × container:");
  for (const [k, t] of cells) if (t.examples[0]) console.log(`  ${k}: ${t.examples[0].slice(0, 400)}`);
  const verdict = CONTAINERS.map((c) => {
    const t = totals.get(c)!;
    return `${c} ${rate(t) >= 0.99 && t.unflagged === 0 ? "PASS" : "FAIL"}`;
  });
  console.log(`\ntarget ≥ 99% exact and the rest flagged, per container: ${verdict.join(", ")}`);
}
