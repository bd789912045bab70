/** The paged list of projects in the actor's scope. */
import { sql } from "kysely";
import { authorize, countsScope, projectScope } from "../../policies.ts";
import type { Ctx } from "../context.ts";
import { type ProjectSummary, presentSummary } from "./present.ts";

export interface ListQuery {
  fiscalYear?: number;
  deptCode?: string;
  unitCode?: string;
  status?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export async function listProjects(ctx: Ctx, q: ListQuery): Promise<{ items: ProjectSummary[]; total: number }> {
  authorize(ctx.actor, "project.read");
  let base = ctx.db.selectFrom("projects").where((eb) => projectScope(eb, ctx.actor));
  if (q.fiscalYear !== undefined) base = base.where("fiscal_year", "=", q.fiscalYear);
  if (q.deptCode) base = base.where("dept_code", "=", q.deptCode);
  if (q.unitCode) base = base.where("unit_code", "=", q.unitCode);
  if (q.status) base = base.where("status", "=", q.status);
  if (q.q) base = base.where("name", "ilike", `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  // Deferred join: page through the (region, year, unit, id) index for ids only, then fetch
  // those 50 rows, so a deep offset does not read every skipped row from the table.
  const page = base
    .select("id")
    .orderBy("unit_code")
    .orderBy("id")
    .limit(q.limit ?? 50)
    .offset(q.offset ?? 0);
  // One statement: the page (deferred join) and the exact total — from the maintained
  // per-unit counters (migration 0003) unless a text filter needs a real count.
  const totalExpr = q.q ? base.select(sql<number>`count(*)::int`.as("n")) : countersTotal(ctx, q);
  const rows = await ctx.db
    .selectFrom("projects")
    .selectAll()
    .select(totalExpr.as("total"))
    .where("region_code", "=", ctx.actor.regionCode)
    .where("id", "in", page)
    .orderBy("unit_code")
    .orderBy("id")
    .execute();
  const total = rows[0]?.total ?? (await totalExpr.executeTakeFirstOrThrow()).n;
  return { items: rows.map(({ total: _t, ...r }) => presentSummary(r)), total: Number(total) };
}

/** The exact number of projects in scope matching the filters, summed from project_counts. */
function countersTotal(ctx: Ctx, q: ListQuery) {
  let c = ctx.db
    .selectFrom("project_counts")
    .select(sql<number>`coalesce(sum(n), 0)::int`.as("n"))
    .where((eb) => countsScope(eb, ctx.actor));
  if (q.fiscalYear !== undefined) c = c.where("fiscal_year", "=", q.fiscalYear);
  if (q.deptCode) c = c.where(sql`left(unit_code, 3)`, "=", q.deptCode);
  if (q.unitCode) c = c.where("unit_code", "=", q.unitCode);
  if (q.status) c = c.where("status", "=", q.status);
  return c;
}
