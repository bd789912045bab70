/**
 * PDFs of generated departments as real producers print them, with the truth beside each:
 *   - LibreOffice: the department as jixiao exports it to xlsx (borders, A4 landscape) →
 *     `soffice --headless --convert-to pdf`; the same workbook with its borders cleared
 *     ("libreoffice-borderless"); the generator's docx of a layout the same way (writer);
 *   - chromium: the department's HTML → printHtmlToPdf (formats/src/pdf/write-pdf.ts);
 *   - scanned: the chromium print (≈ 10.5 pt, as offices print a 表12) rasterised by pdftocairo
 *     at 150 dpi (one-channel grey JPEG) and wrapped as an image-only PDF (no text layer), as a
 *     scanner would produce it.
 *
 *   npx tsx scripts/make-pdf-fixtures.ts [OUT_DIR] [--count N] [--layouts a,b]
 *
 * Without arguments it rewrites the small committed set in packages/formats/test-fixtures/pdf/.
 * Needs soffice, chromium and pdftocairo (Debian: libreoffice-calc-nogui libreoffice-writer-nogui
 * chromium fonts-noto-cjk poppler-utils).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TargetDocument } from "@jixiao/core";
import { printDepartment, render } from "../bench/generator/corpus.ts";
import { layoutById } from "../bench/generator/layouts.ts";
import { renderHtml } from "../bench/generator/render-markup.ts";
import { printHtmlToPdf } from "../packages/formats/src/pdf/write-pdf.ts";
import { buildWorkbook, writeXlsx } from "../packages/formats/src/xlsx/write-xlsx.ts";
import { imagesPdf, jpegSize, type ScanVariant, scanVariant } from "./scan-variants.ts";

export type Producer =
  | "libreoffice"
  | "libreoffice-docx"
  | "chromium"
  | "chromium-collapsed"
  | "chromium-borderless"
  | "scanned"
  | "libreoffice-tiled"
  | "libreoffice-tiled-over"
  | "libreoffice-tiled-borderless"
  | "libreoffice-borderless";

/**
 * How a web page styles its table, as CMS pages do: borders collapsed into one line between
 * cells (a table broken over pages is then drawn open at the break: no line above the rows
 * continued on the next page), or no borders at all (the page is read by text positions).
 */
const PAGE_STYLE: Partial<Record<Producer, string>> = {
  "chromium-collapsed":
    "table{border-collapse:collapse}td{border:1px solid #000;padding:4px 6px}p{margin:0}body{font-size:10.5pt}",
  "chromium-borderless":
    "table{border-collapse:collapse}table,td{border:none!important}td{padding:6px 8px}p{margin:0}body{font-size:10.5pt}",
};

export interface PdfFixture {
  name: string;
  producer: Producer;
  layout: string;
  seed: number;
  pdf: Uint8Array;
  truth: TargetDocument;
}

/** Converts a file with LibreOffice; returns the PDF bytes. */
export function sofficePdf(bytes: Uint8Array, ext: string): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-soffice-"));
  try {
    const src = path.join(dir, `in.${ext}`);
    writeFileSync(src, bytes);
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, src],
      { stdio: "ignore", timeout: 180_000 },
    );
    return new Uint8Array(readFileSync(path.join(dir, "in.pdf")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The workbook jixiao exports, set to print as offices often leave it: portrait, 100 %, no fit to
 * the page, so the sheet is wider than the paper and printed tiled in column strips — calc's
 * default page order (down, then over) or Excel's other one (over, then down); the header row
 * repeated on every page. `borders: false` clears the cell borders (no ruling lines).
 */
export async function tiledXlsx(
  truth: TargetDocument,
  order: "downThenOver" | "overThenDown",
  borders = true,
): Promise<Uint8Array> {
  const wb = buildWorkbook(truth);
  const ws = wb.worksheets[0]!;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: "portrait",
    fitToPage: false,
    scale: 100,
    pageOrder: order,
    horizontalCentered: false,
  };
  if (!borders)
    ws.eachRow((row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.border = {};
      }),
    );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The workbook jixiao exports (A4 landscape, fit to width) with its cell borders cleared, as a
 * sheet is often kept: calc prints it with no ruling lines and its rows exactly one line height
 * apart (no padding between them), merged cells centred vertically in their range.
 */
export async function borderlessXlsx(truth: TargetDocument): Promise<Uint8Array> {
  const wb = buildWorkbook(truth);
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.border = {};
      }),
    );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An image-only PDF: one grey JPEG per page, filling a page of the given size in points. */
export function imagePdf(pages: Array<{ jpeg: Uint8Array; widthPt: number; heightPt: number }>): Uint8Array {
  return imagesPdf(
    pages.map((p) => {
      const { width, height, components } = jpegSize(p.jpeg);
      const colour = components === 1 ? "DeviceGray" : "DeviceRGB";
      return {
        widthPt: p.widthPt,
        heightPt: p.heightPt,
        images: [
          {
            x: 0,
            y: 0,
            w: p.widthPt,
            h: p.heightPt,
            dict: `/Width ${width} /Height ${height} /ColorSpace /${colour} /BitsPerComponent 8 /Filter /DCTDecode`,
            data: p.jpeg,
          },
        ],
      };
    }),
  );
}

