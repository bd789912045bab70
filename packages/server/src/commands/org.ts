/** Users, departments and units (administration) and their scoped listings. */
import { type Kysely, sql } from "kysely";
import { hashPassword } from "../auth/password.ts";
import { passwordProblem } from "../auth/password-policy.ts";
import type { DB } from "../db/schema.ts";
import { AppError, notFound } from "../errors.ts";
import { type Actor, authorize, deptCodeFilter, type Role } from "../policies.ts";
import { writeAudit } from "./audit.ts";
import type { Ctx } from "./context.ts";
import { presentUser, type UserView } from "./sessions.ts";

export interface Department {
  code: string;
  name: string;
  fiscalYear: number;
  regionCode: string;
}
export interface Unit extends Department {
  deptCode: string;
}

export async function listDepartments(ctx: Ctx, fiscalYear?: number): Promise<Department[]> {
  authorize(ctx.actor, "org.read");
  let q = ctx.db.selectFrom("departments").selectAll().where("region_code", "=", ctx.actor.regionCode);
  const dept = deptCodeFilter(ctx.actor);
  if (dept) q = q.where("code", "=", dept);
  if (fiscalYear !== undefined) q = q.where("fiscal_year", "=", fiscalYear);
  const rows = await q.orderBy("fiscal_year").orderBy("code").execute();
  return rows.map((r) => ({ code: r.code, name: r.name, fiscalYear: r.fiscal_year, regionCode: r.region_code }));
}

export async function listUnits(ctx: Ctx, fiscalYear?: number, deptCode?: string): Promise<Unit[]> {
  authorize(ctx.actor, "org.read");
  let q = ctx.db.selectFrom("units").selectAll().where("region_code", "=", ctx.actor.regionCode);
  const dept = deptCodeFilter(ctx.actor);
  if (dept) q = q.where("dept_code", "=", dept);
  if (ctx.actor.role === "unit_staff") q = q.where("code", "=", ctx.actor.unitCode ?? "\u0000");
  if (deptCode) q = q.where("dept_code", "=", deptCode);
  if (fiscalYear !== undefined) q = q.where("fiscal_year", "=", fiscalYear);
  const rows = await q.orderBy("fiscal_year").orderBy("code").execute();
  return rows.map((r) => ({
    code: r.code,
    deptCode: r.dept_code,
    name: r.name,
    fiscalYear: r.fiscal_year,
    regionCode: r.region_code,
  }));
}

/** Creates the region/department/unit rows when missing (no permission check: callers check). */
export async function ensureOrg(
  db: Kysely<DB>,
  actor: Actor | null,
  o: {
    regionCode: string;
    fiscalYear: number;
    deptCode: string;
    deptName?: string;
    unitCode?: string;
    unitName?: string;
  },
): Promise<void> {
  await db
    .insertInto("regions")
    .values({ region_code: o.regionCode, fiscal_year: o.fiscalYear, name: o.regionCode })
    .onConflict((c) => c.doNothing())
    .execute();
  const d = await db
    .insertInto("departments")
    .values({ region_code: o.regionCode, fiscal_year: o.fiscalYear, code: o.deptCode, name: o.deptName ?? o.deptCode })
    .onConflict((c) => c.doNothing())
    .returning("code")
    .executeTakeFirst();
  if (d)
    await writeAudit(db, actor, {
      regionCode: o.regionCode,
      fiscalYear: o.fiscalYear,
      action: "department.create",
      entity: "department",
      entityId: o.deptCode,
      after: { name: o.deptName ?? o.deptCode },
    });
  if (o.unitCode) {
    const u = await db
      .insertInto("units")
      .values({
        region_code: o.regionCode,
        fiscal_year: o.fiscalYear,
        code: o.unitCode,
        dept_code: o.deptCode,
        name: o.unitName ?? o.unitCode,
      })
      .onConflict((c) => c.doNothing())
      .returning("code")
      .executeTakeFirst();
    if (u)
      await writeAudit(db, actor, {
        regionCode: o.regionCode,
        fiscalYear: o.fiscalYear,
        action: "unit.create",
        entity: "unit",
        entityId: o.unitCode,
        after: { name: o.unitName ?? o.unitCode },
      });
  }
}

