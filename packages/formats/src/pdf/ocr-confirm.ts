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
 * - a name two of its readings gave alike (at two scales, or as a line and as a word), read at
 *   AGREED_FLOOR or more, whose every run of three other names print (sure or not);
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

/** The runs of three characters of a text (the whole text when shorter); `numbers`: a run of digits as one sign. */
function trigrams(text: string, numbers = false): string[] {
  const ch = Array.from(numbers ? squash(text).replace(/\d+/g, "#") : squash(text));
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
  names: ReadonlyArray<{ text: string; conf: number; checked?: boolean; agreed?: boolean }>,
  low: number,
): number[] {
  // Runs printed by other names (sure ones; any not doubted by a check).
  const runs = (sureOnly: boolean, numbers = false) => {
    const by = new Map<string, Set<number>>();
    names.forEach((n, i) => {
      if (n.checked || (sureOnly && n.conf < low)) return;
      for (const g of trigrams(n.text, numbers)) {
        const s = by.get(g) ?? new Set<number>();
        s.add(i);
        by.set(g, s);
      }
    });
    return by;
  };
  const sure = runs(true);
  // Two readings alike vouch for the digits (a serial number no other name prints): the runs
  // are compared with each number as one sign.
  const any = runs(false, true);
  const elsewhere = (by: Map<string, Set<number>>, text: string, i: number, numbers = false) =>
    trigrams(text, numbers).every((g) => [...(by.get(g) ?? [])].some((j) => j !== i));
  const out: number[] = [];
  names.forEach((n, i) => {
    if (n.conf >= low || n.checked || Array.from(squash(n.text)).length < 3) return;
    if (n.conf >= NAME_FLOOR && elsewhere(sure, n.text, i)) out.push(i);
    else if (n.agreed && n.conf >= AGREED_FLOOR && elsewhere(any, n.text, i, true)) out.push(i);
  });
  return out;
}

/** The least confidence of a name two readings gave alike, confirmed by runs other names print. */
export const AGREED_FLOOR = 60;

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

/**
 * Whether every line of a cell reads as two of its readings gave it (the first, and a second
 * at another scale or as one word): `lines` are the cell's line crops with their final reading,
 * `readings` every text each crop was read as. A line read surely once needs no second.
 * @example agreedCell([[crop, { text: "甲", conf: 85 }]], new Map([[crop, ["甲", "甲", "由"]]])) // true
 */
export function agreedCell<C>(
  lines: ReadonlyArray<readonly [C, { text: string; conf: number }]>,
  readings: ReadonlyMap<C, readonly string[]>,
  low = 90,
): boolean {
  return (
    lines.length > 0 &&
    lines.every(([c, r]) => r.conf >= low || (readings.get(c) ?? []).filter((t) => t === r.text).length >= 2)
  );
}

/**
 * The cells (`page:table:cell`) every line of which was read alike (agreedCell), from each line
 * crop's final reading and all its readings.
 */
export function cellsReadAlike<C extends { page: number; table: number; cell: number }>(
  results: ReadonlyMap<C, { text: string; conf: number }>,
  readings: ReadonlyMap<C, readonly string[]>,
  low = 90,
): Set<string> {
  const byCell = new Map<string, Array<[C, { text: string; conf: number }]>>();
  for (const [c, r] of results) {
    const k = `${c.page}:${c.table}:${c.cell}`;
    byCell.set(k, [...(byCell.get(k) ?? []), [c, r]]);
  }
  return new Set([...byCell].filter(([, lines]) => agreedCell(lines, readings, low)).map(([k]) => k));
}