/**
 * Rasterises a PDF as a scanner would (pdftocairo: one-channel grey JPEG at `dpi`) and wraps the
 * pages as an image-only PDF.
 */
export function scanPdf(pdf: Uint8Array, dpi = 150, quality = 60): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-scan-"));
  try {
    writeFileSync(path.join(dir, "in.pdf"), pdf);
    execFileSync(
      "pdftocairo",
      [
        "-r",
        String(dpi),
        "-gray",
        "-jpeg",
        "-jpegopt",
        `quality=${quality}`,
        path.join(dir, "in.pdf"),
        path.join(dir, "p"),
      ],
      { timeout: 120_000 },
    );
    const files = readdirSync(dir)
      .filter((f) => /^p-\d+\.jpg$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    return imagePdf(
      files.map((f) => {
        const jpeg = new Uint8Array(readFileSync(path.join(dir, f)));
        const { width, height } = jpegSize(jpeg);
        return { jpeg, widthPt: (width * 72) / dpi, heightPt: (height * 72) / dpi };
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One department printed by one producer; a scanned one as a scanner of `variant` makes it
 * (scripts/scan-variants.ts: skew, resolution, bitonal, strips), when given.
 */
export async function makeFixture(
  seed: number,
  layoutId: string,
  producer: Producer,
  dpi = 150,
  variant?: ScanVariant,
): Promise<PdfFixture> {
  const { truth, printed } = printDepartment(seed, layoutById(layoutId));
  let pdf: Uint8Array;
  if (producer.startsWith("chromium") || producer === "scanned") {
    // The department's web page printed by chromium: 宋体-like serif at ≈ 10.5 pt, as offices
    // print a 表12. The scanned copy is that print rasterised at `dpi` (a ≥ 9 pt table at 150
    // dpi: an ideograph ≈ 20 px tall, like an office scanner's default).
    const style = PAGE_STYLE[producer];
    const page = new TextDecoder().decode(renderHtml(printed, "utf-8"));
    const html = style ? page.replace("</head>", `<style>${style}</style></head>`) : page;
    const r = await printHtmlToPdf(html);
    if (!r.value) throw new Error(r.diagnostics.map((d) => d.messageEn).join("; "));
    pdf =
      producer !== "scanned" ? r.value : variant ? scanVariant(r.value, { dpi, ...variant }) : scanPdf(r.value, dpi);
  } else if (producer.startsWith("libreoffice-tiled")) {
    const order = producer === "libreoffice-tiled-over" ? "overThenDown" : "downThenOver";
    pdf = sofficePdf(await tiledXlsx(truth, order, producer !== "libreoffice-tiled-borderless"), "xlsx");
  } else if (producer === "libreoffice-borderless") {
    pdf = sofficePdf(await borderlessXlsx(truth), "xlsx");
  } else if (producer === "libreoffice-docx") {
    pdf = sofficePdf((await render("docx", printed, seed)).bytes, "docx");
  } else {
    // The workbook as jixiao exports it (borders, A4 landscape, fit to width), as offices print.
    pdf = sofficePdf(await writeXlsx(truth), "xlsx");
  }
  return { name: `${layoutId}-${seed}-${producer}`, producer, layout: layoutId, seed, pdf, truth };
}

/** The committed set: small, one of each producer. */
export const FIXTURE_SET: Array<[number, string, Producer]> = [
  [3, "table12", "libreoffice"],
  [4, "table12", "chromium"],
  [5, "sichuan", "libreoffice-docx"],
  [6, "table12", "scanned"],
  // A table broken over pages with collapsed borders: the continued rows have no line above.
  [7, "table12", "chromium-collapsed"],
  // No borders at all (read by text positions): merged cells printed once, centred; 3 pages.
  [12, "table12", "chromium-borderless"],
  // The workbook printed at 100 % on portrait A4 without fit to width: 3 column strips × 2 bands
  // of rows, in calc's page order (down, then over) and Excel's other one (over, then down).
  [1505, "table12", "libreoffice-tiled"],
  [1505, "table12", "libreoffice-tiled-over"],
  // The workbook with its cell borders cleared, printed by calc: no ruling lines, rows barely
  // apart (read by text positions; 28 of 30 exact, 2026-12-03).
  [3, "table12", "libreoffice-borderless"],
  // The same, columns in another order, over two pages: calc repeats the header and prints a cut
  // merged cell's text centred in the whole cell on both pages (every indicator exact, 2026-12-03).
  [5, "column-order", "libreoffice-borderless"],
];

if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  const out =
    process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : "packages/formats/test-fixtures/pdf";
  mkdirSync(out, { recursive: true });
  for (const [seed, layout, producer] of FIXTURE_SET) {
    const f = await makeFixture(seed, layout, producer);
    writeFileSync(path.join(out, `${f.name}.pdf`), f.pdf);
    writeFileSync(path.join(out, `${f.name}.truth.json`), `${JSON.stringify(f.truth, null, 1)}\n`);
    console.log(`${f.name}.pdf  ${(f.pdf.length / 1024).toFixed(0)} KB`);
  }
}
