/**
 * What a recognised cell may hold, by its column: the closed vocabularies of 表12 (一级/二级
 * labels, 指标性质, 指标方向, a total label) from the core vocabulary, the common units of
 * measure, and the grammar of numbers. Recognition misreads a glyph for a look-alike (覆盖率 →
 * 履盖率, 率 → 3, 合计 → 和让) with full confidence; a cell that does not read as its column
 * expects is either snapped to the one word a glyph away (a repair, flagged) or flagged as is.
 */
import {
  type ColumnKey,
  labelSpellings,
  looksLikeUnit,
  natureSpellings,
  OPERATOR_SPELLINGS,
  parseLevelLabel,
  parseNatureWord,
  parseOperator,
  parseTargetCell,
  totalLabel,
} from "@jixiao/core";
import { deadlineYearRead } from "./ocr-dates.ts";

/** A cell checked against its column: the text to keep, and whether it was changed or is doubtful. */
export interface CellVerdict {
  text: string;
  /** The cell was changed to a vocabulary word (a repair: flag it, log it). */
  corrected: boolean;
  /** The cell does not read as its column expects: flag it. */
  doubtful: boolean;
}

/** What the recognition makes of a ≥ printed alone in a cell (its lower bar and slant read as a 2). */
const GE_READ_AS: readonly string[] = ["2", "Z", "z"];

/** Units of measure common in 表12 (a unit outside this list is flagged, not changed). */
export const COMMON_UNITS: readonly string[] = [
  "%",
  "‰",
  "人",
  "人次",
  "名",
  "户",
  "家",
  "个",
  "项",
  "次",
  "场",
  "期",
  "批",
  "份",
  "篇",
  "册",
  "本",
  "套",
  "台",
  "辆",
  "件",
  "座",
  "处",
  "所",
  "间",
  "条",
  "株",
  "棵",
  "头",
  "只",
  "张",
  "部",
  "类",
  "支",
  "组",
  "天",
  "日",
  "月",
  "个月",
  "年",
  "周",
  "小时",
  "分钟",
  "工作日",
  "元",
  "万元",
  "亿元",
  "千元",
  "元/人",
  "元/年",
  "元/月",
  "元/次",
  "元/户",
  "元/人·年",
  "元/平方米",
  "万元/年",
  "平方米",
  "亩",
  "公顷",
  "公里",
  "千米",
  "米",
  "吨",
  "千克",
  "公斤",
  "立方米",
  "千瓦",
  "分",
  "级",
  "星",
  "个百分点",
  "人/次",
  "万人",
  "万人次",
  "户次",
  "家次",
  "学时",
  "课时",
  "床",
  "页",
];

/**
 * 项目类别 words of budget practice: a category a glyph from one of them (部由预算项目) is read
 * as it (flagged); another category is kept as read (the column is open).
 */
export const PROJECT_CATEGORIES: readonly string[] = [
  "部门预算项目",
  "一般公共预算项目",
  "政府性基金预算项目",
  "国有资本经营预算项目",
  "专项业务费",
  "专项资金项目",
  "基本支出项目",
];

/**
 * A category whose last glyphs were read as Latin junk (一般公共预算Tm电): the read begins with
 * all of one category but its last two glyphs (at least four ideographs, one category only),
 * and what follows holds a Latin letter — no word of a 项目类别.
 */
function categoryTail(text: string): string | null {
  const hits = PROJECT_CATEGORIES.filter((w) => {
    const stem = Array.from(w).slice(0, -2).join("");
    const rest = Array.from(text.slice(stem.length));
    return Array.from(stem).length >= 4 && text.startsWith(stem) && rest.length <= 4 && /[A-Za-z]/.test(rest.join(""));
  });
  return hits.length === 1 ? hits[0]! : null;
}

/**
 * Terms that close many 三级指标 names (…覆盖率, …满意度): a run of a name one glyph away from
 * one of them, where the differing glyph was read as a digit, a Latin letter or a known
 * look-alike, is read as the term. Domain words, not any table's names.
 */
export const NAME_TERMS: readonly string[] = [
  "覆盖率",
  "合格率",
  "完成率",
  "准确率",
  "及时率",
  "满意度",
  "受益率",
  "达标率",
  "到位率",
  "使用率",
  "利用率",
  "执行率",
  "知晓率",
  "参与率",
  "通过率",
  "发放率",
  "就业率",
  "入学率",
  "普及率",
  "完好率",
  "验收合格率",
  "支付率",
  "处置率",
  "办结率",
  "回复率",
  "出勤率",
  "增长率",
  "降低率",
  "提升率",
  "考核",
];

/** Glyphs chi_sim confuses with a glyph of the vocabulary (read → meant). */
export const LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  ["履", "覆"],
  ["複", "覆"],
  ["复", "覆"],
  ["盍", "盖"],
  ["卒", "率"],
  ["宰", "率"],
  ["辜", "率"],
  ["湍", "满"],
  ["荡", "满"],
  ["庹", "度"],
  ["虔", "度"],
  ["让", "计"],
  ["和", "合"],
  ["台", "合"],
  ["价", "计"],
  ["太", "大"],
  // At 150 dpi the Chinese model reads a small 率 as 3.
  ["3", "率"],
]);

