/**
 * The campaign part of a self-evaluation's view (issue 17): workflow status, the texts, the funding
 * split, the consistency findings and the missing 偏差原因 (computed from what is saved), the 抽评
 * when the project is sampled, and — once accepted — next year's budget advice from the grade.
 */
import {
  type BudgetAdvice,
  budgetAdvice,
  checkFundingSplit,
  consistencyFindings,
  type FundingSplit,
  missingExplanations,
  type Project,
  type ProjectScore,
  type SelfEvalFinding,
  type SpotCheckDifference,
} from "@jixiao/core";
import type { Selectable } from "kysely";
import type { SelfEvaluationsTable } from "../../db/schema.ts";
import type { Ctx } from "../context.ts";
import type { ProjectRow } from "../projects/index.ts";
import { loadSelfEvaluationPolicy } from "./policy.ts";
import type { EvalStatus } from "./rounds.ts";

export type StoredEvaluation = Selectable<SelfEvaluationsTable>;

export interface SpotCheckView {
  sampledAt: string;
  sampledBy: string;
  /** The finance bureau's actuals, null until entered. */
  input: unknown;
  score: ProjectScore | null;
  differences: SpotCheckDifference[];
  beyond: boolean;
  checkedBy: string | null;
  checkedAt: string | null;
}

export interface CampaignView {
  status: EvalStatus;
  roundId: number | null;
  returnReason: string | null;
  problems?: string | null;
  conclusion?: string | null;
  funding?: FundingSplit | null;
  /** 高分低支, zero budget, unspent budget, target set too low; the funding split's sums. */
  consistency: SelfEvalFinding[];
  /** Rows scoring below their weight (or far beyond the target) without a 偏差原因. */
  missing: { indicatorIndex: number; code: string }[];
  sampled: boolean;
  spotCheck: SpotCheckView | null;
  /** Next year's budget advice, once accepted. */
  advice: BudgetAdvice | null;
  submittedAt: string | null;
  submittedBy: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  /** The review that accepted it (null unless accepted). */
  acceptedAt: string | null;
  acceptedBy: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The table with the actuals of `input` merged, for the findings. */
function merged(table: Project, input: { indicators?: object[]; executed?: number | null }): Project {
  return {
    ...table,
    ...(input.executed == null ? {} : { executed: input.executed }),
    indicators: table.indicators.map((ind, i) => ({ ...ind, ...(input.indicators?.[i] ?? {}) })),
  };
}

export async function campaignView(
  ctx: Ctx,
  row: ProjectRow,
  table: Project | null,
  se: StoredEvaluation | null,
): Promise<CampaignView> {
  const result = (se?.result ?? null) as ProjectScore | null;
  const funding = (se?.funding ?? null) as FundingSplit | null;
  const project = table && se ? merged(table, se.input as object) : null;
  const policy = await loadSelfEvaluationPolicy(ctx.db, row.region_code);
  const consistency =
    project && result
      ? [
          // The region's consistency thresholds (its scoring switches), as the score was computed.
          ...consistencyFindings(project, result, policy.scoring),
          ...(funding ? checkFundingSplit(funding) : []),
        ]
      : [];
  const missing = project && result ? missingExplanations(project, result) : [];
  const spot = await ctx.db
    .selectFrom("spot_checks")
    .selectAll()
    .where("region_code", "=", row.region_code)
    .where("project_id", "=", row.id)
    .executeTakeFirst();
  const status = (se?.status ?? "none") as EvalStatus;
  let advice: BudgetAdvice | null = null;
  if (status === "accepted" && result) {
    const spotScore = spot?.result as ProjectScore | null | undefined;
    advice = budgetAdvice((spotScore ?? result).grade, String(row.budget), policy.advice);
  }
  return {
    status,
    roundId: se?.round_id ?? null,
    returnReason: se?.return_reason ?? null,
    problems: se?.problems ?? null,
    conclusion: se?.conclusion ?? null,
    funding,
    consistency,
    missing,
    sampled: spot !== undefined,
    spotCheck: spot
      ? {
          sampledAt: new Date(spot.sampled_at).toISOString(),
          sampledBy: spot.sampled_by,
          input: spot.input,
          score: spot.result as ProjectScore | null,
          differences: (spot.differences ?? []) as SpotCheckDifference[],
          beyond: spot.beyond,
          checkedBy: spot.checked_by,
          checkedAt: iso(spot.checked_at),
        }
      : null,
    advice,
    submittedAt: iso(se?.submitted_at ?? null),
    submittedBy: se?.submitted_by ?? null,
    reviewedAt: iso(se?.reviewed_at ?? null),
    reviewedBy: se?.reviewed_by ?? null,
    acceptedAt: status === "accepted" ? iso(se?.reviewed_at ?? null) : null,
    acceptedBy: status === "accepted" ? (se?.reviewed_by ?? null) : null,
  };
}
