/**
 * A hard time limit for one PDF. readPdf checks its budget between pdf.js calls, but one long
 * pdf.js call (a page of millions of operators, a pathological font) runs on past it. Here the
 * reading runs in a worker thread that is terminated at the limit, and the answer is the coded
 * error pdf.time-limit — for callers that read in their own thread (the CLI). The server reads
 * in its pool's workers, which the pool already kills at the job's limit (job.timeout).
 */
import { Worker } from "node:worker_threads";
import type { Parsed, TargetDocument } from "@jixiao/core";
import { OCR_MAX_MS } from "./ocr-page.ts";
import { PDF_TIME_LIMIT_MS, type ReadPdfOptions } from "./read-pdf.ts";

/**
 * Reads a PDF in a worker, killed after the file's time limit.
 * @example (await readPdfWithin(bytes, { timeLimitMs: 60_000 })).value?.projects.length
 */
export function readPdfWithin(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<Parsed<TargetDocument>> {
  const set = options.timeLimitMs ?? (Number(process.env.JIXIAO_PDF_TIME_LIMIT_MS) || undefined);
  // readPdf stops itself at its budget; the kill is for one call that runs past it. Unset, scans
  // may take up to OCR_MAX_MS after the text pages' budget (ocrBudget).
  const limit = set ?? PDF_TIME_LIMIT_MS + OCR_MAX_MS;
  const { onProgress, ...plain } = options;
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./read-pdf-worker.mjs", import.meta.url), {
      workerData: { bytes, options: plain },
      execArgv: [],
    });
    let done = false;
    const finish = (r: Parsed<TargetDocument>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    // The worker's own budget ends first; this one also covers its start and a stuck call.
    const timer = setTimeout(
      () =>
        finish({
          value: null,
          diagnostics: [
            {
              code: "pdf.time-limit",
              severity: "error",
              message: `读取 PDF 超过时间上限（${Math.round(limit / 1000)} 秒），已停止`,
              messageEn: `Reading the PDF took longer than its limit (${Math.round(limit / 1000)} s); it was stopped`,
            },
          ],
        }),
      limit,
    );
    worker.on("message", (m: { progress?: number; result?: Parsed<TargetDocument> }) => {
      if (m.progress !== undefined) onProgress?.(m.progress);
      if (m.result) finish(m.result);
    });
    worker.on("error", (e) =>
      finish({
        value: null,
        diagnostics: [
          {
            code: "pdf.unreadable",
            severity: "error",
            message: `无法读取 PDF：${e.message}`,
            messageEn: `Cannot read the PDF: ${e.message}`,
          },
        ],
      }),
    );
  });
}
