/**
 * The report writers of issue 17: the 自评报告 of one project (Word, HTML, PDF) and the
 * department summary of a round (xlsx, Word, HTML, PDF). Pure functions from data to bytes;
 * PDF is the HTML page printed by the system's chromium (pdf/write-pdf.ts).
 */
import type { Diagnostic } from "@jixiao/core";
import { printHtmlToPdf } from "../../pdf/write-pdf.ts";
import { buildDepartmentSummary } from "./department-summary.ts";
import { renderReportDocx } from "./render-docx.ts";
import { renderReportHtml } from "./render-html.ts";
import { buildSelfEvalReport } from "./self-eval-report.ts";
import type { DepartmentSummaryInput, SelfEvalReportInput } from "./types.ts";

export { buildDepartmentSummary, gradeDistribution, summaryTotals } from "./department-summary.ts";
export { type FundingTableRow, fundingRows } from "./funding.ts";
export { moneyText } from "./numbers.ts";
export { buildSelfEvalReport, SELF_EVAL_REPORT_TITLE } from "./self-eval-report.ts";
export { buildDepartmentSummaryWorkbook, departmentSummaryXlsx } from "./summary-xlsx.ts";
export type * from "./types.ts";

export type PdfResult = { value: Uint8Array | null; diagnostics: Diagnostic[] };

/** The 自评报告 as a Word document. */
export function selfEvalReportDocx(input: SelfEvalReportInput): Promise<Uint8Array> {
  return renderReportDocx(buildSelfEvalReport(input));
}

/** The 自评报告 as a printable A4 HTML page. */
export function selfEvalReportHtml(input: SelfEvalReportInput): string {
  return renderReportHtml(buildSelfEvalReport(input));
}

/** The 自评报告 as PDF (null + pdf.no-chromium without chromium). */
export function selfEvalReportPdf(input: SelfEvalReportInput): Promise<PdfResult> {
  return printHtmlToPdf(selfEvalReportHtml(input));
}

/** The department summary as a Word document. */
export function departmentSummaryDocx(input: DepartmentSummaryInput): Promise<Uint8Array> {
  return renderReportDocx(buildDepartmentSummary(input));
}

/** The department summary as a printable A4 HTML page with the grade chart. */
export function departmentSummaryHtml(input: DepartmentSummaryInput): string {
  return renderReportHtml(buildDepartmentSummary(input));
}

/** The department summary as PDF (null + pdf.no-chromium without chromium). */
export function departmentSummaryPdf(input: DepartmentSummaryInput): Promise<PdfResult> {
  return printHtmlToPdf(departmentSummaryHtml(input));
}
