/** Reading one project inside the actor's scope; locking it for a change with the stale check. */
import type { Project } from "@jixiao/core";
import type { Kysely } from "kysely";
import type { DB, ProjectsTable } from "../../db/schema.ts";
import { notFound, stale } from "../../errors.ts";
import { type Actor, authorize, projectScope } from "../../policies.ts";
import type { Ctx } from "../context.ts";
import { type ProjectDetail, type ProjectRow, presentWithDoc } from "./present.ts";

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

/**
 * The project row locked for a change, after the one stale check of every write: when the
 * client sent the row version it read (If-Match / rowVersion) and the row has moved on since,
 * `conflict.stale` (409) with the current version and nothing changed.
 */
export async function lockForChange(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  expected: number | undefined,
): Promise<ProjectRow> {
  const row = await findProject(db, actor, id, true);
  if (expected !== undefined && expected !== row.row_version) throw stale(row.row_version);
  return row;
}

/** Writes `set` to a locked row and bumps its row version (the row is locked, so it cannot move). */
export async function bump(
  db: Kysely<DB>,
  row: ProjectRow,
  set: Partial<Record<keyof ProjectsTable, unknown>>,
): Promise<ProjectRow> {
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
  return presentWithDoc(project, doc as Project);
}
