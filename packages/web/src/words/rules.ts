/**
 * Review rules by their titles (the rule files' own zh/en titles), never by their codes. The titles
 * come from rule-titles.ts, generated from core's rules (npm run gen:rule-titles, drift-tested), so
 * the pages that show them do not bundle the rule engine.
 */
import { RULE_TITLES } from "./rule-titles.ts";
import { type Lang, say } from "./say.ts";

/**
 * @example ruleTitle("consistency.goal-cites-document-only", "zh") // "绩效目标只引用文件"
 */
export function ruleTitle(code: string, lang: Lang): string {
  return say(RULE_TITLES[code] ?? ["其他审核意见", "Other finding"], lang);
}
