/**
 * 整改 tasks (issue 17): created with a deadline when a 中/差 self-evaluation is accepted (or by a
 * reviewer by hand), seen by the project's unit, its department and the finance bureau, and
 * tracked to done with a note.
 */
import type { ExpressionBuilder } from "kysely";
import type { DB } from "../../db/schema.ts";
import { appError, badTransition, notFound } from "../../errors.ts";
import { authorize } from "../../policies.ts";
import { writeAudit } from "../audit.ts";
import type { Ctx } from "../context.ts";
import { findProject, type ProjectRow } from "../projects/index.ts";

export interface RectificationView {
  id: number;
  projectId: number;
  projectName: string;
  name: string;
  unitName: string;
  orgName: string;
  deptCode: string;
  fiscalYear: number;
  roundId: number | null;
  grade: string | null;
  text: string;
  deadline: string;
  auto: boolean;
  status: "open" | "done";
  overdue: boolean;
  createdBy: string;
  createdAt: string;
  note: string | null;
  doneBy: string | null;
  doneAt: string | null;
}

function scope(eb: ExpressionBuilder<DB, "rectifications">, ctx: Ctx) {
  const a = ctx.actor;
  const conds = [eb("rectifications.region_code", "=", a.regionCode)];
  if (a.role === "unit_staff") conds.push(eb("rectifications.unit_code", "=", a.unitCode ?? "\u0000"));
  if (a.role === "dept_reviewer") conds.push(eb("rectifications.dept_code", "=", a.deptCode ?? "\u0000"));
  return eb.and(conds);
}

/** Inserts a task for a project (inside the caller's transaction); returns its id. */
export async function insertRectification(
  ctx: Ctx,
  row: ProjectRow,
  t: { roundId: number | null; grade: string | null; deadline: string; text: string; auto: boolean },
): Promise<number> {
  const r = await ctx.db
    .insertInto("rectifications")
    .values({
      region_code: row.region_code,
      fiscal_year: row.fiscal_year,
      project_id: row.id,
      round_id: t.roundId,
      dept_code: row.dept_code,
      unit_code: row.unit_code,
      grade: t.grade,
      text: t.text,
      deadline: t.deadline,
      auto: t.auto,
      created_by: ctx.actor.username,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

function query(ctx: Ctx) {
  return ctx.db
    .selectFrom("rectifications")
    .innerJoin("projects as p", (j) =>
      j.onRef("p.region_code", "=", "rectifications.region_code").onRef("p.id", "=", "rectifications.project_id"),
    )
    .leftJoin("departments as d", (j) =>
      j
        .onRef("d.region_code", "=", "p.region_code")
        .onRef("d.fiscal_year", "=", "p.fiscal_year")
        .onRef("d.code", "=", "p.dept_code"),
    )
    .selectAll("rectifications")
    .select(["p.name as project_name", "p.unit_name", "d.name as dept_name"])
    .where((eb) => scope(eb as never, ctx));
}

type Row = Awaited<ReturnType<ReturnType<typeof query>["execute"]>>[number];

function present(r: Row, today: string): RectificationView {
  return {
    id: r.id,
    projectId: r.project_id,
    projectName: r.project_name,
    name: r.project_name,
    unitName: r.unit_name,
    orgName: r.dept_name ?? r.dept_code,
    deptCode: r.dept_code,
    fiscalYear: r.fiscal_year,
    roundId: r.round_id,
    grade: r.grade,
    text: r.text,
    deadline: r.deadline,
    auto: r.auto,
    status: r.status as "open" | "done",
    overdue: r.status === "open" && today > r.deadline,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    note: r.done_note,
    doneBy: r.done_by,
    doneAt: r.done_at ? new Date(r.done_at).toISOString() : null,
  };
}

const today = () => new Date().toISOString().slice(0, 10);

export async function listRectifications(
  ctx: Ctx,
  q: { fiscalYear?: number; status?: "open" | "done"; projectId?: number } = {},
): Promise<{ items: RectificationView[] }> {
  authorize(ctx.actor, "rectification.read");
  let s = query(ctx);
  if (q.fiscalYear !== undefined) s = s.where("rectifications.fiscal_year", "=", q.fiscalYear);
  if (q.status) s = s.where("rectifications.status", "=", q.status);
  if (q.projectId !== undefined) s = s.where("rectifications.project_id", "=", q.projectId);
  const rows = await s.orderBy("rectifications.deadline").orderBy("rectifications.id").limit(500).execute();
  const d = today();
  return { items: rows.map((r) => present(r, d)) };
}

async function findRectification(ctx: Ctx, id: number): Promise<RectificationView> {
  const r = await query(ctx).where("rectifications.id", "=", id).executeTakeFirst();
  if (!r) throw notFound("rectification", "整改任务");
  return present(r, today());
}

export async function createRectification(
  ctx: Ctx,
  input: { projectId: number; deadline: string; text: string },
): Promise<RectificationView> {
  authorize(ctx.actor, "rectification.create");
  if (input.text.trim() === "") throw appError("validation", { detail: "text" }, { field: "text" });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    const row = await findProject(trx, ctx.actor, input.projectId, true);
    const se = await trx
      .selectFrom("self_evaluations")
      .select(["round_id", "result"])
      .where("region_code", "=", row.region_code)
      .where("project_id", "=", row.id)
      .executeTakeFirst();
    const id = await insertRectification(tx, row, {
      roundId: se?.round_id ?? null,
      grade: (se?.result as { grade?: string } | null)?.grade ?? null,
      deadline: input.deadline,
      text: input.text,
      auto: false,
    });
    await writeAudit(trx, ctx.actor, {
      regionCode: row.region_code,
      fiscalYear: row.fiscal_year,
      action: "rectification.create",
      entity: "rectification",
      entityId: id,
      after: { projectId: row.id, deadline: input.deadline, text: input.text },
    });
    return id;
  });
  return findRectification(ctx, id);
}

export async function completeRectification(ctx: Ctx, id: number, note: string): Promise<RectificationView> {
  authorize(ctx.actor, "rectification.done");
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom("rectifications")
      .selectAll()
      .where((eb) => scope(eb, ctx))
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!r) throw notFound("rectification", "整改任务");
    if (r.status !== "open") throw badTransition(r.status, "done");
    await trx
      .updateTable("rectifications")
      .set({ status: "done", done_note: note, done_by: ctx.actor.username, done_at: new Date() })
      .where("region_code", "=", r.region_code)
      .where("id", "=", r.id)
      .execute();
    await writeAudit(trx, ctx.actor, {
      regionCode: r.region_code,
      fiscalYear: r.fiscal_year,
      action: "rectification.done",
      entity: "rectification",
      entityId: r.id,
      before: { status: r.status },
      after: { status: "done", note },
    });
  });
  return findRectification(ctx, id);
}