export async function createDepartment(
  ctx: Ctx,
  i: { fiscalYear: number; code: string; name: string },
): Promise<Department> {
  authorize(ctx.actor, "org.manage");
  await ctx.db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom("departments")
      .select("code")
      .where("region_code", "=", ctx.actor.regionCode)
      .where("fiscal_year", "=", i.fiscalYear)
      .where("code", "=", i.code)
      .executeTakeFirst();
    if (exists) throw new AppError("conflict.exists", "部门已存在", "Department exists");
    await ensureOrg(trx, ctx.actor, {
      regionCode: ctx.actor.regionCode,
      fiscalYear: i.fiscalYear,
      deptCode: i.code,
      deptName: i.name,
    });
  });
  return { code: i.code, name: i.name, fiscalYear: i.fiscalYear, regionCode: ctx.actor.regionCode };
}

export async function createUnit(ctx: Ctx, i: { fiscalYear: number; code: string; name: string }): Promise<Unit> {
  authorize(ctx.actor, "org.manage");
  const deptCode = i.code.slice(0, 3);
  await ctx.db.transaction().execute(async (trx) => {
    const dept = await trx
      .selectFrom("departments")
      .select("code")
      .where("region_code", "=", ctx.actor.regionCode)
      .where("fiscal_year", "=", i.fiscalYear)
      .where("code", "=", deptCode)
      .executeTakeFirst();
    if (!dept) throw notFound("department", "部门");
    const exists = await trx
      .selectFrom("units")
      .select("code")
      .where("region_code", "=", ctx.actor.regionCode)
      .where("fiscal_year", "=", i.fiscalYear)
      .where("code", "=", i.code)
      .executeTakeFirst();
    if (exists) throw new AppError("conflict.exists", "单位已存在", "Unit exists");
    await ensureOrg(trx, ctx.actor, {
      regionCode: ctx.actor.regionCode,
      fiscalYear: i.fiscalYear,
      deptCode,
      unitCode: i.code,
      unitName: i.name,
    });
  });
  return { code: i.code, deptCode, name: i.name, fiscalYear: i.fiscalYear, regionCode: ctx.actor.regionCode };
}

export async function listUsers(ctx: Ctx): Promise<UserView[]> {
  authorize(ctx.actor, "user.manage");
  const rows = await ctx.db
    .selectFrom("users")
    .selectAll()
    .where("region_code", "=", ctx.actor.regionCode)
    .orderBy("id")
    .execute();
  return rows.map(presentUser);
}

export interface NewUser {
  username: string;
  displayName?: string;
  password: string;
  role: Role;
  deptCode?: string | null;
  unitCode?: string | null;
}

function checkRoleScope(role: Role, deptCode: string | null | undefined, unitCode: string | null | undefined): void {
  if (role === "unit_staff" && !unitCode)
    throw new AppError("validation", "单位填报人员须指定单位", "unit_staff needs a unitCode", { field: "unitCode" });
  if (role === "dept_reviewer" && !deptCode)
    throw new AppError("validation", "部门审核人员须指定部门", "dept_reviewer needs a deptCode", { field: "deptCode" });
}

