/**
 * The jobs pool workers run (format-worker.ts serves them in a worker thread; the same functions
 * run in-process for the CLI and direct command calls): reading an upload into
 * a bounded preview, and writing a document in an output format. Everything heavy — parsing,
 * review, the limits check, serialising the whole document — happens here, off the event loop.
 */
import {
  type Diagnostic,
  type Finding,
  type LimitViolation,
  limitViolations,
  review,
  scoreDocument,
  type TargetDocument,
} from "@jixiao/core";
import { type ReadOptions, readDocument } from "@jixiao/formats";
import { type OutputFormat, writeDocument } from "@jixiao/formats/export/write-document.ts";
import { renderSelfEvalHtml } from "@jixiao/formats/html/self-eval-html.ts";
import { printHtmlToPdf } from "@jixiao/formats/pdf/write-pdf.ts";
import { writeSelfEvalXlsx } from "@jixiao/formats/xlsx/write-self-eval-xlsx.ts";
import { type Sniffed, sniffEvidence } from "../commands/evidence/sniff.ts";
import { type ImportReading, presentReading } from "../commands/import-reading.ts";

/** How much of a preview goes back to the browser (the whole document stays server-side). */
export const PREVIEW_BOUNDS = { projects: 200, diagnostics: 500, findings: 500 } as const;

export interface ReadJob {
  bytes: Uint8Array;
  fileName: string;
  fiscalYearOverride?: number;
  /** Reader options that travel (column mapping overrides and the like); no callbacks. */
  readOptions?: Omit<ReadOptions, "onProgress" | "fileName">;
}

export interface ReadResult {
  /** The whole document as JSON text (stored for commit), or null when unreadable. */
  documentJson: string | null;
  /** The document with at most PREVIEW_BOUNDS.projects projects, for the answer. */
  page: TargetDocument | null;
  fiscalYear: number | null;
  projects: { name: string; unitCode: string; unitName: string }[];
  diagnostics: Diagnostic[];
  findings: Finding[];
  totals: { projects: number; diagnostics: number; findings: number };
  /** Fields beyond the editor's limits (core LIMITS); non-empty → the import is refused. */
  violations: LimitViolation[];
  /** How a grid input was read, for the import wizard (bounded). */
  reading?: ImportReading;
}

export async function readJob(job: ReadJob): Promise<ReadResult> {
  const parsed = await readDocument(job.bytes, { ...(job.readOptions ?? {}), fileName: job.fileName });
  const doc = parsed.value;
  if (doc && job.fiscalYearOverride !== undefined) doc.fiscalYear = job.fiscalYearOverride;
  const fiscalYear = job.fiscalYearOverride ?? doc?.fiscalYear ?? null;
  const violations = doc ? limitViolations(doc) : [];
  const findings = doc && violations.length === 0 ? review(doc) : [];
  const page = doc ? { ...doc, projects: doc.projects.slice(0, PREVIEW_BOUNDS.projects) } : null;
  // Grid readers say how they read the table (layouts, column mapping) beside the document.
  const reading = presentReading(parsed.reading, page, parsed.diagnostics);
  return {
    ...(reading ? { reading } : {}),
    documentJson: doc && violations.length === 0 ? JSON.stringify(doc) : null,
    page,
    fiscalYear,
    projects: (doc?.projects ?? []).map((p) => ({ name: p.name, unitCode: p.unitCode, unitName: p.unitName })),
    diagnostics: parsed.diagnostics.slice(0, PREVIEW_BOUNDS.diagnostics),
    findings: findings.slice(0, PREVIEW_BOUNDS.findings),
    totals: {
      projects: doc?.projects.length ?? 0,
      diagnostics: parsed.diagnostics.length,
      findings: findings.length,
    },
    violations,
  };
}

export interface WriteJob {
  document: TargetDocument;
  format: OutputFormat;
  /** What to print: the 表12 (default) or the 项目支出绩效自评表 with the engine's scores. */
  table?: "table12" | "self-evaluation";
}

/** The 自评表 of a document with actuals, scored by the engine, in `format`. */
async function writeSelfEvaluation(doc: TargetDocument, format: OutputFormat) {
  const result = scoreDocument(doc);
  if (format === "json") return { value: new TextEncoder().encode(JSON.stringify(result, null, 2)), diagnostics: [] };
  if (format === "xlsx") return { value: await writeSelfEvalXlsx(doc, result), diagnostics: [] };
  if (format === "html") return { value: new TextEncoder().encode(renderSelfEvalHtml(doc, result)), diagnostics: [] };
  if (format === "pdf") return printHtmlToPdf(renderSelfEvalHtml(doc, result));
  throw new Error(`no 自评表 as ${format}`);
}

export async function writeJob(job: WriteJob): Promise<{ value: Uint8Array | null; diagnostics: Diagnostic[] }> {
  try {
    if (job.table === "self-evaluation") return await writeSelfEvaluation(job.document, job.format);
    return await writeDocument(job.document, job.format);
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

/** An evidence upload's kind by magic bytes; zip containers pass the zip guard (inflating as a stream). */
export function evidenceSniffJob(job: { bytes: Uint8Array }): Sniffed {
  return sniffEvidence(job.bytes);
}
