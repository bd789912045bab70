/**
 * The grammar of a target (指标值) cell, read the same way by every reader, the review,
 * scoring and the web editor:
 *
 *   cell     = [operator] number [unit] [suffix]  → a quantity  (≥95%, ≤65万元, =300天, 95%以上)
 *            | date                                → 定性 text    (2023年12月底前, 2024年12月前完成)
 *            | anything else                       → 定性 text    (有效保障, 参照政府采购成本控制)
 *
 * A date or deadline is never split into a number and a unit; a quantity whose remainder
 * holds more digits (90%-100%, 1:2) is text as well.
 */
import type { Operator } from "../document.ts";
import { type ReadNumber, readNumberAt } from "./numbers.ts";
import { leadingOperator, trailingOperator } from "./operators.ts";

/** A target cell as read. */
export interface TargetCell {
  /** The cell as given. */
  printed: string;
  /** The cell without whitespace (line wraps and padding removed). */
  text: string;
  /** empty; number (a quantity); date (a date or deadline); text (anything else). */
  kind: "empty" | "number" | "date" | "text";
  /** The operator written inside the cell (before the number, or as 以上/以内 after it). */
  operator: Operator | null;
  /** The operator as printed ("＞＝", "不低于", "以上"), or null. */
  operatorPrinted: string | null;
  /** The number, exactly; null unless kind is "number". */
  number: ReadNumber | null;
  /** The unit written after the number, normalised (％ and 百分比 → %); null when none. */
  unit: string | null;
  /** The unit as printed, or null. */
  unitPrinted: string | null;
  /** True unless the cell is a quantity: a date, a deadline, words, or empty. */
  qualitative: boolean;
  /** A date or a deadline (2024年12月前完成, 12月底前, 年底前). */
  deadline: boolean;
}

const SPACE = /[\s\u3000\u00a0]+/g;

/** A cell starting with a date: 2024年…, 2024-12-31, 2024.12.31, 2024/12, 12月底前, 6月30日. */
const DATE_START =
  /^(?:(?:19|20)\d{2}\s*(?:年|[-/]\d{1,2}|\.\d{1,2}(?:\.\d{1,2}|前|底|末|月|完成))|(?:[1-9]|1[0-2])月(?:底|末|份|前|中|上|下|内|初|\d))/;

/** Deadline words without a date: 年底前, 年内完成, 按期完成, 截止… */
const DEADLINE_WORDS = /(?:年|月|季度?|旬)(?:底|末|内|初)|(?:之|以)前|截[止至]|按期|按时|前完成$/;

/** Unit spellings that mean the same unit. */
const UNIT_ALIASES: ReadonlyMap<string, string> = new Map([
  ["％", "%"],
  ["百分比", "%"],
  ["百分率", "%"],
]);

/** Characters a unit never contains (sentence punctuation, digits are checked apart). */
const NOT_UNIT = /[，,。；;、：:！？!?（）()【】[\]“”"'‘’]/;
const MAX_UNIT = 8;

/**
 * Normalises a unit of measure: whitespace removed, ％/百分比 → %.
 * @example normalizeUnit(" 百分比 ") // "%"
 */
export function normalizeUnit(unit: string): string {
  const u = hasSpace(unit) ? unit.replace(SPACE, "") : unit;
  return UNIT_ALIASES.get(u) ?? u;
}

/**
 * True when a cell reads as a unit of measure: short, no digits, no sentence punctuation
 * (%, 人, 万元, 元/人, 平方米, 个月 …).
 * @example looksLikeUnit("元/人") // true
 * @example looksLikeUnit("有效保障，长期") // false
 */
export function looksLikeUnit(cell: string): boolean {
  const u = cell.replace(SPACE, "");
  return u.length > 0 && u.length <= MAX_UNIT && !hasDigit(u) && !NOT_UNIT.test(u);
}

const HAS_SPACE = /\s/;

function hasSpace(s: string): boolean {
  return HAS_SPACE.test(s);
}

/** "（含）" after a value or its unit (95%（含）以上, 95%以上（含）) says the bound is included: ≥/≤ already do. */
function withoutInclusive(tail: string): string {
  return tail.endsWith("含)") || tail.endsWith("含）") ? tail.replace(/[（(]含[）)]$/, "") : tail;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) return true;
  }
  return false;
}

