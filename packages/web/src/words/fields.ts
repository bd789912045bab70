/**
 * Places in a table in the table's own words, never a field path:
 * `indicators[0].weight` → `第1条指标 · 分值`, `budget` → `预算数`, `goal` → `年度绩效目标`;
 * and the values of a field-level change as words (no JSON).
 */
import {
  indicatorFieldWords,
  indicatorRowWords,
  OTHER_FIELD_WORDS,
  TABLE_FIELD_WORDS,
} from "@jixiao/core/words/fields.ts";
import type { Project } from "../api/types.ts";
import { type Lang, say, type Words } from "./say.ts";

/** Fields of a project and of an indicator: the column names of the printed 表12 (one table, in core). */
export const FIELD_WORDS: Readonly<Record<string, Words>> = TABLE_FIELD_WORDS;

/** A field name in words. @example fieldName("budget", "zh") // "预算数" */
export function fieldName(key: string, lang: Lang): string {
  return say(FIELD_WORDS[key] ?? OTHER_FIELD_WORDS, lang);
}

/**
 * The indicator row a path points at, in words.
 * @example indicatorWords(0, "退休人员体检覆盖率", "zh") // "第1条指标「退休人员体检覆盖率」"
 */
export function indicatorWords(index: number, name: string | undefined, lang: Lang): string {
  const row = say(indicatorRowWords(index), lang);
  if (!name) return row;
  return lang === "zh" ? `${row}「${name}」` : `${row} "${name}"`;
}

/**
 * A field path in the table's words; the indicator's name is added when the table is given.
 * @example placeWords("indicators[0].weight", undefined, "zh") // "第1条指标 · 分值"
 * @example placeWords("budget", undefined, "en") // "Budget"
 */
export function placeWords(path: string, table: Project | undefined, lang: Lang): string {
  const m = /^indicators\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (!m) return fieldName(path, lang);
  const i = Number(m[1]);
  const row = indicatorWords(i, table?.indicators[i]?.name, lang);
  return m[2] ? `${row} · ${say(indicatorFieldWords(m[2]), lang)}` : row;
}

/**
 * A value of a changed field as words: 是/否, （空）, an indicator by its name and target,
 * a list by its length — never JSON.
 * @example valueWords(true, "zh") // "是"
 * @example valueWords({ name: "覆盖率", target: "100", unit: "%" }, "zh") // "覆盖率（100%）"
 */
export function valueWords(v: unknown, lang: Lang): string {
  if (v === null || v === undefined || v === "") return say(["（空）", "(empty)"], lang);
  if (typeof v === "boolean") return say(v ? ["是", "Yes"] : ["否", "No"], lang);
  if (typeof v === "number" || typeof v === "string") return String(v);
  if (Array.isArray(v)) return lang === "zh" ? `${v.length} 项` : `${v.length} item(s)`;
  const o = v as Record<string, unknown>;
  if (typeof o.name === "string") {
    const target = typeof o.target === "string" ? `${o.target}${typeof o.unit === "string" ? o.unit : ""}` : "";
    return target ? `${o.name}（${target}）` : o.name;
  }
  return say(["（多项内容）", "(several values)"], lang);
}
