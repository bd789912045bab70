/**
 * Findings of monitoring (绩效运行监控). Same shape as the review engine's and scoring's
 * findings, so the lists can be shown and filtered together. Every code's severity and words
 * (zh, en) live in one registry, MONITORING_DIAGNOSTICS.
 */
import type { Severity } from "../model/diagnostic.ts";
import { defineDiagnostics } from "../model/diagnostic-registry.ts";

/** Stable codes of monitoring findings. */
export type MonitoringCode =
  | "monitor.month-invalid"
  | "monitor.budget-not-positive"
  | "monitor.executed-missing"
  | "monitor.over-execution"
  | "monitor.execution-forecast-low"
  | "monitor.target-not-numeric"
  | "monitor.actual-missing"
  | "monitor.actual-not-numeric"
  | "monitor.actual-unit"
  | "monitor.likelihood-missing"
  | "monitor.cause-missing"
  | "monitor.forecast-misses-target"
  | "monitor.actual-far-above";

/** The model field a monitoring finding points at. */
export type MonitoringField =
  | "asOfMonth"
  | "budget"
  | "executed"
  | "forecastExecuted"
  | "target"
  | "actualToDate"
  | "forecast"
  | "likelihood"
  | "deviationCause";

export interface MonitoringFinding {
  code: MonitoringCode;
  severity: Severity;
  project: string;
  projectIndex: number;
  /** Indicator name (三级指标); null for project-level findings. */
  indicator: string | null;
  indicatorIndex: number | null;
  field: MonitoringField;
  message: string;
  messageEn: string;
}

export interface MonitoringPlace {
  project: string;
  projectIndex: number;
  indicator?: string;
  indicatorIndex?: number;
}

const FIELD: Record<MonitoringCode, MonitoringField> = {
  "monitor.month-invalid": "asOfMonth",
  "monitor.budget-not-positive": "budget",
  "monitor.executed-missing": "executed",
  "monitor.over-execution": "executed",
  "monitor.execution-forecast-low": "forecastExecuted",
  "monitor.target-not-numeric": "target",
  "monitor.actual-missing": "actualToDate",
  "monitor.actual-not-numeric": "actualToDate",
  "monitor.actual-unit": "actualToDate",
  "monitor.likelihood-missing": "likelihood",
  "monitor.cause-missing": "deviationCause",
  "monitor.forecast-misses-target": "forecast",
  "monitor.actual-far-above": "actualToDate",
};

