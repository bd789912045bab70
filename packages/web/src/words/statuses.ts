/** Workflow statuses of a project version and of a monitoring table, in words. */
import type { Status } from "../api/types.ts";
import { type Lang, say, type Words } from "./say.ts";

export const STATUS_WORDS: Record<Status, Words> = {
  draft: ["草稿", "Draft"],
  submitted: ["已提交", "Submitted"],
  approved: ["已批复", "Approved"],
  returned: ["已退回", "Returned"],
  voided: ["已作废", "Voided"],
};

/**
 * A status in words; an unknown status reads as 其他状态 rather than as its code.
 * @example statusWords("approved", "zh") // "已批复"
 */
export function statusWords(s: string, lang: Lang): string {
  const w = (STATUS_WORDS as Record<string, Words>)[s];
  return w ? say(w, lang) : say(["其他状态", "Other status"], lang);
}

/**
 * A version with its status: `第1版 · 已批复`, `v1 · Approved`.
 * @example versionWords(1, "approved", "zh") // "第1版 · 已批复"
 */
export function versionWords(versionNo: number, status: string | null, lang: Lang): string {
  const v = lang === "zh" ? `第${versionNo}版` : `v${versionNo}`;
  return status ? `${v} · ${statusWords(status, lang)}` : v;
}
