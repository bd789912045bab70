/**
 * Reading self-evaluation campaign rows inside the actor's scope: a round outside it answers
 * `evaluation-round.not-found`, exactly like a missing one (a region round is seen by everyone of
 * its region, a department round by that department's people and the finance bureau).
 */
import type { Kysely, Selectable } from "kysely";
import type { DB, EvaluationRoundsTable } from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import { roundVisible } from "../../monitoring-policies.ts";
import type { Actor } from "../../policies.ts";

export type EvalRoundRow = Selectable<EvaluationRoundsTable>;

export async function findEvalRound(db: Kysely<DB>, actor: Actor, id: number): Promise<EvalRoundRow> {
  const row = await db
    .selectFrom("evaluation_rounds")
    .selectAll()
    .where("region_code", "=", actor.regionCode)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row || !roundVisible(actor, row)) throw notFound("evaluation-round", "自评轮次");
  return row;
}

export interface EvalRoundView {
  id: number;
  fiscalYear: number;
  scope: "region" | "department";
  deptCode: string | null;
  /** The department code of a department round (the contract's org), null for a region round. */
  orgId: string | null;
  dueDate: string;
  openedBy: string;
  openedAt: string;
}

export function presentEvalRound(r: EvalRoundRow): EvalRoundView {
  return {
    id: r.id,
    fiscalYear: r.fiscal_year,
    scope: r.scope as "region" | "department",
    deptCode: r.dept_code,
    orgId: r.dept_code,
    dueDate: r.due_date,
    openedBy: r.opened_by,
    openedAt: new Date(r.opened_at).toISOString(),
  };
}
