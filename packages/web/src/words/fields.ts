/**
 * Places in a table in the table's own words, never a field path:
 * `indicators[0].weight` → `第1条指标 · 分值`, `budget` → `预算数`, `goal` → `年度绩效目标`;
 * and the values of a field-level change as words (no JSON).
 */
import type { Project } from "../api/types.ts";
import { type Lang, say, type Words } from "./say.ts";

/** Fields of a project and of an indicator: the column names of the printed 表12. */
export const FIELD_WORDS: Record<string, Words> = {
  name: ["项目名称", "Project name"],
  unitCode: ["单位编码", "Unit code"],
  unitName: ["项目单位", "Unit"],
  category: ["项目类别", "Category"],
  budget: ["预算数", "Budget"],
  goal: ["年度绩效目标", "Annual goal"],
  indicators: ["指标", "Indicators"],
  executed: ["全年执行数", "Amount spent"],
  initialBudget: ["年初预算数", "Initial budget"],
  level1: ["一级指标", "Level 1"],
  level2: ["二级指标", "Level 2"],
  level1Label: ["一级指标（原文）", "Level 1 (as printed)"],
  level2Label: ["二级指标（原文）", "Level 2 (as printed)"],
  nature: ["指标性质", "Nature"],
  operator: ["指标方向", "Direction"],
  target: ["目标值", "Target"],
  unit: ["计量单位", "Unit of measure"],
  weight: ["分值", "Weight"],
  standard: ["绩效标准", "Standard"],
  actual: ["实际完成值", "Actual value"],
  grade: ["评价等级", "Grade"],
  score: ["得分", "Score"],
  notApplicable: ["不适用", "Not applicable"],
  deviationReason: ["偏差原因", "Reason for deviation"],
  id: ["指标标识", "Indicator identity"],
};

const OTHER: Words = ["其他字段", "Other field"];

/** A field name in words. @example fieldName("budget", "zh") // "预算数" */
export function fieldName(key: string, lang: Lang): string {
  return say(FIELD_WORDS[key] ?? OTHER, lang);
}

/**
 * The indicator row a path points at, in words.
 * @example indicatorWords(0, "退休人员体检覆盖率", "zh") // "第1条指标「退休人员体检覆盖率」"
 */
export function indicatorWords(index: number, name: string | undefined, lang: Lang): string {
  const row = lang === "zh" ? `第${index + 1}条指标` : `Indicator ${index + 1}`;
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
  return m[2] ? `${row} · ${fieldName(m[2], lang)}` : row;
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