/** Every monitoring code's usual severity and words. */
export const MONITORING_DIAGNOSTICS = defineDiagnostics<MonitoringCode>("@jixiao/core", "monitoring", {
  "monitor.month-invalid": {
    severity: "error",
    zh: (p) => `截至月份“${p.month}”不是 1–12 的整数，无法计算序时进度`,
    en: (p) => `The as-of month "${p.month}" is not a whole number 1–12; no time progress can be computed`,
    about: "The round's as-of month is not 1–12; no light is computed.",
  },
  "monitor.budget-not-positive": {
    severity: "error",
    zh: (p) => `预算数 ${p.budget} 不是正数，无法计算执行率和执行灯`,
    en: (p) => `The budget ${p.budget} is not positive; no execution rate or light can be computed`,
    about: "The project's budget (调整后 when given, else 年初) is zero or negative: the rate would divide by zero.",
  },
  "monitor.executed-missing": {
    severity: "error",
    zh: () => "缺少截至当月执行数",
    en: () => "The amount executed to date is missing",
    about: "The project has no 执行数 to date; no execution light.",
  },
  "monitor.over-execution": {
    severity: "warning",
    zh: (p) => `执行率 ${p.rate}% 超过 100%（执行数大于预算数）`,
    en: (p) => `The execution rate ${p.rate}% exceeds 100% (more spent than budgeted)`,
    about: "More has been spent than budgeted.",
  },
  "monitor.execution-forecast-low": {
    severity: "warning",
    zh: (p) => `全年预计执行率 ${p.rate}% 低于 ${p.floor}%，需说明原因或调整预算`,
    en: (p) => `The year-end execution forecast ${p.rate}% is below ${p.floor}%; explain it or adjust the budget`,
    about: "全年预计执行数 ÷ 预算数 is below the policy's floor (default 90%).",
  },
  "monitor.target-not-numeric": {
    severity: "warning",
    zh: (p) => `定量指标的年度指标值“${p.target}”不是数值，无法计算完成进度，按完成可能性判断`,
    en: (p) => `The annual target "${p.target}" is not a number; progress cannot be computed, the likelihood decides`,
    about: "A quantitative row's approved target does not read as a number; its light follows 完成可能性.",
  },
  "monitor.actual-missing": {
    severity: "warning",
    zh: () => "缺少截至当月实际完成值，无法计算完成进度",
    en: () => "The actual to date is missing; progress cannot be computed",
    about: "A quantitative row has no 截至当月实际完成值; its light follows 完成可能性.",
  },
  "monitor.actual-not-numeric": {
    severity: "error",
    zh: (p) => `实际完成值“${p.actual}”不是数值，无法与年度指标值比较`,
    en: (p) => `The actual "${p.actual}" is not a number and cannot be compared with the annual target`,
    about: "A quantitative row's actual to date is not a number.",
  },
  "monitor.actual-unit": {
    severity: "error",
    zh: (p) => `实际完成值的单位“${p.from}”无法换算为指标单位“${p.to}”`,
    en: (p) => `The actual's unit "${p.from}" cannot be converted to the indicator's unit "${p.to}"`,
    about: "The actual is written in a unit that does not convert to the indicator's (only 元 ↔ 万元 convert).",
  },
  "monitor.likelihood-missing": {
    severity: "error",
    zh: () => "缺少完成可能性（确定能/有可能/完全不可能）",
    en: () => "The likelihood of completion is missing (certain / possible / impossible)",
    about: "Every indicator needs 完成可能性; a 定性 indicator needs nothing else.",
  },
  "monitor.cause-missing": {
    severity: "error",
    zh: (p) =>
      `${p.why === "impossible" ? "完成可能性为“完全不可能”" : "指标为红灯"}，须填写${p.missing === "both" ? "偏差原因和纠偏措施" : p.missing === "cause" ? "偏差原因" : "纠偏措施"}`,
    en: (p) =>
      `${p.why === "impossible" ? "The target is marked impossible" : "The indicator is red"}; ${p.missing === "both" ? "give the cause of the deviation and the corrective action" : p.missing === "cause" ? "give the cause of the deviation" : "give the corrective action"}`,
    about: "A red light or 完全不可能 needs a coded 偏差原因 (其他 with a text) and 纠偏措施.",
  },
  "monitor.forecast-misses-target": {
    severity: "error",
    zh: (p) => `全年预计完成值 ${p.forecast} 未达到年度指标值 ${p.target}，但完成可能性填为“确定能”`,
    en: (p) =>
      `The year-end forecast ${p.forecast} misses the annual target ${p.target}, yet the likelihood says certain`,
    about: "The forecast and the likelihood contradict each other: one of them is wrong.",
  },
  "monitor.actual-far-above": {
    severity: "warning",
    zh: (p) => `截至当月实际完成值已达年度指标值的 ${p.percent}%（不低于 ${p.ratio}%），年度目标可能设置偏低`,
    en: (p) =>
      `The actual to date is already ${p.percent}% of the annual target (at least ${p.ratio}%); the target may be set too low`,
    about: "A 正向 actual to date at or above the policy's multiple of the annual target (default 130%).",
  },
});

/**
 * Builds a monitoring finding with its words from the registry.
 * @example monitoringFinding("monitor.executed-missing", { project: "体检费", projectIndex: 0 }).field // "executed"
 */
export function monitoringFinding(
  code: MonitoringCode,
  place: MonitoringPlace,
  params: Record<string, string> = {},
  severity: Severity = MONITORING_DIAGNOSTICS.codes[code].severity,
): MonitoringFinding {
  const words = MONITORING_DIAGNOSTICS.words(code, params);
  return {
    code,
    severity,
    project: place.project,
    projectIndex: place.projectIndex,
    indicator: place.indicator ?? null,
    indicatorIndex: place.indicatorIndex ?? null,
    field: FIELD[code],
    message: words.message,
    messageEn: words.messageEn,
  };
}

/** Every monitoring code, for docs and tests. */
export const MONITORING_CODES = Object.keys(MONITORING_DIAGNOSTICS.codes) as MonitoringCode[];
