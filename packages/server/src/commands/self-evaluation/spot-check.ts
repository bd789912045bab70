/**
 * 抽评 (issue 17): the finance bureau marks a sample of a round's self-evaluations — drawn by a
 * seeded draw (the same seed over the same round draws the same projects) or chosen — then enters
 * its own actuals for a sampled project once the unit has submitted. Both are scored against the
 * same approved table; differences beyond the region's tolerance (points on the total, points per
 * indicator) are findings beside the unit's score.
 */
import { compareSpotCheck, drawSample, type ProjectScore, type SpotCheckDifference } from "@jixiao/core";
import { appError, badTransition } from "../../errors.ts";
import { authorize } from "../../policies.ts";
import { writeAudit } from "../audit.ts";
import type { Ctx } from "../context.ts";
import { findProject } from "../projects/index.ts";
import { evaluatedTable, type SelfEvaluationInput, scoreWithActuals } from "./actuals.ts";
import { findEvalRound } from "./find.ts";
import { loadSelfEvaluationPolicy, type SelfEvaluationPolicy } from "./policy.ts";

export type SampleInput = { count: number; seed: string } | { projectIds: number[] };

export interface SpotCheckFinding {
  code: "self-eval.spot-check-difference";
  severity: "warning";
  indicatorIndex: number | null;
  indicator: string | null;
  message: string;
  messageEn: string;
}

export interface SpotCheckResult {
  score: ProjectScore;
  differences: SpotCheckDifference[];
  findings: SpotCheckFinding[];
  beyond: boolean;
  tolerance: SelfEvaluationPolicy["tolerance"];
}

/** Marks the sample; returns the projects drawn now and the round's whole sample. */
export async function sampleRound(
  ctx: Ctx,
  roundId: number,
  input: SampleInput,
): Promise<{ projectIds: number[]; sampled: number[] }> {
  authorize(ctx.actor, "selfEvaluation.spotCheck");
  return ctx.db.transaction().execute(async (trx) => {
    const round = await findEvalRound(trx, ctx.actor, roundId);
    const members = (
      await trx
        .selectFrom("self_evaluations")
        .select("project_id")
        .where("region_code", "=", round.region_code)
        .where("round_id", "=", round.id)
        .orderBy("project_id")
        .execute()
    ).map((r) => r.project_id);
    let drawn: number[];
    if ("projectIds" in input) {
      const outside = input.projectIds.filter((id) => !members.includes(id));
      if (outside.length > 0)
        throw appError("validation", { detail: "projectIds" }, { field: "projectIds", notInRound: outside });
      drawn = [...new Set(input.projectIds)].sort((a, b) => a - b);
    } else drawn = drawSample(members, Math.min(input.count, members.length), input.seed);
    const seed = "seed" in input ? input.seed : null;
    if (drawn.length > 0)
      await trx
        .insertInto("spot_checks")
        .values(
          drawn.map((id) => ({
            region_code: round.region_code,
            fiscal_year: round.fiscal_year,
            project_id: id,
            round_id: round.id,
            sampled_by: ctx.actor.username,
            seed,
          })),
        )
        .onConflict((c) => c.columns(["region_code", "project_id"]).doNothing())
        .execute();
    const sampled = (
      await trx
        .selectFrom("spot_checks")
        .select("project_id")
        .where("region_code", "=", round.region_code)
        .where("round_id", "=", round.id)
        .orderBy("project_id")
        .execute()
    ).map((r) => r.project_id);
    await writeAudit(trx, ctx.actor, {
      regionCode: round.region_code,
      fiscalYear: round.fiscal_year,
      action: "selfEvaluation.sample",
      entity: "evaluation_round",
      entityId: round.id,
      after: { drawn, seed, sampled },
    });
    return { projectIds: drawn, sampled };
  });
}

