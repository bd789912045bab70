/**
 * Published self-evaluation results (issue 17): the finance bureau publishes a round's accepted
 * self-evaluations; each becomes a public row (score, grade, 自评结论, the indicators' actuals and
 * scores) shown on the public pages beside the department's 表12. Only accepted results, only in
 * the actor's scope; publishing again replaces a project's row with the current accepted result
 * (and clears a withdrawal). Where the finance bureau did a 抽评 of the project, its score is the one
 * published (`scoreSource: "spot-check"`, with the unit's own score beside it), else the unit's.
 * Withdrawing (self-evaluation/withdraw-results.ts) takes a result off the public pages with a
 * public reason.
 */
import type { ProjectScore } from "@jixiao/core";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { authorize, projectScope } from "../policies.ts";
import { writeAudit } from "./audit.ts";
import type { Ctx } from "./context.ts";
import { findEvalRound } from "./self-evaluation/find.ts";
import { type ScoreSource, scoreUsed } from "./self-evaluation/score-used.ts";

export interface PublishedIndicator {
  name: string;
  target: string;
  unit: string | null;
  actual: string | number | null;
  weight: number | null;
  score: number | null;
  deviationReason: string | null;
}

/** What the public sees of one project's self-evaluation. */
export interface PublishedSelfEvaluation {
  score: number;
  grade: string;
  /** Whose score it is: the unit's self-evaluation, or the finance bureau's 抽评 (rows published before: the unit's). */
  scoreSource: ScoreSource;
  /** The unit's own score and grade, set when the published score is the 抽评's. */
  unitScore: number | null;
  unitGrade: string | null;
  conclusion: string | null;
  executionRate: number | null;
  indicators: PublishedIndicator[];
}

export interface PublicSelfEvaluationResult {
  /** The project's index in the publication's 表12 document, when it is there. */
  projectIndex: number | null;
  fiscalYear: number;
  deptCode: string;
  unitCode: string;
  name: string;
  unitName: string;
  publishedAt: string;
  selfEvaluation: PublishedSelfEvaluation;
}

interface StoredResult {
  name: string;
  unitName: string;
  selfEvaluation: PublishedSelfEvaluation;
}

/** A result taken off the public pages: what the public reads of it is who, when and why. */
export interface WithdrawnSelfEvaluationResult {
  fiscalYear: number;
  deptCode: string;
  unitCode: string;
  name: string;
  unitName: string;
  publishedAt: string;
  withdrawnAt: string;
  reason: string;
}

export interface PublishRoundAnswer {
  published: { projectId: number; name: string; score: number; grade: string; scoreSource: ScoreSource }[];
  /** Projects of the round left out (not accepted), with their status. */
  skipped: { projectId: number; name: string; status: string }[];
}

function snapshot(name: string, unitName: string, conclusion: string | null, unit: ProjectScore, spot: unknown) {
  const used = scoreUsed(unit, spot) ?? { score: unit, source: "unit" as const };
  const r = used.score;
  const byUnit = used.source === "spot-check";
  const stored: StoredResult = {
    name,
    unitName,
    selfEvaluation: {
      score: r.total,
      grade: r.grade,
      scoreSource: used.source,
      unitScore: byUnit ? unit.total : null,
      unitGrade: byUnit ? unit.grade : null,
      conclusion,
      executionRate: r.executionRate,
      indicators: r.indicators.map((i, k) => ({
        name: i.name,
        target: i.target,
        unit: i.unit,
        actual: i.actual,
        weight: i.weight,
        score: i.score,
        // The explanation of a deviation is the unit's (the 抽评 enters figures, not reasons).
        deviationReason: i.deviationReason ?? unit.indicators[k]?.deviationReason ?? null,
      })),
    },
  };
  return stored;
}

