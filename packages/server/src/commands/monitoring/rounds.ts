/**
 * Monitoring rounds: the finance bureau opens one for its region, a department for its own
 * projects. Opening creates one monitoring table per approved (not voided) project in scope,
 * filled from the approved version (core's monitoredFromApproved) and monitored empty, so every
 * table has its lights and findings from the start. Listing and the dashboard show only what the
 * actor's scope holds.
 */
import { monitoredFromApproved, monitorProject, type Project, timeProgress } from "@jixiao/core";
import { appError } from "../../errors.ts";
import { authorizeMonitoring, reportScope, roundVisible } from "../../monitoring-policies.ts";
import { deptInScope } from "../../policies.ts";
import { writeAudit } from "../audit.ts";
import type { Ctx } from "../context.ts";
import { findRound } from "./find.ts";
import { type DashboardLine, dashboardLine, presentRound, type RoundView } from "./present.ts";
import { resolvePolicy } from "./round-policy.ts";

export interface OpenRoundInput {
  fiscalYear: number;
  asOfMonth: number;
  scope: "region" | "department";
  /** The department of a department round (a department reviewer's own by default). */
  deptCode?: string;
  dueDate?: string;
  /** Monitoring policy: a preset name (default "default") or a region's own settings. */
  policy?: string | Record<string, unknown>;
}

export interface RoundSummary extends RoundView {
  /** Tables in the actor's scope, by status. */
  counts: Record<"draft" | "submitted" | "accepted" | "returned", number>;
  /** Projects whose execution light is red, in scope. */
  redProjects: number;
}

export async function openRound(ctx: Ctx, input: OpenRoundInput): Promise<RoundSummary> {
  const { actor } = ctx;
  let deptCode: string | null = null;
  if (input.scope === "region") authorizeMonitoring(actor, "monitoring.openRegion");
  else {
    authorizeMonitoring(actor, "monitoring.openDepartment");
    deptCode = input.deptCode ?? actor.deptCode;
    if (!deptCode) throw appError("validation", { detail: "deptCode" }, { field: "deptCode" });
    if (!deptInScope(actor, actor.regionCode, deptCode)) throw appError("forbidden");
  }
  const { policy, stored } = resolvePolicy(input.policy);
  return ctx.db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom("monitoring_rounds")
      .select("id")
      .where("region_code", "=", actor.regionCode)
      .where("fiscal_year", "=", input.fiscalYear)
      .where("as_of_month", "=", input.asOfMonth)
      .where("scope", "=", input.scope)
      .where((eb) => (deptCode === null ? eb("dept_code", "is", null) : eb("dept_code", "=", deptCode)))
      .executeTakeFirst();
    if (exists) throw appError("conflict.exists", { what: "本月的监控轮次", What: "A round for this month" });
    let q = trx
      .selectFrom("projects as p")
      .innerJoin("table_versions as v", (j) =>
        j
          .onRef("v.region_code", "=", "p.region_code")
          .onRef("v.project_id", "=", "p.id")
          .onRef("v.version_no", "=", "p.approved_version_no"),
      )
      .select(["p.id", "p.dept_code", "p.unit_code", "p.approved_version_no", "v.doc"])
      .where("p.region_code", "=", actor.regionCode)
      .where("p.fiscal_year", "=", input.fiscalYear)
      .where("p.voided_at", "is", null)
      .orderBy("p.unit_code")
      .orderBy("p.id");
    if (deptCode !== null) q = q.where("p.dept_code", "=", deptCode);
    const projects = await q.execute();
    if (projects.length === 0)
      throw appError("validation", { detail: "范围内没有已批复的项目 no approved projects in scope" });
    const round = await trx
      .insertInto("monitoring_rounds")
      .values({
        region_code: actor.regionCode,
        fiscal_year: input.fiscalYear,
        scope: input.scope,
        dept_code: deptCode,
        as_of_month: input.asOfMonth,
        due_date: input.dueDate ?? null,
        policy: stored,
        opened_by: actor.username,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const rows = projects.map((p) => {
      const monitored = monitoredFromApproved(p.doc as Project);
      return {
        region_code: actor.regionCode,
        fiscal_year: input.fiscalYear,
        round_id: round.id,
        project_id: p.id,
        dept_code: p.dept_code,
        unit_code: p.unit_code,
        version_no: p.approved_version_no as number,
        status: "draft",
        input: JSON.stringify(monitored),
        result: JSON.stringify(monitorProject(monitored, 0, input.asOfMonth, policy)),
        updated_by: actor.username,
      };
    });
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto("monitoring_reports")
        .values(rows.slice(i, i + 200))
        .execute();
    await writeAudit(trx, actor, {
      regionCode: actor.regionCode,
      fiscalYear: input.fiscalYear,
      action: "monitoring.open",
      entity: "monitoring_round",
      entityId: round.id,
      after: { ...presentRound(round), projects: rows.length },
    });
    return summarize({ ...ctx, db: trx }, presentRound(round));
  });
}

