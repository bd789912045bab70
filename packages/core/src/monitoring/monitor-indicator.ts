/**
 * Monitors one indicator against its APPROVED annual target: the light from progress against
 * 序时进度 (light.ts) — or, for a 定性 row and wherever progress cannot be computed, from
 * 完成可能性 (确定能 → 绿灯, 有可能 → 黄灯, 完全不可能 → 红灯) — and the findings of the row.
 * 完全不可能 is 红灯 whatever the progress. Targets and actuals are read through the
 * vocabulary (scoring/quantity.ts → model/vocabulary/cell-grammar.ts), exactly.
 */
import type { Nature, Operator } from "../model/document.ts";
import { Exact } from "../model/exact.ts";
import { toIndicatorUnit } from "../scoring/quantity.ts";
import { type MonitoringFinding, type MonitoringPlace, monitoringFinding } from "./finding.ts";
import { indicatorProgress, indicatorValue, lightOf, progressMode } from "./light.ts";
import { type DeviationCause, LIGHT_WORD, type Light, type Likelihood, type MonitoredIndicator } from "./model.ts";
import type { MonitoringPolicy } from "./policy.ts";

/** One monitored row, in the key order of the `--json` output. */
export interface IndicatorMonitor {
  indicatorIndex: number;
  name: string;
  nature: Nature;
  operator: Operator | null;
  target: string;
  unit: string | null;
  actualToDate: string | number | null;
  forecast: string | number | null;
  likelihood: Likelihood | null;
  deviationCause: DeviationCause | null;
  deviationText: string | null;
  correctiveAction: string | null;
  /** Progress toward the annual target, percent, 2 decimals; null when not computed. */
  progress: number | null;
  /** Light value (progress against 序时进度), percent, 2 decimals; null when not computed. */
  value: number | null;
  light: Light | null;
  /** How the light was reached. */
  working: string;
}

const LIKELIHOOD_LIGHT: Readonly<Record<Likelihood, Light>> = { 确定能: "green", 有可能: "yellow", 完全不可能: "red" };

function isBlank(v: string | number | undefined | null): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/** Whether a year-end value meets the target by the row's comparison. */
function meets(nature: Nature, operator: Operator | null, target: Exact, value: Exact): boolean {
  const op = operator ?? (nature === "反向" ? "≤" : "≥");
  switch (op) {
    case "=":
      return value.eq(target);
    case ">":
      return value.gt(target);
    case "<":
      return value.lt(target);
    case "≤":
      return value.lte(target);
    default:
      return value.gte(target);
  }
}

/** The annual target as printed: operator (unless the cell has it), number, unit after a bare number. */
function targetText(ind: MonitoredIndicator): string {
  const op = ind.operator && !ind.target.startsWith(ind.operator) ? ind.operator : "";
  return `${op}${ind.target}${ind.unit && /^[\d.]+$/.test(ind.target) ? ind.unit : ""}`;
}

/**
 * Monitors one indicator as of `month` under a policy, appending its findings.
 * @example monitorIndicator({ ...row, nature: "正向", operator: "≥", target: "79", unit: "人", actualToDate: 40, likelihood: "确定能" }, place, 7, DEFAULT_MONITORING_POLICY, []).light // "green"
 */
