/**
 * Publishing (公开): a snapshot of a department-year's approved tables as one 表12 document,
 * readable by anyone through the public endpoints, exportable as xlsx/html/csv/json/pdf; the public
 * page also carries the department-year's published self-evaluation results (self-evaluation-results.ts).
 */
import type { Project, TargetDocument } from "@jixiao/core";
import { sumDecimal } from "@jixiao/core";
import { type OutputFormat, writeDocument } from "@jixiao/formats/export/write-document.ts";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { AppError, notFound } from "../errors.ts";
import { authorize, deptCodeFilter, deptInScope } from "../policies.ts";
import type { Exporter } from "../workers/exporter.ts";
import { writeAudit } from "./audit.ts";
import type { Ctx } from "./context.ts";
import { checkPublish, type PublishOptions, supersede } from "./publication-lifecycle.ts";
import {
  type PublicSelfEvaluationResult,
  publicResults,
  publicWithdrawnResults,
  type WithdrawnSelfEvaluationResult,
} from "./self-evaluation-results.ts";

export interface Publication {
  id: number;
  regionCode: string;
  fiscalYear: number;
  deptCode: string;
  deptName: string;
  projectCount: number;
  publishedAt: string;
  publishedBy: string;
  /** The one current publication of its department-year (others are history). */
  current: boolean;
  replacedBy: number | null;
  withdrawnAt: string | null;
  /** Public reason of a withdrawal or correction. */
  withdrawReason: string | null;
}

type PubRow = {
  id: number;
  region_code: string;
  fiscal_year: number;
  dept_code: string;
  dept_name: string;
  project_count: number;
  published_at: Date;
  published_by: string;
  current: boolean;
  replaced_by: number | null;
  withdrawn_at: Date | null;
  withdraw_reason: string | null;
};

const present = (r: PubRow): Publication => ({
  id: r.id,
  regionCode: r.region_code,
  fiscalYear: r.fiscal_year,
  deptCode: r.dept_code,
  deptName: r.dept_name,
  projectCount: r.project_count,
  publishedAt: new Date(r.published_at).toISOString(),
  publishedBy: r.published_by,
  current: r.current,
  replacedBy: r.replaced_by,
  withdrawnAt: r.withdrawn_at === null ? null : new Date(r.withdrawn_at).toISOString(),
  withdrawReason: r.withdraw_reason,
});

const COLUMNS = [
  "id",
  "region_code",
  "fiscal_year",
  "dept_code",
  "dept_name",
  "project_count",
  "published_at",
  "published_by",
  "current",
  "replaced_by",
  "withdrawn_at",
  "withdraw_reason",
] as const;