/** Creates a user in a region (no permission check; used by bootstrap and {@link createUser}). */
export async function insertUser(
  db: Kysely<DB>,
  actor: Actor | null,
  regionCode: string,
  u: NewUser,
): Promise<UserView> {
  checkRoleScope(u.role, u.deptCode, u.unitCode);
  const unitCode = u.role === "unit_staff" ? (u.unitCode ?? null) : null;
  const deptCode = u.role === "dept_reviewer" ? (u.deptCode ?? null) : unitCode ? unitCode.slice(0, 3) : null;
  const row = await db
    .insertInto("users")
    .values({
      region_code: regionCode,
      fiscal_year: new Date().getFullYear(),
      username: u.username,
      display_name: u.displayName ?? u.username,
      password_hash: await hashPassword(u.password),
      role: u.role,
      dept_code: deptCode,
      unit_code: unitCode,
    })
    .onConflict((c) => c.column("username").doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError("conflict.exists", "用户名已存在", "Username is taken");
  await writeAudit(db, actor, {
    regionCode,
    fiscalYear: row.fiscal_year,
    action: "user.create",
    entity: "user",
    entityId: row.id,
    after: presentUser(row),
  });
  return presentUser(row);
}

/** Users belong to units and departments that exist in the region (any fiscal year). */
async function checkOrgExists(
  db: Kysely<DB>,
  regionCode: string,
  role: Role,
  deptCode: string | null | undefined,
  unitCode: string | null | undefined,
): Promise<void> {
  if (role === "unit_staff" && unitCode) {
    const u = await db
      .selectFrom("units")
      .select("code")
      .where("region_code", "=", regionCode)
      .where("code", "=", unitCode)
      .executeTakeFirst();
    if (!u)
      throw new AppError("validation", `单位 ${unitCode} 不存在`, `Unit ${unitCode} does not exist`, {
        field: "unitCode",
      });
  }
  if (role === "dept_reviewer" && deptCode) {
    const d = await db
      .selectFrom("departments")
      .select("code")
      .where("region_code", "=", regionCode)
      .where("code", "=", deptCode)
      .executeTakeFirst();
    if (!d)
      throw new AppError("validation", `部门 ${deptCode} 不存在`, `Department ${deptCode} does not exist`, {
        field: "deptCode",
      });
  }
}

export async function createUser(ctx: Ctx, u: NewUser): Promise<UserView> {
  authorize(ctx.actor, "user.manage");
  const weak = passwordProblem(u.password, u.username);
  if (weak) throw weak;
  return ctx.db.transaction().execute(async (trx) => {
    await checkOrgExists(trx, ctx.actor.regionCode, u.role, u.deptCode, u.unitCode);
    return insertUser(trx, ctx.actor, ctx.actor.regionCode, u);
  });
}

export async function updateUser(
  ctx: Ctx,
  id: number,
  p: {
    displayName?: string;
    role?: Role;
    deptCode?: string | null;
    unitCode?: string | null;
    disabled?: boolean;
    password?: string;
  },
): Promise<UserView> {
  authorize(ctx.actor, "user.manage");
  return ctx.db.transaction().execute(async (trx) => {
    const u = await trx
      .selectFrom("users")
      .selectAll()
      .where("id", "=", id)
      .where("region_code", "=", ctx.actor.regionCode)
      .forUpdate()
      .executeTakeFirst();
    if (!u) throw notFound("user", "用户");
    if (p.password) {
      const weak = passwordProblem(p.password, u.username);
      if (weak) throw weak;
    }
    const role = p.role ?? (u.role as Role);
    const losesAdmin =
      u.role === "admin" && !u.disabled && (p.disabled === true || (p.role !== undefined && p.role !== "admin"));
    if (losesAdmin && id === ctx.actor.id)
      throw new AppError(
        "user.self",
        "不能停用自己或取消自己的管理员角色",
        "You cannot disable yourself or remove your own admin role",
      );
    if (losesAdmin) {
      // Lock the region's enabled admins in a stable order, then count the others.
      const admins = await trx
        .selectFrom("users")
        .select("id")
        .where("region_code", "=", ctx.actor.regionCode)
        .where("role", "=", "admin")
        .where("disabled", "=", false)
        .orderBy("id")
        .forUpdate()
        .execute();
      if (admins.filter((a) => a.id !== id).length === 0)
        throw new AppError(
          "user.last-admin",
          "不能停用本区划最后一位管理员",
          "You cannot disable or demote the region's last administrator",
        );
    }
    const unitCode = role === "unit_staff" ? (p.unitCode !== undefined ? p.unitCode : u.unit_code) : null;
    const deptCode =
      role === "dept_reviewer"
        ? p.deptCode !== undefined
          ? p.deptCode
          : u.dept_code
        : unitCode
          ? unitCode.slice(0, 3)
          : null;
    checkRoleScope(role, deptCode, unitCode);
    if (role !== u.role || deptCode !== u.dept_code || unitCode !== u.unit_code)
      await checkOrgExists(trx, ctx.actor.regionCode, role, deptCode, unitCode);
    const row = await trx
      .updateTable("users")
      .set({
        display_name: p.displayName ?? u.display_name,
        role,
        dept_code: deptCode,
        unit_code: unitCode,
        disabled: p.disabled ?? u.disabled,
        ...(p.password ? { password_hash: await hashPassword(p.password) } : {}),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (p.disabled || p.password || p.role) await trx.deleteFrom("sessions").where("user_id", "=", id).execute();
    await writeAudit(trx, ctx.actor, {
      regionCode: u.region_code,
      fiscalYear: u.fiscal_year,
      action: "user.update",
      entity: "user",
      entityId: id,
      before: presentUser(u),
      after: presentUser(row),
    });
    return presentUser(row);
  });
}

export async function userCount(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom("users").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  return r.n;
}
