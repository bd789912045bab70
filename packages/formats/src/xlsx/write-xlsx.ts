/**
 * xlsx export of 表12 as a department publishes it: the title, 部门 and 单位：万元 above the
 * header, project columns and 一级/二级 merged vertically, the 合计 row, the 口径说明 footer;
 * A4 landscape, the header repeated on every printed page, page numbers in the footer,
 * column widths that fit Chinese text, wrapped cells.
 */
import type { TargetDocument } from "@jixiao/core";
import ExcelJS from "exceljs";
import type { ColumnKey } from "../csv/columns.ts";
import { HEADER } from "../csv/columns.ts";
import { departmentText, type FlatRow, flatten, isProjectColumn } from "../csv/flatten.ts";
import { installFastMerge } from "./fast-merge.ts";
import { wrappedLines } from "./sheet-layout.ts";

installFastMerge();

/** Default title when the document has none. */
export const DEFAULT_TITLE = "项目绩效目标表";

/** Column widths in characters (a CJK character is about 2 of Excel's width units). */
const WIDTH: Partial<Record<ColumnKey, number>> = {
  name: 20,
  unit: 20,
  category: 12,
  budget: 11,
  goal: 38,
  level1: 10,
  level2: 12,
  indicator: 28,
  nature: 8,
  operator: 10,
  target: 14,
  measure: 9,
  weight: 7,
  standard: 10,
  executed: 11,
  initialBudget: 11,
  actual: 12,
  grade: 9,
  score: 8,
  notApplicable: 7,
  deviationReason: 24,
};

const NUMERIC: ReadonlySet<ColumnKey> = new Set(["budget", "executed", "initialBudget"]);
const CENTERED: ReadonlySet<ColumnKey> = new Set([
  "category",
  "level1",
  "level2",
  "nature",
  "operator",
  "measure",
  "weight",
  "grade",
  "notApplicable",
  "score",
]);

const thin = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 10 };

/** Columns of the xlsx sheet: the published 13 plus 绩效标准 and self-evaluation when present. */
function sheetColumns(columns: ColumnKey[]): ColumnKey[] {
  return columns.filter((k) => !["seq", "title", "department", "fiscalYear", "total", "notes"].includes(k));
}

/** Runs of consecutive rows (within [from, to)) sharing a key: [start, end) pairs. */
function runs(rows: FlatRow[], from: number, to: number, key: (r: FlatRow) => string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  for (let i = from + 1; i <= to; i++) {
    if (i === to || key(rows[i]!) !== key(rows[start]!)) {
      out.push([start, i]);
      start = i;
    }
  }
  return out;
}

export interface XlsxOptions {
  /** Sheet name; 表12 by default. */
  sheetName?: string;
}

/**
 * Builds the 表12 workbook (ExcelJS) of a document.
 * @example (await buildWorkbook(doc)).worksheets[0].name // "表12"
 */
