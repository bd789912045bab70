/**
 * Projects and their target tables: list, open, create, edit (optimistic concurrency), delete,
 * workflow transitions, versions and diffs. Every query is restricted to the actor's scope.
 */
import type { MoneyUnit, Project } from "@jixiao/core";
import { type Kysely, type Selectable, sql } from "kysely";
import type { DB, ProjectsTable } from "../db/schema.ts";
import { type Change, diffValues } from "../diff.ts";
import { AppError, badTransition, notFound, stale } from "../errors.ts";
import { type Actor, authorize, projectScope, unitInScope } from "../policies.ts";
import { isEditable, nextStatus, type Status, type Transition } from "../workflow.ts";
import { writeAudit } from "./audit.ts";
import type { Ctx } from "./context.ts";

export type ProjectRow = Selectable<ProjectsTable>;

export interface ProjectSummary {
  id: number;
  regionCode: string;
  fiscalYear: number;
  deptCode: string;
  unitCode: string;
  unitName: string;
  name: string;
  category: string;
  budget: number;
  moneyUnit: MoneyUnit;
  status: Status;
  versionNo: number;
  kind: "original" | "adjustment";
  rowVersion: number;
  indicatorCount: number;
  updatedAt: string;
  hasApproved: boolean;
}

export interface ProjectDetail extends ProjectSummary {
  table: Project;
  returnReason: string | null;
  approvedVersionNo: number | null;
}

export function presentSummary(r: ProjectRow): ProjectSummary {
  return {
    id: r.id,
    regionCode: r.region_code,
    fiscalYear: r.fiscal_year,
    deptCode: r.dept_code,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    name: r.name,
    category: r.category,
    budget: Number(r.budget),
    moneyUnit: r.money_unit as MoneyUnit,
    status: r.status as Status,
    versionNo: r.version_no,
    kind: r.kind as "original" | "adjustment",
    rowVersion: r.row_version,
    indicatorCount: r.indicator_count,
    updatedAt: new Date(r.updated_at).toISOString(),
    hasApproved: r.approved_version_no !== null,
  };
}

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
    .where("region_code", "=", ctx.actor.regionCode);
  if (ctx.actor.role === "unit_staff") c = c.where("unit_code", "=", ctx.actor.unitCode ?? "\u0000");
  if (ctx.actor.role === "dept_reviewer") c = c.where(sql`left(unit_code, 3)`, "=", ctx.actor.deptCode ?? "\u0000");
  if (q.fiscalYear !== undefined) c = c.where("fiscal_year", "=", q.fiscalYear);
  if (q.deptCode) c = c.where(sql`left(unit_code, 3)`, "=", q.deptCode);
  if (q.unitCode) c = c.where("unit_code", "=", q.unitCode);
  if (q.status) c = c.where("status", "=", q.status);
  return c;
}

/** The project row if it exists inside the actor's scope, else `project.not-found`. */
export async function findProject(db: Kysely<DB>, actor: Actor, id: number, lock = false): Promise<ProjectRow> {
  let q = db
    .selectFrom("projects")
    .selectAll()
    .where("id", "=", id)
    .where((eb) => projectScope(eb, actor));
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound("project", "项目");
  return row;
}

async function loadDoc(db: Kysely<DB>, row: ProjectRow, versionNo = row.version_no): Promise<Project> {
  const v = await db
    .selectFrom("table_versions")
    .select("doc")
    .where("region_code", "=", row.region_code)
    .where("project_id", "=", row.id)
    .where("version_no", "=", versionNo)
    .executeTakeFirst();
  if (!v) throw notFound("version", "版本");
  return v.doc as Project;
}

export async function presentDetail(db: Kysely<DB>, row: ProjectRow): Promise<ProjectDetail> {
  return {
    ...presentSummary(row),
    table: await loadDoc(db, row),
    returnReason: row.return_reason,
    approvedVersionNo: row.approved_version_no,
  };
}

