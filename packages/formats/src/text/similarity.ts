/**
 * Subject-word similarity by character bigrams: how much of an indicator's name is shared
 * with a project's name, goal and other indicators.
 */

/** The character bigrams of a text, skipping digits, ASCII and punctuation. */
export function bigrams(text: string, into: Set<string> = new Set()): Set<string> {
  let prev = "";
  for (const ch of text) {
    const cjk = ch >= "\u3400" && ch <= "\u9fff";
    if (cjk && prev) into.add(prev + ch);
    prev = cjk ? ch : "";
  }
  return into;
}

/**
 * Share of the bigrams of `text` found in `profile` (0 when the text has none).
 * @example containment("劳模津贴发放人数", bigrams("劳模津贴")) // 3/7
 */
export function containment(text: string, profile: ReadonlySet<string>): number {
  const own = bigrams(text);
  if (own.size === 0) return 0;
  let hit = 0;
  for (const b of own) if (profile.has(b)) hit++;
  return hit / own.size;
}