/**
 * Glyphs of a unit cell chi_sim misreads (read → meant): a small 万元 reads as 力7. Only in the
 * 计量单位 column, where a digit or 力 is no unit of its own.
 */
export const UNIT_LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  ["力", "万"],
  ["7", "元"],
]);

const CJK = /[\u3400-\u9fff]/;

/** Whether `read` is `word` with one glyph changed, dropped or added (glyphs, not code units). */
export function oneGlyphAway(read: string, word: string): boolean {
  const a = Array.from(read);
  const b = Array.from(word);
  if (a.length === b.length) return a.filter((ch, i) => ch !== b[i]).length === 1;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1 || short.length < 2) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i).join("") === long.slice(i + 1).join("");
}

/** Whether `read` is `word` with one glyph read as a known look-alike of it (太于等于 → 大于等于). */
function lookAlikeOf(read: string, word: string): boolean {
  const a = Array.from(read);
  const b = Array.from(word);
  if (a.length !== b.length) return false;
  const diff = a.flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 1 && LOOK_ALIKES.get(a[diff[0]!]!) === b[diff[0]!];
}

/**
 * The one word of `words` one glyph away from `read`; when several are, the one whose glyph was
 * read as a known look-alike (太于等于: 大于等于, not 小于等于); null when none or still several.
 */
export function nearestWord(read: string, words: readonly string[]): string | null {
  const near = words.filter((w) => oneGlyphAway(read, w));
  if (near.length === 1) return near[0]!;
  const alike = near.filter((w) => lookAlikeOf(read, w));
  return alike.length === 1 ? alike[0]! : null;
}

const LEVEL_WORDS = labelSpellings().filter((w) => Array.from(w).length >= 2);
const DIRECTION_WORDS = [...natureSpellings(), ...[...OPERATOR_SPELLINGS.keys()].filter((w) => CJK.test(w))];
const SYMBOL_OPERATORS = [...OPERATOR_SPELLINGS.keys()].filter((w) => !CJK.test(w));
const TOTAL_WORDS = ["合计", "小计", "总计"];

const ok = (text: string): CellVerdict => ({ text, corrected: false, doubtful: false });
const doubt = (text: string): CellVerdict => ({ text, corrected: false, doubtful: true });
const fix = (text: string): CellVerdict => ({ text, corrected: true, doubtful: true });

/** A closed-vocabulary cell: as read when it is a word, else the one word a glyph away, else doubtful. */
function closed(text: string, valid: (t: string) => boolean, words: readonly string[]): CellVerdict {
  if (valid(text)) return ok(text);
  const near = nearestWord(text, words);
  return near && valid(near) ? fix(near) : doubt(text);
}

/** A number cell (分值, 预算数): digits with one decimal point, thousands separators allowed. */
const PLAIN_NUMBER = /^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$/;

/** Digits chi_sim prints as letters in a number cell (O → 0, l → 1). */
function numberLookAlikes(text: string): string {
  return text
    .replace(/[OoD]/g, "0")
    .replace(/[lI|]/g, "1")
    .replace(/[。，]/g, (c) => (c === "。" ? "." : ","));
}

/** A number cell: as read when a number; a letter read for a digit is repaired; anything else doubtful. */
function numberCell(text: string): CellVerdict {
  if (PLAIN_NUMBER.test(text)) return ok(text);
  const fixed = numberLookAlikes(text);
  return PLAIN_NUMBER.test(fixed) ? fix(fixed) : doubt(text);
}

/** A 指标值 cell: a quantity, a date or words — doubtful when a quantity carries stray glyphs. */
function targetCell(text: string): CellVerdict {
  // A deadline whose 年 was read as digits (2021410月前完成).
  const deadline = deadlineYearRead(text);
  if (deadline) return fix(deadline);
  // ≥ before a percentage recognised as the digit 2: 290% is ≥90% (a rate over 100 % starting
  // with 2 whose rest is a rate); a repair, flagged.
  const ge = /^[2Z]([1-9]\d?(?:\.\d+)?|100)%$/.exec(text);
  if (ge) return fix(`≥${ge[1]}%`);
  const t = parseTargetCell(text);
  if (t.kind === "number") {
    // A quantity's unit, when printed in the cell, reads as a unit; a stray letter does not.
    if (t.unitPrinted && /[A-Za-z|]/.test(t.unitPrinted)) {
      const fixed = numberLookAlikes(text);
      const again = parseTargetCell(fixed);
      return again.kind === "number" && !/[A-Za-z|]/.test(again.unitPrinted ?? "") ? fix(fixed) : doubt(text);
    }
    if (t.unitPrinted && !looksLikeUnit(t.unitPrinted)) return doubt(text);
    return ok(text);
  }
  // Words with a Latin letter or a bar glued to a digit are a misread number (9O, 1l).
  if (/\d[A-Za-z|]|[A-Za-z|]\d/.test(text)) {
    const fixed = numberLookAlikes(text);
    return parseTargetCell(fixed).kind === "number" ? fix(fixed) : doubt(text);
  }
  return ok(text);
}

