/**
 * Fiscal years (预算年度) come from the data — every year the region has an organisation, a
 * project or a publication in — plus the years an administrator opened ("new year"). The
 * rollover copies the organisation (departments and units) of one year to the next in one step,
 * after a preview; users keep their scopes because scopes are department/unit codes, which the
 * rollover carries over (the preview lists any user whose unit or department would be missing).
 */
import { sql } from "kysely";
import { AppError } from "../errors.ts";
import { authorize } from "../policies.ts";
import { writeAudit } from "./audit.ts";
import type { Ctx } from "./context.ts";

export async function listFiscalYears(ctx: Ctx): Promise<number[]> {
  authorize(ctx.actor, "org.read");
  const r = ctx.actor.regionCode;
  const rows = await sql<{ y: number }>`
    select fiscal_year as y from regions where region_code = ${r}
    union select fiscal_year from departments where region_code = ${r}
    union select fiscal_year from projects where region_code = ${r}
    union select fiscal_year from publications where region_code = ${r}
    order by 1`.execute(ctx.db);
  return rows.rows.map((x) => Number(x.y));
}

/** Opens a fiscal year (it then appears in every year list), idempotent. */
export async function openFiscalYear(ctx: Ctx, fiscalYear: number): Promise<number[]> {
  authorize(ctx.actor, "org.manage");
  await ctx.db.transaction().execute((trx) => insertYear({ ...ctx, db: trx }, fiscalYear));
  return listFiscalYears(ctx);
}

async function insertYear(ctx: Ctx, fiscalYear: number): Promise<void> {
  const trx = ctx.db;
  {
    const name = await trx
      .selectFrom("regions")
      .select("name")
      .where("region_code", "=", ctx.actor.regionCode)
      .orderBy("fiscal_year", "desc")
      .executeTakeFirst();
    const added = await trx
      .insertInto("regions")
      .values({ region_code: ctx.actor.regionCode, fiscal_year: fiscalYear, name: name?.name ?? ctx.actor.regionCode })
      .onConflict((c) => c.doNothing())
      .returning("fiscal_year")
      .executeTakeFirst();
    if (added)
      await writeAudit(trx, ctx.actor, {
        regionCode: ctx.actor.regionCode,
        fiscalYear,
        action: "fiscal-year.open",
        entity: "region",
        entityId: ctx.actor.regionCode,
      });
  }
}

export interface RolloverPlan {
  from: number;
  to: number;
  departments: { code: string; name: string; exists: boolean }[];
  units: { code: string; deptCode: string; name: string; exists: boolean }[];
  /** Users whose department or unit would not exist in the target year after the rollover. */
  usersWithoutScope: { username: string; role: string; deptCode: string | null; unitCode: string | null }[];
  usersKept: number;
}

async function plan(ctx: Ctx, from: number, to: number): Promise<RolloverPlan> {
  const r = ctx.actor.regionCode;
  const depts = await ctx.db
    .selectFrom("departments as d")
    .leftJoin("departments as n", (j) =>
      j.onRef("n.region_code", "=", "d.region_code").onRef("n.code", "=", "d.code").on("n.fiscal_year", "=", to),
    )
    .select(["d.code", "d.name", "n.code as existing"])
    .where("d.region_code", "=", r)
    .where("d.fiscal_year", "=", from)
    .orderBy("d.code")
    .execute();
  const units = await ctx.db
    .selectFrom("units as u")
    .leftJoin("units as n", (j) =>
      j.onRef("n.region_code", "=", "u.region_code").onRef("n.code", "=", "u.code").on("n.fiscal_year", "=", to),
    )
    .select(["u.code", "u.dept_code", "u.name", "n.code as existing"])
    .where("u.region_code", "=", r)
    .where("u.fiscal_year", "=", from)
    .orderBy("u.code")
    .execute();
  const targetUnits = new Set([
    ...units.map((u) => u.code),
    ...(
      await ctx.db
        .selectFrom("units")
        .select("code")
        .where("region_code", "=", r)
        .where("fiscal_year", "=", to)
        .execute()
    ).map((u) => u.code),
  ]);
  const targetDepts = new Set([
    ...depts.map((d) => d.code),
    ...(
      await ctx.db
        .selectFrom("departments")
        .select("code")
        .where("region_code", "=", r)
        .where("fiscal_year", "=", to)
        .execute()
    ).map((d) => d.code),
  ]);
  const users = await ctx.db
    .selectFrom("users")
    .select(["username", "role", "dept_code", "unit_code"])
    .where("region_code", "=", r)
    .where("disabled", "=", false)
    .execute();
  const missing = users.filter(
    (u) => (u.unit_code && !targetUnits.has(u.unit_code)) || (u.dept_code && !targetDepts.has(u.dept_code)),
  );
  return {
    from,
    to,
    departments: depts.map((d) => ({ code: d.code, name: d.name, exists: d.existing !== null })),
    units: units.map((u) => ({ code: u.code, deptCode: u.dept_code, name: u.name, exists: u.existing !== null })),
    usersWithoutScope: missing.map((u) => ({
      username: u.username,
      role: u.role,
      deptCode: u.dept_code,
      unitCode: u.unit_code,
    })),
    usersKept: users.length - missing.length,
  };
}

export async function previewRollover(ctx: Ctx, from: number, to: number): Promise<RolloverPlan> {
  authorize(ctx.actor, "org.manage");
  if (to <= from)
    throw new AppError("validation", "结转的目标年度须晚于来源年度", "The target year must be after the source year", {
      field: "to",
    });
  return plan(ctx, from, to);
}

/** Copies the departments and units of `from` that `to` lacks, in one transaction. */
export async function rollover(ctx: Ctx, from: number, to: number): Promise<RolloverPlan> {
  const preview = await previewRollover(ctx, from, to);
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    await insertYear(tx, to);
    const r = ctx.actor.regionCode;
    const depts = preview.departments.filter((d) => !d.exists);
    const units = preview.units.filter((u) => !u.exists);
    if (depts.length)
      await trx
        .insertInto("departments")
        .values(depts.map((d) => ({ region_code: r, fiscal_year: to, code: d.code, name: d.name })))
        .onConflict((c) => c.doNothing())
        .execute();
    if (units.length)
      await trx
        .insertInto("units")
        .values(
          units.map((u) => ({ region_code: r, fiscal_year: to, code: u.code, dept_code: u.deptCode, name: u.name })),
        )
        .onConflict((c) => c.doNothing())
        .execute();
    await writeAudit(trx, ctx.actor, {
      regionCode: r,
      fiscalYear: to,
      action: "org.rollover",
      entity: "region",
      entityId: r,
      after: { from, to, departments: depts.length, units: units.length },
    });
    return plan(tx, from, to);
  });
}
