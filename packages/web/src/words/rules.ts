/** Review rules by their titles (the rule files' own zh/en titles), never by their codes. */
import { ruleByCode } from "@jixiao/core/rules/all-rules.ts";
import { type Lang, say } from "./say.ts";

/**
 * @example ruleTitle("consistency.goal-cites-document-only", "zh") // "绩效目标只引用文件"
 */
export function ruleTitle(code: string, lang: Lang): string {
  const r = ruleByCode(code);
  return r ? say([r.title.zh, r.title.en], lang) : say(["其他审核意见", "Other finding"], lang);
}