export async function getProject(ctx: Ctx, id: number): Promise<ProjectDetail> {
  authorize(ctx.actor, "project.read");
  // One statement: the scoped project row with its current version's table.
  const row = await ctx.db
    .selectFrom("projects")
    .innerJoin("table_versions as v", (j) =>
      j
        .onRef("v.region_code", "=", "projects.region_code")
        .onRef("v.project_id", "=", "projects.id")
        .onRef("v.version_no", "=", "projects.version_no"),
    )
    .selectAll("projects")
    .select("v.doc")
    .where("projects.id", "=", id)
    .where((eb) => projectScope(eb as never, ctx.actor))
    .executeTakeFirst();
  if (!row) throw notFound("project", "项目");
  const { doc, ...project } = row;
  return {
    ...presentSummary(project),
    table: doc as Project,
    returnReason: project.return_reason,
    approvedVersionNo: project.approved_version_no,
  };
}

async function insertIndicators(db: Kysely<DB>, row: ProjectRow, versionNo: number, project: Project): Promise<void> {
  const rows = project.indicators.map((ind, idx) => ({
    region_code: row.region_code,
    fiscal_year: row.fiscal_year,
    project_id: row.id,
    version_no: versionNo,
    idx,
    level1: ind.level1,
    level2: ind.level2,
    name: ind.name,
    nature: ind.nature,
    operator: ind.operator,
    target: ind.target,
    unit: ind.unit,
    weight: ind.weight,
  }));
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto("indicators")
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

async function replaceIndicators(db: Kysely<DB>, row: ProjectRow, versionNo: number, project: Project): Promise<void> {
  await db
    .deleteFrom("indicators")
    .where("region_code", "=", row.region_code)
    .where("project_id", "=", row.id)
    .where("version_no", "=", versionNo)
    .execute();
  await insertIndicators(db, row, versionNo, project);
}

function budgetOf(p: Project): number {
  return p.budget;
}

export interface NewProject {
  regionCode: string;
  fiscalYear: number;
  moneyUnit: MoneyUnit;
  project: Project;
  /** Initial status: "draft" normally; "approved" for loading published data. */
  status?: "draft" | "approved";
}

/**
 * Inserts a project with its version 1 (no scope check: callers check). Runs inside the
 * caller's transaction.
 */
export async function insertProject(db: Kysely<DB>, actor: Actor | null, p: NewProject): Promise<ProjectRow> {
  const status = p.status ?? "draft";
  const approved = status === "approved";
  const row = await db
    .insertInto("projects")
    .values({
      region_code: p.regionCode,
      fiscal_year: p.fiscalYear,
      dept_code: p.project.unitCode.slice(0, 3),
      unit_code: p.project.unitCode,
      unit_name: p.project.unitName,
      name: p.project.name,
      category: p.project.category,
      money_unit: p.moneyUnit,
      budget: budgetOf(p.project),
      indicator_count: p.project.indicators.length,
      status,
      kind: "original",
      version_no: 1,
      approved_version_no: approved ? 1 : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const who = actor?.username ?? "system";
  await db
    .insertInto("table_versions")
    .values({
      region_code: row.region_code,
      fiscal_year: row.fiscal_year,
      project_id: row.id,
      version_no: 1,
      kind: "original",
      status,
      doc: JSON.stringify(p.project),
      created_by: who,
      submitted_at: approved ? new Date() : null,
      approved_at: approved ? new Date() : null,
      approved_by: approved ? who : null,
    })
    .execute();
  await insertIndicators(db, row, 1, p.project);
  await writeAudit(db, actor, {
    regionCode: row.region_code,
    fiscalYear: row.fiscal_year,
    action: "project.create",
    entity: "project",
    entityId: row.id,
    after: { status, project: p.project },
  });
  return row;
}

/** Checks that the unit exists in the region/year and is in the actor's scope. */
export async function checkUnit(db: Kysely<DB>, actor: Actor, fiscalYear: number, unitCode: string): Promise<void> {
  if (!unitInScope(actor, actor.regionCode, unitCode)) throw notFound("unit", "单位");
  const unit = await db
    .selectFrom("units")
    .select("code")
    .where("region_code", "=", actor.regionCode)
    .where("fiscal_year", "=", fiscalYear)
    .where("code", "=", unitCode)
    .executeTakeFirst();
  if (!unit) throw notFound("unit", "单位");
}

export async function createProject(
  ctx: Ctx,
  input: { fiscalYear: number; moneyUnit?: MoneyUnit; project: Project },
): Promise<ProjectDetail> {
  authorize(ctx.actor, "project.create");
  return ctx.db.transaction().execute(async (trx) => {
    await checkUnit(trx, ctx.actor, input.fiscalYear, input.project.unitCode);
    const row = await insertProject(trx, ctx.actor, {
      regionCode: ctx.actor.regionCode,
      fiscalYear: input.fiscalYear,
      moneyUnit: input.moneyUnit ?? "万元",
      project: input.project,
    });
    return presentDetail(trx, row);
  });
}

/** Bumps row_version if it still equals `expected` (when given); else 409 with nothing changed. */
async function bump(
  db: Kysely<DB>,
  row: ProjectRow,
  expected: number | undefined,
  set: Partial<Record<keyof ProjectsTable, unknown>>,
): Promise<ProjectRow> {
  if (expected !== undefined && expected !== row.row_version) throw stale(row.row_version);
  const updated = await db
    .updateTable("projects")
    // biome-ignore lint/suspicious/noExplicitAny: a partial set of typed columns
    .set({ ...(set as any), row_version: row.row_version + 1, updated_at: new Date() })
    .where("region_code", "=", row.region_code)
    .where("id", "=", row.id)
    .where("row_version", "=", row.row_version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw stale(row.row_version + 1);
  return updated;
}

export async function updateTable(ctx: Ctx, id: number, project: Project, rowVersion?: number): Promise<ProjectDetail> {
  authorize(ctx.actor, "project.edit");
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findProject(trx, ctx.actor, id, true);
    if (rowVersion !== undefined && rowVersion !== row.row_version) throw stale(row.row_version);
    if (!isEditable(row.status as Status)) throw badTransition(row.status, "edit");
    if (project.unitCode !== row.unit_code) {
      throw new AppError("validation", "不能更改项目单位", "The project's unit cannot be changed", {
        field: "unitCode",
      });
    }
    const before = await loadDoc(trx, row);
    const updated = await bump(trx, row, rowVersion, {
      name: project.name,
      category: project.category,
      unit_name: project.unitName,
      budget: budgetOf(project),
      indicator_count: project.indicators.length,
    });
    await trx
      .updateTable("table_versions")
      .set({ doc: JSON.stringify(project) })
      .where("region_code", "=", row.region_code)
      .where("project_id", "=", row.id)
      .where("version_no", "=", row.version_no)
      .execute();
    await replaceIndicators(trx, row, row.version_no, project);
    await writeAudit(trx, ctx.actor, {
      regionCode: row.region_code,
      fiscalYear: row.fiscal_year,
      action: "table.update",
      entity: "project",
      entityId: row.id,
      before: { versionNo: row.version_no, changes: undefined, table: before },
      after: { versionNo: row.version_no, table: project, changes: diffValues(before, project) },
    });
    return presentDetail(trx, updated);
  });
}

export async function deleteProject(ctx: Ctx, id: number, rowVersion?: number): Promise<void> {
  authorize(ctx.actor, "project.delete");
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findProject(trx, ctx.actor, id, true);
    if (rowVersion !== undefined && rowVersion !== row.row_version) throw stale(row.row_version);
    if (row.approved_version_no !== null || !isEditable(row.status as Status))
      throw badTransition(row.status, "delete");
    for (const t of ["indicators", "self_evaluations", "comments"] as const) {
      await trx.deleteFrom(t).where("region_code", "=", row.region_code).where("project_id", "=", row.id).execute();
    }
    await trx.deleteFrom("projects").where("region_code", "=", row.region_code).where("id", "=", row.id).execute();
    await writeAudit(trx, ctx.actor, {
      regionCode: row.region_code,
      fiscalYear: row.fiscal_year,
      action: "project.delete",
      entity: "project",
      entityId: row.id,
      before: presentSummary(row),
    });
  });
}

