/**
 * The columns of a flat target table (表12 and its relatives): the keys jixiao knows, the
 * header each is printed under, and the header names other published layouts use for it.
 * Headers are found by name, never by position.
 */

/** A column jixiao reads or writes. */
export type ColumnKey =
  | "seq"
  | "name"
  | "unit"
  | "category"
  | "budget"
  | "goal"
  | "level1"
  | "level2"
  | "indicator"
  | "nature"
  | "operator"
  | "polarity"
  | "target"
  | "measure"
  | "weight"
  | "standard"
  | "executed"
  | "initialBudget"
  | "actual"
  | "grade"
  | "score"
  | "notApplicable"
  | "deviationReason"
  | "title"
  | "department"
  | "fiscalYear"
  | "total"
  | "notes";

/** Header printed for each column (budget gets its money unit appended in CSV). */
export const HEADER: Record<ColumnKey, string> = {
  seq: "项目序号",
  name: "项目名称",
  unit: "项目单位",
  category: "项目类别",
  budget: "预算数",
  goal: "年度绩效目标",
  level1: "一级指标",
  level2: "二级指标",
  indicator: "三级指标",
  nature: "指标性质",
  operator: "指标方向",
  polarity: "指标方向性",
  target: "目标值",
  measure: "计量单位",
  weight: "分值",
  standard: "绩效标准",
  executed: "全年执行数",
  initialBudget: "年初预算数",
  actual: "实际完成值",
  grade: "完成等级",
  score: "自评得分",
  notApplicable: "不适用",
  deviationReason: "偏差原因",
  title: "表名",
  department: "部门",
  fiscalYear: "年度",
  total: "合计",
  notes: "口径说明",
};

const ALIASES: Record<string, ColumnKey> = {
  序号: "seq",
  项目序号: "seq",
  项目名称: "name",
  项目单位: "unit",
  单位名称: "unit",
  预算单位: "unit",
  实施单位: "unit",
  项目类别: "category",
  项目类型: "category",
  预算数: "budget",
  预算金额: "budget",
  预算资金: "budget",
  资金总额: "budget",
  年度资金总额: "budget",
  项目资金: "budget",
  年度预算数: "budget",
  年度绩效目标: "goal",
  年度目标: "goal",
  绩效目标: "goal",
  总体目标: "goal",
  一级指标: "level1",
  二级指标: "level2",
  三级指标: "indicator",
  指标名称: "indicator",
  绩效指标: "indicator",
  指标性质: "nature",
  指标类型: "nature",
  指标方向: "operator",
  比较方式: "operator",
  运算符: "operator",
  指标方向性: "polarity",
  目标值: "target",
  指标值: "target",
  年度指标值: "target",
  目标值指标值: "target",
  计量单位: "measure",
  度量单位: "measure",
  分值: "weight",
  权重: "weight",
  指标分值: "weight",
  指标权重: "weight",
  绩效标准: "standard",
  评价标准: "standard",
  评计价标准: "standard",
  全年执行数: "executed",
  年初预算数: "initialBudget",
  实际完成值: "actual",
  全年实际值: "actual",
  完成等级: "grade",
  自评得分: "score",
  得分: "score",
  不适用: "notApplicable",
  偏差原因: "deviationReason",
  偏差原因分析及改进措施: "deviationReason",
  表名: "title",
  部门: "department",
  年度: "fiscalYear",
  合计: "total",
  口径说明: "notes",
};

/** Removes spaces and a parenthesised suffix such as （万元） from a header cell. */
function bare(text: string): { key: string; paren: string } {
  const t = text.replace(/\s+/g, "");
  const m = /^(.*?)[（(]([^）)]*)[）)]$/.exec(t);
  if (m?.[1]) return { key: m[1].replace(/[（）()]/g, ""), paren: m[2] ?? "" };
  return { key: t.replace(/[（）()]/g, ""), paren: "" };
}

/**
 * The column a header cell names, plus a money unit stated inside it (预算数（元）).
 * @example matchHeader("预算数（万元）") // { key: "budget", moneyUnit: "万元" }
 */
export function matchHeader(text: string): { key: ColumnKey; moneyUnit?: "万元" | "元" } | null {
  const { key, paren } = bare(text);
  const col = ALIASES[key] ?? ALIASES[key + paren];
  if (!col) return null;
  const unit = /万元/.test(paren) ? "万元" : /元/.test(paren) ? "元" : undefined;
  return unit ? { key: col, moneyUnit: unit } : { key: col };
}

/** Words for the comparison operators, as 表12 prints them. */
export const OPERATOR_WORD = { "=": "等于", "≥": "大于等于", "≤": "小于等于", ">": "大于", "<": "小于" } as const;

const OPERATOR_ALIASES: Record<string, keyof typeof OPERATOR_WORD> = {
  等于: "=",
  "=": "=",
  "＝": "=",
  "==": "=",
  大于等于: "≥",
  不低于: "≥",
  不少于: "≥",
  "≥": "≥",
  ">=": "≥",
  "＞＝": "≥",
  "≧": "≥",
  小于等于: "≤",
  不高于: "≤",
  不超过: "≤",
  不多于: "≤",
  "≤": "≤",
  "<=": "≤",
  "＜＝": "≤",
  "≦": "≤",
  大于: ">",
  ">": ">",
  "＞": ">",
  小于: "<",
  "<": "<",
  "＜": "<",
};

/**
 * Parses an operator written as a word or a symbol.
 * @example parseOperator("大于等于") // "≥"
 */
export function parseOperator(text: string): keyof typeof OPERATOR_WORD | null {
  return OPERATOR_ALIASES[text.replace(/\s+/g, "")] ?? null;
}

/**
 * Parses 指标性质 / 指标方向性 words into a nature.
 * @example parseNature("反向指标") // "反向"
 */
export function parseNature(text: string): "定性" | "正向" | "反向" | null {
  const t = text.replace(/\s+/g, "");
  if (/^定性(指标)?$/.test(t)) return "定性";
  if (/^(正向|定量正向|越大越好)(指标)?$/.test(t)) return "正向";
  if (/^(反向|定量反向|越小越好)(指标)?$/.test(t)) return "反向";
  return null;
}

/** A leading operator inside a value: "≥95%" → ["≥", "95%"]. */
export const LEADING_OPERATOR = /^(>=|<=|≥|≤|≧|≦|＞＝|＜＝|＞|＜|>|<|＝|=)\s*/;
