/**
 * A region's self-evaluation policy (issue 17), kept in region_settings under "self-evaluation":
 * the 抽评 tolerance (points on the total and per indicator beyond which a difference between the
 * finance bureau's score and the unit's is a finding), the grade → next year's budget advice map,
 * and how many days a 整改 task created on acceptance of a 中/差 result gets.
 */
import {
  type BudgetAdvicePolicy,
  DEFAULT_BUDGET_ADVICE_POLICY,
  DEFAULT_SPOT_CHECK_TOLERANCE,
  parseBudgetAdvicePolicy,
} from "@jixiao/core";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

export interface SelfEvaluationPolicy {
  tolerance: { total: number; indicator: number };
  advice: BudgetAdvicePolicy;
  /** Days from acceptance to a 整改 task's deadline. */
  rectifyDays: number;
}

export const DEFAULT_SELF_EVALUATION_POLICY: SelfEvaluationPolicy = {
  tolerance: { ...DEFAULT_SPOT_CHECK_TOLERANCE },
  advice: DEFAULT_BUDGET_ADVICE_POLICY,
  rectifyDays: 90,
};

export const POLICY_KEY = "self-evaluation";

/** The region's policy over the defaults (a setting it does not make keeps the default). */
export async function loadSelfEvaluationPolicy(db: Kysely<DB>, regionCode: string): Promise<SelfEvaluationPolicy> {
  const row = await db
    .selectFrom("region_settings")
    .select("value")
    .where("region_code", "=", regionCode)
    .where("key", "=", POLICY_KEY)
    .executeTakeFirst();
  const v = (row?.value ?? {}) as Partial<Record<keyof SelfEvaluationPolicy, unknown>>;
  // A stored advice map is read by core's parser over the default; an unreadable one keeps the default.
  const advice = v.advice === undefined ? null : parseBudgetAdvicePolicy(v.advice).value;
  return {
    tolerance: { ...DEFAULT_SELF_EVALUATION_POLICY.tolerance, ...((v.tolerance as object | undefined) ?? {}) },
    advice: advice ?? DEFAULT_SELF_EVALUATION_POLICY.advice,
    rectifyDays: typeof v.rectifyDays === "number" ? v.rectifyDays : DEFAULT_SELF_EVALUATION_POLICY.rectifyDays,
  };
}

/** YYYY-MM-DD of a date (UTC). */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** YYYY-MM-DD `days` after `from`. */
export function addDays(from: Date, days: number): string {
  return isoDay(new Date(from.getTime() + days * 86_400_000));
}
