/**
 * The life of a publication (公开): a preview of exactly what goes public; one current
 * publication per department and year (a new one replaces it, the old stays in history with the
 * public reason of the correction); 撤回 with a public reason; a warning — refused unless
 * confirmed — when not every project of the department is approved.
 */
import type { Project } from "@jixiao/core";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { AppError, notFound } from "../errors.ts";
import { type Actor, authorize, deptCodeFilter, deptInScope } from "../policies.ts";
import { writeAudit } from "./audit.ts";
import type { Ctx } from "./context.ts";

export interface PublishOptions {
  /** The publisher saw that some projects are not approved and publishes anyway. */
  confirmIncomplete?: boolean;
  /** Public reason of a correction (更正), required when a current publication is replaced. */
  reason?: string;
}

export interface NotApproved {
  id: number;
  name: string;
  unitName: string;
  status: string;
}

/** The department-year's projects: the approved tables that go public, and the ones that do not. */
export async function departmentTables(
  db: Kysely<DB>,
  actor: Actor,
  fiscalYear: number,
  deptCode: string,
): Promise<{ tables: { doc: Project; moneyUnit: string }[]; notApproved: NotApproved[] }> {
  const rows = await db
    .selectFrom("projects")
    .leftJoin("table_versions as v", (j) =>
      j
        .onRef("v.region_code", "=", "projects.region_code")
        .onRef("v.project_id", "=", "projects.id")
        .onRef("v.version_no", "=", "projects.approved_version_no"),
    )
    .select([
      "projects.id",
      "projects.name",
      "projects.unit_name",
      "projects.status",
      "projects.money_unit",
      "projects.approved_version_no",
      "v.doc",
    ])
    .where("projects.region_code", "=", actor.regionCode)
    .where("projects.fiscal_year", "=", fiscalYear)
    .where("projects.dept_code", "=", deptCode)
    .where("projects.voided_at", "is", null)
    .orderBy("projects.unit_code")
    .orderBy("projects.id")
    .execute();
  return {
    tables: rows.filter((r) => r.doc).map((r) => ({ doc: r.doc as Project, moneyUnit: r.money_unit })),
    notApproved: rows
      .filter((r) => r.status !== "approved")
      .map((r) => ({ id: r.id, name: r.name, unitName: r.unit_name, status: r.status })),
  };
}

export interface CurrentPublication {
  id: number;
  publishedAt: string;
  projectCount: number;
}

async function currentOf(db: Kysely<DB>, actor: Actor, fiscalYear: number, deptCode: string) {
  return db
    .selectFrom("publications")
    .select(["id", "published_at", "project_count"])
    .where("region_code", "=", actor.regionCode)
    .where("fiscal_year", "=", fiscalYear)
    .where("dept_code", "=", deptCode)
    .where("current", "=", true)
    .executeTakeFirst();
}

/** What a publication would show now, what is left out, and what it would replace. */
export async function previewPublication(ctx: Ctx, fiscalYear: number, deptCode: string) {
  authorize(ctx.actor, "publication.create");
  if (!deptInScope(ctx.actor, ctx.actor.regionCode, deptCode)) throw notFound("department", "部门");
  const { tables, notApproved } = await departmentTables(ctx.db, ctx.actor, fiscalYear, deptCode);
  const cur = await currentOf(ctx.db, ctx.actor, fiscalYear, deptCode);
  return {
    fiscalYear,
    deptCode,
    projects: tables.map((t) => t.doc),
    moneyUnit: tables[0]?.moneyUnit === "元" ? "元" : "万元",
    notApproved,
    current: cur
      ? { id: cur.id, publishedAt: new Date(cur.published_at).toISOString(), projectCount: cur.project_count }
      : null,
  };
}

/**
 * The checks before publishing, inside the publishing transaction: refuses an incomplete
 * department unless confirmed (`publication.incomplete`, with the projects left out), and a
 * replacement without a public reason (`publication.reason-required`). Returns the current
 * publication's id (to be replaced), if any.
 */
export async function checkPublish(
  db: Kysely<DB>,
  actor: Actor,
  fiscalYear: number,
  deptCode: string,
  opts: PublishOptions,
): Promise<number | null> {
  const { notApproved } = await departmentTables(db, actor, fiscalYear, deptCode);
  if (notApproved.length > 0 && !opts.confirmIncomplete)
    throw new AppError(
      "publication.incomplete",
      `本部门还有 ${notApproved.length} 个项目未批复，公开的将只有已批复的项目；请确认后再发布`,
      `${notApproved.length} project(s) of the department are not approved; only approved ones go public. Confirm to publish`,
      { notApproved },
    );
  const cur = await currentOf(db, actor, fiscalYear, deptCode);
  if (cur && !opts.reason?.trim())
    throw new AppError(
      "publication.reason-required",
      "本部门本年度已有公开的表；重新发布即为更正，请填写公开的更正原因",
      "A publication of this department and year is already public; a new one is a correction and needs a public reason",
      { current: cur.id },
    );
  return cur?.id ?? null;
}

/** Marks the replaced publication as history, pointing at its successor, with the public reason. */
export async function supersede(
  db: Kysely<DB>,
  actor: Actor,
  oldId: number,
  newId: number,
  reason: string,
): Promise<void> {
  await db
    .updateTable("publications")
    .set({ current: false, replaced_by: newId, withdraw_reason: `更正：${reason}` })
    .where("region_code", "=", actor.regionCode)
    .where("id", "=", oldId)
    .execute();
}

/** 撤回: the publication leaves the public list; its page says it was withdrawn and why. */
export async function withdrawPublication(ctx: Ctx, id: number, reason: string): Promise<{ ok: true }> {
  authorize(ctx.actor, "publication.create");
  if (!reason.trim()) throw new AppError("validation", "撤回须说明公开的原因", "A withdrawal needs a public reason");
  return ctx.db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom("publications")
      .select(["id", "fiscal_year", "dept_code", "current", "withdrawn_at"])
      .where("region_code", "=", ctx.actor.regionCode)
      .where("id", "=", id);
    const dept = deptCodeFilter(ctx.actor);
    if (dept) q = q.where("dept_code", "=", dept);
    const pub = await q.forUpdate().executeTakeFirst();
    if (!pub) throw notFound("publication", "公开表");
    if (!pub.current)
      throw new AppError(
        "publication.not-current",
        "只能撤回当前公开的表",
        "Only the current publication can be withdrawn",
      );
    await trx
      .updateTable("publications")
      .set({ current: false, withdrawn_at: new Date(), withdraw_reason: reason.trim() })
      .where("region_code", "=", ctx.actor.regionCode)
      .where("id", "=", id)
      .execute();
    await writeAudit(trx, ctx.actor, {
      regionCode: ctx.actor.regionCode,
      fiscalYear: pub.fiscal_year,
      action: "publication.withdraw",
      entity: "publication",
      entityId: id,
      after: { reason },
    });
    return { ok: true as const };
  });
}