/** Differences of the finance bureau's score from the unit's: per indicator, and on the total. */
export function spotCheckDifferences(
  unit: ProjectScore,
  finance: ProjectScore,
  tolerance: SelfEvaluationPolicy["tolerance"],
): SpotCheckDifference[] {
  return compareSpotCheck(unit, finance, tolerance);
}

function findings(unit: ProjectScore, diffs: SpotCheckDifference[], tol: SelfEvaluationPolicy["tolerance"]) {
  return diffs
    .filter((d) => d.beyond)
    .map((d): SpotCheckFinding => {
      const name = d.indicatorIndex === null ? null : (unit.indicators[d.indicatorIndex]?.name ?? null);
      const where = name === null ? "总分" : `“${name}”`;
      const whereEn = name === null ? "the total" : `"${name}"`;
      const t = d.indicatorIndex === null ? tol.total : tol.indicator;
      return {
        code: "self-eval.spot-check-difference",
        severity: "warning",
        indicatorIndex: d.indicatorIndex,
        indicator: name,
        message: `抽评${where}得分 ${d.finance} 与单位自评 ${d.unit} 相差 ${d.difference} 分，超过容差 ${t} 分`,
        messageEn: `Spot check: ${whereEn} scores ${d.finance} against the unit's ${d.unit}, a difference of ${d.difference} beyond the tolerance of ${t}`,
      };
    });
}

/** The finance bureau's actuals for a sampled project: scored and compared with the unit's. */
export async function saveSpotCheck(ctx: Ctx, id: number, input: SelfEvaluationInput): Promise<SpotCheckResult> {
  authorize(ctx.actor, "selfEvaluation.spotCheck");
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    const row = await findProject(trx, ctx.actor, id, true);
    const spot = await trx
      .selectFrom("spot_checks")
      .selectAll()
      .where("region_code", "=", row.region_code)
      .where("project_id", "=", row.id)
      .forUpdate()
      .executeTakeFirst();
    if (!spot) throw appError("self-eval.not-sampled");
    const se = await trx
      .selectFrom("self_evaluations")
      .select(["status", "version_no", "result"])
      .where("region_code", "=", row.region_code)
      .where("project_id", "=", row.id)
      .executeTakeFirst();
    const status = se?.status ?? "none";
    if (!se?.result || (status !== "submitted" && status !== "accepted")) throw badTransition(status, "spot-check");
    const { table } = await evaluatedTable(tx, id, se.version_no);
    if (input.indicators.length > table.indicators.length)
      throw appError("validation", { detail: "indicators" }, { field: "indicators", max: table.indicators.length });
    const actuals = { indicators: input.indicators, ...(input.executed == null ? {} : { executed: input.executed }) };
    // The region's scoring switches, as the unit's self-evaluation was scored.
    const policy = await loadSelfEvaluationPolicy(trx, row.region_code);
    const score = scoreWithActuals(table, actuals, policy.scoring);
    const unit = se.result as ProjectScore;
    const differences = spotCheckDifferences(unit, score, policy.tolerance);
    const beyond = differences.some((d) => d.beyond);
    await trx
      .updateTable("spot_checks")
      .set({
        input: JSON.stringify(actuals),
        result: JSON.stringify(score),
        differences: JSON.stringify(differences),
        beyond,
        checked_by: ctx.actor.username,
        checked_at: new Date(),
      })
      .where("region_code", "=", row.region_code)
      .where("project_id", "=", row.id)
      .execute();
    await writeAudit(trx, ctx.actor, {
      regionCode: row.region_code,
      fiscalYear: row.fiscal_year,
      action: "selfEvaluation.spotCheck",
      entity: "project",
      entityId: row.id,
      before: spot.input ? { input: spot.input } : null,
      after: { input: actuals, total: score.total, grade: score.grade, unitTotal: unit.total, beyond },
    });
    return {
      score,
      differences,
      findings: findings(unit, differences, policy.tolerance),
      beyond,
      tolerance: policy.tolerance,
    };
  });
}
