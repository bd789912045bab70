/**
 * The generated corpus: each department (both framework layouts) printed in every layout
 * (layouts.ts) and rendered through every container, with the truth kept beside each
 * rendering. `writeCorpus` puts a sample on disk for people to open.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TargetDocument } from "@jixiao/core";
import { generateDepartment } from "./department.ts";
import type { Printed } from "./grid.ts";
import { LAYOUTS, type LayoutSpec } from "./layouts.ts";
import { rng } from "./random.ts";
import { renderDocx } from "./render-docx.ts";
import { renderCsv, renderHtml, renderLines, renderTsv } from "./render-markup.ts";
import { renderXlsx } from "./render-xlsx.ts";

export const CONTAINERS = ["html", "docx", "xlsx", "csv", "tsv", "lines"] as const;
export type Container = (typeof CONTAINERS)[number];

export interface Rendering {
  container: Container;
  layout: string;
  seed: number;
  fileName: string;
  bytes: Uint8Array;
  truth: TargetDocument;
}

/** The department of a seed printed in a layout: what to render and the truth to expect. */
export function printDepartment(seed: number, layout: LayoutSpec): { truth: TargetDocument; printed: Printed } {
  const doc = generateDepartment(seed, { layout: seed % 2 ? "older" : "cost-first-level-2021" });
  return layout.print(doc, rng(seed ^ 0x1a70));
}

/** Renders a printed table in one container. */
export async function render(
  container: Container,
  printed: Printed,
  seed: number,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const base = `dept-${seed}`;
  switch (container) {
    case "html":
      // A third of the pages are GBK, as older county sites serve them.
      return {
        fileName: `${base}.html`,
        bytes: renderHtml(printed, seed % 3 === 0 ? "gbk" : "utf-8", rng(seed ^ 0x4e15e)),
      };
    case "docx":
      return { fileName: `${base}.docx`, bytes: renderDocx(printed, rng(seed ^ 0x4e15e)) };
    case "xlsx":
      return { fileName: `${base}.xlsx`, bytes: await renderXlsx(printed) };
    case "csv":
      return { fileName: `${base}.csv`, bytes: renderCsv(printed) };
    case "tsv":
      // Half copied from a spreadsheet (merged cells blank), half from a browser (covered cells absent).
      return { fileName: `${base}.txt`, bytes: renderTsv(printed, seed % 2 ? "browser" : "sheet") };
    case "lines":
      return { fileName: `${base}.txt`, bytes: renderLines(printed) };
  }
}

/** Every rendering of `count` departments per layout, in every container asked for. */
export async function* renderings(
  count: number,
  containers: readonly Container[] = CONTAINERS,
  layouts: readonly LayoutSpec[] = LAYOUTS,
  firstSeed = 1,
): AsyncGenerator<Rendering> {
  for (let li = 0; li < layouts.length; li++) {
    const layout = layouts[li]!;
    for (let n = 0; n < count; n++) {
      const seed = firstSeed + li * 100_003 + n;
      const { truth, printed } = printDepartment(seed, layout);
      for (const container of containers) {
        const { fileName, bytes } = await render(container, printed, seed);
        yield { container, layout: layout.id, seed, fileName, bytes, truth };
      }
    }
  }
}

/** Writes one department per layout × container, with its truth, into `dir`. */
export async function writeCorpus(dir: string, count = 1): Promise<number> {
  let n = 0;
  for await (const r of renderings(count)) {
    const sub = path.join(dir, r.layout, r.container);
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, r.fileName), r.bytes);
    writeFileSync(path.join(sub, `dept-${r.seed}.truth.json`), `${JSON.stringify(r.truth, null, 2)}\n`);
    n++;
  }
  return n;
}

// `node --import tsx bench/generator/corpus.ts OUT_DIR [COUNT]`: a sample corpus on disk.
if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  const dir = process.argv[2] ?? "bench/out/corpus";
  const n = await writeCorpus(dir, Number(process.argv[3] ?? 1));
  console.log(`${n} renderings written to ${dir}`);
}
