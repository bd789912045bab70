/**
 * THE table of field words: the columns of a performance-target table (表12) and of its
 * self-evaluation, as the printed table names them, in Chinese and English. The web app names
 * cells with it, the server names fields in the audit log and in refused requests with it, so
 * a reader never sees `indicators[0].weight` or `budget` where a column name belongs.
 */

/** A label in both languages: [中文, English]. */
export type FieldWords = readonly [zh: string, en: string];

/** Fields of a project and of an indicator: the column names of the printed 表12. */
export const TABLE_FIELD_WORDS: Readonly<Record<string, FieldWords>> = {
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

/** Fields whose name differs on an indicator's row (an indicator's `name` is its 指标名称). */
const INDICATOR_FIELD_WORDS: Readonly<Record<string, FieldWords>> = {
  name: ["指标名称", "Indicator name"],
};

/** What an unknown field reads as (never its key). */
export const OTHER_FIELD_WORDS: FieldWords = ["其他字段", "Other field"];

/**
 * The indicator row at a 0-based index, in words.
 * @example indicatorRowWords(0) // ["第1条指标", "Indicator 1"]
 */
export function indicatorRowWords(index: number): FieldWords {
  return [`第${index + 1}条指标`, `Indicator ${index + 1}`];
}

/**
 * A field of an indicator's row in words.
 * @example indicatorFieldWords("name") // ["指标名称", "Indicator name"]
 */
export function indicatorFieldWords(key: string): FieldWords {
  return INDICATOR_FIELD_WORDS[key] ?? TABLE_FIELD_WORDS[key] ?? OTHER_FIELD_WORDS;
}

/**
 * A place in a table given as a field path — `indicators[0].weight` or a JSON pointer such as
 * `/project/indicators/0/weight` — in the table's words; null when the path names no table
 * field (the caller then uses its own words).
 * @example tablePlaceWords("indicators[0].weight") // ["第1条指标 · 分值", "Indicator 1 · Weight"]
 * @example tablePlaceWords("/project/budget") // ["预算数", "Budget"]
 * @example tablePlaceWords("/password") // null
 */
export function tablePlaceWords(path: string): FieldWords | null {
  const parts = path
    .replace(/\[(\d+)\]/g, "/$1")
    .split(/[/.]/)
    .filter((x) => x !== "");
  const at = parts.lastIndexOf("indicators");
  if (at >= 0 && /^\d+$/.test(parts[at + 1] ?? "")) {
    const row = indicatorRowWords(Number(parts[at + 1]));
    const field = parts[at + 2];
    if (field === undefined) return row;
    const w = indicatorFieldWords(field);
    return [`${row[0]} · ${w[0]}`, `${row[1]} · ${w[1]}`];
  }
  const last = parts.filter((x) => !/^\d+$/.test(x)).at(-1);
  return (last !== undefined && TABLE_FIELD_WORDS[last]) || null;
}
