/**
 * Self-evaluation (绩效自评): actuals entered against the latest approved table, scored by
 * @jixiao/core's scoring engine. Stored per project; every change audited.
 */
import { type Grade, type Project, type ProjectScore, scoreProject } from "@jixiao/core";
import { AppError } from "../../errors.ts";
import { authorize } from "../../policies.ts";
import { writeAudit } from "../audit.ts";
import type { Ctx } from "../context.ts";
import { monitoringPrefill, type PrefilledFrom } from "../monitoring/prefill.ts";
import { findProject, type ProjectRow } from "../projects/index.ts";

export interface ActualInput {
  actual?: string | number;
  grade?: Grade;
  score?: number;
  notApplicable?: boolean;
  deviationReason?: string;
}

export interface SelfEvaluationInput {
  executed?: number | null;
  initialBudget?: number | null;
  indicators: ActualInput[];
}

export interface SelfEvaluationView extends SelfEvaluationInput {
  versionNo: number | null;
  /** The approved table the actuals are entered against (never a later draft); null before approval. */
  table?: Project | null;
  result: ProjectScore | null;
  updatedAt: string | null;
  updatedBy: string | null;
  /** Set while nothing is saved and the figures come from the last monitoring round's forecasts. */
  prefilledFrom?: PrefilledFrom;
}

async function approvedTable(ctx: Ctx, row: ProjectRow): Promise<{ versionNo: number; table: Project }> {
  if (row.approved_version_no === null) {
    throw new AppError(
      "workflow.not-approved",
      "项目尚无批复版本，不能自评",
      "The project has no approved version to evaluate",
    );
  }
  const v = await ctx.db
    .selectFrom("table_versions")
    .select("doc")
    .where("region_code", "=", row.region_code)
    .where("project_id", "=", row.id)
    .where("version_no", "=", row.approved_version_no)
    .executeTakeFirstOrThrow();
  return { versionNo: row.approved_version_no, table: v.doc as Project };
}

/** The table with the actuals merged in, row by row. */
export function mergeActuals(table: Project, input: SelfEvaluationInput): Project {
  return {
    ...table,
    ...(input.executed == null ? {} : { executed: input.executed }),
    ...(input.initialBudget == null ? {} : { initialBudget: input.initialBudget }),
    indicators: table.indicators.map((ind, i) => ({ ...ind, ...(input.indicators?.[i] ?? {}) })),
  };
}

/** Merges actuals into the approved table and scores it. */
export function scoreWithActuals(table: Project, input: SelfEvaluationInput): ProjectScore {
  return scoreProject(mergeActuals(table, input), 0);
}

/**
 * The table a self-evaluation reads: the version its actuals were entered against, else the latest
 * approved version — whatever drafts (an adjustment in progress) exist.
 */
export async function evaluatedTable(
  ctx: Ctx,
  id: number,
  versionNo: number | null,
): Promise<{ versionNo: number; table: Project }> {
  const row = await findProject(ctx.db, ctx.actor, id);
  if (versionNo === null) return approvedTable(ctx, row);
  const v = await ctx.db
    .selectFrom("table_versions")
    .select("doc")
    .where("region_code", "=", row.region_code)
    .where("project_id", "=", row.id)
    .where("version_no", "=", versionNo)
    .executeTakeFirstOrThrow();
  return { versionNo, table: v.doc as Project };
}

export async function getSelfEvaluation(ctx: Ctx, id: number): Promise<SelfEvaluationView> {
  authorize(ctx.actor, "project.read");
  const row = await findProject(ctx.db, ctx.actor, id);
  const se = await ctx.db
    .selectFrom("self_evaluations")
    .selectAll()
    .where("region_code", "=", row.region_code)
    .where("project_id", "=", row.id)
    .executeTakeFirst();
  const versionNo = se?.version_no ?? row.approved_version_no;
  const table =
    versionNo === null
      ? null
      : (((
          await ctx.db
            .selectFrom("table_versions")
            .select("doc")
            .where("region_code", "=", row.region_code)
            .where("project_id", "=", row.id)
            .where("version_no", "=", versionNo)
            .executeTakeFirst()
        )?.doc as Project | undefined) ?? null);
  if (!se) {
    const pre = table ? await monitoringPrefill(ctx.db, row, table) : null;
    if (table && pre)
      return {
        versionNo,
        table,
        ...pre.input,
        result: scoreWithActuals(table, pre.input),
        updatedAt: null,
        updatedBy: null,
        prefilledFrom: pre.from,
      };
    return { versionNo, table, indicators: [], result: null, updatedAt: null, updatedBy: null };
  }
  const input = se.input as SelfEvaluationInput;
  return {
    ...input,
    table,
    versionNo: se.version_no,
    result: se.result as ProjectScore | null,
    updatedAt: new Date(se.updated_at).toISOString(),
    updatedBy: se.updated_by,
  };
}

export async function saveSelfEvaluation(
  ctx: Ctx,
  id: number,
  input: SelfEvaluationInput,
): Promise<SelfEvaluationView> {
  authorize(ctx.actor, "selfEvaluation.edit");
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    const row = await findProject(trx, ctx.actor, id, true);
    const { versionNo, table } = await approvedTable(tx, row);
    if (input.indicators.length > table.indicators.length) {
      throw new AppError("validation", "实际值的行数多于指标数", "More actuals than indicators", {
        indicators: table.indicators.length,
      });
    }
    const result = scoreWithActuals(table, input);
    const before = await trx
      .selectFrom("self_evaluations")
      .select("input")
      .where("region_code", "=", row.region_code)
      .where("project_id", "=", row.id)
      .executeTakeFirst();
    const now = new Date();
    await trx
      .insertInto("self_evaluations")
      .values({
        region_code: row.region_code,
        fiscal_year: row.fiscal_year,
        project_id: row.id,
        version_no: versionNo,
        input: JSON.stringify(input),
        result: JSON.stringify(result),
        updated_at: now,
        updated_by: ctx.actor.username,
      })
      .onConflict((c) =>
        c.columns(["region_code", "project_id"]).doUpdateSet({
          version_no: versionNo,
          input: JSON.stringify(input),
          result: JSON.stringify(result),
          updated_at: now,
          updated_by: ctx.actor.username,
        }),
      )
      .execute();
    await writeAudit(trx, ctx.actor, {
      regionCode: row.region_code,
      fiscalYear: row.fiscal_year,
      action: "selfEvaluation.save",
      entity: "project",
      entityId: row.id,
      before: before?.input ?? null,
      after: { input, total: result.total, grade: result.grade },
    });
    return {
      executed: null,
      ...input,
      versionNo,
      table,
      result,
      updatedAt: now.toISOString(),
      updatedBy: ctx.actor.username,
    };
  });
}
