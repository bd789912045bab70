/** The words of the self-evaluation campaign pages, Chinese first with English beside. */
import type { BudgetAdvice, SelfEvalStatus } from "../../api/self-eval-types.ts";
import type { Tone } from "../../components/status-tag.tsx";

export type Pair = readonly [zh: string, en: string];

export const SE_STATUS_WORDS: Readonly<Record<SelfEvalStatus, Pair>> = {
  none: ["未开始", "Not started"],
  draft: ["填报中", "Being filled"],
  submitted: ["已提交待审核", "Submitted"],
  returned: ["已退回待修改", "Returned"],
  accepted: ["部门已审核通过", "Accepted"],
};

/** Tag tones per status (components/status-tag.tsx: AA contrast). */
export const SE_STATUS_TONE: Readonly<Record<SelfEvalStatus, Tone>> = {
  none: "neutral",
  draft: "info",
  submitted: "warning",
  returned: "danger",
  accepted: "success",
};

export const ADVICE_TONE: Readonly<Record<BudgetAdvice["action"], Tone>> = {
  priority: "success",
  "as-needed": "info",
  reduce: "warning",
  cancel: "danger",
};

export const ADVICE_WORDS: Readonly<Record<BudgetAdvice["action"], Pair>> = {
  priority: ["优先保障", "Priority"],
  "as-needed": ["按需安排", "As needed"],
  reduce: ["压减预算", "Reduce"],
  cancel: ["取消或暂停", "Cancel or pause"],
};

/** The 偏差/一致性 words a finding code maps to when the server sends no message (never shown raw). */
export const FINDING_WORDS: Readonly<Record<string, Pair>> = {
  "self-eval.high-score-low-spending": [
    "高分低支：指标得分率明显高于预算执行得分率",
    "High score, low spending: the indicators score far better than the budget was spent",
  ],
  "self-eval.zero-budget": ["预算为零", "The budget is zero"],
  "self-eval.unspent-budget": ["预算结余较多：超过两成预算未执行", "More than a fifth of the budget unspent"],
  "self-eval.target-too-low": [
    "实际完成值远超年度指标值，指标值可能设定偏低",
    "The actual is far above the target: the target may have been set too low",
  ],
  "self-eval.deviation-reason-missing": [
    "得分低于分值，须填写偏差原因分析及改进措施",
    "Scored below its weight: give the deviation reason and the improvement",
  ],
};

/** Picks the word of a pair in the current language. */
export function word(pair: Pair, lang: "zh" | "en"): string {
  return lang === "zh" ? pair[0] : pair[1];
}

/** A finding's words: the server's message in the current language, else the known words, else a generic line. */
export function findingText(f: { code: string; message?: string; messageEn?: string }, lang: "zh" | "en"): string {
  const own = lang === "zh" ? f.message : (f.messageEn ?? f.message);
  if (own) return own;
  const known = FINDING_WORDS[f.code];
  return known ? word(known, lang) : lang === "zh" ? "需要核实的情况" : "Something to check";
}

/** The advice in words: the policy's own label, else the action's words. */
export function adviceText(a: BudgetAdvice, lang: "zh" | "en"): string {
  const own = lang === "zh" ? a.labelZh : a.labelEn;
  return own || word(ADVICE_WORDS[a.action], lang);
}
