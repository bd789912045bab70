/**
 * Subject-word similarity by character bigrams: how much of an indicator's name is shared
 * with a project's name, goal and other indicators. Bigrams are packed into numbers
 * (two CJK code units in one small integer) so sets stay cheap on large inputs.
 */

function isCjk(c: number): boolean {
  return c >= 0x3400 && c <= 0x9fff;
}

/** Packs two CJK code units into one small integer (a V8 Smi: no heap numbers in the sets). */
function pack(a: number, b: number): number {
  return (a - 0x3400) * 0x6c00 + (b - 0x3400);
}

/** The character bigrams of a text, skipping digits, ASCII and punctuation. */
export function bigrams(text: string, into: Set<number> = new Set()): Set<number> {
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) {
      if (prev >= 0) into.add(pack(prev, c));
      prev = c;
    } else prev = -1;
  }
  return into;
}

/**
 * Share of the bigrams of `text` found in `profile` (0 when the text has none).
 * @example containment("劳模津贴", bigrams("劳模津贴发放")) // 1
 */
export function containment(text: string, profile: ReadonlySet<number>): number {
  let own = 0;
  let hit = 0;
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) {
      if (prev >= 0) {
        own++;
        if (profile.has(pack(prev, c))) hit++;
      }
      prev = c;
    } else prev = -1;
  }
  return own === 0 ? 0 : hit / own;
}
