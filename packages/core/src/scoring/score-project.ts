/**
 * Scores a whole project (预算项目) — execution rate and score, each indicator, the indicator
 * part with not-applicable rescaling, the total and its grade — and a whole document.
 */
import type { Project, TargetDocument } from "../model/document.ts";
import { Decimal } from "../model/money.ts";
import { executionRate, executionRateHundredths, executionScore, executionScoreHundredths } from "./execution.ts";
import { type FindingPlace, type ScoringFinding, scoringFinding } from "./finding.ts";
import { compareFixed, type Fixed, fixedConstant, fixedFrom, fixedText, pow10 } from "./fixed-point.ts";
import { type IndicatorPart, indicatorPart, partFromSums } from "./not-applicable.ts";
import { DEFAULT_SCORING_POLICY, type ScoringPolicy } from "./policy.ts";
import { type IndicatorScore, scoreIndicatorInto } from "./score-indicator.ts";
import { projectTotal, totalGrade, totalGradeHundredths } from "./totals.ts";

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

  // Execution: hundredths on safe integers when they vouch for decimal.js's answer, else decimal.js.
  let rate: number | null = null;
  let execH: number | null = 0;
  let execDec: Decimal | null = null;
  if (project.executed === undefined) {
    findings.push(scoringFinding("score.executed-missing", "error", place));
  } else {
    const rateH = executionRateHundredths(project.executed, project.budget);
    // decimal.js only when the hundredths cannot answer (the rate's text is fixedText's then:
    // two decimals, below 10^14, so Decimal#toString would print the same digits).
    const rateDec = rateH === undefined ? executionRate(project.executed, project.budget) : null;
    if (rateH === null || (rateH === undefined && rateDec === null)) {
      findings.push(scoringFinding("score.budget-not-positive", "error", place, { budget: String(project.budget) }));
    } else {
      rate = rateH === undefined ? rateDec!.toNumber() : rateH / 100;
      if ((rateH === undefined ? rateDec!.gt(100) : rateH > 10000) && !exec.allowOverExecution) {
        const text = rateH === undefined ? rateDec!.toString() : fixedText({ n: rateH, s: 2 });
        findings.push(scoringFinding("score.over-execution", "error", place, { rate: text }));
      }
      execH = rateH === undefined ? null : (executionScoreHundredths(rateH, exec) ?? null);
      if (execH === null) execDec = executionScore(rateDec ?? new Decimal(fixedText({ n: rateH!, s: 2 })), exec);
    }
  }
  const inds = project.indicators;
  const indicators: IndicatorScore[] = [];
  // One place for every row: scoreIndicatorInto reads it and never keeps it.
  const rowPlace: FindingPlace = { project: project.name, projectIndex, indicator: undefined, indicatorIndex: 0 };
  for (let i = 0; i < inds.length; i++) {
    const ind = inds[i]!;
    rowPlace.indicator = ind.name;
    rowPlace.indicatorIndex = i;
    indicators.push(scoreIndicatorInto(ind, rowPlace, policy, findings));
  }
  const sums = rowSums(indicators);
  let weightSum: Decimal | null = null;
  let weightMatches: boolean;
  // The indicator part: plain numbers when nothing was dropped and the sums fit, else decimal.js.
  let partDec: IndicatorPart | null = null;
  let partH: number | null = null;
  let applicableWeight: number;
  let rescaled = false;
  let working: string;
  if (sums) {
    const t = fixedConstant(policy.indicatorTotal);
    const c = t && compareFixed(sums.weight.n, sums.weight.s, t.n, t.s);
    if (c === null) {
      weightSum = new Decimal(fixedText(sums.weight));
      weightMatches = weightSum.eq(policy.indicatorTotal);
    } else {
      weightMatches = c === 0;
    }
    if (sums.dropped === 0) {
      partH = sums.rawH;
      applicableWeight = sums.applicable.n / pow10(sums.applicable.s);
      working = `Σ = ${fixedText({ n: sums.rawH, s: 2 })}`;
    } else {
      const raw = new Decimal(fixedText({ n: sums.rawH, s: 2 }));
      partDec = partFromSums(raw, new Decimal(fixedText(sums.applicable)), sums.dropped, policy.indicatorTotal);
    }
  } else {
    // A weight or score beyond the safe-integer range: decimal.js all the way.
    weightSum = new Decimal(0);
    for (const r of indicators) weightSum = weightSum.plus(r.weight);
    weightMatches = weightSum.eq(policy.indicatorTotal);
    partDec = indicatorPart(indicators, policy.indicatorTotal);
  }
  if (partDec) {
    applicableWeight = partDec.applicableWeight.toNumber();
    rescaled = partDec.rescaled;
    working = partDec.working;
    const h = partDec.score.times(100).toNumber();
    if (Number.isSafeInteger(h)) partH = h;
  }
  if (!weightMatches) {
    findings.push(
      scoringFinding("score.weight-sum", "warning", place, {
        sum: (weightSum ?? new Decimal(fixedText(sums!.weight))).toString(),
        total: String(policy.indicatorTotal),
      }),
    );
  }
  if (partDec?.rescaled && partDec.applicableWeight.isZero()) {
    findings.push(scoringFinding("score.all-not-applicable", "error", place));
  }

  // Total and grade: a sum of hundredths when both parts are plain, else decimal.js.
  const totalH = execH !== null && partH !== null ? execH + partH : null;
  let total: number;
  let grade: string;
  if (totalH !== null && Number.isSafeInteger(totalH)) {
    total = totalH / 100;
    grade =
      totalGradeHundredths(totalH, policy.grades) ??
      totalGrade(new Decimal(fixedText({ n: totalH, s: 2 })), policy.grades);
  } else {
    const t = projectTotal(
      execDec ?? new Decimal(fixedText({ n: execH!, s: 2 })),
      partDec ? partDec.score : new Decimal(fixedText({ n: partH!, s: 2 })),
    );
    total = t.toNumber();
    grade = totalGrade(t, policy.grades);
  }
  return {
    projectIndex,
    name: project.name,
    budget: project.budget,
    initialBudget: project.initialBudget ?? project.budget,
    executed: project.executed ?? null,
    executionRate: rate,
    executionWeight: exec.weight,
    executionScore: execDec ? execDec.toNumber() : execH! / 100,
    indicatorScore: partDec ? partDec.score.toNumber() : partH! / 100,
    indicatorTotal: policy.indicatorTotal,
    applicableWeight: applicableWeight!,
    rescaled,
    indicatorWorking: working!,
    total,
    grade,
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

interface RowSums {
  /** Every row's weight. */
  weight: Fixed;
  /** The applicable rows' weights. */
  applicable: Fixed;
  /** The applicable rows' scores in hundredths. */
  rawH: number;
  dropped: number;
}

/** Adds x × 10^-s to an accumulator at scale acc.s, exactly; false when it does not fit. */
function addFixed(acc: Fixed, x: Fixed): boolean {
  if (x.s > acc.s) {
    const n = acc.n * pow10(x.s - acc.s);
    if (!Number.isSafeInteger(n)) return false;
    acc.n = n;
    acc.s = x.s;
  }
  const n = acc.n + x.n * pow10(acc.s - x.s);
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(x.n * pow10(acc.s - x.s))) return false;
  acc.n = n;
  return true;
}

