/**
 * Comparison operators (指标方向) in every spelling offices print: symbols in ASCII and
 * full width (≥ >= ＞＝ ≧), words (大于等于, 不低于, 不少于 …), and the suffixes written
 * after a value (95%以上, 3天以内).
 */
import type { Operator } from "../document.ts";

/** The word 表12 prints for each operator. */
export const OPERATOR_WORD: Readonly<Record<Operator, string>> = {
  "=": "等于",
  "≥": "大于等于",
  "≤": "小于等于",
  ">": "大于",
  "<": "小于",
};

/** Every spelling of an operator printed on its own or before a value, longest first. */
export const OPERATOR_SPELLINGS: ReadonlyMap<string, Operator> = new Map(
  (
    [
      ["大于或等于", "≥"],
      ["大于等于", "≥"],
      ["不低于", "≥"],
      ["不少于", "≥"],
      ["不小于", "≥"],
      ["至少", "≥"],
      ["达到", "≥"],
      ["≥", "≥"],
      [">=", "≥"],
      ["＞＝", "≥"],
      ["＞=", "≥"],
      [">＝", "≥"],
      ["≧", "≥"],
      ["⩾", "≥"],
      ["小于或等于", "≤"],
      ["小于等于", "≤"],
      ["不高于", "≤"],
      ["不超过", "≤"],
      ["不多于", "≤"],
      ["不大于", "≤"],
      ["至多", "≤"],
      ["≤", "≤"],
      ["<=", "≤"],
      ["＜＝", "≤"],
      ["＜=", "≤"],
      ["<＝", "≤"],
      ["≦", "≤"],
      ["⩽", "≤"],
      ["等于", "="],
      ["==", "="],
      ["=", "="],
      ["＝", "="],
      ["大于", ">"],
      ["高于", ">"],
      ["多于", ">"],
      ["超过", ">"],
      [">", ">"],
      ["＞", ">"],
      ["小于", "<"],
      ["低于", "<"],
      ["少于", "<"],
      ["<", "<"],
      ["＜", "<"],
    ] as const
  )
    .slice()
    .sort((a, b) => b[0].length - a[0].length),
);

/** Suffixes after a value that state the comparison: 95%以上 (≥), 3天以内 (≤). Longest first. */
export const OPERATOR_SUFFIXES: ReadonlyArray<readonly [string, Operator]> = [
  ["及以上", "≥"],
  ["或以上", "≥"],
  ["以上", "≥"],
  ["及以下", "≤"],
  ["或以下", "≤"],
  ["以下", "≤"],
  ["以内", "≤"],
  ["之内", "≤"],
  ["内", "≤"],
];

const FIRST_CHARS = new Set([...OPERATOR_SPELLINGS.keys()].map((k) => k.charCodeAt(0)));

function squeezeSpaces(text: string): string {
  return /[\s\u3000\u00a0]/.test(text) ? text.replace(/[\s\u3000\u00a0]+/g, "") : text;
}

/**
 * Parses a cell that holds only an operator, as a word or a symbol.
 * @example parseOperator("大于等于") // "≥"
 * @example parseOperator("＞＝") // "≥"
 */
export function parseOperator(text: string): Operator | null {
  const t = squeezeSpaces(text);
  if (t.length === 0 || !FIRST_CHARS.has(t.charCodeAt(0))) return null;
  return OPERATOR_SPELLINGS.get(t) ?? null;
}

/**
 * The operator spelled at the start of `text`, and where the rest begins; null when none.
 * Spaces after the operator are skipped.
 * @example leadingOperator("≥ 95%") // { operator: "≥", printed: "≥", end: 2 }
 */
export function leadingOperator(text: string): { operator: Operator; printed: string; end: number } | null {
  if (text.length === 0 || !FIRST_CHARS.has(text.charCodeAt(0))) return null;
  for (const [spelling, operator] of OPERATOR_SPELLINGS) {
    if (text.startsWith(spelling)) {
      let end = spelling.length;
      while (end < text.length && /[\s\u3000\u00a0]/.test(text[end]!)) end++;
      return { operator, printed: spelling, end };
    }
  }
  return null;
}

/**
 * The operator suffix at the end of `text` (以上, 及以上, 以下, 以内, 内), and where it starts.
 * @example trailingOperator("95%以上") // { operator: "≥", printed: "以上", start: 3 }
 */
export function trailingOperator(text: string): { operator: Operator; printed: string; start: number } | null {
  for (const [suffix, operator] of OPERATOR_SUFFIXES) {
    if (text.endsWith(suffix)) return { operator, printed: suffix, start: text.length - suffix.length };
  }
  return null;
}

/** True for the operators that make a quantitative indicator 反向 (lower is better). */
export function isReverseOperator(op: Operator | null): boolean {
  return op === "≤" || op === "<";
}
