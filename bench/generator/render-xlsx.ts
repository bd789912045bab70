/**
 * Renders a printed table as an xlsx workbook through ExcelJS: one sheet, paragraphs as
 * title rows merged across the table, merged ranges for spans, numbers in numeric cells
 * (budgets with a #,##0.00 format), tables stacked with a blank row between.
 */
import ExcelJS from "exceljs";
import { type Printed, tableWidth } from "./grid.ts";

export async function renderXlsx(printed: Printed): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  const width = printed.blocks.reduce((w, b) => (b.kind === "table" ? Math.max(w, tableWidth(b.rows)) : w), 1);
  let r = 1;
  for (const b of printed.blocks) {
    if (b.kind === "para") {
      ws.getCell(r, 1).value = b.text;
      if (width > 1) ws.mergeCells(r, 1, r, width);
      r++;
      continue;
    }
    b.rows.forEach((row, i) => {
      row.forEach((c, k) => {
        if (!c) return;
        const xc = ws.getCell(r + i, k + 1);
        if (c.num !== undefined) {
          xc.value = c.num;
          if (/,/.test(c.text) || /\.\d\d$/.test(c.text)) xc.numFmt = /,/.test(c.text) ? "#,##0.00" : "0.00";
        } else xc.value = c.text;
        if ((c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1)
          ws.mergeCells(r + i, k + 1, r + i + (c.rowSpan ?? 1) - 1, k + (c.colSpan ?? 1));
      });
    });
    r += b.rows.length + 1;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
