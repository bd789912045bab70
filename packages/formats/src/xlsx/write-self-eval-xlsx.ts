/**
 * xlsx export of the 项目支出绩效自评表, one sheet per project, with the same content as the HTML
 * page (html/self-eval-html.ts): 年初预算数 / 全年预算数 / 全年执行数 / 执行率 and the execution
 * score, the indicator rows (一级/二级 merged vertically) with 年度指标值, 实际完成值, 分值, 得分
 * and 偏差原因分析, then the total and grade. Scores are numbers (2 decimals as the engine gives
 * them), each indicator score carries its working as a cell note; A4 landscape, the indicator
 * header repeated on every printed page, widths for Chinese text, wrapped cells, borders.
 */
import type { DocumentScore, FundingSplit, Indicator, ProjectScore, TargetDocument } from "@jixiao/core";
import { spreadsheetSafe } from "@jixiao/core";
import ExcelJS from "exceljs";
import { FUNDING_HEADERS, fundingRows } from "../export/self-eval-report/funding.ts";
import { exactOf } from "../export/self-eval-report/numbers.ts";
import type { Amount } from "../export/self-eval-report/types.ts";
import { installFastMerge } from "./fast-merge.ts";
import { equalRuns, wrappedLines } from "./sheet-layout.ts";

installFastMerge();

/** Title of every sheet. */
export const SELF_EVAL_TITLE = "项目支出绩效自评表";

/** Column widths (A–H) in Excel units: 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因. */
const WIDTHS = [12, 13, 26, 16, 18, 8, 9, 28];
const NCOL = WIDTHS.length;
/** Row of the 一级/二级/三级 header (repeated on print); indicator rows follow it. */
export const SELF_EVAL_HEADER_ROW = 9;
/** The same row when the funding split is printed (three more 项目资金 lines). */
export const SELF_EVAL_FUNDING_HEADER_ROW = 12;

export interface SelfEvalXlsxOptions {
  /**
   * The funding split per project (by project index): 年度资金总额 / 本年财政拨款 / 上年结转 /
   * 其他资金 × 年初预算数 / 全年预算数 / 全年执行数 (+ 分值, 执行率, 得分 on the total line).
   * Absent = the one-line 项目资金 block, unchanged.
   */
  funding?: ReadonlyArray<FundingSplit | null | undefined>;
}

/** A money cell: the exact amount as the nearest number, "—" when blank, the text when unreadable. */
function amountCell(v: Amount): number | string {
  const x = exactOf(v);
  if (x !== null) return x.toNumber();
  return typeof v === "string" && v.trim() ? spreadsheetSafe(v) : "—";
}

const thin = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 10 };
const BOLD: Partial<ExcelJS.Font> = { ...FONT, bold: true };
const GREY: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
const MONEY = "#,##0.00";
const RATE = '0.00"%"';
const LINE = 15;

function targetText(ind: Indicator): string {
  if (ind.nature === "定性") return ind.target;
  return `${ind.operator ?? ""}${ind.target}${ind.unit ?? ""}`;
}

function actualText(ind: Indicator): string {
  if (ind.notApplicable) return "不适用";
  const a = ind.actual === undefined ? "" : String(ind.actual);
  const unit = ind.nature !== "定性" && typeof ind.actual === "number" && ind.unit ? ind.unit : "";
  return ind.grade ? `${a}${unit}（${ind.grade}）` : `${a}${unit}`;
}

/**
 * A valid, unique sheet name for project `i`: "1 项目名", at most 31 characters, none of []:*?/\.
 * @example selfEvalSheetName("退休人员体检费", 0) // "1 退休人员体检费"
 */
export function selfEvalSheetName(projectName: string, i: number): string {
  const clean = projectName.replace(/[[\]:*?/\\]/g, " ").replace(/^'+|'+$/g, "");
  return [...`${i + 1} ${clean}`].slice(0, 31).join("").trim();
}

const widthOf = (from: number, to: number) => WIDTHS.slice(from - 1, to).reduce((s, w) => s + w, 0);

