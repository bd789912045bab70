/**
 * Consistency findings of a scored self-evaluation (issue 17 item 4), thresholds from the policy's
 * `consistency` (DEFAULT_CONSISTENCY_POLICY when absent):
 * - high score, low spending: the indicator part's score rate (score ÷ indicator total) exceeds the
 *   execution score rate (执行得分 ÷ its weight) by more than `scoreRateExcess`, relative:
 *   I ÷ T > E ÷ W × (1 + x), compared cross-multiplied (I × W > E × T × (1 + x)), exactly;
 * - a zero budget;
 * - more than `unspentShare` of the budget unspent: budget − executed > budget × share;
 * - a 正向 actual at or above `targetTooLowRatio` × its positive target (the target was set too low).
 * Findings are computed from the score (what was scored), with the project's names.
 */
import type { Project } from "../model/document.ts";
import { Exact } from "../model/exact.ts";
import { type ConsistencyPolicy, DEFAULT_CONSISTENCY_POLICY, type ScoringPolicy } from "../scoring/policy.ts";
import { toIndicatorUnit } from "../scoring/quantity.ts";
import type { ProjectScore } from "../scoring/score-project.ts";
import { type SelfEvalFinding, selfEvalFinding } from "./finding.ts";

const HUNDRED = Exact.from(100);

/** The thresholds a policy sets (the defaults when it sets none). */
export function consistencyPolicy(policy: ScoringPolicy): ConsistencyPolicy {
  return policy.consistency ?? DEFAULT_CONSISTENCY_POLICY;
}

/** part ÷ whole in percent, 2 decimals. */
function percent(part: Exact, whole: Exact): string {
  return part.times(HUNDRED).div(whole, 2).toString();
}

/**
 * The consistency findings of one scored project.
 * @example consistencyFindings(project, scoreProject(project, 0), DEFAULT_SCORING_POLICY).map((f) => f.code) // ["self-eval.unspent-budget"]
 */
export function consistencyFindings(project: Project, score: ProjectScore, policy: ScoringPolicy): SelfEvalFinding[] {
  const c = consistencyPolicy(policy);
  const place = { project: project.name, projectIndex: score.projectIndex };
  const out: SelfEvalFinding[] = [];
  const budget = Number.isFinite(score.budget) ? Exact.from(score.budget) : null;
  const executed = score.executed !== null && Number.isFinite(score.executed) ? Exact.from(score.executed) : null;

  if (budget?.isZero()) out.push(selfEvalFinding("self-eval.zero-budget", place, "/budget"));

  // High score, low spending: only when an execution rate exists (else scoring already reports why).
  const execWeight = Exact.from(score.executionWeight);
  const indTotal = Exact.from(score.indicatorTotal);
  if (score.executionRate !== null && execWeight.gt(Exact.ZERO) && indTotal.gt(Exact.ZERO)) {
    const ind = Exact.from(score.indicatorScore);
    const exe = Exact.from(score.executionScore);
    const factor = Exact.from(1).plus(Exact.from(c.scoreRateExcess));
    if (ind.times(execWeight).gt(exe.times(indTotal).times(factor))) {
      out.push(
        selfEvalFinding("self-eval.high-score-low-spending", place, "/executed", {
          indicatorRate: percent(ind, indTotal),
          executionRate: percent(exe, execWeight),
          excess: Exact.from(c.scoreRateExcess).times(HUNDRED).toString(),
        }),
      );
    }
  }

  if (budget?.gt(Exact.ZERO) && executed) {
    const unspent = budget.minus(executed);
    if (unspent.gt(budget.times(Exact.from(c.unspentShare)))) {
      out.push(
        selfEvalFinding("self-eval.unspent-budget", place, "/executed", {
          unspent: unspent.toString(),
          share: percent(unspent, budget),
          limit: Exact.from(c.unspentShare).times(HUNDRED).toString(),
        }),
      );
    }
  }

  const ratio = Exact.from(c.targetTooLowRatio);
  for (const row of score.indicators) {
    if (row.nature !== "正向" || row.notApplicable || row.actual === null) continue;
    const target = toIndicatorUnit(row.target, row.unit);
    const actual = toIndicatorUnit(row.actual, row.unit);
    if (!target.ok || !actual.ok || !target.value.gt(Exact.ZERO)) continue;
    if (actual.value.gte(target.value.times(ratio))) {
      const name = project.indicators[row.indicatorIndex]?.name ?? row.name;
      out.push(
        selfEvalFinding(
          "self-eval.target-too-low",
          { ...place, indicator: name, indicatorIndex: row.indicatorIndex },
          `/indicators/${row.indicatorIndex}/target`,
          { target: target.value.toString(), actual: actual.value.toString(), ratio: ratio.toString() },
        ),
      );
    }
  }
  return out;
}
