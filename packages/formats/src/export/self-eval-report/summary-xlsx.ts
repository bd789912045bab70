/**
 * The department summary as an xlsx workbook: sheet 汇总 (every project with budget, score, grade,
 * 抽评 score and difference, then the totals row) and sheet 等级分布 (projects per grade). Scores
 * and money are numeric cells (number formats with 千分位); every text cell from users passes
 * core's spreadsheetSafe, so a name like "=HYPERLINK(…)" stays text in any spreadsheet.
 */
import { spreadsheetSafe } from "@jixiao/core";
import ExcelJS from "exceljs";
import {
  distributionTable,
  gradeDistribution,
  rowDifference,
  SUMMARY_HEADERS,
  summaryTotals,
  UNSCORED,
} from "./department-summary.ts";
import { exactOf } from "./numbers.ts";
import type { Amount, DepartmentSummaryInput } from "./types.ts";

const thin = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 10 };
const BOLD: Partial<ExcelJS.Font> = { ...FONT, bold: true };
const GREY: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
const MONEY = "#,##0.00";
const SCORE = "0.00";
const DIFF = "+0.00;-0.00;0.00";

/** A numeric cell value from an amount (exact text read as the nearest number), or "—". */
function numberOf(v: Amount | ReturnType<typeof exactOf>): number | string {
  const x = exactOf(v);
  return x === null ? "—" : x.toNumber();
}

const text = (s: string) => spreadsheetSafe(s);

function styled(
  ws: ExcelJS.Worksheet,
  r: number,
  c: number,
  value: ExcelJS.CellValue,
  o: { head?: boolean; bold?: boolean; numFmt?: string; align?: "left" | "center" | "right" } = {},
) {
  const cell = ws.getCell(r, c);
  cell.value = value;
  cell.font = o.head || o.bold ? BOLD : FONT;
  cell.border = BORDER;
  cell.alignment = {
    vertical: "middle",
    wrapText: true,
    horizontal: o.align ?? (o.head ? "center" : typeof value === "number" ? "right" : "left"),
  };
  if (o.head) cell.fill = GREY;
  if (o.numFmt) cell.numFmt = o.numFmt;
}

function title(ws: ExcelJS.Worksheet, textValue: string, sub: string, cols: number) {
  const t = ws.getCell(1, 1);
  t.value = text(textValue);
  t.font = { name: "黑体", size: 16, bold: true };
  t.alignment = { horizontal: "center", vertical: "middle" };
  ws.mergeCells(1, 1, 1, cols);
  ws.getRow(1).height = 30;
  const s = ws.getCell(2, 1);
  s.value = sub;
  s.font = FONT;
  s.alignment = { horizontal: "center" };
  ws.mergeCells(2, 1, 2, cols);
}

/**
 * The summary workbook.
 * @example buildDepartmentSummaryWorkbook(input).worksheets.map((w) => w.name) // ["汇总", "等级分布"]
 */
export function buildDepartmentSummaryWorkbook(input: DepartmentSummaryInput): ExcelJS.Workbook {
  const unit = input.moneyUnit ?? "万元";
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  wb.title = input.title;
  const ws = wb.addWorksheet("汇总", {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "3:3",
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
  });
  ws.columns = [6, 30, 22, 14, 10, 8, 10, 14].map((width) => ({ width }));
  title(ws, input.title, `（${input.fiscalYear}年度 项目支出绩效自评汇总，金额单位：${unit}）`, 8);
  SUMMARY_HEADERS.forEach((h, i) => {
    styled(ws, 3, i + 1, h, { head: true });
  });
  ws.getRow(3).height = 30;
  input.rows.forEach((row, i) => {
    const r = 4 + i;
    styled(ws, r, 1, i + 1, { align: "center" });
    styled(ws, r, 2, text(row.name));
    styled(ws, r, 3, text(row.orgName));
    styled(ws, r, 4, numberOf(row.budget), { numFmt: MONEY, align: "right" });
    styled(ws, r, 5, numberOf(row.score), { numFmt: SCORE, align: "center" });
    styled(ws, r, 6, text(row.grade?.trim() ? row.grade : UNSCORED), { align: "center" });
    styled(ws, r, 7, numberOf(row.spotCheckScore), { numFmt: SCORE, align: "center" });
    styled(ws, r, 8, numberOf(rowDifference(row)), { numFmt: DIFF, align: "center" });
  });
  const totals = summaryTotals(input);
  const t = 4 + input.rows.length;
  styled(ws, t, 1, `合计（${totals.projects} 个项目；得分为平均分，抽评与差异为项目数）`, {
    bold: true,
    align: "center",
  });
  styled(ws, t, 2, null);
  styled(ws, t, 3, null);
  ws.mergeCells(t, 1, t, 3);
  styled(ws, t, 4, totals.budget.toNumber(), { bold: true, numFmt: MONEY, align: "right" });
  styled(ws, t, 5, totals.meanScore === null ? "—" : Number(totals.meanScore), {
    bold: true,
    numFmt: SCORE,
    align: "center",
  });
  styled(ws, t, 6, "—", { bold: true, align: "center" });
  styled(ws, t, 7, `${totals.sampled} 个`, { bold: true, align: "center" });
  styled(ws, t, 8, `${totals.differing} 个`, { bold: true, align: "center" });
  ws.getRow(t).height = 30;

  const gs = wb.addWorksheet("等级分布");
  gs.columns = [14, 12, 12].map((width) => ({ width }));
  title(gs, "自评等级分布", `（${input.fiscalYear}年度）`, 3);
  const dist = distributionTable(gradeDistribution(input));
  dist.rows.forEach((row, i) => {
    row.forEach((c, j) => {
      const numeric = i > 0 && j === 1 ? Number(c.text) : text(c.text);
      styled(gs, 3 + i, j + 1, numeric, { head: i === 0, bold: c.bold, align: "center" });
    });
  });
  return wb;
}

/**
 * The summary as xlsx bytes.
 * @example (await departmentSummaryXlsx(input)).subarray(0, 2) // "PK"
 */
export async function departmentSummaryXlsx(input: DepartmentSummaryInput): Promise<Uint8Array> {
  const buf = await buildDepartmentSummaryWorkbook(input).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
