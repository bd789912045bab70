/**
 * Findings of self-evaluation scoring. Same shape as the review engine's findings, so the two
 * lists can be shown and filtered together. Every code's severity and words (zh, en) live here,
 * in one registry (SCORING_DIAGNOSTICS), which docs/DIAGNOSTICS.md is generated from.
 */
import type { Severity } from "../model/diagnostic.ts";
import { defineDiagnostics } from "../model/diagnostic-registry.ts";

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

/** The model field each code points at. */
const FIELD: Record<ScoringCode, ScoringField> = {
  "score.actual-missing": "actual",
  "score.actual-not-numeric": "actual",
  "score.actual-unit": "actual",
  "score.target-not-numeric": "target",
  "score.grade-missing": "grade",
  "score.score-out-of-band": "score",
  "score.score-ignored": "score",
  "score.deviation-reason-missing": "deviationReason",
  "score.executed-missing": "executed",
  "score.budget-not-positive": "budget",
  "score.over-execution": "executed",
  "score.all-not-applicable": "notApplicable",
  "score.weight-missing": "weight",
  "score.weight-sum": "weight",
};

/** Every scoring code's severity (the usual one; scoringFinding is told the actual one) and words. */
export const SCORING_DIAGNOSTICS = defineDiagnostics<ScoringCode>("@jixiao/core", "scoring", {
  "score.actual-missing": {
    severity: "error",
    zh: () => "缺少实际完成值",
    en: () => "The actual value is missing",
    about: "A row has no actual value (an error on a quantitative row, a warning on a graded 定性 row). Scores 0.",
  },
  "score.actual-not-numeric": {
    severity: "error",
    zh: (p) => `实际完成值“${p.actual}”不是数值，无法与目标值比较`,
    en: (p) => `The actual value "${p.actual}" is not a number and cannot be compared with the target`,
    about: "A quantitative row's actual is not a number. Scores 0.",
  },
  "score.actual-unit": {
    severity: "error",
    zh: (p) => `实际完成值的单位“${p.from}”无法换算为指标单位“${p.to}”`,
    en: (p) => `The actual's unit "${p.from}" cannot be converted to the indicator's unit "${p.to}"`,
    about:
      "The actual is written in a unit that does not convert to the indicator's (only 元 ↔ 万元 convert). Scores 0.",
  },
  "score.target-not-numeric": {
    severity: "error",
    zh: (p) => `定量指标的目标值“${p.target}”不是非负数值，无法计分`,
    en: (p) => `The target "${p.target}" of a quantitative indicator is not a non-negative number; cannot score`,
    about: "A quantitative row's target is not a non-negative number, so there is nothing to score against. Scores 0.",
  },
  "score.grade-missing": {
    severity: "error",
    zh: () => "定性指标缺少评价等级（达成/部分达成/未达成）",
    en: () => "A qualitative indicator has no grade (达成/部分达成/未达成)",
    about: "A 定性 row has no grade (达成/部分达成/未达成). Scores 0.",
  },
  "score.score-out-of-band": {
    severity: "error",
    zh: (p) => `填报得分 ${p.score} 不在“${p.grade}”的区间 ${p.band} 内，按默认得分 ${p.used} 计`,
    en: (p) => `The given score ${p.score} is outside the ${p.grade} band ${p.band}; scored ${p.used} (the default)`,
    about: "A hand-given 定性 score lies outside its grade's band; the grade's default score is used.",
  },
  "score.score-ignored": {
    severity: "warning",
    zh: (p) => `定量指标按实际完成值计分，填报得分 ${p.score} 未采用`,
    en: (p) => `A quantitative indicator is scored from its actual; the given score ${p.score} was not used`,
    about: "A quantitative row carries a hand-given score; quantitative rows are scored from their actual.",
  },
  "score.deviation-reason-missing": {
    severity: "warning",
    zh: (p) =>
      p.why === "excess"
        ? `实际完成值达到目标值的 ${p.ratio}% 以上（目标可能偏低），需说明偏差原因`
        : `得分 ${p.score} 低于分值 ${p.weight}，需说明偏差原因`,
    en: (p) =>
      p.why === "excess"
        ? `The actual is ${p.ratio}% of the target or more (the target may be too low); explain the deviation`
        : `The score ${p.score} is below the weight ${p.weight}; explain the deviation`,
    about:
      "A row scored below its weight, or a 正向 actual at or above the policy's ratio of its target, has no 偏差原因.",
  },
  "score.executed-missing": {
    severity: "error",
    zh: () => "缺少全年执行数，预算执行率按 0 计分",
    en: () => "The amount executed is missing; budget execution scores 0",
    about: "The project has no 全年执行数; budget execution scores 0.",
  },
  "score.budget-not-positive": {
    severity: "error",
    zh: (p) => `全年预算数 ${p.budget} 不是正数，无法计算预算执行率`,
    en: (p) => `The budget ${p.budget} is not positive; the execution rate cannot be computed`,
    about: "The project's budget is not positive, so no execution rate exists.",
  },
  "score.over-execution": {
    severity: "error",
    zh: (p) =>
      p.capped === "no"
        ? `预算执行率 ${p.rate}% 超过 100%（执行数大于预算数），按 ${p.scored}% 计分`
        : `预算执行率 ${p.rate}% 超过 100%（执行数大于预算数），按 100% 计分`,
    en: (p) =>
      p.capped === "no"
        ? `The execution rate ${p.rate}% exceeds 100% (more spent than budgeted); scored as ${p.scored}%`
        : `The execution rate ${p.rate}% exceeds 100% (more spent than budgeted); scored as 100%`,
    about:
      "More was spent than budgeted; the rate scores as 100% (the policy may allow it), or as 200% − rate when the policy's capRate switch is false.",
  },
  "score.all-not-applicable": {
    severity: "error",
    zh: () => "全部指标均标为不适用，指标部分按 0 计分",
    en: () => "Every indicator is marked not applicable; the indicator part scores 0",
    about: "Every indicator is marked 不适用 (or the applicable ones weigh nothing); the indicator part scores 0.",
  },
  "score.weight-missing": {
    severity: "error",
    zh: () => "指标未印分值，无法计分（按 0 分计）",
    en: () => "The indicator has no weight printed; it cannot be scored (scored 0)",
    about: "The table prints no 分值 for the row, so it cannot be scored; it scores 0 of 0.",
  },
  "score.weight-sum": {
    severity: "warning",
    zh: (p) => `指标分值合计 ${p.sum}，与评分规则的指标总分 ${p.total} 不符`,
    en: (p) => `The indicator weights sum to ${p.sum}, not the policy's indicator total ${p.total}`,
    about: "The weights do not add up to the policy's indicator total.",
  },
});

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
  const words = SCORING_DIAGNOSTICS.words(code, params);
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

/** Every scoring code, for docs and tests. */
export const SCORING_CODES = Object.keys(SCORING_DIAGNOSTICS.codes) as ScoringCode[];
