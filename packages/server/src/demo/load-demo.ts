/**
 * Demo data: the seed department (呼和浩特市总工会, 2024, 4 projects, as approved tables),
 * loaded on first start unless --no-demo, and one demo user per role with a known password,
 * created ONLY with an explicit --demo (a fresh install has no known credentials).
 */
import type { TargetDocument } from "@jixiao/core";
import type { Kysely } from "kysely";
import { ensureOrg, insertUser, type NewUser } from "../commands/org.ts";
import { insertProject } from "../commands/projects/index.ts";
import type { DB } from "../db/schema.ts";
import seed from "./seed-department.json" with { type: "json" };

export const DEMO_REGION = "150100";
export const DEMO_REGION_NAME = "呼和浩特市";

/** Demo users and their documented passwords (docs/API.md). */
export const DEMO_USERS: (NewUser & { password: string })[] = [
  {
    username: "unit151001",
    displayName: "总工会填报员",
    password: "demo-unit-151001",
    role: "unit_staff",
    unitCode: "151001",
  },
  {
    username: "unit151002",
    displayName: "工人文化宫填报员",
    password: "demo-unit-151002",
    role: "unit_staff",
    unitCode: "151002",
  },
  {
    username: "dept151",
    displayName: "总工会部门审核",
    password: "demo-dept-151",
    role: "dept_reviewer",
    deptCode: "151",
  },
  { username: "finance", displayName: "财政局审核", password: "demo-finance", role: "finance_reviewer" },
  { username: "demoadmin", displayName: "演示管理员", password: "demo-admin", role: "admin" },
];

export function seedDocument(): TargetDocument {
  return structuredClone(seed) as TargetDocument;
}

/**
 * Loads the seed department (and, with `users`, the demo users) in one transaction. Returns the
 * project count.
 */
export async function loadDemo(db: Kysely<DB>, opts: { users?: boolean } = {}): Promise<number> {
  const doc = seedDocument();
  const fiscalYear = doc.fiscalYear ?? 2024;
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto("regions")
      .values({ region_code: DEMO_REGION, fiscal_year: fiscalYear, name: DEMO_REGION_NAME })
      .onConflict((c) => c.doNothing())
      .execute();
    for (const p of doc.projects) {
      await ensureOrg(trx, null, {
        regionCode: DEMO_REGION,
        fiscalYear,
        deptCode: p.unitCode.slice(0, 3),
        deptName: doc.department?.name,
        unitCode: p.unitCode,
        unitName: p.unitName,
      });
      await insertProject(trx, null, {
        regionCode: DEMO_REGION,
        fiscalYear,
        moneyUnit: doc.moneyUnit,
        project: p,
        status: "approved",
      });
    }
    for (const u of opts.users ? DEMO_USERS : []) {
      const exists = await trx.selectFrom("users").select("id").where("username", "=", u.username).executeTakeFirst();
      if (!exists) await insertUser(trx, null, DEMO_REGION, u);
    }
    return doc.projects.length;
  });
}