export function monitorIndicator(
  ind: MonitoredIndicator,
  place: MonitoringPlace,
  month: number,
  policy: MonitoringPolicy,
  findings: MonitoringFinding[],
): IndicatorMonitor {
  const likelihood = ind.likelihood ?? null;
  if (likelihood === null) findings.push(monitoringFinding("monitor.likelihood-missing", place));
  const byLikelihood = (why: string): { light: Light | null; working: string } =>
    likelihood === null
      ? { light: null, working: `${why}，未填完成可能性 → 无灯` }
      : {
          light: LIKELIHOOD_LIGHT[likelihood],
          working: `${why}，完成可能性 ${likelihood} → ${LIGHT_WORD[LIKELIHOOD_LIGHT[likelihood]]}`,
        };

  let progress: Exact | null = null;
  let value: Exact | null = null;
  let target: Exact | null = null;
  let actual: Exact | null = null;
  let judged: { light: Light | null; working: string };
  if (ind.nature === "定性") {
    judged = byLikelihood("定性指标");
  } else {
    const t = toIndicatorUnit(ind.target, ind.unit);
    if (!t.ok || t.value.isNegative()) {
      findings.push(monitoringFinding("monitor.target-not-numeric", place, { target: ind.target }));
      judged = byLikelihood("年度指标值非数值");
    } else if (isBlank(ind.actualToDate)) {
      target = t.value;
      findings.push(monitoringFinding("monitor.actual-missing", place));
      judged = byLikelihood("无实际完成值");
    } else {
      target = t.value;
      const a = toIndicatorUnit(ind.actualToDate!, ind.unit);
      if (!a.ok) {
        if (a.reason === "unit")
          findings.push(monitoringFinding("monitor.actual-unit", place, { from: a.from, to: a.to }));
        else
          findings.push(monitoringFinding("monitor.actual-not-numeric", place, { actual: String(ind.actualToDate) }));
        judged = byLikelihood("实际完成值无法读取");
      } else {
        actual = a.value;
        progress = indicatorProgress(ind.nature, ind.operator, target, actual);
        value = indicatorValue(ind.nature, ind.operator, target, actual, month);
        if (value === null) judged = { light: null, working: "截至月份无效 → 无灯" };
        else {
          const light = lightOf(value, policy.thresholds);
          const how =
            progressMode(ind.nature, ind.operator) === "positive" ? `${actual} ÷ ${target}` : `${target} ÷ ${actual}`;
          judged = {
            light,
            working: `进度 ${how} = ${progress}%，min(进度, 100%) ÷ (${month} ÷ 12) = ${value} → ${LIGHT_WORD[light]}`,
          };
        }
      }
    }
  }
  if (likelihood === "完全不可能" && judged.light !== "red" && judged.light !== null) {
    judged = { light: "red", working: `${judged.working}；完全不可能 → 红灯` };
  }

  const causeGiven = ind.deviationCause !== undefined && (ind.deviationCause !== "其他" || !isBlank(ind.deviationText));
  const actionGiven = !isBlank(ind.correctiveAction);
  if ((judged.light === "red" || likelihood === "完全不可能") && !(causeGiven && actionGiven)) {
    findings.push(
      monitoringFinding("monitor.cause-missing", place, {
        why: likelihood === "完全不可能" ? "impossible" : "red",
        missing: !causeGiven && !actionGiven ? "both" : !causeGiven ? "cause" : "action",
      }),
    );
  }
  if (likelihood === "确定能" && target !== null && !isBlank(ind.forecast)) {
    const f = toIndicatorUnit(ind.forecast!, ind.unit);
    if (f.ok && !meets(ind.nature, ind.operator, target, f.value)) {
      findings.push(
        monitoringFinding("monitor.forecast-misses-target", place, {
          forecast: String(ind.forecast),
          target: targetText(ind),
        }),
      );
    }
  }
  if (
    actual &&
    target?.gt(Exact.ZERO) &&
    progressMode(ind.nature, ind.operator) === "positive" &&
    ind.operator !== "=" &&
    actual.gte(target.times(Exact.from(policy.excessRatio)))
  ) {
    findings.push(
      monitoringFinding("monitor.actual-far-above", place, {
        percent: (progress ?? Exact.ZERO).toString(),
        ratio: Exact.from(policy.excessRatio).times(100).toString(),
      }),
    );
  }
  return {
    indicatorIndex: place.indicatorIndex ?? 0,
    name: ind.name,
    nature: ind.nature,
    operator: ind.operator,
    target: ind.target,
    unit: ind.unit,
    actualToDate: ind.actualToDate ?? null,
    forecast: ind.forecast ?? null,
    likelihood,
    deviationCause: ind.deviationCause ?? null,
    deviationText: ind.deviationText ?? null,
    correctiveAction: ind.correctiveAction ?? null,
    progress: progress === null ? null : progress.toNumber(),
    value: value === null ? null : value.toNumber(),
    light: judged.light,
    working: judged.working,
  };
}