const TRANSITION_ACTION = {
  submit: "project.submit",
  approve: "project.approve",
  return: "project.return",
  adjust: "project.adjust",
} as const;

export async function transition(
  ctx: Ctx,
  id: number,
  t: Transition,
  opts: { reason?: string; rowVersion?: number } = {},
): Promise<ProjectDetail> {
  authorize(ctx.actor, TRANSITION_ACTION[t]);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findProject(trx, ctx.actor, id, true);
    if (opts.rowVersion !== undefined && opts.rowVersion !== row.row_version) throw stale(row.row_version);
    const next = nextStatus(row.status as Status, t);
    if (!next) throw badTransition(row.status, t);
    if (t === "return" && !opts.reason?.trim()) {
      throw new AppError("validation", "退回须说明原因", "A return needs a reason", { field: "reason" });
    }
    const now = new Date();
    const v = (q: ReturnType<typeof trx.updateTable<"table_versions">>) =>
      q
        .where("region_code", "=", row.region_code)
        .where("project_id", "=", row.id)
        .where("version_no", "=", row.version_no);
    let updated: ProjectRow;
    if (t === "adjust") {
      const doc = await loadDoc(trx, row);
      const no = row.version_no + 1;
      await trx
        .insertInto("table_versions")
        .values({
          region_code: row.region_code,
          fiscal_year: row.fiscal_year,
          project_id: row.id,
          version_no: no,
          kind: "adjustment",
          status: "draft",
          doc: JSON.stringify(doc),
          created_by: ctx.actor.username,
        })
        .execute();
      await insertIndicators(trx, row, no, doc);
      updated = await bump(trx, row, undefined, {
        status: "draft",
        kind: "adjustment",
        version_no: no,
        return_reason: null,
      });
    } else {
      if (t === "submit") await v(trx.updateTable("table_versions").set({ status: next, submitted_at: now })).execute();
      if (t === "approve")
        await v(
          trx.updateTable("table_versions").set({ status: next, approved_at: now, approved_by: ctx.actor.username }),
        ).execute();
      if (t === "return")
        await v(trx.updateTable("table_versions").set({ status: next, return_reason: opts.reason ?? null })).execute();
      updated = await bump(trx, row, undefined, {
        status: next,
        return_reason: t === "return" ? (opts.reason ?? null) : null,
        ...(t === "approve" ? { approved_version_no: row.version_no } : {}),
      });
    }
    await writeAudit(trx, ctx.actor, {
      regionCode: row.region_code,
      fiscalYear: row.fiscal_year,
      action: `workflow.${t}`,
      entity: "project",
      entityId: row.id,
      before: { status: row.status, versionNo: row.version_no },
      after: { status: updated.status, versionNo: updated.version_no, reason: opts.reason },
    });
    return presentDetail(trx, updated);
  });
}

