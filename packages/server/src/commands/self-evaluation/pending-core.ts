/**
 * TEMPORARY stand-ins for @jixiao/core's self-evaluation functions (issue 17, being written in
 * parallel), with the contract's signatures; replaced by the core imports as soon as they land.
 */
import { Exact, type Project, type ProjectScore, type ScoringPolicy } from "@jixiao/core";

export type FundingAmount = number | string | null;
export interface FundingCells {
  initial?: FundingAmount;
  full?: FundingAmount;
  executed?: FundingAmount;
}
export interface FundingSplit {
  total: FundingCells;
  fiscal: FundingCells;
  carryover: FundingCells;
  other: FundingCells;
}

export interface SelfEvalFinding {
  code: string;
  severity: "error" | "warning" | "info";
  project: string;
  projectIndex: number;
  indicator: string | null;
  indicatorIndex: number | null;
  field: string;
  where: string;
  message: string;
  messageEn: string;
}

export function consistencyFindings(_p: Project, _s: ProjectScore, _policy: ScoringPolicy): SelfEvalFinding[] {
  return [];
}

export function checkFundingSplit(_split: FundingSplit): SelfEvalFinding[] {
  return [];
}

export function missingExplanations(
  project: Project,
  score: ProjectScore,
): { indicatorIndex: number; code: "self-eval.deviation-reason-missing" }[] {
  const out: { indicatorIndex: number; code: "self-eval.deviation-reason-missing" }[] = [];
  for (const row of score.indicators) {
    const reason = project.indicators[row.indicatorIndex]?.deviationReason ?? row.deviationReason;
    if (reason && reason.trim() !== "") continue;
    if (row.score !== null && row.weight !== null && row.score < row.weight)
      out.push({ indicatorIndex: row.indicatorIndex, code: "self-eval.deviation-reason-missing" });
  }
  return out;
}

export function drawSample(ids: readonly number[], count: number, seed: string): number[] {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const pool = [...ids].sort((a, b) => a - b);
  const out: number[] = [];
  while (out.length < count && pool.length > 0) {
    h = (Math.imul(h, 1103515245) + 12345) >>> 0;
    out.push(pool.splice(h % pool.length, 1)[0] as number);
  }
  return out.sort((a, b) => a - b);
}

export interface SpotCheckDifference {
  indicatorIndex: number | null;
  unit: string;
  finance: string;
  difference: string;
  beyond: boolean;
}

export function compareSpotCheck(unit: ProjectScore, finance: ProjectScore, tolerance: number): SpotCheckDifference[] {
  const tol = Exact.from(tolerance);
  const row = (i: number | null, a: number | null, b: number | null): SpotCheckDifference => {
    const ua = Exact.from(a ?? 0);
    const fb = Exact.from(b ?? 0);
    const d = fb.minus(ua);
    return {
      indicatorIndex: i,
      unit: ua.toString(),
      finance: fb.toString(),
      difference: d.toString(),
      beyond: (d.isNegative() ? d.negated() : d).gt(tol),
    };
  };
  return [
    ...unit.indicators.map((u, i) => row(i, u.score, finance.indicators[i]?.score ?? null)),
    row(null, unit.total, finance.total),
  ];
}

export interface BudgetAdvicePolicy {
  grades: Record<string, { action: "priority" | "as-needed" | "reduce" | "cancel"; share?: number; rectify?: boolean }>;
}
export const DEFAULT_BUDGET_ADVICE_POLICY: BudgetAdvicePolicy = {
  grades: {
    优: { action: "priority" },
    良: { action: "as-needed" },
    中: { action: "reduce", share: 0.1, rectify: true },
    差: { action: "cancel", rectify: true },
  },
};
const LABELS = {
  priority: ["优先保障", "Priority"],
  "as-needed": ["按需安排", "As needed"],
  reduce: ["压减", "Reduce"],
  cancel: ["取消或暂停", "Cancel or pause"],
} as const;

export interface BudgetAdvice {
  action: "priority" | "as-needed" | "reduce" | "cancel";
  share: string | null;
  amount: string;
  labelZh: string;
  labelEn: string;
  rectify: boolean;
}

export function budgetAdvice(grade: string, budget: number | string, policy: BudgetAdvicePolicy): BudgetAdvice {
  const rule = policy.grades[grade] ?? { action: "as-needed" as const };
  const b = Exact.from(Number(budget));
  const share = rule.action === "reduce" ? Exact.from(rule.share ?? 0) : null;
  const amount = rule.action === "cancel" ? Exact.ZERO : share ? b.minus(b.times(share)) : b;
  const [zh, en] = LABELS[rule.action];
  return {
    action: rule.action,
    share: share ? share.toString() : null,
    amount: amount.toString(),
    labelZh: zh,
    labelEn: en,
    rectify: rule.rectify ?? false,
  };
}
