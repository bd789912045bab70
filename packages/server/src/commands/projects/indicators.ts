/** The indicators table: one row per indicator of a version, kept in step with the version's doc. */
import type { Project } from "@jixiao/core";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { ProjectRow } from "./present.ts";

export async function insertIndicators(
  db: Kysely<DB>,
  row: ProjectRow,
  versionNo: number,
  project: Project,
): Promise<void> {
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

export async function replaceIndicators(
  db: Kysely<DB>,
  row: ProjectRow,
  versionNo: number,
  project: Project,
): Promise<void> {
  await db
    .deleteFrom("indicators")
    .where("region_code", "=", row.region_code)
    .where("project_id", "=", row.id)
    .where("version_no", "=", versionNo)
    .execute();
  await insertIndicators(db, row, versionNo, project);
}