export interface VersionSummary {
  versionNo: number;
  kind: string;
  status: Status;
  createdAt: string;
  createdBy: string;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  returnReason: string | null;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export async function listVersions(ctx: Ctx, id: number): Promise<VersionSummary[]> {
  authorize(ctx.actor, "project.read");
  const row = await findProject(ctx.db, ctx.actor, id);
  const rows = await ctx.db
    .selectFrom("table_versions")
    .select([
      "version_no",
      "kind",
      "status",
      "created_at",
      "created_by",
      "submitted_at",
      "approved_at",
      "approved_by",
      "return_reason",
    ])
    .where("region_code", "=", row.region_code)
    .where("project_id", "=", row.id)
    .orderBy("version_no")
    .execute();
  return rows.map((r) => ({
    versionNo: r.version_no,
    kind: r.kind,
    status: r.status as Status,
    createdAt: iso(r.created_at) as string,
    createdBy: r.created_by,
    submittedAt: iso(r.submitted_at),
    approvedAt: iso(r.approved_at),
    approvedBy: r.approved_by,
    returnReason: r.return_reason,
  }));
}

export async function getVersion(ctx: Ctx, id: number, no: number): Promise<VersionSummary & { table: Project }> {
  const versions = await listVersions(ctx, id);
  const v = versions.find((x) => x.versionNo === no);
  if (!v) throw notFound("version", "版本");
  const row = await findProject(ctx.db, ctx.actor, id);
  return { ...v, table: await loadDoc(ctx.db, row, no) };
}

export async function diffVersions(
  ctx: Ctx,
  id: number,
  from: number,
  to: number,
): Promise<{ from: number; to: number; changes: Change[] }> {
  authorize(ctx.actor, "project.read");
  const row = await findProject(ctx.db, ctx.actor, id);
  const [a, b] = await Promise.all([loadDoc(ctx.db, row, from), loadDoc(ctx.db, row, to)]);
  return { from, to, changes: diffValues(a, b) };
}
