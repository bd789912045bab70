/**
 * Report downloads of the self-evaluation campaign (issue 17): a project's 自评报告 (Word / PDF /
 * HTML: summary, score table, deviations and their reasons, problems and measures, the 佐证材料
 * list) and a round's department summary (xlsx / Word / PDF / HTML: every project's score and grade,
 * the grade distribution, 抽评 differences). The inputs are gathered here inside the actor's scope;
 * the writers (@jixiao/formats) run in the worker pool, PDF prints behind the bounded print queue.
 */
import type { MoneyUnit, ProjectScore } from "@jixiao/core";
import type { DepartmentSummaryInput, SelfEvalReportInput } from "@jixiao/formats/export/self-eval-report/index.ts";
import { AppError } from "../errors.ts";
import { authorize } from "../policies.ts";
import type { Exporter, Written } from "../workers/exporter.ts";
import type { ReportFormat, SummaryFormat } from "../workers/report-jobs.ts";
import type { Ctx } from "./context.ts";
import type { Download } from "./project-export.ts";
import { findProject } from "./projects/index.ts";
import { getSelfEvaluation, mergeActuals, scoreWithActuals } from "./self-evaluation/actuals.ts";
import { findEvalRound } from "./self-evaluation/find.ts";
import { loadScoringPolicy } from "./self-evaluation/policy.ts";
import { getEvalRound } from "./self-evaluation/rounds.ts";

export const REPORT_FORMATS = ["docx", "pdf", "html"] as const satisfies readonly ReportFormat[];
export const SUMMARY_FORMATS = ["xlsx", "docx", "pdf", "html"] as const satisfies readonly SummaryFormat[];

export const REPORT_TYPES: Record<SummaryFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
};

const who = (ctx: Ctx) => `user:${ctx.actor.id}`;
const safe = (s: string) => s.replace(/[\\/:*?"<>|\s\u0000-\u001f]+/g, "_").slice(0, 60);

function bytesOf(w: Written, format: SummaryFormat): Uint8Array {
  if (w.value) return w.value;
  if (format === "pdf")
    throw new AppError(
      "export.pdf-unavailable",
      "服务器暂时无法生成 PDF（需要系统的 chromium）；请下载 Word 版本",
      "The server cannot make a PDF right now (it needs the system's chromium); download the Word version",
      w.diagnostics,
    );
  throw new AppError("export.failed", "导出失败", "Export failed", w.diagnostics);
}

async function deptName(ctx: Ctx, regionCode: string, fiscalYear: number, code: string): Promise<string> {
  const d = await ctx.db
    .selectFrom("departments")
    .select("name")
    .where("region_code", "=", regionCode)
    .where("fiscal_year", "=", fiscalYear)
    .where("code", "=", code)
    .executeTakeFirst();
  return d?.name ?? code;
}

/** What the 自评报告 of one project prints, read inside the actor's scope. */
export async function selfEvalReportInput(ctx: Ctx, projectId: number): Promise<SelfEvalReportInput> {
  authorize(ctx.actor, "project.read");
  const row = await findProject(ctx.db, ctx.actor, projectId);
  const se = await getSelfEvaluation(ctx, projectId);
  if (!se.table)
    throw new AppError(
      "workflow.not-approved",
      "项目尚无批复版本，没有自评报告",
      "The project has no approved version to report on",
    );
  const project = mergeActuals(se.table, se);
  const scoring = await loadScoringPolicy(ctx.db, row.region_code);
  const score: ProjectScore = se.result ?? scoreWithActuals(se.table, se, scoring);
  const names = new Map(se.table.indicators.map((i) => [i.id, i.name]));
  const files = await ctx.db
    .selectFrom("evidence_files")
    .select(["file_name", "size", "indicator_id"])
    .where("region_code", "=", row.region_code)
    .where("project_id", "=", row.id)
    .orderBy("id")
    .execute();
  return {
    project,
    score,
    policyName: scoring.name, // the region's scoring switches (self-evaluation/policy.ts), else the default
    ...(se.funding ? { funding: se.funding } : {}),
    ...(se.problems ? { problems: se.problems } : {}),
    ...(se.conclusion ? { conclusion: se.conclusion } : {}),
    evidence: files.map((f) => {
      const indicatorName = f.indicator_id === null ? undefined : names.get(f.indicator_id);
      return { fileName: f.file_name, size: Number(f.size), ...(indicatorName ? { indicatorName } : {}) };
    }),
    department: await deptName(ctx, row.region_code, row.fiscal_year, row.dept_code),
    fiscalYear: row.fiscal_year,
    moneyUnit: row.money_unit as MoneyUnit,
  };
}

/** A project's 自评报告 in `format`, written in the worker pool. */
export async function exportSelfEvalReport(
  ctx: Ctx,
  projectId: number,
  format: ReportFormat,
  exporter: Exporter,
): Promise<Download> {
  const input = await selfEvalReportInput(ctx, projectId);
  const w = await exporter.render(who(ctx), "self-eval-report", { input, format }, format === "pdf");
  return {
    bytes: bytesOf(w, format),
    fileName: `${input.fiscalYear}-${safe(input.project.name)}-自评报告.${format}`,
    contentType: REPORT_TYPES[format],
  };
}

const GRADE_SETS = [
  ["优", "良", "中", "差"],
  ["好", "较好", "一般", "差"],
];

/** What a round's department summary prints: the round's projects in the actor's scope. */
export async function departmentSummaryInput(ctx: Ctx, roundId: number): Promise<DepartmentSummaryInput> {
  authorize(ctx.actor, "selfEvaluation.summary");
  const round = await findEvalRound(ctx.db, ctx.actor, roundId);
  const detail = await getEvalRound(ctx, roundId);
  const scope = ctx.actor.role === "dept_reviewer" ? ctx.actor.deptCode : round.dept_code;
  const who = scope ? await deptName(ctx, round.region_code, round.fiscal_year, scope) : "";
  const seen = new Set(detail.projects.map((p) => p.grade).filter((g): g is string => g !== null));
  const grades = GRADE_SETS.find((set) => [...seen].every((g) => set.includes(g)));
  const unit = detail.projects[0]?.moneyUnit === "元" ? "元" : "万元";
  return {
    title: `${who}${round.fiscal_year}年度项目支出绩效自评汇总表`,
    fiscalYear: round.fiscal_year,
    moneyUnit: unit,
    ...(grades ? { grades } : {}),
    rows: detail.projects.map((p) => ({
      name: p.name,
      orgName: p.unitName,
      budget: p.budget,
      score: p.score,
      grade: p.grade,
      ...(p.spotCheckScore === null ? {} : { spotCheckScore: p.spotCheckScore }),
    })),
  };
}

/** A round's department summary in `format`, written in the worker pool. */
export async function exportDepartmentSummary(
  ctx: Ctx,
  roundId: number,
  format: SummaryFormat,
  exporter: Exporter,
): Promise<Download> {
  const input = await departmentSummaryInput(ctx, roundId);
  const w = await exporter.render(who(ctx), "department-summary", { input, format }, format === "pdf");
  return {
    bytes: bytesOf(w, format),
    fileName: `${input.fiscalYear}-${safe(input.title)}.${format}`,
    contentType: REPORT_TYPES[format],
  };
}
