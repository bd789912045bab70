/**
 * Reads renderings of the generated corpus back through `readDocument` and tallies, per
 * container and layout: indicators exact, indicators wrong or missing, and those of them no
 * diagnostic flags (a warning or error on their project, or an error on the document).
 */
import type { Diagnostic } from "@jixiao/core";
import { readDocument } from "../../packages/formats/src/read-document.ts";
import { compareDocuments } from "./compare.ts";
import type { Rendering } from "./corpus.ts";

export interface Tally {
  indicators: number;
  exact: number;
  /** Wrong or missing indicators that no diagnostic flags. */
  unflagged: number;
  /** Renderings whose project count, names or budgets differ from the truth. */
  projectErrors: number;
  /** A few examples of what went wrong, for the report. */
  examples: string[];
}

export function emptyTally(): Tally {
  return { indicators: 0, exact: 0, unflagged: 0, projectErrors: 0, examples: [] };
}

function flags(diags: Diagnostic[], project: number, indicator?: number): boolean {
  return diags.some(
    (d) =>
      (d.severity === "error" && d.projectIndex === undefined) ||
      (d.severity !== "info" &&
        d.projectIndex === project &&
        (indicator === undefined || d.indicatorIndex === undefined || d.indicatorIndex === indicator)),
  );
}

const KEY_FIELDS = /^(projects:|project \d+ (name|budget|unitCode):|document is null)/;

/** Reads one rendering back and adds what came back to each tally (examples to the first ones). */
export async function tallyRendering(r: Rendering, tallies: Tally | Tally[], maxExamples = 3): Promise<void> {
  const { value, diagnostics } = await readDocument(r.bytes, { fileName: r.fileName });
  const c = compareDocuments(r.truth, value);
  const where = `${r.layout}/${r.container} seed ${r.seed}`;
  const keyErrors = c.fieldErrors.filter((e) => KEY_FIELDS.test(e));
  const examples: string[] = [];
  let unflagged = 0;
  if (keyErrors.length) examples.push(`${where}: ${keyErrors.slice(0, 2).join("; ")}`);
  for (const [p, i] of c.wrong) {
    if (flags(diagnostics, p, i)) continue;
    unflagged++;
    const got = value?.projects[p]?.indicators[i];
    const truth =
      r.truth.projects[p]?.indicators.find((x) => x.name === got?.name) ?? r.truth.projects[p]?.indicators[i];
    examples.push(`${where} p${p} i${i}: got ${JSON.stringify(got)} truth ${JSON.stringify(truth)}`);
  }
  for (const [p, n] of c.missing) {
    if (flags(diagnostics, p)) continue;
    unflagged += n;
    examples.push(`${where} p${p}: ${n} indicators missing, unflagged`);
  }
  for (const t of Array.isArray(tallies) ? tallies : [tallies]) {
    t.indicators += c.indicators;
    t.exact += c.exact;
    t.unflagged += unflagged;
    if (keyErrors.length) t.projectErrors++;
    for (const e of examples) if (t.examples.length < maxExamples) t.examples.push(e);
  }
}

export function rate(t: Tally): number {
  return t.indicators ? t.exact / t.indicators : 0;
}
