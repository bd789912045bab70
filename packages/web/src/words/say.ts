/**
 * The words a user reads, in one place (packages/web/src/words/): every code the server or a
 * reader sends — statuses, actions, severities, field paths, rule and repair codes — has a
 * label in Chinese and English here, and no screen shows a code where a word belongs.
 */
export type Lang = "zh" | "en";

/** A label in both languages: [中文, English]. */
export type Words = readonly [zh: string, en: string];

/**
 * @example say(["已批复", "Approved"], "zh") // "已批复"
 */
export function say(w: Words, lang: Lang): string {
  return lang === "zh" ? w[0] : w[1];
}
