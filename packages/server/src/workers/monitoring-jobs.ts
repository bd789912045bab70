/**
 * The monitoring job pool workers run: a round's or a project's 绩效运行监控表 scored by the core
 * monitoring engine and written as xlsx, printable HTML or PDF — off the event loop, like every
 * other export (format-jobs.ts).
 */
import { type Diagnostic, type MonitoringDocument, type MonitoringPolicy, monitorDocument } from "@jixiao/core";
import { renderMonitoringHtml } from "@jixiao/formats/html/monitoring-html.ts";
import { printHtmlToPdf } from "@jixiao/formats/pdf/write-pdf.ts";
import { writeMonitoringXlsx } from "@jixiao/formats/xlsx/write-monitoring-xlsx.ts";

export interface MonitoringWriteJob {
  document: MonitoringDocument;
  policy: MonitoringPolicy;
  /** Finance decisions by project index (暂缓拨款 / 整改 with the reason), printed under each table. */
  decisions: [number, string][];
  format: "xlsx" | "html" | "pdf";
}

export async function writeMonitoringJob(
  job: MonitoringWriteJob,
): Promise<{ value: Uint8Array | null; diagnostics: Diagnostic[] }> {
  try {
    const result = monitorDocument(job.document, job.policy);
    const decisions = new Map(job.decisions);
    if (job.format === "xlsx")
      return { value: await writeMonitoringXlsx(job.document, result, { decisions }), diagnostics: [] };
    const html = renderMonitoringHtml(job.document, result, { decisions, findings: job.format === "html" });
    if (job.format === "html") return { value: new TextEncoder().encode(html), diagnostics: [] };
    return await printHtmlToPdf(html);
  } catch (e) {
    return {
      value: null,
      diagnostics: [
        {
          code: job.format === "pdf" ? "pdf.chromium-failed" : "export.failed",
          severity: "error",
          message: "导出失败",
          messageEn: `Export failed: ${(e as Error).message}`,
        },
      ],
    };
  }
}