export function buildWorkbook(doc: TargetDocument, options: XlsxOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  wb.title = doc.title ?? DEFAULT_TITLE;
  const table = flatten(doc);
  const cols = sheetColumns(table.columns);
  const ncol = cols.length;
  const ws = wb.addWorksheet(options.sheetName ?? "表12", {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: "3:3",
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
    views: [{ state: "frozen", ySplit: 3 }],
  });
  ws.columns = cols.map((k) => ({ key: k, width: WIDTH[k] ?? 12 }));

  // Title, 部门 / 年度 / 单位.
  const title = ws.getRow(1);
  title.getCell(1).value = doc.title ?? DEFAULT_TITLE;
  title.getCell(1).font = { name: "黑体", size: 16, bold: true };
  title.getCell(1).alignment = { horizontal: "center", vertical: "middle" };
  title.height = 32;
  ws.mergeCells(1, 1, 1, ncol);
  const meta = ws.getRow(2);
  meta.height = 20;
  const half = Math.max(1, Math.floor(ncol / 2));
  if (doc.department) {
    meta.getCell(1).value = `部门：${departmentText(doc.department)}`;
    if (half > 1) ws.mergeCells(2, 1, 2, half - 1);
  }
  if (doc.fiscalYear !== undefined && half < ncol - 1) meta.getCell(half).value = `年度：${doc.fiscalYear}`;
  meta.getCell(ncol).value = `单位：${doc.moneyUnit}`;
  meta.getCell(ncol).alignment = { horizontal: "right" };
  for (const c of [1, half, ncol]) meta.getCell(c).font = FONT;

  // Header.
  const head = ws.getRow(3);
  head.height = 28;
  cols.forEach((k, i) => {
    const cell = head.getCell(i + 1);
    cell.value = HEADER[k];
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
  });

  // Body.
  const first = 4;
  const styles = cols.map((k) => {
    const alignment: Partial<ExcelJS.Alignment> = {
      vertical: "middle",
      wrapText: true,
      horizontal: NUMERIC.has(k) ? "right" : CENTERED.has(k) ? "center" : "left",
    };
    return { alignment, numFmt: NUMERIC.has(k) ? "#,##0.00" : undefined };
  });
  table.rows.forEach((row, i) => {
    const values = cols.map((k) => row.cells[k] ?? null);
    const r = ws.getRow(first + i);
    r.values = values;
    for (let c = 0; c < ncol; c++) {
      const cell = r.getCell(c + 1);
      const s = styles[c]!;
      cell.border = BORDER;
      cell.font = FONT;
      cell.alignment = s.alignment;
      if (s.numFmt) cell.numFmt = s.numFmt;
    }
  });

  // Vertical merges: project columns per project, 一级 and 二级 per run inside a project.
  const colIndex = new Map(cols.map((k, i) => [k, i + 1] as const));
  const merge = (from: number, to: number, key: ColumnKey) => {
    const c = colIndex.get(key);
    if (c !== undefined && to - from > 1) ws.mergeCells(first + from, c, first + to - 1, c);
  };
  for (const [ps, pe] of runs(table.rows, 0, table.rows.length, (r) => String(r.projectIndex))) {
    for (const k of cols) if (isProjectColumn(k)) merge(ps, pe, k);
    for (const [as, ae] of runs(table.rows, ps, pe, (r) => String(r.cells.level1 ?? ""))) {
      if (table.rows[as]!.indicatorIndex === null) continue;
      merge(as, ae, "level1");
      for (const [bs, be] of runs(table.rows, as, ae, (r) => String(r.cells.level2 ?? ""))) merge(bs, be, "level2");
    }
  }

  // Row heights that fit wrapped text (spreadsheet programs do not grow explicit-height rows,
  // and LibreOffice keeps ExcelJS's default): lines per cell from its display width.
  const LINE = 15;
  const widthOf = (k: ColumnKey) => WIDTH[k] ?? 12;
  const heights = table.rows.map((row) => {
    let lines = 1;
    for (const k of cols) {
      if (isProjectColumn(k)) continue;
      lines = Math.max(lines, wrappedLines(row.cells[k], widthOf(k)));
    }
    return lines * LINE + 3;
  });
  // A merged project cell (name, goal) needs its whole block tall enough: grow the block evenly.
  for (const [ps, pe] of runs(table.rows, 0, table.rows.length, (r) => String(r.projectIndex))) {
    let need = 0;
    for (const k of cols)
      if (isProjectColumn(k)) need = Math.max(need, wrappedLines(table.rows[ps]!.cells[k], widthOf(k)) * LINE + 3);
    let have = 0;
    for (let i = ps; i < pe; i++) have += heights[i]!;
    if (need > have) {
      const extra = (need - have) / (pe - ps);
      for (let i = ps; i < pe; i++) heights[i] = heights[i]! + extra;
    }
  }
  heights.forEach((h, i) => {
    ws.getRow(first + i).height = Math.round(h * 10) / 10;
  });

  // 合计 and the footer notes.
  let next = first + table.rows.length;
  if (doc.total !== undefined) {
    const r = ws.getRow(next++);
    r.getCell(1).value = "合计";
    const bc = colIndex.get("budget")!;
    r.getCell(bc).value = doc.total;
    r.getCell(bc).numFmt = "#,##0.00";
    for (let c = 1; c <= ncol; c++) {
      const cell = r.getCell(c);
      cell.border = BORDER;
      cell.font = { ...FONT, bold: true };
      cell.alignment = { vertical: "middle", horizontal: c === bc ? "right" : "center" };
    }
  }
  for (const note of doc.notes ?? []) {
    const r = ws.getRow(next);
    r.getCell(1).value = note;
    r.getCell(1).font = FONT;
    r.getCell(1).alignment = { horizontal: "left", vertical: "top", wrapText: true };
    const chars = [...note].length;
    const lines = Math.max(1, Math.ceil(chars / 180)) + (note.match(/\n/g)?.length ?? 0);
    r.height = 15 * lines;
    ws.mergeCells(next, 1, next, ncol);
    next++;
  }
  return wb;
}

/**
 * Writes the 表12 workbook of a document as xlsx bytes.
 * @example (await writeXlsx(doc)).subarray(0, 2) // "PK"
 */
export async function writeXlsx(doc: TargetDocument, options: XlsxOptions = {}): Promise<Uint8Array> {
  const buf = await buildWorkbook(doc, options).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