/**
 * A 三级指标 name: a term of NAME_TERMS misread is repaired — one glyph read as a known
 * look-alike (履盖率 → 覆盖率, 及时3 → 及时率 where 率 prints as 3 at 150 dpi), or the term's
 * last glyph dropped before a number (满意10 → 满意度10). Another glyph there is a word of its
 * own (及时性) and is left alone.
 */
export function nameCell(text: string): CellVerdict {
  const chars = Array.from(text);
  for (const term of NAME_TERMS) {
    const t = Array.from(term);
    for (let at = 0; at + t.length <= chars.length; at++) {
      const window = chars.slice(at, at + t.length);
      const diff = window.flatMap((ch, i) => (ch === t[i] ? [] : [i]));
      if (diff.length !== 1 || LOOK_ALIKES.get(window[diff[0]!]!) !== t[diff[0]!]) continue;
      return fix([...chars.slice(0, at), ...t, ...chars.slice(at + t.length)].join(""));
    }
  }
  for (const term of NAME_TERMS) {
    const t = Array.from(term);
    const stem = t.slice(0, -1).join("");
    if (t.length < 3) continue;
    const m = new RegExp(`${stem}(?=\\d|$)`).exec(text);
    const others = NAME_TERMS.filter((w) => w !== term && w.startsWith(stem) && w.length === term.length);
    if (!m || others.length || text.includes(term)) continue;
    return fix(text.slice(0, m.index) + term + text.slice(m.index + stem.length));
  }
  return ok(text);
}

/**
 * Checks one recognised cell against what its column may hold.
 * @example checkCell("level2", "数量指杯").text // "数量指标"
 * @example checkCell("measure", "人").doubtful // false
 */
export function checkCell(key: ColumnKey | null, raw: string): CellVerdict {
  const text = raw.replace(/\s+/g, "");
  if (!text) return ok(raw);
  switch (key) {
    case "level1":
    case "level2":
      return closed(text, (t) => parseLevelLabel(t) !== null, LEVEL_WORDS);
    case "nature":
    case "polarity":
    case "operator": {
      if (parseNatureWord(text) || parseOperator(text)) return ok(text);
      // ≥ alone in its cell is recognised as the digit 2 (or Z): a digit means nothing here.
      if (GE_READ_AS.includes(text)) return fix("≥");
      // Another lone symbol that is no operator (三 for ≡) cannot be snapped: flag it.
      if (Array.from(text).length <= 2 && !CJK.test(text)) return doubt(text);
      return closed(text, (t) => parseNatureWord(t) !== null || parseOperator(t) !== null, [
        ...DIRECTION_WORDS,
        ...SYMBOL_OPERATORS,
      ]);
    }
    case "measure": {
      if (COMMON_UNITS.includes(text)) return ok(text);
      // Glyphs read as their look-alikes (力7 → 万元).
      const mapped = Array.from(text, (ch) => UNIT_LOOK_ALIKES.get(ch) ?? ch).join("");
      if (mapped !== text && COMMON_UNITS.includes(mapped)) return fix(mapped);
      // The ring of a % blurred (a turned or bitonal scan) read as a digit of its own (9%, 0%),
      // or the whole % read as 96: no unit, and a number is none in this column.
      if (/^[\dOo]%$|^96$/.test(text)) return fix("%");
      const near = Array.from(text).length >= 2 ? nearestWord(text, COMMON_UNITS) : null;
      return near ? fix(near) : doubt(text);
    }
    case "category": {
      if (PROJECT_CATEGORIES.includes(text)) return ok(text);
      const near = nearestWord(text, PROJECT_CATEGORIES) ?? categoryTail(text);
      return near ? fix(near) : ok(raw);
    }
    case "weight":
    case "budget":
      return numberCell(text);
    case "target":
      return targetCell(text);
    case "indicator":
      return nameCell(text);
    default:
      return ok(raw);
  }
}

/**
 * A row label one glyph from 合计/小计/总计 (和让, 台计) in a row with no indicator cells is a total
 * row, not a project; returns the label or null.
 * @example totalWord("和让") // "合计"
 */
export function totalWord(text: string): string | null {
  const t = text.replace(/[\s\u3000:：]+/g, "");
  if (totalLabel(t)) return null;
  if (Array.from(t).length !== 2) return null;
  const chars = Array.from(t);
  for (const w of TOTAL_WORDS) {
    const wc = Array.from(w);
    const diff = chars.flatMap((ch, i) => (ch === wc[i] ? [] : [i]));
    // Every differing glyph a known look-alike (和让), or only the second glyph unread (合让).
    if (diff.every((i) => LOOK_ALIKES.get(chars[i]!) === wc[i]) || (diff.length === 1 && diff[0] === 1)) return w;
  }
  return null;
}
