/** The timeline of a project (review_steps) and the in-app notices a step sends. */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { authorize } from "../../policies.ts";
import type { Ctx } from "../context.ts";
import { findProject } from "./find.ts";
import type { ProjectRow } from "./present.ts";

export interface Step {
  versionNo: number;
  /** Review level the step happened at (0: the unit's own steps). */
  level: number;
  action: string;
  actor: string;
  reason: string | null;
  at: string;
}

export async function recordStep(
  db: Kysely<DB>,
  row: ProjectRow,
  s: { versionNo: number; level: number; action: string; actor: string; reason?: string | null },
): Promise<void> {
  await db
    .insertInto("review_steps")
    .values({
      region_code: row.region_code,
      fiscal_year: row.fiscal_year,
      project_id: row.id,
      version_no: s.versionNo,
      level: s.level,
      action: s.action,
      actor: s.actor,
      reason: s.reason ?? null,
    })
    .execute();
}

/** A notice to the unit's staff (`unit`) or to the reviewers of a level (`level:N`). */
export async function notify(
  db: Kysely<DB>,
  row: ProjectRow,
  n: { audience: string; kind: string; message: string; actor: string },
): Promise<void> {
  await db
    .insertInto("notices")
    .values({
      region_code: row.region_code,
      fiscal_year: row.fiscal_year,
      project_id: row.id,
      unit_code: row.unit_code,
      audience: n.audience,
      kind: n.kind,
      message: n.message,
      actor: n.actor,
    })
    .execute();
}

export async function listSteps(ctx: Ctx, id: number): Promise<Step[]> {
  authorize(ctx.actor, "project.read");
  const row = await findProject(ctx.db, ctx.actor, id);
  const rows = await ctx.db
    .selectFrom("review_steps")
    .select(["version_no", "level", "action", "actor", "reason", "at"])
    .where("region_code", "=", row.region_code)
    .where("project_id", "=", row.id)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    versionNo: r.version_no,
    level: r.level,
    action: r.action,
    actor: r.actor,
    reason: r.reason,
    at: new Date(r.at).toISOString(),
  }));
}
