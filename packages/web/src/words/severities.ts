/** Severities of findings and diagnostics, in words. */
import { type Lang, say, type Words } from "./say.ts";

export type Severity = "error" | "warning" | "info";

export const SEVERITY_WORDS: Record<Severity, Words> = {
  error: ["错误", "Error"],
  warning: ["警告", "Warning"],
  info: ["提示", "Note"],
};

/**
 * @example severityWords("warning", "zh") // "警告"
 */
export function severityWords(s: string, lang: Lang): string {
  const w = (SEVERITY_WORDS as Record<string, Words>)[s];
  return w ? say(w, lang) : say(["提示", "Note"], lang);
}
