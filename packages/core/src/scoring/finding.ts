/**
 * Findings of self-evaluation scoring. Same shape as the review engine's findings, so the two
 * lists can be shown and filtered together. Every code's words (zh, en) live here, in one place.
 */
import type { Severity } from "../model/diagnostic.ts";

/** Stable codes of scoring findings. */
export type ScoringCode =
  | "score.actual-missing"
  | "score.actual-not-numeric"
  | "score.actual-unit"
  | "score.target-not-numeric"
  | "score.grade-missing"
  | "score.score-out-of-band"
  | "score.score-ignored"
  | "score.deviation-reason-missing"
  | "score.executed-missing"
  | "score.budget-not-positive"
  | "score.over-execution"
  | "score.all-not-applicable"
  | "score.weight-missing"
  | "score.weight-sum";

/** The model field a scoring finding points at. */
export type ScoringField =
  | "actual"
  | "grade"
  | "score"
  | "deviationReason"
  | "executed"
  | "budget"
  | "target"
  | "weight"
  | "notApplicable";

/** Same key order as the review engine's findings (`--json` output). */
export interface ScoringFinding {
  code: ScoringCode;
  severity: Severity;
  /** Project name. */
  project: string;
  projectIndex: number;
  /** Indicator name (三级指标); null for project-level findings. */
  indicator: string | null;
  indicatorIndex: number | null;
  /** The model field at fault. */
  field: ScoringField;
  message: string;
  messageEn: string;
}

/** Where a finding points. */
export interface FindingPlace {
  project: string;
  projectIndex: number;
  indicator?: string;
  indicatorIndex?: number;
}

type Words = {
  field: ScoringField;
  zh: (p: Record<string, string>) => string;
  en: (p: Record<string, string>) => string;
};

const WORDS: Record<ScoringCode, Words> = {
  "score.actual-missing": {
    field: "actual",
    zh: () => "缺少实际完成值",
    en: () => "The actual value is missing",
  },
  "score.actual-not-numeric": {
    field: "actual",
    zh: (p) => `实际完成值“${p.actual}”不是数值，无法与目标值比较`,
    en: (p) => `The actual value "${p.actual}" is not a number and cannot be compared with the target`,
  },
  "score.actual-unit": {
    field: "actual",
    zh: (p) => `实际完成值的单位“${p.from}”无法换算为指标单位“${p.to}”`,
    en: (p) => `The actual's unit "${p.from}" cannot be converted to the indicator's unit "${p.to}"`,
  },
  "score.target-not-numeric": {
    field: "target",
    zh: (p) => `定量指标的目标值“${p.target}”不是非负数值，无法计分`,
    en: (p) => `The target "${p.target}" of a quantitative indicator is not a non-negative number; cannot score`,
  },
  "score.grade-missing": {
    field: "grade",
    zh: () => "定性指标缺少评价等级（达成/部分达成/未达成）",
    en: () => "A qualitative indicator has no grade (达成/部分达成/未达成)",
  },
  "score.score-out-of-band": {
    field: "score",
    zh: (p) => `填报得分 ${p.score} 不在“${p.grade}”的区间 ${p.band} 内，按默认得分 ${p.used} 计`,
    en: (p) => `The given score ${p.score} is outside the ${p.grade} band ${p.band}; scored ${p.used} (the default)`,
  },
  "score.score-ignored": {
    field: "score",
    zh: (p) => `定量指标按实际完成值计分，填报得分 ${p.score} 未采用`,
    en: (p) => `A quantitative indicator is scored from its actual; the given score ${p.score} was not used`,
  },
  "score.deviation-reason-missing": {
    field: "deviationReason",
    zh: (p) =>
      p.why === "excess"
        ? `实际完成值达到目标值的 ${p.ratio}% 以上（目标可能偏低），需说明偏差原因`
        : `得分 ${p.score} 低于分值 ${p.weight}，需说明偏差原因`,
    en: (p) =>
      p.why === "excess"
        ? `The actual is ${p.ratio}% of the target or more (the target may be too low); explain the deviation`
        : `The score ${p.score} is below the weight ${p.weight}; explain the deviation`,
  },
  "score.executed-missing": {
    field: "executed",
    zh: () => "缺少全年执行数，预算执行率按 0 计分",
    en: () => "The amount executed is missing; budget execution scores 0",
  },
  "score.budget-not-positive": {
    field: "budget",
    zh: (p) => `全年预算数 ${p.budget} 不是正数，无法计算预算执行率`,
    en: (p) => `The budget ${p.budget} is not positive; the execution rate cannot be computed`,
  },
  "score.over-execution": {
    field: "executed",
    zh: (p) => `预算执行率 ${p.rate}% 超过 100%（执行数大于预算数），按 100% 计分`,
    en: (p) => `The execution rate ${p.rate}% exceeds 100% (more spent than budgeted); scored as 100%`,
  },
  "score.all-not-applicable": {
    field: "notApplicable",
    zh: () => "全部指标均标为不适用，指标部分按 0 计分",
    en: () => "Every indicator is marked not applicable; the indicator part scores 0",
  },
  "score.weight-missing": {
    field: "weight",
    zh: () => "指标未印分值，无法计分（按 0 分计）",
    en: () => "The indicator has no weight printed; it cannot be scored (scored 0)",
  },
  "score.weight-sum": {
    field: "weight",
    zh: (p) => `指标分值合计 ${p.sum}，与评分规则的指标总分 ${p.total} 不符`,
    en: (p) => `The indicator weights sum to ${p.sum}, not the policy's indicator total ${p.total}`,
  },
};

/**
 * Builds a finding with its words from the catalogue.
 * @example scoringFinding("score.actual-missing", "error", { project: "体检费", projectIndex: 0 }).field // "actual"
 */
export function scoringFinding(
  code: ScoringCode,
  severity: Severity,
  place: FindingPlace,
  params: Record<string, string> = {},
): ScoringFinding {
  const w = WORDS[code];
  const f: ScoringFinding = {
    code,
    severity,
    project: place.project,
    projectIndex: place.projectIndex,
    indicator: place.indicator ?? null,
    indicatorIndex: place.indicatorIndex ?? null,
    field: w.field,
    message: w.zh(params),
    messageEn: w.en(params),
  };
  return f;
}

/** Every scoring code, for docs and tests. */
export const SCORING_CODES = Object.keys(WORDS) as ScoringCode[];
