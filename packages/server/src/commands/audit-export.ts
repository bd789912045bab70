/**
 * The audit log as an xlsx file, in the reader's language: the same filters as the timeline,
 * one row per changed field (when, who, what, which object, field, before, after). Written in
 * the worker pool (workers/audit-jobs.ts).
 */
import { AppError } from "../errors.ts";
import type { AuditXlsxJob } from "../workers/audit-jobs.ts";
import type { Written } from "../workers/exporter.ts";
import type { WorkerPool } from "../workers/pool.ts";
import { type AuditItem, type AuditQuery, queryAudit } from "./audit-query.ts";
import type { Ctx } from "./context.ts";
import type { Download } from "./project-export.ts";

/** At most this many entries go into one file. */
export const AUDIT_EXPORT_MAX = 5000;

const pad = (n: number) => String(n).padStart(2, "0");

/** A time as people read it, in China's time zone (UTC+8, no daylight saving). */
export function beijingTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** The rows of the sheet: one per changed field, or one for an entry without fields. */
export function auditSheet(items: AuditItem[], lang: "zh" | "en"): AuditXlsxJob {
  const zh = lang === "zh";
  const rows: string[][] = [];
  for (const it of items) {
    const who = it.actorName ? `${it.actorName}（${it.username}）` : it.username;
    const head = [beijingTime(it.at), who, zh ? it.actionLabel : it.actionLabelEn, zh ? it.object : it.objectEn];
    if (it.changes.length === 0) rows.push([...head, "", "", ""]);
    for (const c of it.changes)
      rows.push([...head, zh ? c.field : c.fieldEn, zh ? c.before : c.beforeEn, zh ? c.after : c.afterEn]);
  }
  return {
    title: zh ? "审计日志" : "Audit log",
    header: zh
      ? ["时间（北京时间）", "用户", "操作", "对象", "字段", "修改前", "修改后"]
      : ["Time (UTC+8)", "User", "Action", "Object", "Field", "Before", "After"],
    widths: [20, 20, 18, 30, 28, 36, 36],
    rows,
  };
}

export async function exportAudit(ctx: Ctx, q: AuditQuery, lang: "zh" | "en", pool: WorkerPool): Promise<Download> {
  const items = await queryAudit(ctx, { ...q, limit: Math.min(q.limit ?? AUDIT_EXPORT_MAX, AUDIT_EXPORT_MAX) });
  const written = await pool.run<Written>(`user:${ctx.actor.id}`, "audit-xlsx", auditSheet(items, lang));
  if (!written.value)
    throw new AppError("export.failed", "导出失败", "Export failed", { diagnostics: written.diagnostics });
  return {
    bytes: written.value,
    fileName: lang === "zh" ? "审计日志.xlsx" : "audit-log.xlsx",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };
}
