/**
 * Downloads of one project: its 表12 (the current version; a version not yet approved is printed
 * as 送审稿) and its 自评表 (the actuals against the version they were entered for), as xlsx,
 * html, pdf or json — written in the worker pool (workers/exporter.ts: off the event loop, PDF
 * prints queued with a bound).
 */
import type { MoneyUnit, Project, TargetDocument } from "@jixiao/core";
import { AppError } from "../errors.ts";
import { authorize } from "../policies.ts";
import type { Exporter, Written } from "../workers/exporter.ts";
import type { Ctx } from "./context.ts";
import { getProject } from "./projects/index.ts";
import { EXPORT_TYPES } from "./publications.ts";
import { evaluatedTable, getSelfEvaluation, mergeActuals } from "./self-evaluation/actuals.ts";

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

/** Bytes of a written export, or the coded error of a failed one. */
function bytesOf(w: Written, format: ProjectExport): Uint8Array {
  if (w.value) return w.value;
  if (format === "pdf") throw pdfUnavailable(w.diagnostics);
  throw new AppError("export.failed", "导出失败", "Export failed", w.diagnostics);
}

const who = (ctx: Ctx) => `user:${ctx.actor.id}`;

const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60);

/** A project's 表12; a draft or submitted version is titled 送审稿. */
export async function exportProjectTable(
  ctx: Ctx,
  id: number,
  format: ProjectExport,
  exporter: Exporter,
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
  const bytes = bytesOf(await exporter.write(who(ctx), doc, format), format);
  return {
    bytes,
    fileName: `${p.fiscalYear}-${safe(p.name)}-表12${draft ? "-送审稿" : ""}.${format}`,
    contentType: EXPORT_TYPES[format],
  };
}

/** A project's 自评表 with the engine's scores. */
export async function exportSelfEvaluation(
  ctx: Ctx,
  id: number,
  format: ProjectExport,
  exporter: Exporter,
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
  const name = `${p.fiscalYear}-${safe(p.name)}-自评表.${format}`;
  const bytes = bytesOf(await exporter.write(who(ctx), doc, format, undefined, "self-evaluation"), format);
  return { bytes, fileName: name, contentType: EXPORT_TYPES[format] };
}
