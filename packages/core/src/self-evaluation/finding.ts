/**
 * Findings of a self-evaluation as a whole (绩效自评): consistency between score and spending,
 * missing explanations, the funding split. Same keys as scoring's findings (scoring/finding.ts)
 * plus `where`, a JSON Pointer into the project (or its funding split) naming the cell at fault,
 * so the lists can be shown together. Every code's severity and words live in SELF_EVAL_DIAGNOSTICS,
 * which docs/DIAGNOSTICS.md is generated from.
 */
import type { Severity } from "../model/diagnostic.ts";
import { defineDiagnostics } from "../model/diagnostic-registry.ts";

/** Stable codes of self-evaluation findings. */
export type SelfEvalCode =
  | "self-eval.high-score-low-spending"
  | "self-eval.zero-budget"
  | "self-eval.unspent-budget"
  | "self-eval.target-too-low"
  | "self-eval.deviation-reason-missing"
  | "self-eval.funding-sum"
  | "self-eval.funding-not-numeric";

/** The field a self-evaluation finding points at. */
export type SelfEvalField = "executed" | "budget" | "actual" | "target" | "deviationReason" | "funding";

/** Same key order as scoring's findings, with `where` after `field`. */
export interface SelfEvalFinding {
  code: SelfEvalCode;
  severity: Severity;
  project: string;
  projectIndex: number;
  /** Indicator name (三级指标); null for project-level findings. */
  indicator: string | null;
  indicatorIndex: number | null;
  field: SelfEvalField;
  /** JSON Pointer of the cell at fault: "/executed", "/indicators/3/target", "/funding/fiscal/full". */
  where: string;
  message: string;
  messageEn: string;
}

/** Where a finding points. */
export interface SelfEvalPlace {
  project: string;
  projectIndex: number;
  indicator?: string;
  indicatorIndex?: number;
}

const FIELD: Record<SelfEvalCode, SelfEvalField> = {
  "self-eval.high-score-low-spending": "executed",
  "self-eval.zero-budget": "budget",
  "self-eval.unspent-budget": "executed",
  "self-eval.target-too-low": "target",
  "self-eval.deviation-reason-missing": "deviationReason",
  "self-eval.funding-sum": "funding",
  "self-eval.funding-not-numeric": "funding",
};

/** Every self-evaluation code's severity and words. */
export const SELF_EVAL_DIAGNOSTICS = defineDiagnostics<SelfEvalCode>("@jixiao/core", "self-evaluation", {
  "self-eval.high-score-low-spending": {
    severity: "warning",
    zh: "指标得分率 {indicatorRate}% 高于预算执行得分率 {executionRate}% 超过 {excess}%（相对），高分低支出，请核实",
    en: "The indicators' score rate {indicatorRate}% exceeds the execution score rate {executionRate}% by more than {excess}% (relative): high score, low spending; please check",
    about:
      "The indicator part's score ÷ its total exceeds the execution score ÷ its weight by more than the policy's consistency.scoreRateExcess (5% relative by default).",
  },
  "self-eval.zero-budget": {
    severity: "warning",
    zh: "全年预算数为 0，无法评价预算执行，请核实资金安排",
    en: "The budget is 0; budget execution cannot be evaluated; check the funding",
    about: "A project with a budget of 0 is self-evaluated: its execution cannot be judged.",
  },
  "self-eval.unspent-budget": {
    severity: "warning",
    zh: "预算结余 {unspent}，占全年预算数的 {share}%，超过 {limit}%，请说明原因",
    en: "{unspent} of the budget is unspent, {share}% of it, more than {limit}%; explain why",
    about: "More of the budget is unspent than the policy's consistency.unspentShare (20% by default).",
  },
  "self-eval.target-too-low": {
    severity: "warning",
    zh: "实际完成值 {actual} 达到目标值 {target} 的 {ratio} 倍以上，目标可能设定偏低",
    en: "The actual {actual} is {ratio} times the target {target} or more; the target may have been set too low",
    about:
      "A 正向 actual at or above the policy's consistency.targetTooLowRatio (2 by default) times its positive target.",
  },
  "self-eval.deviation-reason-missing": {
    severity: "warning",
    zh: (p) =>
      p.why === "excess"
        ? "实际完成值超出目标较多，需填写偏差原因分析及改进措施"
        : `得分 ${p.score} 低于分值 ${p.weight}，需填写偏差原因分析及改进措施`,
    en: (p) =>
      p.why === "excess"
        ? "The actual is far beyond the target; give the deviation's reason and the improvement"
        : `The score ${p.score} is below the weight ${p.weight}; give the deviation's reason and the improvement`,
    about:
      "An indicator scored below its weight (or far beyond its target, as the policy's over-achievement ratio says) has no 偏差原因分析及改进措施; submission is refused until it has.",
  },
  "self-eval.funding-sum": {
    severity: "error",
    zh: "{column}：本年财政拨款、上年结转与其他资金合计 {sum}，与年度资金总额 {total} 不符",
    en: "{columnEn}: fiscal, carry-over and other funds add up to {sum}, not the total {total}",
    about:
      "In a column of the funding split (年初预算数, 全年预算数, 全年执行数) the parts do not add up to 年度资金总额, exactly.",
  },
  "self-eval.funding-not-numeric": {
    severity: "error",
    zh: "资金情况“{value}”不是数值",
    en: 'The funding amount "{value}" is not a number',
    about: "A cell of the funding split is not a number (blank is allowed).",
  },
});

/**
 * Builds a finding with its words from the catalogue.
 * @example selfEvalFinding("self-eval.zero-budget", { project: "体检费", projectIndex: 0 }, "/budget").field // "budget"
 */
export function selfEvalFinding(
  code: SelfEvalCode,
  place: SelfEvalPlace,
  where: string,
  params: Record<string, string> = {},
): SelfEvalFinding {
  const words = SELF_EVAL_DIAGNOSTICS.words(code, params);
  return {
    code,
    severity: SELF_EVAL_DIAGNOSTICS.codes[code].severity,
    project: place.project,
    projectIndex: place.projectIndex,
    indicator: place.indicator ?? null,
    indicatorIndex: place.indicatorIndex ?? null,
    field: FIELD[code],
    where,
    message: words.message,
    messageEn: words.messageEn,
  };
}

/** Every self-evaluation code, for docs and tests. */
export const SELF_EVAL_CODES = Object.keys(SELF_EVAL_DIAGNOSTICS.codes) as SelfEvalCode[];
