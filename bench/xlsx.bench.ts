/**
 * xlsx import and export of a ≥ 100,000-indicator workbook, in indicator rows per second,
 * beside ExcelJS merely writing the same cells (no styles, no merges) and merely loading the
 * same file and visiting every cell — both measured in the same run; the ratios are the figures.
 */
import { isDeepStrictEqual } from "node:util";
import { readXlsx } from "@jixiao/formats/xlsx/read-xlsx.ts";
import { buildWorkbook, writeXlsx } from "@jixiao/formats/xlsx/write-xlsx.ts";
import ExcelJS from "exceljs";
import { generateDepartment } from "./generator/department.ts";

const TARGET = Number(process.env.XLSX_BENCH_ROWS ?? 100_000);

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export default async function (): Promise<void> {
  let doc = generateDepartment(42, { projects: Math.ceil(TARGET / 12) });
  let rows = doc.projects.reduce((n, p) => n + p.indicators.length, 0);
  while (rows < TARGET) {
    const more = generateDepartment(43 + rows, { projects: Math.ceil((TARGET - rows) / 12) + 1 });
    doc = { ...doc, projects: [...doc.projects, ...more.projects] };
    rows = doc.projects.reduce((n, p) => n + p.indicators.length, 0);
  }
  console.log(`workbook: ${doc.projects.length} projects, ${rows} indicator rows`);

  // Baseline write: the same cell values, plain ExcelJS.
  const plain = buildWorkbook(doc).worksheets[0]!;
  const values: unknown[][] = [];
  plain.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
  let t0 = process.hrtime.bigint();
  const bwb = new ExcelJS.Workbook();
  const bws = bwb.addWorksheet("表12");
  for (const v of values) bws.addRow(v);
  await bwb.xlsx.writeBuffer();
  const baseWrite = ms(t0);

  t0 = process.hrtime.bigint();
  const bytes = await writeXlsx(doc);
  const ourWrite = ms(t0);

  // Baseline read: load the same file and visit every cell.
  t0 = process.hrtime.bigint();
  const rwb = new ExcelJS.Workbook();
  await rwb.xlsx.load(bytes as unknown as ArrayBuffer);
  let cells = 0;
  for (const ws of rwb.worksheets)
    ws.eachRow((row) =>
      row.eachCell(() => {
        cells++;
      }),
    );
  const baseRead = ms(t0);

  t0 = process.hrtime.bigint();
  const back = await readXlsx(bytes);
  const ourRead = ms(t0);
  const same = isDeepStrictEqual(back.value?.projects.length, doc.projects.length);

  const rate = (t: number) => Math.round(rows / (t / 1000)).toLocaleString("en-US");
  console.log(`file: ${(bytes.length / 1e6).toFixed(1)} MB, ${cells.toLocaleString("en-US")} cells`);
  console.log(
    `export  jixiao writeXlsx (styles, merges, print setup): ${ourWrite.toFixed(0)} ms = ${rate(ourWrite)} rows/s`,
  );
  console.log(
    `        ExcelJS plain write of the same cells:           ${baseWrite.toFixed(0)} ms = ${rate(baseWrite)} rows/s`,
  );
  console.log(`        ratio jixiao/ExcelJS time: ${(ourWrite / baseWrite).toFixed(2)}x`);
  console.log(
    `import  jixiao readXlsx (to a document):                 ${ourRead.toFixed(0)} ms = ${rate(ourRead)} rows/s`,
  );
  console.log(
    `        ExcelJS load + visit every cell:                 ${baseRead.toFixed(0)} ms = ${rate(baseRead)} rows/s`,
  );
  console.log(`        ratio jixiao/ExcelJS time: ${(ourRead / baseRead).toFixed(2)}x`);
  console.log(`round trip: ${same ? "same project count" : "MISMATCH"}, ${back.diagnostics.length} diagnostics`);
}
