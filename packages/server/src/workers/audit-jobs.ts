/**
 * The audit-log xlsx the pool's workers write: one row per changed field, every text cell
 * neutralised for spreadsheets (core's spreadsheetSafe), so a user name or a reason starting
 * with = + - @ is never read as a formula.
 */
import { type Diagnostic, spreadsheetSafe } from "@jixiao/core";
import ExcelJS from "exceljs";

export interface AuditXlsxJob {
  title: string;
  header: string[];
  rows: string[][];
  /** Column widths in characters. */
  widths: number[];
}

export async function writeAuditJob(
  job: AuditXlsxJob,
): Promise<{ value: Uint8Array | null; diagnostics: Diagnostic[] }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  const ws = wb.addWorksheet(spreadsheetSafe(job.title).slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = job.header.map((h, i) => ({ header: spreadsheetSafe(h), width: job.widths[i] ?? 16 }));
  ws.getRow(1).font = { bold: true };
  for (const r of job.rows) {
    const row = ws.addRow(r.map((c) => spreadsheetSafe(c)));
    row.alignment = { vertical: "top", wrapText: true };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: job.header.length } };
  const buf = await wb.xlsx.writeBuffer();
  return { value: new Uint8Array(buf as ArrayBuffer), diagnostics: [] };
}
