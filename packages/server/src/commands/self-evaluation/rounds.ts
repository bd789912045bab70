/**
 * Self-evaluation rounds (issue 17): the finance bureau opens one for its region (or for one
 * department), a department for its own projects. Opening gives every approved (not voided)
 * project in scope that belongs to no round yet a self-evaluation to do (status draft; one saved
 * before the round joins it as it is). The round's page shows progress by department (not
 * started / draft / submitted / returned / accepted / overdue) and every project in the actor's
 * scope with its status, score, grade and whether it is in the 抽评 sample.
 */
import { appError } from "../../errors.ts";
import { authorize, deptInScope, may, projectScope } from "../../policies.ts";
import { writeAudit } from "../audit.ts";
import type { Ctx } from "../context.ts";
import { type EvalRoundRow, type EvalRoundView, findEvalRound, presentEvalRound } from "./find.ts";
import { roundLock } from "./join-round.ts";
import { isoDay } from "./policy.ts";

export interface OpenEvalRoundInput {
  fiscalYear: number;
  dueDate: string;
  /** The department of a department round (its code, e.g. 151); a department's own by default. */
  orgId?: number | string;
  deptCode?: string;
}

export type EvalStatus = "none" | "draft" | "submitted" | "returned" | "accepted";

export interface RoundProgress {
  orgId: string;
  deptCode: string;
  orgName: string;
  total: number;
  notStarted: number;
  draft: number;
  submitted: number;
  returned: number;
  accepted: number;
  /** submitted + accepted: the unit's part is done. */
  done: number;
  /** Not yet submitted (draft, returned) after the due date. */
  overdue: number;
}

export interface RoundProject {
  projectId: number;
  name: string;
  orgName: string;
  deptCode: string;
  unitCode: string;
  unitName: string;
  budget: string;
  moneyUnit: string;
  status: EvalStatus;
  score: number | null;
  grade: string | null;
  sampled: boolean;
  spotCheckScore: number | null;
  overdue: boolean;
}

export interface EvalRoundSummary extends EvalRoundView {
  total: number;
  counts: Record<Exclude<EvalStatus, "none"> | "notStarted" | "overdue", number>;
}

export interface EvalRoundDetail {
  round: EvalRoundSummary;
  progress: RoundProgress[];
  projects: RoundProject[];
}

function deptOf(ctx: Ctx, input: OpenEvalRoundInput): string | null {
  if (input.deptCode) return input.deptCode;
  if (input.orgId !== undefined && input.orgId !== null) return String(input.orgId).padStart(3, "0");
  return ctx.actor.role === "dept_reviewer" ? ctx.actor.deptCode : null;
}

