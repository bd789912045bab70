/**
 * Import: preview (read any format, keep the document + repair log + review findings for
 * the user) then commit (every project in ONE transaction: all or nothing).
 */
import { randomUUID } from "node:crypto";
import {
  type Diagnostic,
  type Finding,
  LIMITS,
  type LimitViolation,
  limitViolations,
  type Project,
  type TargetDocument,
} from "@jixiao/core";
import { ZIP_LIMIT_CODES } from "@jixiao/formats/zip-guard.ts";
import { AppError, notFound } from "../errors.ts";
import { authorize } from "../policies.ts";
import { type ReadJob, type ReadResult, readJob } from "../workers/format-jobs.ts";
import { bulkInsertProjects } from "./bulk-insert.ts";
import type { Ctx } from "./context.ts";
import {
  type ChoicePlan,
  carryIds,
  classifyProjects,
  type ImportChoice,
  type PreviewProject,
  planChoices,
} from "./import-choices.ts";
import type { ImportReading } from "./import-reading.ts";
import { ensureOrg } from "./org.ts";
import { getProject, type ProjectSummary, presentSummary, replaceTable } from "./projects/index.ts";

/** How long an uncommitted preview is kept. */
export const PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;

export type { ImportChoice, PreviewProject } from "./import-choices.ts";

export interface Preview {
  previewId: string;
  fileName: string;
  fiscalYear: number | null;
  /** The document, with at most PREVIEW_BOUNDS.projects projects (`totals` has the real counts). */
  document: TargetDocument | null;
  diagnostics: Diagnostic[];
  findings: Finding[];
  projects: PreviewProject[];
  /** Counts before bounding; `truncated` when the answer shows fewer. */
  totals: ReadResult["totals"];
  truncated: boolean;
  /** How the table was read (grid inputs): layouts, column mapping, inferred and doubtful cells. */
  reading?: ImportReading;
}

/** Reads an upload into a preview result: in a worker pool on the server, in-process elsewhere. */
export type PreviewReader = (job: ReadJob) => Promise<ReadResult>;

/** 422 naming the cells beyond the editor's limits (core LIMITS): nothing is kept. */
function beyondLimits(violations: LimitViolation[]): AppError {
  const first = violations[0];
  return new AppError(
    "import.limits",
    `文件超出编辑器的限制，未导入：${first?.message ?? ""}${violations.length > 1 ? ` 等 ${violations.length} 处` : ""}`,
    `The file is beyond the editor's limits; nothing imported: ${first?.messageEn ?? ""}${violations.length > 1 ? ` and ${violations.length - 1} more` : ""}`,
    { violations, limits: LIMITS },
  );
}

async function checkProjects(
  ctx: Ctx,
  doc: { projects: { name: string; unitCode: string }[] },
  fiscalYear: number,
  page?: TargetDocument["projects"],
): Promise<PreviewProject[]> {
  return classifyProjects(ctx, doc.projects, fiscalYear, page);
}

export async function previewImport(
  ctx: Ctx,
  file: { bytes: Uint8Array; fileName: string },
  fiscalYearOverride?: number,
  reader: PreviewReader = readJob,
  readOptions?: ReadJob["readOptions"],
): Promise<Preview> {
  authorize(ctx.actor, "import.run");
  const r = await reader({ bytes: file.bytes, fileName: file.fileName, fiscalYearOverride, readOptions });
  if (r.violations.length > 0) throw beyondLimits(r.violations);
  const bomb = r.page ? undefined : r.diagnostics.find((d) => ZIP_LIMIT_CODES.has(d.code));
  if (bomb)
    throw new AppError("payload.too-large", `文件解压后过大，未处理：${bomb.message}`, `${bomb.messageEn}`, bomb);
  const fiscalYear = r.fiscalYear;
  const projects =
    r.page && fiscalYear !== null
      ? await checkProjects(ctx, { projects: r.projects }, fiscalYear, r.page.projects)
      : [];
  // Housekeeping: previews nobody committed within a day are dropped.
  await ctx.db
    .deleteFrom("import_previews")
    .where("region_code", "=", ctx.actor.regionCode)
    .where("committed_at", "is", null)
    .where("created_at", "<", new Date(Date.now() - PREVIEW_TTL_MS))
    .execute();
  const previewId = randomUUID();
  await ctx.db
    .insertInto("import_previews")
    .values({
      id: previewId,
      region_code: ctx.actor.regionCode,
      fiscal_year: fiscalYear ?? 0,
      user_id: ctx.actor.id,
      file_name: file.fileName,
      document: r.documentJson,
      diagnostics: JSON.stringify(r.diagnostics),
    })
    .execute();
  return {
    previewId,
    fileName: file.fileName,
    fiscalYear,
    document: r.page,
    diagnostics: r.diagnostics,
    findings: r.findings,
    projects,
    totals: r.totals,
    truncated:
      r.totals.projects > (r.page?.projects.length ?? 0) ||
      r.totals.diagnostics > r.diagnostics.length ||
      r.totals.findings > r.findings.length,
    ...(r.reading ? { reading: r.reading } : {}),
  };
}

