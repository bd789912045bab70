/**
 * xlsx export of the 绩效运行监控表: a 汇总 sheet (the department summary: each project's money,
 * execution light and indicator lights counted, the finance bureau's decision) and one sheet per
 * project with the same content as the HTML page (html/monitoring-html.ts): the money block with
 * 执行率, 序时进度 and the execution light, then the indicator rows (一级/二级 merged vertically)
 * with the approved 年度指标值, 截至当月实际, 全年预计, 完成进度, the light (filled and written),
 * 完成可能性, 偏差原因 and 纠偏措施. Each light carries its working as a cell note; A4 landscape,
 * the header repeated on every printed page, widths for Chinese text, wrapped cells, borders.
 */
import type { Light, MonitoringDocument, MonitoringResult } from "@jixiao/core";
import ExcelJS from "exceljs";
import {
  causeText,
  enteredText,
  LIGHT_COLOUR,
  lightWord,
  MONITORING_SUMMARY_TITLE,
  MONITORING_TITLE,
  monitoredTargetText,
} from "../html/monitoring-html-cells.ts";
import { installFastMerge } from "./fast-merge.ts";
import { equalRuns, wrappedLines } from "./sheet-layout.ts";
import { selfEvalSheetName } from "./write-self-eval-xlsx.ts";

installFastMerge();

const thin = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 10 };
const BOLD: Partial<ExcelJS.Font> = { ...FONT, bold: true };
const GREY: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
const MONEY = "#,##0.00";
const RATE = '0.00"%"';
const LINE = 15;

/** Project sheet columns: 一级, 二级, 三级, 年度指标值, 截至实际, 全年预计, 进度, 灯, 可能性, 偏差原因, 纠偏措施. */
const WIDTHS = [10, 11, 22, 12, 12, 12, 9, 8, 10, 22, 22];
/** Row of the indicator header (repeated on print) on a project sheet. */
export const MONITORING_HEADER_ROW = 9;
/** Summary columns: 序号, 项目, 单位, 预算数, 执行数, 执行率, 执行灯, 全年预计, 红, 黄, 绿, 无, 处理意见. */
const SUMMARY_WIDTHS = [6, 30, 22, 12, 12, 10, 8, 12, 6, 6, 6, 6, 18];
const SUMMARY_HEADER_ROW = 4;

interface PutOptions {
  c2?: number;
  head?: boolean;
  bold?: boolean;
  align?: "left" | "center" | "right";
  numFmt?: string;
  light?: Light | null;
}

