/**
 * The report jobs pool workers run (issue 17): a project's 自评报告 (Word, HTML, PDF) and a round's
 * department summary (xlsx, Word, HTML, PDF), written by @jixiao/formats' report writers off the
 * event loop like every other export; PDF is the HTML printed by the system's chromium.
 */
import type { Diagnostic } from "@jixiao/core";
import {
  type DepartmentSummaryInput,
  departmentSummaryDocx,
  departmentSummaryHtml,
  departmentSummaryPdf,
  departmentSummaryXlsx,
  type SelfEvalReportInput,
  selfEvalReportDocx,
  selfEvalReportHtml,
  selfEvalReportPdf,
} from "@jixiao/formats/export/self-eval-report/index.ts";

type Written = { value: Uint8Array | null; diagnostics: Diagnostic[] };

export type ReportFormat = "docx" | "pdf" | "html";
export type SummaryFormat = "xlsx" | "docx" | "pdf" | "html";

export interface SelfEvalReportJob {
  input: SelfEvalReportInput;
  format: ReportFormat;
}

export interface DepartmentSummaryJob {
  input: DepartmentSummaryInput;
  format: SummaryFormat;
}

const text = (s: string): Written => ({ value: new TextEncoder().encode(s), diagnostics: [] });

async function guarded(format: string, write: () => Promise<Written>): Promise<Written> {
  try {
    return await write();
  } catch (e) {
    return {
      value: null,
      diagnostics: [
        {
          code: format === "pdf" ? "pdf.chromium-failed" : "export.failed",
          severity: "error",
          message: "导出失败",
          messageEn: `Export failed: ${(e as Error).message}`,
        },
      ],
    };
  }
}

export function selfEvalReportJob(job: SelfEvalReportJob): Promise<Written> {
  return guarded(job.format, async () => {
    if (job.format === "docx") return { value: await selfEvalReportDocx(job.input), diagnostics: [] };
    if (job.format === "html") return text(selfEvalReportHtml(job.input));
    return selfEvalReportPdf(job.input);
  });
}

export function departmentSummaryJob(job: DepartmentSummaryJob): Promise<Written> {
  return guarded(job.format, async () => {
    if (job.format === "xlsx") return { value: await departmentSummaryXlsx(job.input), diagnostics: [] };
    if (job.format === "docx") return { value: await departmentSummaryDocx(job.input), diagnostics: [] };
    if (job.format === "html") return text(departmentSummaryHtml(job.input));
    return departmentSummaryPdf(job.input);
  });
}