export async function publish(
  ctx: Ctx,
  fiscalYear: number,
  deptCode: string,
  opts: PublishOptions = { confirmIncomplete: true },
): Promise<Publication> {
  authorize(ctx.actor, "publication.create");
  if (!deptInScope(ctx.actor, ctx.actor.regionCode, deptCode)) throw notFound("department", "部门");
  return ctx.db.transaction().execute(async (trx) => {
    const dept = await trx
      .selectFrom("departments")
      .selectAll()
      .where("region_code", "=", ctx.actor.regionCode)
      .where("fiscal_year", "=", fiscalYear)
      .where("code", "=", deptCode)
      .executeTakeFirst();
    if (!dept) throw notFound("department", "部门");
    const replaces = await checkPublish(trx, ctx.actor, fiscalYear, deptCode, opts);
    const rows = await trx
      .selectFrom("projects")
      .innerJoin("table_versions as v", (j) =>
        j
          .onRef("v.region_code", "=", "projects.region_code")
          .onRef("v.project_id", "=", "projects.id")
          .onRef("v.version_no", "=", "projects.approved_version_no"),
      )
      .select(["v.doc", "projects.money_unit"])
      .where("projects.region_code", "=", ctx.actor.regionCode)
      .where("projects.fiscal_year", "=", fiscalYear)
      .where("projects.dept_code", "=", deptCode)
      .where("projects.voided_at", "is", null)
      .orderBy("projects.unit_code")
      .orderBy("projects.id")
      .execute();
    if (rows.length === 0) {
      throw new AppError(
        "publication.empty",
        "该部门本年度没有已批复的项目",
        "The department has no approved tables this year",
      );
    }
    const moneyUnit = rows[0]?.money_unit === "元" ? "元" : "万元";
    const projects = rows.map((r) => r.doc as Project);
    const document: TargetDocument = {
      format: "jixiao.targets/1",
      title: "项目绩效目标表",
      department: { code: deptCode, name: dept.name },
      fiscalYear,
      moneyUnit,
      total: sumDecimal(projects.map((p) => p.budget)),
      projects,
    };
    const pub = await trx
      .insertInto("publications")
      .values({
        region_code: ctx.actor.regionCode,
        fiscal_year: fiscalYear,
        dept_code: deptCode,
        dept_name: dept.name,
        project_count: projects.length,
        document: JSON.stringify(document),
        published_by: ctx.actor.username,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    if (replaces !== null) await supersede(trx, ctx.actor, replaces, pub.id, opts.reason ?? "");
    await writeAudit(trx, ctx.actor, {
      regionCode: ctx.actor.regionCode,
      fiscalYear,
      action: "publication.create",
      entity: "publication",
      entityId: pub.id,
      after: { deptCode, projectCount: projects.length },
    });
    return present(pub);
  });
}

export async function listPublications(ctx: Ctx, fiscalYear?: number): Promise<Publication[]> {
  authorize(ctx.actor, "publication.read");
  let q = ctx.db.selectFrom("publications").select(COLUMNS).where("region_code", "=", ctx.actor.regionCode);
  const dept = deptCodeFilter(ctx.actor);
  if (dept) q = q.where("dept_code", "=", dept);
  if (fiscalYear !== undefined) q = q.where("fiscal_year", "=", fiscalYear);
  return (await q.orderBy("id", "desc").execute()).map(present);
}

/** Public (no login): every publication, optionally by region/year. */
export async function listPublic(
  db: Kysely<DB>,
  regionCode?: string,
  fiscalYear?: number,
  history = false,
): Promise<Publication[]> {
  let q = db.selectFrom("publications").select(COLUMNS);
  if (!history) q = q.where("current", "=", true);
  if (regionCode) q = q.where("region_code", "=", regionCode);
  if (fiscalYear !== undefined) q = q.where("fiscal_year", "=", fiscalYear);
  return (await q.orderBy("id", "desc").limit(500).execute()).map(present);
}

export async function getPublic(db: Kysely<DB>, id: number): Promise<Publication & { document: TargetDocument }> {
  const r = await db
    .selectFrom("publications")
    .select([...COLUMNS, "document"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!r) throw notFound("publication", "公开表");
  return { ...present(r), document: r.document as TargetDocument };
}

/**
 * A published 表12 for the public page, with the published self-evaluation results of the same
 * department and year beside it (issue 17; `projectIndex` points into the document's projects).
 */
export async function getPublicPage(
  db: Kysely<DB>,
  id: number,
): Promise<
  Publication & {
    document: TargetDocument;
    selfEvaluations: PublicSelfEvaluationResult[];
    withdrawnSelfEvaluations: WithdrawnSelfEvaluationResult[];
  }
> {
  const p = await getPublic(db, id);
  const where = { regionCode: p.regionCode, fiscalYear: p.fiscalYear, deptCode: p.deptCode };
  const selfEvaluations = await publicResults(db, where, p.document.projects);
  return { ...p, selfEvaluations, withdrawnSelfEvaluations: await publicWithdrawnResults(db, where) };
}

export const EXPORT_TYPES: Record<OutputFormat, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  html: "text/html; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/** Why a PDF could not be printed here (no chromium, or chromium failed): 503, never a crash. */
function pdfUnavailable(details: unknown): AppError {
  return new AppError(
    "export.pdf-unavailable",
    "服务器暂时无法生成 PDF（需要系统的 chromium）；请下载 XLSX 或 HTML 后打印",
    "The server cannot make a PDF right now (it needs the system's chromium); download the XLSX or HTML and print it",
    details,
  );
}

/**
 * A published 表12 in one of the output formats. With an `exporter` (the server's), it is written in
 * the worker pool, cached per publication and format, and PDF prints (each a whole chromium) run
 * one at a time behind a bounded queue (503 `server.busy` with Retry-After when full). A PDF
 * answers `export.pdf-unavailable` when chromium is missing or fails.
 */
export async function exportPublic(
  db: Kysely<DB>,
  id: number,
  format: OutputFormat,
  exporter?: Exporter,
  who = "public",
): Promise<{ bytes: Uint8Array; fileName: string; contentType: string }> {
  const p = await getPublic(db, id);
  let w: Awaited<ReturnType<typeof writeDocument>>;
  try {
    w = exporter
      ? await exporter.write(who, p.document, format, `publication:${id}`)
      : await writeDocument(p.document, format);
  } catch (e) {
    if (e instanceof AppError) throw e;
    // chromium present but failed to start or print: no paths or stack traces in a public answer.
    throw pdfUnavailable([{ code: "pdf.chromium-failed" }]);
  }
  if (format === "pdf" && !w.value) throw pdfUnavailable(w.diagnostics);
  if (!w.value) {
    throw new AppError("export.failed", "导出失败", "Export failed", w.diagnostics);
  }
  return {
    bytes: w.value,
    fileName: `${p.fiscalYear}-${p.deptCode}-表12.${format}`,
    contentType: EXPORT_TYPES[format],
  };
}
