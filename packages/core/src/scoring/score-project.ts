/**
 * Scores a whole project (预算项目) — execution rate and score, each indicator, the indicator
 * part with not-applicable rescaling, the total and its grade — and a whole document.
 */
import type { Project, TargetDocument } from "../model/document.ts";
import { Exact } from "../model/exact.ts";
import { executionRate, executionScore, scoredRate } from "./execution.ts";
import { type FindingPlace, type ScoringFinding, scoringFinding } from "./finding.ts";
import { partFromSums, rowSums } from "./not-applicable.ts";
import { DEFAULT_SCORING_POLICY, type ScoringPolicy } from "./policy.ts";
import { type IndicatorScore, scoreIndicatorInto } from "./score-indicator.ts";
import { projectTotal, totalGrade } from "./totals.ts";

export interface ProjectScore {
  projectIndex: number;
  name: string;
  /** 全年预算数. */
  budget: number;
  /** 年初预算数 (the budget when not given). */
  initialBudget: number;
  /** 全年执行数; null when missing. */
  executed: number | null;
  /** 预算执行率 in percent, 2 decimals; null when it cannot be computed. */
  executionRate: number | null;
  executionWeight: number;
  executionScore: number;
  /** The indicator part, rescaled when some indicators are not applicable. */
  indicatorScore: number;
  indicatorTotal: number;
  /** Sum of the applicable indicators' weights. */
  applicableWeight: number;
  rescaled: boolean;
  /** How the indicator part was reached. */
  indicatorWorking: string;
  total: number;
  grade: string;
  indicators: IndicatorScore[];
  findings: ScoringFinding[];
}

export interface DocumentScore {
  /** Name of the policy used. */
  policy: string;
  projects: ProjectScore[];
  /** Every project's findings, in order. */
  findings: ScoringFinding[];
}

const HUNDRED = Exact.from(100);

/**
 * Scores one project under a policy.
 * @example scoreProject(project, 0, DEFAULT_SCORING_POLICY).total // 91.65
 */
export function scoreProject(
  project: Project,
  projectIndex: number,
  policy: ScoringPolicy = DEFAULT_SCORING_POLICY,
): ProjectScore {
  const findings: ScoringFinding[] = [];
  const place = { project: project.name, projectIndex };
  const exec = policy.execution;

  let rate: Exact | null = null;
  if (project.executed === undefined || !Number.isFinite(project.executed)) {
    findings.push(scoringFinding("score.executed-missing", "error", place));
  } else {
    rate = Number.isFinite(project.budget)
      ? executionRate(Exact.from(project.executed), Exact.from(project.budget))
      : null;
    if (rate === null) {
      findings.push(scoringFinding("score.budget-not-positive", "error", place, { budget: String(project.budget) }));
    } else if (rate.gt(HUNDRED) && !exec.allowOverExecution) {
      const params: Record<string, string> = { rate: rate.toString() };
      if (exec.capRate === false) {
        params.capped = "no";
        params.scored = scoredRate(rate, exec).toString();
      }
      findings.push(scoringFinding("score.over-execution", "error", place, params));
    }
  }
  const execScore = rate === null ? Exact.ZERO : executionScore(rate, exec);

  const indicators: IndicatorScore[] = [];
  // One place for the rows, moved along: scoreIndicatorInto reads it and never keeps it.
  const rowPlace: FindingPlace = { project: project.name, projectIndex, indicator: undefined, indicatorIndex: 0 };
  for (let i = 0; i < project.indicators.length; i++) {
    const ind = project.indicators[i]!;
    rowPlace.indicator = ind.name;
    rowPlace.indicatorIndex = i;
    indicators.push(scoreIndicatorInto(ind, rowPlace, policy, findings));
  }
  const sums = rowSums(indicators);
  if (!sums.weight.eq(Exact.from(policy.indicatorTotal))) {
    findings.push(
      scoringFinding("score.weight-sum", "warning", place, {
        sum: sums.weight.toString(),
        total: String(policy.indicatorTotal),
      }),
    );
  }
  const part = partFromSums(sums, policy.indicatorTotal);
  if (part.rescaled && part.applicableWeight.isZero()) {
    findings.push(scoringFinding("score.all-not-applicable", "error", place));
  }
  const total = projectTotal(execScore, part.score);
  // The result in the documented key order (this literal is its serializer).
  return {
    projectIndex,
    name: project.name,
    budget: project.budget,
    initialBudget: project.initialBudget ?? project.budget,
    executed: project.executed ?? null,
    executionRate: rate === null ? null : rate.toNumber(),
    executionWeight: exec.weight,
    executionScore: execScore.toNumber(),
    indicatorScore: part.score.toNumber(),
    indicatorTotal: policy.indicatorTotal,
    applicableWeight: part.applicableWeight.toNumber(),
    rescaled: part.rescaled,
    indicatorWorking: part.working,
    total: total.toNumber(),
    grade: totalGrade(total, policy.grades),
    indicators,
    findings,
  };
}

/**
 * Scores every project of a document.
 * @example scoreDocument(doc, EXECUTION_20_SCORING_POLICY).projects[0]?.executionScore // 18.57
 */
export function scoreDocument(doc: TargetDocument, policy: ScoringPolicy = DEFAULT_SCORING_POLICY): DocumentScore {
  const projects: ProjectScore[] = [];
  const findings: ScoringFinding[] = [];
  for (let i = 0; i < doc.projects.length; i++) {
    const p = scoreProject(doc.projects[i]!, i, policy);
    projects.push(p);
    for (const f of p.findings) findings.push(f);
  }
  return { policy: policy.name, projects, findings };
}
