/**
 * Monitors a project (execution light and every indicator) and a whole monitoring document.
 * The execution base is 调整后预算数 when given, else 年初预算数; a base that is not positive is
 * reported (monitor.budget-not-positive) and gets no light, never a division by zero.
 */
import { Exact } from "../model/exact.ts";
import { type MonitoringFinding, type MonitoringPlace, monitoringFinding } from "./finding.ts";
import { executionRateToDate, executionValue, lightOf, timeProgress, validMonth } from "./light.ts";
import { LIGHT_WORD, type Light, type MonitoredProject, type MonitoringDocument } from "./model.ts";
import { type IndicatorMonitor, monitorIndicator } from "./monitor-indicator.ts";
import type { MonitoringPolicy } from "./policy.ts";

export interface LightCounts {
  red: number;
  yellow: number;
  green: number;
  none: number;
}

/** One monitored project, in the key order of the `--json` output. */
export interface ProjectMonitor {
  name: string;
  unitCode: string;
  unitName: string;
  initialBudget: number;
  adjustedBudget: number | null;
  /** The execution base: adjustedBudget ?? initialBudget. */
  budget: number;
  executed: number | null;
  forecastExecuted: number | null;
  /** 执行率, percent, 2 decimals. */
  executionRate: number | null;
  /** Execution light value v, percent, 2 decimals. */
  executionValue: number | null;
  executionLight: Light | null;
  /** 全年预计执行率, percent, 2 decimals. */
  forecastRate: number | null;
  executionWorking: string;
  indicators: IndicatorMonitor[];
  /** Indicator lights counted. */
  lights: LightCounts;
  findings: MonitoringFinding[];
}

export interface MonitoringResult {
  policy: string;
  fiscalYear: number;
  asOfMonth: number;
  /** 序时进度, percent, 2 decimals; null when the month is invalid. */
  timeProgress: number | null;
  projects: ProjectMonitor[];
  /** Every project's findings, in order. */
  findings: MonitoringFinding[];
}

const n = (e: Exact | null) => (e === null ? null : e.toNumber());
const finite = (v: number | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * Monitors one project as of `month`.
 * @example monitorProject({ ...p, initialBudget: 7, executed: 3.5, indicators: [] }, 0, 7, DEFAULT_MONITORING_POLICY).executionLight // "green"
 */
export function monitorProject(
  project: MonitoredProject,
  projectIndex: number,
  month: number,
  policy: MonitoringPolicy,
): ProjectMonitor {
  const findings: MonitoringFinding[] = [];
  const place: MonitoringPlace = { project: project.name, projectIndex };
  if (!validMonth(month)) findings.push(monitoringFinding("monitor.month-invalid", place, { month: String(month) }));
  const budgetNum = finite(project.adjustedBudget) ? project.adjustedBudget : project.initialBudget;
  const budget = finite(budgetNum) ? Exact.from(budgetNum) : Exact.ZERO;
  const budgetOk = budget.gt(Exact.ZERO);
  if (!budgetOk) findings.push(monitoringFinding("monitor.budget-not-positive", place, { budget: String(budgetNum) }));
  let rate: Exact | null = null;
  let value: Exact | null = null;
  let light: Light | null = null;
  let working = "";
  if (!finite(project.executed)) {
    findings.push(monitoringFinding("monitor.executed-missing", place));
    working = "无执行数 → 无灯";
  } else if (!budgetOk) {
    working = `预算数 ${budgetNum} 非正数 → 无灯`;
  } else {
    const executed = Exact.from(project.executed);
    rate = executionRateToDate(executed, budget);
    value = executionValue(executed, budget, month);
    if (value === null) working = "截至月份无效 → 无灯";
    else {
      light = lightOf(value, policy.thresholds);
      working = `(${executed} ÷ ${budget}) ÷ (${month} ÷ 12) × 100 = ${value} → ${LIGHT_WORD[light]}`;
    }
    if (rate?.gt(Exact.from(100)))
      findings.push(monitoringFinding("monitor.over-execution", place, { rate: rate.toString() }));
  }
  let forecastRate: Exact | null = null;
  if (finite(project.forecastExecuted) && budgetOk) {
    forecastRate = executionRateToDate(Exact.from(project.forecastExecuted), budget);
    if (forecastRate?.lt(Exact.from(policy.executionForecastFloor))) {
      findings.push(
        monitoringFinding("monitor.execution-forecast-low", place, {
          rate: forecastRate.toString(),
          floor: String(policy.executionForecastFloor),
        }),
      );
    }
  }
  const lights: LightCounts = { red: 0, yellow: 0, green: 0, none: 0 };
  const indicators = project.indicators.map((ind, indicatorIndex) => {
    const m = monitorIndicator(ind, { ...place, indicator: ind.name, indicatorIndex }, month, policy, findings);
    lights[m.light ?? "none"]++;
    return m;
  });
  return {
    name: project.name,
    unitCode: project.unitCode,
    unitName: project.unitName,
    initialBudget: project.initialBudget,
    adjustedBudget: finite(project.adjustedBudget) ? project.adjustedBudget : null,
    budget: budgetNum,
    executed: finite(project.executed) ? project.executed : null,
    forecastExecuted: finite(project.forecastExecuted) ? project.forecastExecuted : null,
    executionRate: n(rate),
    executionValue: n(value),
    executionLight: light,
    forecastRate: n(forecastRate),
    executionWorking: working,
    indicators,
    lights,
    findings,
  };
}

/**
 * Monitors every project of a document, as of its round's month or `month` when given.
 * @example monitorDocument(doc, DEFAULT_MONITORING_POLICY).projects[0].executionLight // "green"
 */
export function monitorDocument(doc: MonitoringDocument, policy: MonitoringPolicy, month?: number): MonitoringResult {
  const asOf = month ?? doc.round.asOfMonth;
  const projects = doc.projects.map((p, i) => monitorProject(p, i, asOf, policy));
  return {
    policy: policy.name,
    fiscalYear: doc.round.fiscalYear,
    asOfMonth: asOf,
    timeProgress: validMonth(asOf) ? timeProgress(asOf).toNumber() : null,
    projects,
    findings: projects.flatMap((p) => p.findings),
  };
}
