/** The words of the monitoring pages, Chinese first with English beside (one place, not i18n.tsx). */
import type { DeviationCause, Light, Likelihood } from "@jixiao/core/monitoring/index.ts";
import type { ReportStatus } from "./types.ts";

type Pair = readonly [zh: string, en: string];

export const LIGHT_WORDS: Readonly<Record<Light, Pair>> = {
  red: ["红灯", "Red"],
  yellow: ["黄灯", "Yellow"],
  green: ["绿灯", "Green"],
};

export const STATUS_WORDS: Readonly<Record<ReportStatus, Pair>> = {
  draft: ["待填报", "To fill"],
  submitted: ["已报送", "Submitted"],
  accepted: ["部门已确认", "Accepted"],
  returned: ["已退回", "Returned"],
};

export const LIKELIHOOD_WORDS: Readonly<Record<Likelihood, Pair>> = {
  确定能: ["确定能", "Certain"],
  有可能: ["有可能", "Possible"],
  完全不可能: ["完全不可能", "Impossible"],
};

export const CAUSE_WORDS: Readonly<Record<DeviationCause, Pair>> = {
  经费保障: ["经费保障", "Funding"],
  制度保障: ["制度保障", "Rules and procedures"],
  人员保障: ["人员保障", "Staffing"],
  硬件条件保障: ["硬件条件保障", "Equipment and facilities"],
  其他: ["其他", "Other"],
};

export const DECISION_WORDS: Readonly<Record<"暂缓拨款" | "整改", Pair>> = {
  暂缓拨款: ["暂缓拨款", "Hold funds"],
  整改: ["整改", "Correct"],
};

/** Picks the word of a pair in the current language. */
export function word(pair: Pair, lang: "zh" | "en"): string {
  return lang === "zh" ? pair[0] : pair[1];
}

/** The shipped monitoring presets by name; a region's own settings keep the name it gave them. */
export const POLICY_WORDS: Readonly<Record<string, Pair>> = {
  default: ["默认规则", "Default"],
  strict: ["从严规则", "Strict"],
};