/** Test/progress hook: called after each batch inside the commit transaction, with the count done. */
export type CommitProbe = (done: number) => Promise<void>;

export async function commitImport(
  ctx: Ctx,
  previewId: string,
  probe?: CommitProbe,
  /** Per-project choices; without them the import is all-or-nothing. */
  choices?: ImportChoice[],
): Promise<{ created: ProjectSummary[]; updated?: ProjectSummary[]; skipped?: ChoicePlan["skip"] }> {
  authorize(ctx.actor, "import.run");
  return ctx.db.transaction().execute(async (trx) => {
    const pv = await trx
      .selectFrom("import_previews")
      .selectAll()
      .where("region_code", "=", ctx.actor.regionCode)
      .where("id", "=", previewId)
      .where("user_id", "=", ctx.actor.id)
      .forUpdate()
      .executeTakeFirst();
    if (!pv) throw notFound("preview", "导入预览");
    if (pv.committed_at)
      throw new AppError("import.already-committed", "此导入已提交", "This import was already committed");
    const doc = pv.document as TargetDocument | null;
    if (!doc)
      throw new AppError(
        "import.unreadable",
        "文件无法读取，不能导入",
        "The file could not be read; nothing to import",
      );
    if (!pv.fiscal_year) {
      throw new AppError(
        "import.no-fiscal-year",
        "无法确定预算年度，请指定 fiscalYear",
        "No fiscal year; pass fiscalYear",
      );
    }
    const violations = limitViolations(doc); // previews stored before the limits existed
    if (violations.length > 0) throw beyondLimits(violations);
    const tx = { ...ctx, db: trx };
    const checks = await checkProjects(tx, doc, pv.fiscal_year);
    const plan = choices ? planChoices(checks, choices) : null;
    const refused = plan ? [] : checks.filter((c) => c.reason !== "ok");
    if (refused.length > 0) {
      throw new AppError(
        "import.refused",
        `有 ${refused.length} 个项目不能导入（单位不在权限内、单位不存在或项目已存在），整个导入未执行`,
        `${refused.length} project(s) cannot be imported (unit outside your scope or unknown, or project exists); nothing was imported`,
        { projects: refused },
      );
    }
    const toCreate = plan ? plan.create.map((i) => doc.projects[i] as Project) : doc.projects;
    if (ctx.actor.role === "admin") {
      const seen = new Set<string>();
      for (const p of toCreate) {
        if (seen.has(p.unitCode)) continue;
        seen.add(p.unitCode);
        await ensureOrg(trx, ctx.actor, {
          regionCode: ctx.actor.regionCode,
          fiscalYear: pv.fiscal_year,
          deptCode: p.unitCode.slice(0, 3),
          deptName: doc.department?.code === p.unitCode.slice(0, 3) ? doc.department?.name : undefined,
          unitCode: p.unitCode,
          unitName: p.unitName,
        });
      }
    }
    const rows = await bulkInsertProjects(
      trx,
      ctx.actor,
      {
        regionCode: ctx.actor.regionCode,
        fiscalYear: pv.fiscal_year,
        moneyUnit: doc.moneyUnit,
        projects: toCreate,
        source: `import:${previewId}`,
      },
      probe,
    );
    const created = rows.map(presentSummary);
    const updated: ProjectSummary[] = [];
    for (const u of plan?.update ?? []) {
      const incoming = doc.projects[u.index] as Project;
      const cur = await getProject(tx, u.id);
      updated.push(await replaceTable(tx, u.id, carryIds(cur.table, { ...incoming, unitCode: cur.unitCode })));
    }
    await trx
      .updateTable("import_previews")
      .set({ committed_at: new Date() })
      .where("region_code", "=", ctx.actor.regionCode)
      .where("id", "=", previewId)
      .execute();
    return plan ? { created, updated, skipped: plan.skip } : { created };
  });
}