/** A sheet with the shared page setup and a bordered-cell writer that returns the height a cell needs. */
function sheet(wb: ExcelJS.Workbook, name: string, widths: number[], headerRow: number) {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
  });
  ws.columns = widths.map((width) => ({ width }));
  const widthOf = (from: number, to: number) => widths.slice(from - 1, to).reduce((s, w) => s + w, 0);
  const put = (r: number, c: number, value: ExcelJS.CellValue, opts: PutOptions = {}): number => {
    const c2 = opts.c2 ?? c;
    const cell = ws.getCell(r, c);
    cell.value = value;
    cell.font = opts.head || opts.bold || opts.light ? BOLD : FONT;
    const horizontal = opts.align ?? (opts.head ? "center" : typeof value === "number" ? "right" : "left");
    cell.alignment = { vertical: "middle", wrapText: true, horizontal, indent: horizontal === "right" ? 1 : 0 };
    if (opts.head) cell.fill = GREY;
    if (opts.light)
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${LIGHT_COLOUR[opts.light]}` } };
    if (opts.numFmt) cell.numFmt = opts.numFmt;
    for (let j = c; j <= c2; j++) ws.getCell(r, j).border = BORDER;
    if (c2 > c) ws.mergeCells(r, c, r, c2);
    return wrappedLines(value, widthOf(c, c2) - 1) * LINE + 3;
  };
  const height = (r: number, ...needs: number[]) => {
    ws.getRow(r).height = Math.max(LINE + 5, ...needs);
  };
  const banner = (r: number, text: string, ncol: number, font: Partial<ExcelJS.Font>, h?: number) => {
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: "center", vertical: "middle" };
    if (h) ws.getRow(r).height = h;
    ws.mergeCells(r, 1, r, ncol);
  };
  return { ws, put, height, banner };
}

const subTitle = (result: MonitoringResult) =>
  `（${result.fiscalYear}年度 · 截至${result.asOfMonth}月 · 序时进度 ${result.timeProgress === null ? "—" : `${result.timeProgress.toFixed(2)}%`}）`;

function projectSheet(
  wb: ExcelJS.Workbook,
  doc: MonitoringDocument,
  result: MonitoringResult,
  i: number,
  decision?: string,
) {
  const p = result.projects[i]!;
  const project = doc.projects[i]!;
  const month = result.asOfMonth;
  const N = WIDTHS.length;
  const { ws, put, height, banner } = sheet(wb, selfEvalSheetName(p.name, i), WIDTHS, MONITORING_HEADER_ROW);
  banner(1, MONITORING_TITLE, N, { name: "黑体", size: 16, bold: true }, 32);
  banner(2, subTitle(result), N, FONT);
  put(3, 1, `监控规则：${result.policy}`, { c2: N - 2 });
  put(3, N - 1, `单位：${doc.moneyUnit}`, { c2: N, align: "right" });
  height(4, put(4, 1, "项目名称", { head: true }), put(4, 2, p.name, { c2: N }));
  height(
    5,
    put(5, 1, "主管部门", { head: true }),
    put(5, 2, doc.department?.name ?? "", { c2: 4 }),
    put(5, 5, "实施单位", { head: true }),
    put(5, 6, `${p.unitCode}-${p.unitName}`, { c2: N }),
  );
  put(6, 1, `项目资金\n（${doc.moneyUnit}）`, { head: true });
  put(7, 1, null, { head: true });
  ws.mergeCells(6, 1, 7, 1);
  const heads: Array<[string, number, number]> = [
    ["年初预算数", 2, 2],
    ["调整后预算数", 3, 3],
    [`截至${month}月执行数`, 4, 4],
    ["执行率", 5, 5],
    ["序时进度", 6, 6],
    ["执行灯", 7, 8],
    ["全年预计执行数", 9, 9],
    ["全年预计执行率", 10, 11],
  ];
  for (const [h, c, c2] of heads) put(6, c, h, { head: true, c2 });
  height(6, 2 * LINE + 3);
  put(7, 2, p.initialBudget, { numFmt: MONEY });
  put(7, 3, p.adjustedBudget ?? "—", { numFmt: MONEY, align: "right" });
  put(7, 4, p.executed ?? "—", { numFmt: MONEY, align: "right" });
  put(7, 5, p.executionRate ?? "—", { numFmt: RATE, align: "center" });
  put(7, 6, result.timeProgress ?? "—", { numFmt: RATE, align: "center" });
  put(7, 7, lightWord(p.executionLight), { c2: 8, align: "center", light: p.executionLight });
  ws.getCell(7, 7).note = p.executionWorking;
  put(7, 9, p.forecastExecuted ?? "—", { numFmt: MONEY, align: "right" });
  put(7, 10, p.forecastRate ?? "—", { c2: 11, numFmt: RATE, align: "center" });
  height(7, LINE + 5);
  height(8, put(8, 1, "年度总体目标", { head: true }), put(8, 2, project.goal ?? "", { c2: N }));
  const h = MONITORING_HEADER_ROW;
  [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    `截至${month}月实际完成值`,
    "全年预计完成值",
    "完成进度",
    "监控灯",
    "完成可能性",
    "偏差原因",
    "纠偏措施",
  ].forEach((text, c) => {
    put(h, c + 1, text, { head: true });
  });
  height(h, 2 * LINE + 3);
  const inds = project.indicators;
  const needs = inds.map((ind, j) => {
    const r = p.indicators[j]!;
    const row = h + 1 + j;
    const lightNeed = put(row, 8, lightWord(r.light), { align: "center", light: r.light });
    ws.getCell(row, 8).note = r.working;
    return Math.max(
      put(row, 1, ind.level1, { align: "center" }),
      put(row, 2, ind.level2, { align: "center" }),
      put(row, 3, ind.name),
      put(row, 4, monitoredTargetText(ind), { align: "center" }),
      put(row, 5, enteredText(r.actualToDate, ind.unit), { align: "center" }),
      put(row, 6, enteredText(r.forecast, ind.unit), { align: "center" }),
      put(row, 7, r.progress ?? "—", { align: "center", numFmt: RATE }),
      lightNeed,
      put(row, 9, r.likelihood ?? "", { align: "center" }),
      put(row, 10, causeText(r)),
      put(row, 11, r.correctiveAction ?? ""),
    );
  });
  for (const [a, b] of equalRuns(inds.map((x) => x.level1))) if (b - a > 1) ws.mergeCells(h + 1 + a, 1, h + b, 1);
  for (const [a, b] of equalRuns(inds.map((x) => `${x.level1}\u0000${x.level2}`)))
    if (b - a > 1) ws.mergeCells(h + 1 + a, 2, h + b, 2);
  needs.forEach((need, j) => {
    height(h + 1 + j, need);
  });
  if (decision) {
    const t = h + 1 + inds.length;
    height(t, put(t, 1, "财政部门处理意见", { head: true, c2: 2 }), put(t, 3, decision, { c2: N, bold: true }));
  }
}

function summarySheet(
  wb: ExcelJS.Workbook,
  doc: MonitoringDocument,
  result: MonitoringResult,
  decisions?: ReadonlyMap<number, string>,
) {
  const N = SUMMARY_WIDTHS.length;
  const { ws, put, height, banner } = sheet(wb, "汇总", SUMMARY_WIDTHS, SUMMARY_HEADER_ROW + 1);
  banner(1, MONITORING_SUMMARY_TITLE, N, { name: "黑体", size: 16, bold: true }, 32);
  banner(2, subTitle(result), N, FONT);
  put(3, 1, `主管部门：${doc.department?.name ?? ""}　监控规则：${result.policy}`, { c2: N - 2 });
  put(3, N - 1, `单位：${doc.moneyUnit}`, { c2: N, align: "right" });
  const h = SUMMARY_HEADER_ROW;
  const single = ["序号", "项目名称", "实施单位", "预算数", "执行数", "执行率", "执行灯", "全年预计执行数"];
  single.forEach((t, c) => {
    put(h, c + 1, t, { head: true });
    put(h + 1, c + 1, null, { head: true });
    ws.mergeCells(h, c + 1, h + 1, c + 1);
  });
  put(h, 9, "指标灯", { head: true, c2: 12 });
  ["红灯", "黄灯", "绿灯", "无灯"].forEach((t, k) => {
    put(h + 1, 9 + k, t, { head: true });
  });
  put(h, 13, "处理意见", { head: true });
  put(h + 1, 13, null, { head: true });
  ws.mergeCells(h, 13, h + 1, 13);
  result.projects.forEach((p, i) => {
    const r = h + 2 + i;
    height(
      r,
      put(r, 1, i + 1, { align: "center" }),
      put(r, 2, p.name),
      put(r, 3, `${p.unitCode}-${p.unitName}`),
      put(r, 4, p.budget, { numFmt: MONEY }),
      put(r, 5, p.executed ?? "—", { numFmt: MONEY, align: "right" }),
      put(r, 6, p.executionRate ?? "—", { numFmt: RATE, align: "center" }),
      put(r, 7, lightWord(p.executionLight), { align: "center", light: p.executionLight }),
      put(r, 8, p.forecastExecuted ?? "—", { numFmt: MONEY, align: "right" }),
      put(r, 9, p.lights.red, { align: "center" }),
      put(r, 10, p.lights.yellow, { align: "center" }),
      put(r, 11, p.lights.green, { align: "center" }),
      put(r, 12, p.lights.none, { align: "center" }),
      put(r, 13, decisions?.get(i) ?? ""),
    );
    ws.getCell(r, 7).note = p.executionWorking;
  });
}

export interface MonitoringXlsxOptions {
  /** Include the 汇总 sheet (default: when there is more than one project). */
  summary?: boolean;
  /** Decisions of the finance bureau (暂缓拨款 / 整改 and the reason), by project index. */
  decisions?: ReadonlyMap<number, string>;
}

/**
 * Builds the monitoring workbook: 汇总 first, then one sheet per project.
 * @example buildMonitoringWorkbook(doc, result).worksheets.map((w) => w.name) // ["汇总", "1 退休人员体检费", …]
 */
export function buildMonitoringWorkbook(
  doc: MonitoringDocument,
  result: MonitoringResult,
  options: MonitoringXlsxOptions = {},
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  wb.title = doc.title ?? MONITORING_TITLE;
  if (options.summary ?? result.projects.length !== 1) summarySheet(wb, doc, result, options.decisions);
  result.projects.forEach((_, i) => {
    projectSheet(wb, doc, result, i, options.decisions?.get(i));
  });
  return wb;
}

/**
 * Writes the monitoring workbook as xlsx bytes.
 * @example (await writeMonitoringXlsx(doc, result)).subarray(0, 2) // "PK"
 */
export async function writeMonitoringXlsx(
  doc: MonitoringDocument,
  result: MonitoringResult,
  options: MonitoringXlsxOptions = {},
): Promise<Uint8Array> {
  const buf = await buildMonitoringWorkbook(doc, result, options).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