const SCRATCH: Fixed = { n: 0, s: 0 };

/** fixedFrom of a safe integer, in a reused object: read it before the next call. */
function intScratch(n: number): Fixed {
  SCRATCH.n = n + 0;
  SCRATCH.s = 0;
  return SCRATCH;
}

/**
 * The sums scoreProject needs, in exact safe integers — equal to the decimal.js sums of the same
 * numbers (≤ 16 digits each, so decimal.js adds them exactly too); null when something does not fit.
 */
function rowSums(rows: readonly IndicatorScore[]): RowSums | null {
  const weight: Fixed = { n: 0, s: 0 };
  const applicable: Fixed = { n: 0, s: 0 };
  let rawH = 0;
  let dropped = 0;
  for (const r of rows) {
    // An integer weight goes through one scratch value (addFixed reads x, never keeps it).
    const w = Number.isSafeInteger(r.weight) ? intScratch(r.weight) : fixedFrom(r.weight);
    if (w === null || !addFixed(weight, w)) return null;
    if (r.score === null) {
      dropped++;
      continue;
    }
    // Below 1e13 a score's shortest text is its two-decimal value, so ×100 recovers the exact hundredths.
    if (!(Math.abs(r.score) < 1e13)) return null;
    rawH += Math.round(r.score * 100);
    if (!Number.isSafeInteger(rawH) || !addFixed(applicable, w)) return null;
  }
  return { weight, applicable, rawH, dropped };
}