export async function openEvalRound(ctx: Ctx, input: OpenEvalRoundInput): Promise<EvalRoundDetail> {
  const { actor } = ctx;
  const deptCode = deptOf(ctx, input);
  if (deptCode === null) authorize(actor, "selfEvaluation.openRegion");
  else {
    if (!may(actor, "selfEvaluation.openRegion")) authorize(actor, "selfEvaluation.openDepartment");
    if (!deptInScope(actor, actor.regionCode, deptCode)) throw appError("forbidden");
  }
  const scope = deptCode === null ? "region" : "department";
  const roundId = await ctx.db.transaction().execute(async (trx) => {
    // Serialised with approvals of the region and year (join-round.ts): none is missed.
    await roundLock(trx, actor.regionCode, input.fiscalYear);
    const exists = await trx
      .selectFrom("evaluation_rounds")
      .select("id")
      .where("region_code", "=", actor.regionCode)
      .where("fiscal_year", "=", input.fiscalYear)
      .where((eb) => (deptCode === null ? eb("dept_code", "is", null) : eb("dept_code", "=", deptCode)))
      .executeTakeFirst();
    if (exists)
      throw appError("conflict.exists", { what: "本年度的自评轮次", What: "A self-evaluation round of this year" });
    let q = trx
      .selectFrom("projects as p")
      .leftJoin("self_evaluations as s", (j) =>
        j.onRef("s.region_code", "=", "p.region_code").onRef("s.project_id", "=", "p.id"),
      )
      .select(["p.id", "p.fiscal_year", "p.approved_version_no", "s.project_id as evaluated"])
      .where("p.region_code", "=", actor.regionCode)
      .where("p.fiscal_year", "=", input.fiscalYear)
      .where("p.voided_at", "is", null)
      .where("p.approved_version_no", "is not", null)
      .where("s.round_id", "is", null)
      .orderBy("p.id");
    if (deptCode !== null) q = q.where("p.dept_code", "=", deptCode);
    const projects = await q.execute();
    if (projects.length === 0)
      throw appError("validation", {
        detail: "范围内没有未纳入自评轮次的已批复项目 no approved projects in scope outside a round",
      });
    const round = await trx
      .insertInto("evaluation_rounds")
      .values({
        region_code: actor.regionCode,
        fiscal_year: input.fiscalYear,
        scope,
        dept_code: deptCode,
        due_date: input.dueDate,
        opened_by: actor.username,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const fresh = projects.filter((p) => p.evaluated === null);
    const joined = projects.filter((p) => p.evaluated !== null).map((p) => p.id);
    const now = new Date();
    for (let i = 0; i < fresh.length; i += 200)
      await trx
        .insertInto("self_evaluations")
        .values(
          fresh.slice(i, i + 200).map((p) => ({
            region_code: actor.regionCode,
            fiscal_year: p.fiscal_year,
            project_id: p.id,
            version_no: p.approved_version_no as number,
            input: JSON.stringify({ indicators: [] }),
            result: null,
            updated_at: now,
            updated_by: actor.username,
            round_id: round.id,
            status: "draft",
          })),
        )
        .execute();
    if (joined.length > 0)
      await trx
        .updateTable("self_evaluations")
        .set({ round_id: round.id })
        .where("region_code", "=", actor.regionCode)
        .where("project_id", "in", joined)
        .execute();
    await writeAudit(trx, actor, {
      regionCode: actor.regionCode,
      fiscalYear: input.fiscalYear,
      action: "selfEvaluation.openRound",
      entity: "evaluation_round",
      entityId: round.id,
      after: { ...presentEvalRound(round), projects: projects.length },
    });
    return round.id;
  });
  return getEvalRound(ctx, roundId);
}

/**
 * The round's self-evaluations inside the actor's scope, with their projects and 抽评 — the one
 * query the round's page, its budget advice and its progress read.
 */
export async function roundLines(ctx: Ctx, round: EvalRoundRow) {
  return ctx.db
    .selectFrom("self_evaluations as s")
    .innerJoin("projects", (j) =>
      j.onRef("projects.region_code", "=", "s.region_code").onRef("projects.id", "=", "s.project_id"),
    )
    .leftJoin("departments as d", (j) =>
      j
        .onRef("d.region_code", "=", "projects.region_code")
        .onRef("d.fiscal_year", "=", "projects.fiscal_year")
        .onRef("d.code", "=", "projects.dept_code"),
    )
    .leftJoin("spot_checks as c", (j) =>
      j.onRef("c.region_code", "=", "s.region_code").onRef("c.project_id", "=", "s.project_id"),
    )
    .select([
      "s.project_id",
      "s.status",
      "s.result",
      "projects.name",
      "projects.dept_code",
      "projects.unit_code",
      "projects.unit_name",
      "projects.budget",
      "projects.money_unit",
      "d.name as dept_name",
      "c.project_id as sampled",
      "c.result as spot_result",
    ])
    .where("s.region_code", "=", round.region_code)
    .where("s.round_id", "=", round.id)
    .where((eb) => projectScope(eb as never, ctx.actor))
    .orderBy("projects.dept_code")
    .orderBy("projects.unit_code")
    .orderBy("projects.id")
    .execute();
}

export type RoundLine = Awaited<ReturnType<typeof roundLines>>[number];
type Line = RoundLine;

function lineStatus(l: Line): Exclude<EvalStatus, "none"> | "notStarted" {
  if (l.status === "draft" && l.result === null) return "notStarted";
  return l.status as Exclude<EvalStatus, "none">;
}

function summarize(round: EvalRoundRow, lines: Line[], today: string): EvalRoundDetail {
  const overdueOf = (l: Line) => today > round.due_date && (l.status === "draft" || l.status === "returned");
  const counts = { notStarted: 0, draft: 0, submitted: 0, returned: 0, accepted: 0, overdue: 0 };
  const byDept = new Map<string, RoundProgress>();
  for (const l of lines) {
    const st = lineStatus(l);
    const p =
      byDept.get(l.dept_code) ??
      ({
        orgId: l.dept_code,
        deptCode: l.dept_code,
        orgName: l.dept_name ?? l.dept_code,
        total: 0,
        notStarted: 0,
        draft: 0,
        submitted: 0,
        returned: 0,
        accepted: 0,
        done: 0,
        overdue: 0,
      } satisfies RoundProgress);
    byDept.set(l.dept_code, p);
    p.total++;
    p[st]++;
    counts[st]++;
    if (st === "submitted" || st === "accepted") p.done++;
    if (overdueOf(l)) {
      p.overdue++;
      counts.overdue++;
    }
  }
  const projects = lines.map((l): RoundProject => {
    const r = l.result as { total: number; grade: string } | null;
    const spot = l.spot_result as { total: number } | null;
    return {
      projectId: l.project_id,
      name: l.name,
      orgName: l.dept_name ?? l.dept_code,
      deptCode: l.dept_code,
      unitCode: l.unit_code,
      unitName: l.unit_name,
      budget: String(l.budget),
      moneyUnit: l.money_unit,
      status: l.status as EvalStatus,
      score: r?.total ?? null,
      grade: r?.grade ?? null,
      sampled: l.sampled !== null,
      spotCheckScore: spot?.total ?? null,
      overdue: overdueOf(l),
    };
  });
  return {
    round: { ...presentEvalRound(round), total: lines.length, counts },
    progress: [...byDept.values()],
    projects,
  };
}

/** One round: progress by department and every project in the actor's scope. */
export async function getEvalRound(ctx: Ctx, id: number): Promise<EvalRoundDetail> {
  authorize(ctx.actor, "project.read");
  const round = await findEvalRound(ctx.db, ctx.actor, id);
  return summarize(round, await roundLines(ctx, round), isoDay(new Date()));
}

/** The rounds the actor may see (of a year when given), newest first, counted in scope. */
export async function listEvalRounds(ctx: Ctx, fiscalYear?: number): Promise<{ items: EvalRoundSummary[] }> {
  authorize(ctx.actor, "project.read");
  let q = ctx.db
    .selectFrom("evaluation_rounds")
    .selectAll()
    .where("region_code", "=", ctx.actor.regionCode)
    .orderBy("fiscal_year", "desc")
    .orderBy("id", "desc")
    .limit(200);
  if (fiscalYear !== undefined) q = q.where("fiscal_year", "=", fiscalYear);
  const rows = (await q.execute()).filter((r) => findable(ctx, r));
  const today = isoDay(new Date());
  const items: EvalRoundSummary[] = [];
  for (const r of rows) items.push(summarize(r, await roundLines(ctx, r), today).round);
  return { items };
}

function findable(ctx: Ctx, r: EvalRoundRow): boolean {
  return r.scope === "region" || (r.dept_code !== null && deptInScope(ctx.actor, r.region_code, r.dept_code));
}
