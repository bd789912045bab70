/**
 * Downloads of monitoring: a round's 绩效运行监控表 (the 汇总 and one table per project in the
 * actor's scope) and one report's, as xlsx, html, pdf (written in the worker pool, PDF prints
 * behind the exporter's bounded queue) or json (the exchange format jixiao.monitoring/1, which
 * `jixiao monitor` reads).
 */
import { MONITORING_FORMAT_ID, type MonitoredProject, type MonitoringDocument } from "@jixiao/core";
import { AppError } from "../../errors.ts";
import { authorizeMonitoring, reportScope } from "../../monitoring-policies.ts";
import type { Exporter } from "../../workers/exporter.ts";
import type { MonitoringWriteJob } from "../../workers/monitoring-jobs.ts";
import type { Ctx } from "../context.ts";
import type { Download } from "../project-export.ts";
import { EXPORT_TYPES } from "../publications.ts";
import { findReport, findRound, type ReportRow, type RoundRow } from "./find.ts";
import { roundPolicy } from "./round-policy.ts";

export const MONITORING_EXPORTS = ["xlsx", "html", "pdf", "json"] as const;
export type MonitoringExport = (typeof MONITORING_EXPORTS)[number];

async function build(ctx: Ctx, round: RoundRow, reports: ReportRow[]): Promise<MonitoringDocument> {
  const depts = [...new Set(reports.map((r) => r.dept_code))];
  const dept =
    depts.length === 1
      ? await ctx.db
          .selectFrom("departments")
          .select(["code", "name"])
          .where("region_code", "=", round.region_code)
          .where("fiscal_year", "=", round.fiscal_year)
          .where("code", "=", depts[0]!)
          .executeTakeFirst()
      : undefined;
  const unit = reports.length
    ? await ctx.db
        .selectFrom("projects")
        .select("money_unit")
        .where("region_code", "=", round.region_code)
        .where("id", "=", reports[0]!.project_id)
        .executeTakeFirst()
    : undefined;
  return {
    format: MONITORING_FORMAT_ID,
    title: `${round.fiscal_year}年项目支出绩效运行监控表（截至${round.as_of_month}月）`,
    ...(dept ? { department: { code: dept.code, name: dept.name } } : {}),
    moneyUnit: unit?.money_unit === "元" ? "元" : "万元",
    round: {
      fiscalYear: round.fiscal_year,
      asOfMonth: round.as_of_month,
      scope: round.scope as "region" | "department",
      ...(round.due_date ? { dueDate: round.due_date } : {}),
    },
    projects: reports.map((r) => r.input as MonitoredProject),
  };
}

async function render(
  ctx: Ctx,
  round: RoundRow,
  reports: ReportRow[],
  format: MonitoringExport,
  fileBase: string,
  exporter: Exporter,
): Promise<Download> {
  const doc = await build(ctx, round, reports);
  const fileName = `${fileBase}.${format}`;
  if (format === "json")
    return {
      bytes: new TextEncoder().encode(`${JSON.stringify(doc, null, 2)}\n`),
      fileName,
      contentType: EXPORT_TYPES.json,
    };
  const decisions: [number, string][] = [];
  reports.forEach((r, i) => {
    if (r.decision) decisions.push([i, `${r.decision}：${r.decision_reason ?? ""}`]);
  });
  const job: MonitoringWriteJob = { document: doc, policy: roundPolicy(round.policy), decisions, format };
  const w = await exporter.render(`user:${ctx.actor.id}`, "monitoring", job, format === "pdf");
  if (!w.value) {
    if (format === "pdf")
      throw new AppError(
        "export.pdf-unavailable",
        "服务器暂时无法生成 PDF（需要系统的 chromium）；请下载 XLSX 后打印",
        "The server cannot make a PDF right now (it needs the system's chromium); download the XLSX and print it",
        w.diagnostics,
      );
    throw new AppError("export.failed", "导出失败", "Export failed", w.diagnostics);
  }
  return { bytes: w.value, fileName, contentType: EXPORT_TYPES[format] };
}

/** A round's 监控表: the 汇总 and every project in the actor's scope. */
export async function exportRound(
  ctx: Ctx,
  id: number,
  format: MonitoringExport,
  exporter: Exporter,
  deptCode?: string,
): Promise<Download> {
  authorizeMonitoring(ctx.actor, "monitoring.read");
  const round = await findRound(ctx.db, ctx.actor, id);
  const reports = await ctx.db
    .selectFrom("monitoring_reports")
    .selectAll()
    .where("round_id", "=", round.id)
    .where((eb) => reportScope(eb, ctx.actor))
    .where((eb) => (deptCode ? eb("dept_code", "=", deptCode) : eb.lit(true)))
    .orderBy("unit_code")
    .orderBy("project_id")
    .execute();
  return render(
    ctx,
    round,
    reports,
    format,
    `${round.fiscal_year}-截至${round.as_of_month}月-绩效运行监控表`,
    exporter,
  );
}

/** One project's 监控表. */
export async function exportReport(
  ctx: Ctx,
  id: number,
  format: MonitoringExport,
  exporter: Exporter,
): Promise<Download> {
  authorizeMonitoring(ctx.actor, "monitoring.read");
  const report = await findReport(ctx.db, ctx.actor, id);
  const round = await ctx.db
    .selectFrom("monitoring_rounds")
    .selectAll()
    .where("region_code", "=", report.region_code)
    .where("id", "=", report.round_id)
    .executeTakeFirstOrThrow();
  const name = (report.input as MonitoredProject).name.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60);
  return render(
    ctx,
    round,
    [report],
    format,
    `${round.fiscal_year}-截至${round.as_of_month}月-${name}-监控表`,
    exporter,
  );
}