function isSymbolic(spelling: string): boolean {
  return !/[\u4e00-\u9fff]/.test(spelling);
}

function textCell(printed: string, text: string, operator: Operator | null, opPrinted: string | null): TargetCell {
  const date = DATE_START.test(text);
  return {
    printed,
    text,
    kind: text === "" ? "empty" : date ? "date" : "text",
    operator,
    operatorPrinted: opPrinted,
    number: null,
    unit: null,
    unitPrinted: null,
    qualitative: true,
    deadline: date || DEADLINE_WORDS.test(text),
  };
}

/**
 * Reads a target cell by the grammar above.
 * @example parseTargetCell("≥95%") // { kind: "number", operator: "≥", number: { value: 95, … }, unit: "%", … }
 * @example parseTargetCell("≤65万元").unit // "万元"
 * @example parseTargetCell("95%以上").operator // "≥"
 * @example parseTargetCell("2024年12月前完成").kind // "date"
 */
export function parseTargetCell(cell: string | number | null | undefined): TargetCell {
  const printed = typeof cell === "string" ? cell : cell === null || cell === undefined ? "" : String(cell);
  const text = hasSpace(printed) ? printed.replace(SPACE, "") : printed;
  if (text === "") return textCell(printed, text, null, null);
  let rest = text;
  let leadOp: Operator | null = null;
  let leadPrinted: string | null = null;
  const lead = leadingOperator(text);
  if (lead) {
    const after = text.slice(lead.end);
    // A word (不低于, 达到) counts as an operator only before a number; a symbol always does.
    if (isSymbolic(lead.printed) || readNumberAt(after, 0)) {
      leadOp = lead.operator;
      leadPrinted = lead.printed;
      rest = after;
    }
  }
  let operator = leadOp;
  let opPrinted = leadPrinted;
  if (DATE_START.test(rest)) {
    return { ...textCell(printed, text, null, null), kind: "date", deadline: true };
  }
  const num = readNumberAt(rest, 0);
  if (!num) return textCell(printed, text, leadOp, leadPrinted);
  let tail = withoutInclusive(rest.slice(num.end));
  const trail = tail.length > 0 ? trailingOperator(tail) : null;
  if (trail && (trail.printed !== "内" || trail.start > 0)) {
    tail = withoutInclusive(tail.slice(0, trail.start));
    if (operator === null) {
      operator = trail.operator;
      opPrinted = trail.printed;
    }
  }
  if (tail.length > MAX_UNIT || hasDigit(tail) || NOT_UNIT.test(tail)) {
    return textCell(printed, text, leadOp, leadPrinted);
  }
  return {
    printed,
    text,
    kind: "number",
    operator,
    operatorPrinted: opPrinted,
    number: { text: num.text, value: num.value, printed: num.printed },
    unit: tail === "" ? null : normalizeUnit(tail),
    unitPrinted: tail === "" ? null : tail,
    qualitative: false,
    deadline: false,
  };
}

/**
 * The number of a target in the indicator's own unit: the cell's number when the cell prints
 * no unit, the indicator's unit, or % (for a % indicator or none); null otherwise (a different
 * unit, a date, words).
 * @example targetValue(parseTargetCell("70人"), "人") // 70
 * @example targetValue(parseTargetCell("6.5万元"), "元") // null
 */
export function targetValue(cell: TargetCell, indicatorUnit: string | null): number | null {
  if (cell.number === null) return null;
  if (cell.unit === null) return cell.number.value;
  const own = indicatorUnit ? normalizeUnit(indicatorUnit) : "";
  if (cell.unit === own || (own === "" && cell.unit === "%")) return cell.number.value;
  return null;
}
