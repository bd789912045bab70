/**
 * Downloads of one project: its 表12 (the current version; a version not yet approved is printed
 * as 送审稿) and its 自评表 (the actuals against the version they were entered for), as xlsx,
 * html, pdf or json. PDF is printed by the system's chromium, one at a time (`printLock`).
 */
import { type MoneyUnit, type Project, scoreDocument, type TargetDocument } from "@jixiao/core";
import { type OutputFormat, writeDocument } from "@jixiao/formats/export/write-document.ts";
import { renderSelfEvalHtml } from "@jixiao/formats/html/self-eval-html.ts";
import { printHtmlToPdf } from "@jixiao/formats/pdf/write-pdf.ts";
import { writeSelfEvalXlsx } from "@jixiao/formats/xlsx/write-self-eval-xlsx.ts";
import type { Mutex } from "../db/mutex.ts";
import { AppError } from "../errors.ts";
import { authorize } from "../policies.ts";
import type { Ctx } from "./context.ts";
import { getProject } from "./projects/index.ts";
import { EXPORT_TYPES } from "./publications.ts";
import { evaluatedTable, getSelfEvaluation, mergeActuals } from "./self-evaluation.ts";

export const PROJECT_EXPORTS = ["xlsx", "html", "pdf", "json"] as const;
export type ProjectExport = (typeof PROJECT_EXPORTS)[number];

export interface Download {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
}

const pdfUnavailable = (details: unknown) =>
  new AppError(
    "export.pdf-unavailable",
    "服务器暂时无法生成 PDF（需要系统的 chromium）；请下载 XLSX 后打印",
    "The server cannot make a PDF right now (it needs the system's chromium); download the XLSX and print it",
    details,
  );

async function locked<T>(printLock: Mutex | undefined, f: () => Promise<T>): Promise<T> {
  const release = printLock ? await printLock.lock() : () => {};
  try {
    return await f();
  } finally {
    release();
  }
}

const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60);

/** A project's 表12; a draft or submitted version is titled 送审稿. */
export async function exportProjectTable(
  ctx: Ctx,
  id: number,
  format: ProjectExport,
  printLock?: Mutex,
): Promise<Download> {
  authorize(ctx.actor, "project.read");
  const p = await getProject(ctx, id);
  const draft = p.approvedVersionNo !== p.versionNo;
  const doc: TargetDocument = {
    format: "jixiao.targets/1",
    title: `${p.fiscalYear}年度项目绩效目标表${draft ? "（送审稿）" : ""}`,
    department: { code: p.deptCode, name: p.unitName },
    fiscalYear: p.fiscalYear,
    moneyUnit: p.moneyUnit,
    total: p.table.budget,
    projects: [p.table],
  };
  const w =
    format === "pdf"
      ? await locked(printLock, () => writeDocument(doc, "pdf")).catch(() => ({ value: null, diagnostics: [] }))
      : await writeDocument(doc, format as OutputFormat);
  if (!w.value) {
    if (format === "pdf") throw pdfUnavailable(w.diagnostics);
    throw new AppError("export.failed", "导出失败", "Export failed", w.diagnostics);
  }
  return {
    bytes: w.value,
    fileName: `${p.fiscalYear}-${safe(p.name)}-表12${draft ? "-送审稿" : ""}.${format}`,
    contentType: EXPORT_TYPES[format],
  };
}

/** A project's 自评表 with the engine's scores. */
export async function exportSelfEvaluation(
  ctx: Ctx,
  id: number,
  format: ProjectExport,
  printLock?: Mutex,
): Promise<Download> {
  authorize(ctx.actor, "project.read");
  const p = await getProject(ctx, id);
  const se = await getSelfEvaluation(ctx, id);
  const { table } = await evaluatedTable(ctx, id, se.versionNo);
  const project: Project = mergeActuals(table, se);
  const doc: TargetDocument = {
    format: "jixiao.targets/1",
    title: `${p.fiscalYear}年度项目支出绩效自评表`,
    fiscalYear: p.fiscalYear,
    moneyUnit: p.moneyUnit as MoneyUnit,
    projects: [project],
  };
  const result = scoreDocument(doc);
  const name = `${p.fiscalYear}-${safe(p.name)}-自评表.${format}`;
  const enc = (s: string) => new TextEncoder().encode(s);
  if (format === "json")
    return { bytes: enc(JSON.stringify(result, null, 2)), fileName: name, contentType: EXPORT_TYPES.json };
  if (format === "html")
    return { bytes: enc(renderSelfEvalHtml(doc, result)), fileName: name, contentType: EXPORT_TYPES.html };
  if (format === "xlsx")
    return { bytes: await writeSelfEvalXlsx(doc, result), fileName: name, contentType: EXPORT_TYPES.xlsx };
  const pdf = await locked(printLock, () => printHtmlToPdf(renderSelfEvalHtml(doc, result))).catch(() => ({
    value: null,
    diagnostics: [],
  }));
  if (!pdf.value) throw pdfUnavailable(pdf.diagnostics);
  return { bytes: pdf.value, fileName: name, contentType: EXPORT_TYPES.pdf };
}
