/**
 * Self-evaluation (绩效自评): actuals entered against the latest approved table, scored by
 * @jixiao/core's scoring engine, with 主要问题及整改措施, 自评结论 and the funding split. Stored per
 * project; every change audited. Editable while draft or returned (409 `self-eval.locked` once
 * submitted or accepted); the view carries the campaign's status, findings, 抽评 and advice (view.ts).
 */
import {
  DEFAULT_SCORING_POLICY,
  type FundingSplit,
  type Grade,
  type Project,
  type ProjectScore,
  type ScoringPolicy,
  scoreProject,
} from "@jixiao/core";
import { AppError, appError } from "../../errors.ts";
import { authorize } from "../../policies.ts";
import { writeAudit } from "../audit.ts";
import type { Ctx } from "../context.ts";
import { monitoringPrefill, type PrefilledFrom } from "../monitoring/prefill.ts";
import { findProject, type ProjectRow } from "../projects/index.ts";
import { loadScoringPolicy } from "./policy.ts";
import { type CampaignView, campaignView, type StoredEvaluation } from "./view.ts";

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
  /** 主要问题及整改措施. */
  problems?: string | null;
  /** 自评结论. */
  conclusion?: string | null;
  /** 年度资金总额 / 本年财政拨款 / 上年结转 / 其他资金 × 年初预算数 / 全年预算数 / 全年执行数. */
  funding?: FundingSplit | null;
}

export interface SelfEvaluationView extends SelfEvaluationInput, CampaignView {
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

/**
 * Merges actuals into the approved table and scores it under a policy: the region's scoring
 * switches (policy.ts `loadScoringPolicy`) for a self-evaluation and its 抽评; the default
 * when none is given.
 */
export function scoreWithActuals(
  table: Project,
  input: SelfEvaluationInput,
  policy: ScoringPolicy = DEFAULT_SCORING_POLICY,
): ProjectScore {
  return scoreProject(mergeActuals(table, input), 0, policy);
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
  const campaign = await campaignView(ctx, row, table, (se ?? null) as StoredEvaluation | null);
  if (!se?.result) {
    // Nothing entered yet (no row, or a round's empty draft): the monitoring forecasts prefill.
    const pre = table ? await monitoringPrefill(ctx.db, row, table) : null;
    if (table && pre)
      return {
        versionNo,
        table,
        ...pre.input,
        result: scoreWithActuals(table, pre.input, await loadScoringPolicy(ctx.db, row.region_code)),
        updatedAt: null,
        updatedBy: null,
        prefilledFrom: pre.from,
        ...campaign,
      };
    if (!se) return { versionNo, table, indicators: [], result: null, updatedAt: null, updatedBy: null, ...campaign };
  }
  const input = se.input as SelfEvaluationInput;
  return {
    ...input,
    table,
    versionNo: se.version_no,
    result: se.result as ProjectScore | null,
    updatedAt: se.result ? new Date(se.updated_at).toISOString() : null,
    updatedBy: se.result ? se.updated_by : null,
    ...campaign,
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
    const { problems, conclusion, funding, ...actuals } = input;
    const result = scoreWithActuals(table, actuals, await loadScoringPolicy(trx, row.region_code));
    const before = await trx
      .selectFrom("self_evaluations")
      .select(["input", "status", "problems", "conclusion"])
      .where("region_code", "=", row.region_code)
      .where("project_id", "=", row.id)
      .forUpdate()
      .executeTakeFirst();
    if (before && (before.status === "submitted" || before.status === "accepted"))
      throw appError("self-eval.locked", {}, { status: before.status });
    const now = new Date();
    const texts = {
      problems: problems ?? null,
      conclusion: conclusion ?? null,
      funding: funding ? JSON.stringify(funding) : null,
    };
    await trx
      .insertInto("self_evaluations")
      .values({
        region_code: row.region_code,
        fiscal_year: row.fiscal_year,
        project_id: row.id,
        version_no: versionNo,
        input: JSON.stringify(actuals),
        result: JSON.stringify(result),
        updated_at: now,
        updated_by: ctx.actor.username,
        ...texts,
      })
      .onConflict((c) =>
        c.columns(["region_code", "project_id"]).doUpdateSet({
          version_no: versionNo,
          input: JSON.stringify(actuals),
          result: JSON.stringify(result),
          updated_at: now,
          updated_by: ctx.actor.username,
          ...texts,
        }),
      )
      .execute();
    await writeAudit(trx, ctx.actor, {
      regionCode: row.region_code,
      fiscalYear: row.fiscal_year,
      action: "selfEvaluation.save",
      entity: "project",
      entityId: row.id,
      before: before ? { input: before.input, problems: before.problems, conclusion: before.conclusion } : null,
      after: { input: actuals, problems, conclusion, funding, total: result.total, grade: result.grade },
    });
    return getSelfEvaluation(tx, id);
  });
}
