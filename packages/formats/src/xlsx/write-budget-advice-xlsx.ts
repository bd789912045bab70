/**
 * xlsx export of next year's budget advice from self-evaluation results (issue 17): one sheet
 * listing each project with its department, unit, this year's budget, the score and grade used
 * (the unit's accepted result or the finance bureau's 抽评), the advice and the advised amount,
 * then totals per money unit. Amounts are written as numbers from their exact decimal text; names
 * go through spreadsheetSafe. A4 landscape, the header repeated on every printed page.
 */
import { spreadsheetSafe } from "@jixiao/core";
import ExcelJS from "exceljs";

export interface BudgetAdviceSheetRow {
  orgName: string;
  unitName: string;
  name: string;
  moneyUnit: string;
  budget: string;
  score: number | null;
  grade: string | null;
  /** "unit" or "spot-check". */
  scoreSource: string | null;
  adviceLabel: string | null;
  /** Reduction share as a decimal text ("0.1"), when the advice reduces. */
  share: string | null;
  amount: string | null;
}

export interface BudgetAdviceSheet {
  title: string;
  rows: BudgetAdviceSheetRow[];
  totals: { moneyUnit: string; budget: string; advised: string }[];
}

export const BUDGET_ADVICE_HEADER = [
  "序号",
  "部门",
  "单位",
  "项目名称",
  "金额单位",
  "本年预算数",
  "自评得分",
  "等级",
  "得分来源",
  "下年预算建议",
  "压减比例",
  "建议安排数",
] as const;
const WIDTHS = [6, 18, 22, 30, 8, 12, 9, 7, 9, 14, 9, 12];
const thin = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 10 };
const MONEY = "#,##0.00";

const num = (t: string | null) => (t === null || t === "" ? null : Number(t));

export async function writeBudgetAdviceXlsx(sheet: BudgetAdviceSheet): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("预算建议", {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "2:2",
    },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, WIDTHS.length);
  const title = ws.getCell(1, 1);
  title.value = spreadsheetSafe(sheet.title);
  title.font = { ...FONT, size: 14, bold: true };
  title.alignment = { horizontal: "center" };
  const put = (r: number, c: number, v: string | number | null, fmt?: string, bold = false) => {
    const cell = ws.getCell(r, c);
    cell.value = typeof v === "string" ? spreadsheetSafe(v) : v;
    cell.border = BORDER;
    cell.font = { ...FONT, bold };
    cell.alignment = { vertical: "middle", wrapText: true, horizontal: typeof v === "number" ? "right" : "left" };
    if (fmt) cell.numFmt = fmt;
  };
  BUDGET_ADVICE_HEADER.forEach((h, i) => {
    put(2, i + 1, h, undefined, true);
  });
  let r = 3;
  sheet.rows.forEach((row, i) => {
    const source = row.scoreSource === "spot-check" ? "财政抽评" : row.scoreSource === "unit" ? "单位自评" : "";
    const values = [
      i + 1,
      row.orgName,
      row.unitName,
      row.name,
      row.moneyUnit,
      num(row.budget),
      row.score,
      row.grade ?? "",
      source,
      row.adviceLabel ?? "（未通过审核）",
      num(row.share),
      num(row.amount),
    ];
    values.forEach((v, c) => {
      put(r, c + 1, v, c === 5 || c === 11 ? MONEY : c === 10 ? "0%" : undefined);
    });
    r++;
  });
  for (const t of sheet.totals) {
    ws.mergeCells(r, 1, r, 4);
    put(r, 1, "合计", undefined, true);
    put(r, 5, t.moneyUnit);
    put(r, 6, num(t.budget), MONEY, true);
    for (let c = 7; c <= 11; c++) put(r, c, null);
    put(r, 12, num(t.advised), MONEY, true);
    r++;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