function projectSheet(
  wb: ExcelJS.Workbook,
  doc: TargetDocument,
  p: ProjectScore,
  policy: string,
  funding: FundingSplit | null | undefined,
): void {
  const h = funding ? SELF_EVAL_FUNDING_HEADER_ROW : SELF_EVAL_HEADER_ROW;
  const project = doc.projects[p.projectIndex]!;
  const unit = doc.moneyUnit;
  const ws = wb.addWorksheet(selfEvalSheetName(p.name, p.projectIndex), {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${h}:${h}`,
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));

  /** Writes a bordered cell (merged over [c, c2] when c2 > c) and returns the height it needs. */
  const put = (
    r: number,
    c: number,
    value: ExcelJS.CellValue,
    opts: { c2?: number; head?: boolean; bold?: boolean; align?: "left" | "center" | "right"; numFmt?: string } = {},
  ): number => {
    const c2 = opts.c2 ?? c;
    const cell = ws.getCell(r, c);
    cell.value = value;
    cell.font = opts.head || opts.bold ? BOLD : FONT;
    const horizontal = opts.align ?? (opts.head ? "center" : typeof value === "number" ? "right" : "left");
    cell.alignment = { vertical: "middle", wrapText: true, horizontal, indent: horizontal === "right" ? 1 : 0 };
    if (opts.head) cell.fill = GREY;
    if (opts.numFmt) cell.numFmt = opts.numFmt;
    for (let j = c; j <= c2; j++) ws.getCell(r, j).border = BORDER;
    if (c2 > c) ws.mergeCells(r, c, r, c2);
    return wrappedLines(value, widthOf(c, c2) - 1) * LINE + 3;
  };
  const height = (r: number, ...needs: number[]) => {
    ws.getRow(r).height = Math.max(LINE + 5, ...needs);
  };

  // Title, year, policy and money unit.
  const title = ws.getCell(1, 1);
  title.value = SELF_EVAL_TITLE;
  title.font = { name: "黑体", size: 16, bold: true };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 32;
  ws.mergeCells(1, 1, 1, NCOL);
  const year = ws.getCell(2, 1);
  year.value = `（${doc.fiscalYear ? `${doc.fiscalYear}年度` : "年度"}）`;
  year.font = FONT;
  year.alignment = { horizontal: "center", vertical: "middle" };
  ws.mergeCells(2, 1, 2, NCOL);
  const meta = ws.getCell(3, 1);
  meta.value = `评分规则：${policy}（预算执行率 ${p.executionWeight} 分 + 指标 ${p.indicatorTotal} 分）`;
  meta.font = FONT;
  ws.mergeCells(3, 1, 3, NCOL - 2);
  const unitCell = ws.getCell(3, NCOL - 1);
  unitCell.value = `单位：${unit}`;
  unitCell.font = FONT;
  unitCell.alignment = { horizontal: "right" };
  ws.mergeCells(3, NCOL - 1, 3, NCOL);

  // Project, departments, money.
  height(4, put(4, 1, "项目名称", { head: true }), put(4, 2, p.name, { c2: NCOL }));
  height(
    5,
    put(5, 1, "主管部门", { head: true }),
    put(5, 2, doc.department?.name ?? "", { c2: 4 }),
    put(5, 5, "实施单位", { head: true }),
    put(5, 6, `${project.unitCode}-${project.unitName}`, { c2: NCOL }),
  );
  if (funding) {
    // 项目资金 (A, merged over rows 6–10) × the split's four lines (B) × FUNDING_HEADERS (C–H).
    put(6, 1, `项目资金\n（${unit}）`, { head: true });
    for (let r = 7; r <= 10; r++) put(r, 1, null, { head: true });
    ws.mergeCells(6, 1, 10, 1);
    put(6, 2, null, { head: true });
    FUNDING_HEADERS.forEach((text, i) => {
      put(6, i + 3, text, { head: true });
    });
    height(6, 2 * LINE + 3);
    fundingRows(funding, p).forEach((row, k) => {
      const r = 7 + k;
      height(
        r,
        put(r, 2, row.label, { head: true, align: "left" }),
        put(r, 3, amountCell(row.initial), { numFmt: MONEY, align: "right" }),
        put(r, 4, amountCell(row.full), { numFmt: MONEY, align: "right" }),
        put(r, 5, amountCell(row.executed), { numFmt: MONEY, align: "right" }),
        put(r, 6, row.weight ?? "—", { align: "center" }),
        put(r, 7, row.key === "total" ? (row.rate ?? "—") : "—", { numFmt: RATE, align: "center" }),
        put(r, 8, row.score ?? "—", { align: "center" }),
      );
    });
  } else {
    put(6, 1, `项目资金\n（${unit}）`, { head: true });
    put(7, 1, null, { head: true });
    ws.mergeCells(6, 1, 7, 1);
    ["年初预算数", "全年预算数", "全年执行数", "分值"].forEach((h, i) => {
      put(6, i + 2, h, { head: true });
    });
    put(6, 6, "执行率", { head: true, c2: 7 });
    put(6, 8, "得分", { head: true });
    height(6, 2 * LINE + 3);
    put(7, 2, p.initialBudget, { numFmt: MONEY });
    put(7, 3, p.budget, { numFmt: MONEY });
    put(7, 4, p.executed ?? "—", { numFmt: MONEY, align: "right" });
    put(7, 5, p.executionWeight, { align: "center" });
    put(7, 6, p.executionRate ?? "—", { c2: 7, numFmt: RATE, align: "center" });
    put(7, 8, p.executionScore, { align: "center" });
    height(7, LINE + 5);
  }
  const g = h - 1;
  height(g, put(g, 1, "年度总体目标", { head: true }), put(g, 2, project.goal, { c2: NCOL }));

  // Indicator header and rows.
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"].forEach(
    (text, i) => {
      put(h, i + 1, text, { head: true });
    },
  );
  height(h, 2 * LINE + 3);
  const inds = project.indicators;
  const needs = inds.map((ind, j) => {
    const s = p.indicators[j]!;
    const r = h + 1 + j;
    const scoreNeed = put(r, 7, s.score ?? "—", { align: "center" });
    ws.getCell(r, 7).note = s.working;
    return Math.max(
      put(r, 1, ind.level1Label ?? ind.level1, { align: "center" }),
      put(r, 2, ind.level2Label ?? ind.level2, { align: "center" }),
      put(r, 3, ind.name),
      put(r, 4, targetText(ind), { align: "center" }),
      put(r, 5, actualText(ind), { align: "center" }),
      put(r, 6, ind.weight, { align: "center" }),
      scoreNeed,
      put(r, 8, ind.deviationReason ?? ""),
    );
  });
  // 一级 and 二级 merged vertically; the merged text's own height is not counted per row.
  for (const [a, b] of equalRuns(inds.map((i) => i.level1))) if (b - a > 1) ws.mergeCells(h + 1 + a, 1, h + b, 1);
  for (const [a, b] of equalRuns(inds.map((i) => `${i.level1}\u0000${i.level2}`)))
    if (b - a > 1) ws.mergeCells(h + 1 + a, 2, h + b, 2);
  needs.forEach((need, j) => {
    height(h + 1 + j, need);
  });

  // Total and grade.
  const t = h + 1 + inds.length;
  const weightTotal = p.executionWeight + p.indicators.reduce((sum, i) => sum + (i.weight ?? 0), 0);
  const rescaled = p.rescaled ? `（不适用指标已剔除，指标得分 ${p.indicatorWorking}）` : "";
  height(
    t,
    put(t, 1, `总分${rescaled}`, { c2: 5, bold: true }),
    put(t, 6, weightTotal, { bold: true, align: "center" }),
    put(t, 7, p.total, { bold: true, align: "center" }),
    put(t, 8, p.grade, { bold: true, align: "center" }),
  );
}

/**
 * Builds the self-evaluation workbook: one sheet per scored project.
 * @example buildSelfEvalWorkbook(doc, scoreDocument(doc)).worksheets[0].name // "1 退休人员体检费"
 */
export function buildSelfEvalWorkbook(
  doc: TargetDocument,
  result: DocumentScore,
  options: SelfEvalXlsxOptions = {},
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  wb.title = doc.title ?? SELF_EVAL_TITLE;
  for (const p of result.projects) projectSheet(wb, doc, p, result.policy, options.funding?.[p.projectIndex]);
  if (result.projects.length === 0) {
    // A workbook needs a sheet: the title alone.
    const ws = wb.addWorksheet(SELF_EVAL_TITLE);
    ws.getCell(1, 1).value = SELF_EVAL_TITLE;
    ws.getCell(1, 1).font = { name: "黑体", size: 16, bold: true };
  }
  return wb;
}

/**
 * Writes the self-evaluation workbook as xlsx bytes.
 * @example (await writeSelfEvalXlsx(doc, scoreDocument(doc))).subarray(0, 2) // "PK"
 */
export async function writeSelfEvalXlsx(
  doc: TargetDocument,
  result: DocumentScore,
  options: SelfEvalXlsxOptions = {},
): Promise<Uint8Array> {
  const buf = await buildSelfEvalWorkbook(doc, result, options).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
