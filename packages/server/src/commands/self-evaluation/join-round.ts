/**
 * A project approved after its self-evaluation round opened joins that round (issue 17 gaps):
 * when the approval commits, an existing round of the project's scope (its department's round of
 * the year, else the region's round of the year) gets the project's self-evaluation to do (an
 * empty draft), or adopts the one saved before (round_id set, as opening a round does). A project
 * already in a round, or with no round of its year, is left as it is.
 *
 * Concurrency: opening a round and approving a project both take the same transaction-scoped
 * advisory lock of the region and year (`roundLock`), so whichever commits first is seen by the
 * other — the round opened first gets the project from the approval, the approval committed first
 * is seen by the opening's scan. PGlite runs one transaction at a time on its one connection, where
 * the lock is taken at once. The insert is `on conflict do update … where round_id is null`, so two
 * approvals of the same project (an adjustment approved again) never put it in two rounds.
 */
import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../../policies.ts";
import { writeAudit } from "../audit.ts";

/** The advisory lock serialising round opening with approvals of one region and year. */
export async function roundLock(trx: Kysely<DB>, regionCode: string, fiscalYear: number) {
  await sql`select pg_advisory_xact_lock(hashtext(${`jixiao:evaluation-round:${regionCode}`}), ${fiscalYear})`.execute(
    trx,
  );
}

export interface ApprovedProject {
  region_code: string;
  fiscal_year: number;
  id: number;
  dept_code: string;
  approved_version_no: number | null;
  voided_at?: Date | string | null;
}

/**
 * Puts a just-approved project into the open round of its scope, inside the approval's
 * transaction. Answers the round joined, or null.
 */
export async function joinOpenRound(trx: Kysely<DB>, actor: Actor, p: ApprovedProject): Promise<number | null> {
  if (p.approved_version_no === null || p.voided_at) return null;
  await roundLock(trx, p.region_code, p.fiscal_year);
  const round = await trx
    .selectFrom("evaluation_rounds")
    .select(["id", "dept_code"])
    .where("region_code", "=", p.region_code)
    .where("fiscal_year", "=", p.fiscal_year)
    .where((eb) => eb.or([eb("dept_code", "is", null), eb("dept_code", "=", p.dept_code)]))
    // The department's own round before the region's.
    .orderBy(sql`dept_code is null`)
    .orderBy("id")
    .executeTakeFirst();
  if (!round) return null;
  const joined = await trx
    .insertInto("self_evaluations")
    .values({
      region_code: p.region_code,
      fiscal_year: p.fiscal_year,
      project_id: p.id,
      version_no: p.approved_version_no,
      input: JSON.stringify({ indicators: [] }),
      result: null,
      updated_at: new Date(),
      updated_by: actor.username,
      round_id: round.id,
      status: "draft",
    })
    .onConflict((c) =>
      c
        .columns(["region_code", "project_id"])
        .doUpdateSet({ round_id: round.id })
        .where("self_evaluations.round_id", "is", null),
    )
    .returning("project_id")
    .executeTakeFirst();
  if (!joined) return null;
  await writeAudit(trx, actor, {
    regionCode: p.region_code,
    fiscalYear: p.fiscal_year,
    action: "selfEvaluation.joinRound",
    entity: "project",
    entityId: p.id,
    after: { roundId: round.id, scope: round.dept_code === null ? "region" : "department" },
  });
  return round.id;
}
