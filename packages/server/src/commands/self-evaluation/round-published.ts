/**
 * A round's published self-evaluation results (issue 17 gaps): the list the finance bureau sees
 * (which score was published — the unit's or its own 抽评's — when, and any withdrawal), and
 * 撤回, as 表12 publications are withdrawn: the
 * finance bureau takes a round's published results (all of them in its scope, or `projectIds`) off
 * the public pages with a public reason; the rows stay, marked withdrawn (who, when, why), and the
 * public pages list them as withdrawn with the reason instead of their scores. Publishing a project
 * again puts its current accepted result back. Audited (`selfEvaluation.withdrawPublished`).
 */
import { AppError } from "../../errors.ts";
import { authorize, projectScope } from "../../policies.ts";
import { writeAudit } from "../audit.ts";
import type { Ctx } from "../context.ts";
import type { PublishedSelfEvaluation } from "../self-evaluation-results.ts";
import { findEvalRound } from "./find.ts";
import type { ScoreSource } from "./score-used.ts";

export interface RoundPublishedRow {
  projectId: number;
  name: string;
  unitName: string;
  score: number;
  grade: string;
  scoreSource: ScoreSource;
  /** The unit's own score when the published one is the 抽评's. */
  unitScore: number | null;
  publishedAt: string;
  publishedBy: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawReason: string | null;
}

/** The round's published results in the actor's scope (finance), withdrawn ones included. */
export async function listRoundPublished(ctx: Ctx, roundId: number): Promise<{ items: RoundPublishedRow[] }> {
  authorize(ctx.actor, "selfEvaluation.publish");
  const round = await findEvalRound(ctx.db, ctx.actor, roundId);
  const rows = await ctx.db
    .selectFrom("self_evaluation_results as r")
    .innerJoin("projects", (j) =>
      j.onRef("projects.region_code", "=", "r.region_code").onRef("projects.id", "=", "r.project_id"),
    )
    .selectAll("r")
    .select(["projects.name", "projects.unit_name"])
    .where("r.region_code", "=", round.region_code)
    .where("r.round_id", "=", round.id)
    .where((eb) => projectScope(eb as never, ctx.actor))
    .orderBy("projects.dept_code")
    .orderBy("projects.unit_code")
    .orderBy("r.project_id")
    .execute();
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    items: rows.map((r) => {
      const se = (r.result as { selfEvaluation: PublishedSelfEvaluation }).selfEvaluation;
      return {
        projectId: r.project_id,
        name: r.name,
        unitName: r.unit_name,
        score: se.score,
        grade: se.grade,
        scoreSource: se.scoreSource ?? "unit",
        unitScore: se.unitScore ?? null,
        publishedAt: new Date(r.published_at).toISOString(),
        publishedBy: r.published_by,
        withdrawnAt: iso(r.withdrawn_at),
        withdrawnBy: r.withdrawn_by,
        withdrawReason: r.withdraw_reason,
      };
    }),
  };
}

export interface WithdrawResultsInput {
  /** The public reason (shown on the public pages). */
  reason: string;
  /** The projects to withdraw; all of the round's published results in scope when left out. */
  projectIds?: number[];
}

export interface WithdrawResultsAnswer {
  withdrawn: { projectId: number; name: string }[];
  reason: string;
}

export async function withdrawRoundResults(
  ctx: Ctx,
  roundId: number,
  input: WithdrawResultsInput,
): Promise<WithdrawResultsAnswer> {
  authorize(ctx.actor, "selfEvaluation.publish");
  const reason = input.reason.trim();
  if (!reason)
    throw new AppError("validation", "撤回须说明公开的原因", "A withdrawal needs a public reason", {
      field: "reason",
    });
  return ctx.db.transaction().execute(async (trx) => {
    const round = await findEvalRound(trx, ctx.actor, roundId);
    const rows = await trx
      .selectFrom("self_evaluation_results as r")
      .innerJoin("projects", (j) =>
        j.onRef("projects.region_code", "=", "r.region_code").onRef("projects.id", "=", "r.project_id"),
      )
      .select(["r.project_id", "r.withdrawn_at", "projects.name"])
      .where("r.region_code", "=", round.region_code)
      .where("r.round_id", "=", round.id)
      .where((eb) => projectScope(eb as never, ctx.actor))
      .orderBy("r.project_id")
      .forUpdate("r")
      .execute();
    const current = rows.filter((r) => r.withdrawn_at === null);
    const wanted = input.projectIds ? new Set(input.projectIds) : null;
    if (wanted) {
      const ids = new Set(current.map((r) => r.project_id));
      const bad = [...wanted].filter((id) => !ids.has(id));
      if (bad.length > 0)
        throw new AppError(
          "publication.not-current",
          `只能撤回当前公开的自评结果：${bad.length} 个项目的结果未公开或已撤回`,
          `Only published self-evaluation results can be withdrawn: ${bad.length} project(s) are not public`,
          { projects: bad.map((projectId) => ({ projectId })) },
        );
    }
    const chosen = current.filter((r) => !wanted || wanted.has(r.project_id));
    if (chosen.length === 0)
      throw new AppError(
        "publication.not-current",
        "本轮没有当前公开的自评结果可撤回",
        "The round has no published self-evaluation result to withdraw",
      );
    await trx
      .updateTable("self_evaluation_results")
      .set({ withdrawn_at: new Date(), withdrawn_by: ctx.actor.username, withdraw_reason: reason })
      .where("region_code", "=", round.region_code)
      .where(
        "project_id",
        "in",
        chosen.map((r) => r.project_id),
      )
      .execute();
    const withdrawn = chosen.map((r) => ({ projectId: r.project_id, name: r.name }));
    await writeAudit(trx, ctx.actor, {
      regionCode: round.region_code,
      fiscalYear: round.fiscal_year,
      action: "selfEvaluation.withdrawPublished",
      entity: "evaluation-round",
      entityId: round.id,
      after: { withdrawn, reason },
    });
    return { withdrawn, reason };
  });
}