/** Publishes a round's accepted results (all of them, or `projectIds`, which must all be accepted). */
export async function publishRoundResults(
  ctx: Ctx,
  roundId: number,
  projectIds?: number[],
): Promise<PublishRoundAnswer> {
  authorize(ctx.actor, "selfEvaluation.publish");
  return ctx.db.transaction().execute(async (trx) => {
    const round = await findEvalRound(trx, ctx.actor, roundId);
    const rows = await trx
      .selectFrom("self_evaluations as s")
      .innerJoin("projects", (j) =>
        j.onRef("projects.region_code", "=", "s.region_code").onRef("projects.id", "=", "s.project_id"),
      )
      .leftJoin("spot_checks as c", (j) =>
        j.onRef("c.region_code", "=", "s.region_code").onRef("c.project_id", "=", "s.project_id"),
      )
      .select([
        "c.result as spot",
        "s.project_id",
        "s.status",
        "s.result",
        "s.conclusion",
        "projects.name",
        "projects.unit_name",
        "projects.unit_code",
        "projects.dept_code",
        "projects.fiscal_year",
      ])
      .where("s.region_code", "=", round.region_code)
      .where("s.round_id", "=", round.id)
      .where((eb) => projectScope(eb as never, ctx.actor))
      .orderBy("projects.id")
      .execute();
    const wanted = projectIds ? new Set(projectIds) : null;
    if (wanted) {
      const found = new Map(rows.map((r) => [r.project_id, r]));
      const bad = [...wanted]
        .filter((id) => found.get(id)?.status !== "accepted" || !found.get(id)?.result)
        .map((id) => ({ projectId: id, status: found.get(id)?.status ?? "not-in-round" }));
      if (bad.length > 0)
        throw new AppError(
          "publication.not-accepted",
          `只能公开已通过审核的自评结果：${bad.length} 个项目尚未通过`,
          `Only accepted self-evaluations can be published: ${bad.length} project(s) are not accepted`,
          { projects: bad },
        );
    }
    const chosen = rows.filter((r) => !wanted || wanted.has(r.project_id));
    const accepted = chosen.filter((r) => r.status === "accepted" && r.result);
    if (accepted.length === 0)
      throw new AppError(
        "publication.empty",
        "本轮没有已通过审核的自评结果可公开",
        "The round has no accepted self-evaluation to publish",
      );
    const now = new Date();
    const published: PublishRoundAnswer["published"] = [];
    for (const r of accepted) {
      const stored = snapshot(r.name, r.unit_name, r.conclusion, r.result as ProjectScore, r.spot);
      const se = stored.selfEvaluation;
      published.push({
        projectId: r.project_id,
        name: r.name,
        score: se.score,
        grade: se.grade,
        scoreSource: se.scoreSource,
      });
      const cleared = { withdrawn_at: null, withdrawn_by: null, withdraw_reason: null };
      await trx
        .insertInto("self_evaluation_results")
        .values({
          region_code: round.region_code,
          fiscal_year: r.fiscal_year,
          project_id: r.project_id,
          dept_code: r.dept_code,
          unit_code: r.unit_code,
          round_id: round.id,
          result: JSON.stringify(stored),
          published_by: ctx.actor.username,
          published_at: now,
        })
        .onConflict((c) =>
          c.columns(["region_code", "project_id"]).doUpdateSet({
            fiscal_year: r.fiscal_year,
            dept_code: r.dept_code,
            unit_code: r.unit_code,
            round_id: round.id,
            result: JSON.stringify(stored),
            published_by: ctx.actor.username,
            published_at: now,
            ...cleared,
          }),
        )
        .execute();
    }
    await writeAudit(trx, ctx.actor, {
      regionCode: round.region_code,
      fiscalYear: round.fiscal_year,
      action: "selfEvaluation.publish",
      entity: "evaluation-round",
      entityId: round.id,
      after: { published },
    });
    return {
      published,
      skipped: chosen
        .filter((r) => !(r.status === "accepted" && r.result))
        .map((r) => ({ projectId: r.project_id, name: r.name, status: r.status })),
    };
  });
}

/** Public (no login): the published results of a department-year, matched to a 表12's projects. */
export async function publicResults(
  db: Kysely<DB>,
  where: { regionCode?: string; fiscalYear?: number; deptCode?: string },
  projects: { name: string; unitCode: string }[] = [],
): Promise<PublicSelfEvaluationResult[]> {
  let q = db.selectFrom("self_evaluation_results").selectAll().where("withdrawn_at", "is", null);
  if (where.regionCode) q = q.where("region_code", "=", where.regionCode);
  if (where.fiscalYear !== undefined) q = q.where("fiscal_year", "=", where.fiscalYear);
  if (where.deptCode) q = q.where("dept_code", "=", where.deptCode);
  const rows = await q.orderBy("dept_code").orderBy("unit_code").orderBy("project_id").limit(2000).execute();
  return rows.map((r) => {
    const s = r.result as StoredResult;
    const i = projects.findIndex((p) => p.name === s.name && p.unitCode === r.unit_code);
    return {
      projectIndex: i < 0 ? null : i,
      fiscalYear: r.fiscal_year,
      deptCode: r.dept_code,
      unitCode: r.unit_code,
      name: s.name,
      unitName: s.unitName,
      publishedAt: new Date(r.published_at).toISOString(),
      // Rows published before 0009 carry no source: they were the unit's score.
      selfEvaluation: {
        ...s.selfEvaluation,
        scoreSource: s.selfEvaluation.scoreSource ?? "unit",
        unitScore: s.selfEvaluation.unitScore ?? null,
        unitGrade: s.selfEvaluation.unitGrade ?? null,
      },
    };
  });
}

/** Public (no login): the withdrawn results of a department-year, with the public reason. */
export async function publicWithdrawnResults(
  db: Kysely<DB>,
  where: { regionCode?: string; fiscalYear?: number; deptCode?: string },
): Promise<WithdrawnSelfEvaluationResult[]> {
  let q = db.selectFrom("self_evaluation_results").selectAll().where("withdrawn_at", "is not", null);
  if (where.regionCode) q = q.where("region_code", "=", where.regionCode);
  if (where.fiscalYear !== undefined) q = q.where("fiscal_year", "=", where.fiscalYear);
  if (where.deptCode) q = q.where("dept_code", "=", where.deptCode);
  const rows = await q.orderBy("dept_code").orderBy("unit_code").orderBy("project_id").limit(2000).execute();
  return rows.map((r) => {
    const s = r.result as StoredResult;
    return {
      fiscalYear: r.fiscal_year,
      deptCode: r.dept_code,
      unitCode: r.unit_code,
      name: s.name,
      unitName: s.unitName,
      publishedAt: new Date(r.published_at).toISOString(),
      withdrawnAt: new Date(r.withdrawn_at as Date).toISOString(),
      reason: r.withdraw_reason ?? "",
    };
  });
}
