/**
 * The indicator library: indicators of approved tables in the actor's scope, searchable by
 * text and level; and "copy from last year" into a draft.
 */
import type { Project } from "@jixiao/core";
import { sql } from "kysely";
import { AppError, notFound } from "../errors.ts";
import { authorize, projectScope } from "../policies.ts";
import type { Ctx } from "./context.ts";
import { findProject, type ProjectDetail, updateTable } from "./projects/index.ts";

export interface LibraryQuery {
  q?: string;
  level1?: string;
  level2?: string;
  fiscalYear?: number;
  limit?: number;
}

export interface LibraryItem {
  name: string;
  level1: string;
  level2: string;
  nature: string;
  operator: string | null;
  target: string;
  unit: string | null;
  weight: number | null;
  projectName: string;
  unitCode: string;
  fiscalYear: number;
  /** How many approved tables in scope use this indicator name at this level. */
  uses: number;
}

const like = (s: string) => `%${s.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

export async function searchLibrary(ctx: Ctx, q: LibraryQuery): Promise<LibraryItem[]> {
  authorize(ctx.actor, "library.read");
  let s = ctx.db
    .selectFrom("indicators as i")
    .innerJoin("projects", (j) =>
      j
        .onRef("projects.region_code", "=", "i.region_code")
        .onRef("projects.id", "=", "i.project_id")
        .onRef("projects.approved_version_no", "=", "i.version_no"),
    )
    .where((eb) => projectScope(eb as never, ctx.actor));
  if (q.q) s = s.where("i.name", "ilike", like(q.q));
  if (q.level1) s = s.where("i.level1", "=", q.level1);
  if (q.level2) s = s.where("i.level2", "=", q.level2);
  if (q.fiscalYear !== undefined) s = s.where("i.fiscal_year", "=", q.fiscalYear);
  const rows = await s
    .select([
      "i.name",
      "i.level1",
      "i.level2",
      "i.nature",
      "i.operator",
      "i.target",
      "i.unit",
      "i.weight",
      "i.fiscal_year",
      "projects.name as project_name",
      "projects.unit_code",
      sql<number>`(count(*) over (partition by i.level1, i.level2, i.name))::int`.as("uses"),
    ])
    .orderBy("i.fiscal_year", "desc")
    .orderBy("i.level1")
    .orderBy("i.level2")
    .orderBy("i.name")
    .limit(q.limit ?? 50)
    .execute();
  return rows.map((r) => ({
    name: r.name,
    level1: r.level1,
    level2: r.level2,
    nature: r.nature,
    operator: r.operator,
    target: r.target,
    unit: r.unit,
    weight: r.weight === null ? null : Number(r.weight),
    projectName: r.project_name,
    unitCode: r.unit_code,
    fiscalYear: r.fiscal_year,
    uses: r.uses,
  }));
}

/**
 * Copies the indicators of the same unit's same-named project of the previous fiscal year
 * (its latest approved version) into this project's draft.
 */
export async function copyFromLastYear(ctx: Ctx, id: number, rowVersion?: number): Promise<ProjectDetail> {
  authorize(ctx.actor, "project.edit");
  const row = await findProject(ctx.db, ctx.actor, id);
  const prev = await ctx.db
    .selectFrom("projects")
    .innerJoin("table_versions as v", (j) =>
      j
        .onRef("v.region_code", "=", "projects.region_code")
        .onRef("v.project_id", "=", "projects.id")
        .onRef("v.version_no", "=", "projects.approved_version_no"),
    )
    .select(["v.doc"])
    .where((eb) => projectScope(eb as never, ctx.actor))
    .where("projects.fiscal_year", "=", row.fiscal_year - 1)
    .where("projects.unit_code", "=", row.unit_code)
    .where("projects.name", "=", row.name)
    .executeTakeFirst();
  if (!prev) throw notFound("last-year", "上年同名项目的批复版本");
  const current = await ctx.db
    .selectFrom("table_versions")
    .select("doc")
    .where("region_code", "=", row.region_code)
    .where("project_id", "=", row.id)
    .where("version_no", "=", row.version_no)
    .executeTakeFirst();
  if (!current) throw new AppError("internal", "版本缺失", "Version missing");
  const last = prev.doc as Project;
  const table = { ...(current.doc as Project), indicators: last.indicators.map((i) => ({ ...i })) };
  return updateTable(ctx, id, table, rowVersion ?? row.row_version);
}
