/** Inserting a project with its version 1 (used by create, import, copy and the demo loader). */
import type { MoneyUnit, Project } from "@jixiao/core";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import { type Actor, unitInScope } from "../../policies.ts";
import { writeAudit } from "../audit.ts";
import { checkLimits, checkUniqueName } from "./checks.ts";
import { withIndicatorIds } from "./indicator-ids.ts";
import { insertIndicators } from "./indicators.ts";
import type { ProjectRow } from "./present.ts";

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
  p = { ...p, project: withIndicatorIds(p.project) };
  checkLimits(p.project);
  await checkUniqueName(db, {
    regionCode: p.regionCode,
    fiscalYear: p.fiscalYear,
    unitCode: p.project.unitCode,
    name: p.project.name,
  });
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
      budget: p.project.budget,
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
