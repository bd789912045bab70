/**
 * Evidence that a cell read a little unsure is right, so it is not flagged (a false alarm costs
 * a reviewer's look; two thirds of the exact indicators of a scan used to carry one):
 *
 * - a 三级指标 name read at NAME_FLOOR or more, none of whose checks doubted it, whose every run
 *   of three characters the table prints in other names read surely (≥ the flagging line): a
 *   misread glyph makes runs no sure name prints (帮扶救助 → 帮抉救助), a department's names
 *   share their words;
 * - a 指标性质 and a 指标方向 read at WORD_FLOOR or more that agree (反向 with ≤ or <, 正向 with
 *   ≥, > or =): a misread 正/反 or 大/小 makes them disagree.
 *
 * - a 一级/二级 label read as a word of the vocabulary no other word is one glyph from
 *   (社会效益: 经济效益 is two away; 数量指标 / 质量指标 are one apart and stay flagged), at
 *   LABEL_FLOOR or more: a misreading would have to change two glyphs into another label.
 *
 * Weights are confirmed by the department's weight total (ocr-flags.ts). A cell repaired or
 * doubted by a check is never confirmed.
 */
import { labelSpellings, parseNatureWord, parseOperator } from "@jixiao/core";
import { oneGlyphAway } from "./ocr-vocabulary.ts";

/** The least confidence of a name confirmed by the names the table prints surely. */
export const NAME_FLOOR = 75;
/** The least confidence of a 指标性质 / 指标方向 word confirmed by the other. */
export const WORD_FLOOR = 50;

const squash = (s: string) => s.replace(/\s+/g, "");

/** The runs of three characters of a text (the whole text when shorter). */
function trigrams(text: string): string[] {
  const ch = Array.from(squash(text));
  if (ch.length < 3) return [ch.join("")];
  return ch.slice(0, -2).map((_, i) => ch.slice(i, i + 3).join(""));
}

/**
 * Which unsure names the sure ones confirm. `names` are the table's name cells: text,
 * confidence, and whether a check repaired or doubted them (`checked`); `low` is the flagging
 * line. Returns the indices of the names to take as read surely.
 * @example confirmNames([{ text: "帮扶救助完成率1", conf: 96 }, { text: "帮扶救助完成率1", conf: 85 }], 90) // [1]
 */
export function confirmNames(
  names: ReadonlyArray<{ text: string; conf: number; checked?: boolean }>,
  low: number,
): number[] {
  // Runs printed by sure names: a run counts for a name only when another name prints it.
  const sure = new Map<string, Set<number>>();
  names.forEach((n, i) => {
    if (n.conf < low || n.checked) return;
    for (const g of trigrams(n.text)) {
      const s = sure.get(g) ?? new Set<number>();
      s.add(i);
      sure.set(g, s);
    }
  });
  const out: number[] = [];
  names.forEach((n, i) => {
    if (n.conf >= low || n.conf < NAME_FLOOR || n.checked || Array.from(squash(n.text)).length < 3) return;
    if (trigrams(n.text).every((g) => [...(sure.get(g) ?? [])].some((j) => j !== i))) out.push(i);
  });
  return out;
}

/**
 * Whether a 指标性质 word and a 指标方向 read in the same row agree: 反向 with ≤ or <, 正向 with
 * ≥, > or =. (定性 rows print no direction: nothing to agree.)
 * @example natureAgrees("反向", "小于等于") // true
 */
export function natureAgrees(nature: string, operator: string): boolean {
  const n = parseNatureWord(squash(nature));
  const o = parseOperator(squash(operator));
  if (n === "反向") return o === "≤" || o === "<";
  if (n === "正向") return o === "≥" || o === ">" || o === "=";
  return false;
}

/** The least confidence of a 一级/二级 label confirmed by being a distinct word of the vocabulary. */
export const LABEL_FLOOR = 60;

/**
 * Whether a label is a word of the 一级/二级 vocabulary that no other word is one glyph from.
 * @example distinctLabel("社会效益") // true
 * @example distinctLabel("数量指标") // false (质量指标)
 */
export function distinctLabel(text: string): boolean {
  const t = squash(text);
  const words = labelSpellings().filter((w) => Array.from(w).length >= 2);
  return words.includes(t) && !words.some((w) => w !== t && oneGlyphAway(t, w));
}