async function summarize(ctx: Ctx, round: RoundView): Promise<RoundSummary> {
  const rows = await ctx.db
    .selectFrom("monitoring_reports")
    .select(["status", "result"])
    .where("round_id", "=", round.id)
    .where((eb) => reportScope(eb, ctx.actor))
    .execute();
  const counts = { draft: 0, submitted: 0, accepted: 0, returned: 0 };
  let redProjects = 0;
  for (const r of rows) {
    counts[r.status as keyof typeof counts]++;
    if ((r.result as { executionLight: string | null }).executionLight === "red") redProjects++;
  }
  return { ...round, counts, redProjects };
}

/** The rounds of a year the actor may see, newest first, with their tables in scope counted. */
export async function listRounds(ctx: Ctx, fiscalYear?: number): Promise<{ items: RoundSummary[] }> {
  authorizeMonitoring(ctx.actor, "monitoring.read");
  let q = ctx.db
    .selectFrom("monitoring_rounds")
    .selectAll()
    .where("region_code", "=", ctx.actor.regionCode)
    .orderBy("fiscal_year", "desc")
    .orderBy("as_of_month", "desc")
    .orderBy("id", "desc")
    .limit(200);
  if (fiscalYear !== undefined) q = q.where("fiscal_year", "=", fiscalYear);
  const rounds = (await q.execute()).filter((r) => roundVisible(ctx.actor, r));
  const items: RoundSummary[] = [];
  for (const r of rounds) items.push(await summarize(ctx, presentRound(r)));
  return { items };
}

export interface RoundDashboard extends RoundSummary {
  /** 序时进度, percent. */
  timeProgress: number;
  moneyUnit: string;
  projects: DashboardLine[];
}

/** A round's dashboard: every project in scope with its execution light and indicator lights. */
/** `deptCode` narrows the dashboard to one department (inside the scope, never beyond it). */
export async function getRound(ctx: Ctx, id: number, deptCode?: string): Promise<RoundDashboard> {
  authorizeMonitoring(ctx.actor, "monitoring.read");
  const round = await findRound(ctx.db, ctx.actor, id);
  const rows = await ctx.db
    .selectFrom("monitoring_reports")
    .innerJoin("projects as p", (j) =>
      j
        .onRef("p.region_code", "=", "monitoring_reports.region_code")
        .onRef("p.id", "=", "monitoring_reports.project_id"),
    )
    .selectAll("monitoring_reports")
    .select("p.money_unit")
    .where("monitoring_reports.round_id", "=", round.id)
    .where((eb) => reportScope(eb as never, ctx.actor))
    .where((eb) => (deptCode ? eb("monitoring_reports.dept_code", "=", deptCode) : eb.lit(true)))
    .orderBy("monitoring_reports.unit_code")
    .orderBy("monitoring_reports.project_id")
    .execute();
  const summary = await summarize(ctx, presentRound(round));
  return {
    ...summary,
    timeProgress: timeProgress(round.as_of_month).toNumber(),
    moneyUnit: rows[0]?.money_unit ?? "万元",
    projects: rows.map(dashboardLine),
  };
}
