/**
 * A region's self-evaluation policy (issue 17), kept in region_settings under "self-evaluation":
 * the 抽评 tolerance (points on the total and per indicator beyond which a difference between the
 * finance bureau's score and the unit's is a finding), the grade → next year's budget advice map,
 * how many days a 整改 task created on acceptance of a 中/差 result gets, and the region's scoring
 * switches (a scoring policy JSON read by core's parseScoringPolicy: capRate, zeroTarget,
 * overAchievement, grades, consistency thresholds). The switches score the unit's self-evaluation
 * and the finance bureau's 抽评 alike, so a difference between the two is one of figures, never of
 * rules; the consistency findings read its thresholds and the budget advice the grades it gives.
 */
import {
  type BudgetAdvicePolicy,
  DEFAULT_BUDGET_ADVICE_POLICY,
  DEFAULT_SCORING_POLICY,
  DEFAULT_SPOT_CHECK_TOLERANCE,
  parseBudgetAdvicePolicy,
  parseScoringPolicy,
  type ScoringPolicy,
} from "@jixiao/core";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { appError } from "../../errors.ts";
import { authorize } from "../../policies.ts";
import { writeAudit } from "../audit.ts";
import type { Ctx } from "../context.ts";

export interface SelfEvaluationPolicy {
  tolerance: { total: number; indicator: number };
  advice: BudgetAdvicePolicy;
  /** Days from acceptance to a 整改 task's deadline. */
  rectifyDays: number;
  /** The region's scoring switches as set (a scoring policy JSON), null: the default policy. */
  scoringSettings: Record<string, unknown> | null;
  /** The scoring policy in force: `scoringSettings` read over its preset, else the default. */
  scoring: ScoringPolicy;
}

export const DEFAULT_SELF_EVALUATION_POLICY: SelfEvaluationPolicy = {
  tolerance: { ...DEFAULT_SPOT_CHECK_TOLERANCE },
  advice: DEFAULT_BUDGET_ADVICE_POLICY,
  rectifyDays: 90,
  scoringSettings: null,
  scoring: DEFAULT_SCORING_POLICY,
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
  // Likewise the scoring switches (stored as set, checked when set): unreadable → the default policy.
  const settings = isObject(v.scoringSettings) ? v.scoringSettings : null;
  const scoring = settings ? parseScoringPolicy(settings).value : null;
  return {
    tolerance: { ...DEFAULT_SELF_EVALUATION_POLICY.tolerance, ...((v.tolerance as object | undefined) ?? {}) },
    advice: advice ?? DEFAULT_SELF_EVALUATION_POLICY.advice,
    rectifyDays: typeof v.rectifyDays === "number" ? v.rectifyDays : DEFAULT_SELF_EVALUATION_POLICY.rectifyDays,
    scoringSettings: scoring ? settings : null,
    scoring: scoring ?? DEFAULT_SCORING_POLICY,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The scoring policy a region's self-evaluations are scored with. */
export async function loadScoringPolicy(db: Kysely<DB>, regionCode: string): Promise<ScoringPolicy> {
  return (await loadSelfEvaluationPolicy(db, regionCode)).scoring;
}

/** YYYY-MM-DD of a date (UTC). */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** YYYY-MM-DD `days` after `from`. */
export function addDays(from: Date, days: number): string {
  return isoDay(new Date(from.getTime() + days * 86_400_000));
}

/** The region's policy as it applies now (anyone of the region may read it). */
export async function getSelfEvaluationPolicy(ctx: Ctx): Promise<SelfEvaluationPolicy> {
  authorize(ctx.actor, "project.read");
  return loadSelfEvaluationPolicy(ctx.db, ctx.actor.regionCode);
}

export interface SelfEvaluationPolicyInput {
  tolerance?: { total?: number; indicator?: number };
  /** A budget advice map over the default (core's parseBudgetAdvicePolicy); null resets it. */
  advice?: Record<string, unknown> | null;
  rectifyDays?: number;
  /**
   * Scoring switches: a scoring policy JSON (docs/SELF-EVALUATION.md "Scoring switches", e.g.
   * `{ "extends": "default", "execution": { "capRate": false } }`); null resets to the default.
   */
  scoring?: Record<string, unknown> | null;
}

/**
 * Sets the region's policy (finance bureau): what the input leaves out keeps its current value; a
 * bad advice map is 400 `validation` naming the setting. Audited.
 */
export async function saveSelfEvaluationPolicy(
  ctx: Ctx,
  input: SelfEvaluationPolicyInput,
): Promise<SelfEvaluationPolicy> {
  authorize(ctx.actor, "selfEvaluation.policy");
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadSelfEvaluationPolicy(trx, ctx.actor.regionCode);
    let advice = before.advice;
    if (input.advice === null) advice = DEFAULT_BUDGET_ADVICE_POLICY;
    else if (input.advice !== undefined) {
      const parsed = parseBudgetAdvicePolicy(input.advice);
      if (!parsed.value)
        throw appError(
          "validation",
          { detail: parsed.diagnostics.map((d) => d.message).join("；") },
          { field: "advice", diagnostics: parsed.diagnostics },
        );
      advice = parsed.value;
    }
    let scoringSettings = before.scoringSettings;
    let scoring = before.scoring;
    if (input.scoring === null) {
      scoringSettings = null;
      scoring = DEFAULT_SCORING_POLICY;
    } else if (input.scoring !== undefined) {
      const parsed = parseScoringPolicy(input.scoring);
      if (!parsed.value)
        throw appError(
          "validation",
          { detail: parsed.diagnostics.map((d) => d.message).join("；") },
          { field: "scoring", diagnostics: parsed.diagnostics },
        );
      scoringSettings = input.scoring;
      scoring = parsed.value;
    }
    const next: SelfEvaluationPolicy = {
      tolerance: { ...before.tolerance, ...(input.tolerance ?? {}) },
      advice,
      rectifyDays: input.rectifyDays ?? before.rectifyDays,
      scoringSettings,
      scoring,
    };
    // Stored as set (the scoring switches are read over their preset when loaded).
    const { scoring: _effective, ...stored } = next;
    const value = JSON.stringify(stored);
    await trx
      .insertInto("region_settings")
      .values({ region_code: ctx.actor.regionCode, key: POLICY_KEY, value, updated_by: ctx.actor.username })
      .onConflict((c) =>
        c
          .columns(["region_code", "key"])
          .doUpdateSet({ value, updated_by: ctx.actor.username, updated_at: new Date() }),
      )
      .execute();
    await writeAudit(trx, ctx.actor, {
      regionCode: ctx.actor.regionCode,
      fiscalYear: new Date().getUTCFullYear(),
      action: "selfEvaluation.policy",
      entity: "region_settings",
      entityId: POLICY_KEY,
      before: { ...before, scoring: undefined },
      after: stored,
    });
    return next;
  });
}
