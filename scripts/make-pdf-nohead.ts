/**
 * Prints of generated departments WITHOUT a repeated header row on the continuing pages (the
 * print-title row removed from the workbook; the web page has no <thead>), so a merged cell cut by
 * a page break prints its text on one part only, and reads them back against the truth.
 *
 *   npx tsx scripts/make-pdf-nohead.ts [outDir] [--seeds=7,11,23] [--producers=libreoffice-nohead,chromium]
 *
 * PDFs are kept in outDir (default /tmp/jixiao-nohead) and reused when present.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TargetDocument } from "@jixiao/core";
import { compareDocuments } from "../bench/generator/compare.ts";
import { printDepartment } from "../bench/generator/corpus.ts";
import { layoutById } from "../bench/generator/layouts.ts";
import { readPdf } from "../packages/formats/src/pdf/read-pdf.ts";
import { buildWorkbook } from "../packages/formats/src/xlsx/write-xlsx.ts";
import { makeFixture, sofficePdf } from "./make-pdf-fixtures.ts";

export type NoHeadProducer =
  | "libreoffice-nohead"
  | "libreoffice-nohead-portrait"
  | "libreoffice-nohead-big"
  | "libreoffice-nohead-tiled"
  | "libreoffice-nohead-tiled-over"
  | "chromium"
  | "chromium-collapsed";

/** The workbook jixiao exports without its print-title row (the header printed on page 1 only). */
export async function noHeadXlsx(truth: TargetDocument, variant: NoHeadProducer): Promise<Uint8Array> {
  const wb = buildWorkbook(truth);
  const ws = wb.worksheets[0]!;
  const setup = { ...ws.pageSetup };
  delete setup.printTitlesRow;
  if (variant === "libreoffice-nohead-portrait") setup.orientation = "portrait";
  if (variant === "libreoffice-nohead-big") {
    // Printed larger than fit to width: fewer rows a page, more breaks through merged cells.
    setup.fitToPage = false;
    setup.scale = 100;
  }
  if (variant.startsWith("libreoffice-nohead-tiled")) {
    // Portrait at 100 %: wider than the paper, printed in column strips.
    setup.orientation = "portrait";
    setup.fitToPage = false;
    setup.scale = 100;
    setup.horizontalCentered = false;
    setup.pageOrder = variant === "libreoffice-nohead-tiled-over" ? "overThenDown" : "downThenOver";
  }
  ws.pageSetup = setup;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function makeNoHead(
  seed: number,
  producer: NoHeadProducer,
): Promise<{ name: string; pdf: Uint8Array; truth: TargetDocument }> {
  if (producer === "chromium" || producer === "chromium-collapsed") {
    const f = await makeFixture(seed, "table12", producer);
    return { name: f.name, pdf: f.pdf, truth: f.truth };
  }
  const { truth } = printDepartment(seed, layoutById("table12"));
  const pdf = sofficePdf(await noHeadXlsx(truth, producer), "xlsx");
  return { name: `table12-${seed}-${producer}`, pdf, truth };
}

if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  const args = process.argv.slice(2);
  const opt = (k: string) => args.find((a) => a.startsWith(`--${k}=`))?.split("=")[1];
  const out = args.find((a) => !a.startsWith("--")) ?? "/tmp/jixiao-nohead";
  const seeds = (opt("seeds") ?? "7,11,23,1505").split(",").map(Number);
  const producers = (opt("producers") ?? "libreoffice-nohead,libreoffice-nohead-portrait").split(
    ",",
  ) as NoHeadProducer[];
  mkdirSync(out, { recursive: true });
  let exact = 0;
  let total = 0;
  for (const producer of producers)
    for (const seed of seeds) {
      const base = path.join(out, `table12-${seed}-${producer}`);
      let pdf: Uint8Array;
      let truth: TargetDocument;
      if (existsSync(`${base}.pdf`) && existsSync(`${base}.truth.json`)) {
        pdf = new Uint8Array(readFileSync(`${base}.pdf`));
        truth = JSON.parse(readFileSync(`${base}.truth.json`, "utf8")) as TargetDocument;
      } else {
        const f = await makeNoHead(seed, producer);
        pdf = f.pdf;
        truth = f.truth;
        writeFileSync(`${base}.pdf`, pdf);
        writeFileSync(`${base}.truth.json`, `${JSON.stringify(truth, null, 1)}\n`);
      }
      const r = await readPdf(pdf);
      const c = compareDocuments(truth, r.value);
      exact += c.exact;
      total += c.indicators;
      const errors = r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
      console.log(
        `${path.basename(base)}: ${c.exact}/${c.indicators} exact, projects ${r.value?.projects.length ?? 0}/${truth.projects.length}${errors.length ? `, errors ${[...new Set(errors)].join(" ")}` : ""}`,
      );
    }
  console.log(`total: ${exact}/${total} exact`);
}
