/**
 * Column headers in every spelling offices print, mapped to one set of keys: project fields
 * (项目名称, 项目总预算, 主管部门及编码 …), indicator fields (一级指标 … 指标方向性, 度量单位,
 * 权重/分值) and self-evaluation fields (实际完成值, 得分, 偏差原因分析及改进措施 …).
 * Headers are found by name, never by position; a money unit or a period written in the
 * header (`预算数（元）`, `指标值（年度）`) is returned beside the key.
 */
import type { MoneyUnit } from "../document.ts";

/** A column (or form field) jixiao reads or writes. */
export type ColumnKey =
  // project
  | "seq"
  | "name"
  | "unit"
  | "unitCode"
  | "department"
  | "category"
  | "budget"
  | "goal"
  // indicator
  | "level1"
  | "level2"
  | "indicator"
  | "description"
  | "nature"
  | "operator"
  | "polarity"
  | "target"
  | "measure"
  | "weight"
  | "standard"
  // self-evaluation
  | "executed"
  | "initialBudget"
  | "executionRate"
  | "goalActual"
  | "actual"
  | "grade"
  | "score"
  | "notApplicable"
  | "deviationReason"
  // document
  | "title"
  | "fiscalYear"
  | "total"
  | "notes";

/** The header jixiao prints for each key (budget gets its money unit appended in CSV). */
export const HEADER_LABEL: Readonly<Record<ColumnKey, string>> = {
  seq: "项目序号",
  name: "项目名称",
  unit: "项目单位",
  unitCode: "单位编码",
  department: "部门",
  category: "项目类别",
  budget: "预算数",
  goal: "年度绩效目标",
  level1: "一级指标",
  level2: "二级指标",
  indicator: "三级指标",
  description: "指标解释",
  nature: "指标性质",
  operator: "指标方向",
  polarity: "指标方向性",
  target: "目标值",
  measure: "计量单位",
  weight: "分值",
  standard: "绩效标准",
  executed: "全年执行数",
  initialBudget: "年初预算数",
  executionRate: "执行率",
  goalActual: "实际完成情况",
  actual: "实际完成值",
  grade: "完成等级",
  score: "自评得分",
  notApplicable: "不适用",
  deviationReason: "偏差原因",
  title: "表名",
  fiscalYear: "年度",
  total: "合计",
  notes: "口径说明",
};

/** The period a header names: 年度 (this year), 中期/长期 (several years). */
export type HeaderPeriod = "年度" | "中期" | "长期";

const ALIASES: Readonly<Record<string, ColumnKey | [ColumnKey, HeaderPeriod]>> = {
  序号: "seq",
  项目序号: "seq",
  项目名称: "name",
  项目单位: "unit",
  单位名称: "unit",
  预算单位: "unit",
  实施单位: "unit",
  项目实施单位: "unit",
  单位编码: "unitCode",
  单位代码: "unitCode",
  预算单位编码: "unitCode",
  主管部门: "department",
  主管部门及编码: "department",
  主管部门及代码: "department",
  部门: "department",
  部门名称: "department",
  项目类别: "category",
  项目类型: "category",
  项目属性: "category",
  预算数: "budget",
  预算金额: "budget",
  预算资金: "budget",
  资金总额: "budget",
  年度资金总额: "budget",
  当年资金总额: "budget",
  项目资金: "budget",
  项目总预算: "budget",
  项目预算: "budget",
  预算申报数: "budget",
  申报数: "budget",
  年度预算数: "budget",
  全年预算数: "budget",
  年度绩效目标: "goal",
  年度目标: "goal",
  绩效目标: "goal",
  总体目标: "goal",
  年度总体目标: "goal",
  项目绩效目标: "goal",
  预期目标: "goal",
  中期目标: ["goal", "中期"],
  长期目标: ["goal", "长期"],
  一级指标: "level1",
  二级指标: "level2",
  三级指标: "indicator",
  指标名称: "indicator",
  绩效指标: "indicator",
  指标内容: "indicator",
  指标解释: "description",
  指标说明: "description",
  指标定义: "description",
  指标性质: "nature",
  指标类型: "nature",
  指标值类型: "nature",
  指标属性: "nature",
  指标方向: "operator",
  比较方式: "operator",
  运算符: "operator",
  运算符号: "operator",
  指标方向性: "polarity",
  目标值: "target",
  指标值: "target",
  指标目标值: "target",
  绩效指标值: "target",
  目标值指标值: "target",
  当年预期实现值: "target",
  预期实现值: "target",
  年度指标值: ["target", "年度"],
  中期指标值: ["target", "中期"],
  长期指标值: ["target", "长期"],
  计量单位: "measure",
  度量单位: "measure",
  分值: "weight",
  权重: "weight",
  指标分值: "weight",
  指标权重: "weight",
  权重分值: "weight",
  绩效标准: "standard",
  评价标准: "standard",
  评计价标准: "standard",
  全年执行数: "executed",
  执行数: "executed",
  实际执行数: "executed",
  年初预算数: "initialBudget",
  执行率: "executionRate",
  预算执行率: "executionRate",
  实际完成情况: "goalActual",
  实际完成值: "actual",
  全年实际值: "actual",
  实际值: "actual",
  完成值: "actual",
  完成等级: "grade",
  自评得分: "score",
  得分: "score",
  不适用: "notApplicable",
  偏差原因: "deviationReason",
  偏差原因分析: "deviationReason",
  偏差原因分析及改进措施: "deviationReason",
  未完成原因分析: "deviationReason",
  未完成原因和改进措施: "deviationReason",
  表名: "title",
  年度: "fiscalYear",
  合计: "total",
  口径说明: "notes",
};

/** A recognised header. */
export interface HeaderMatch {
  key: ColumnKey;
  /** Money unit written in the header: 预算数（元）. */
  moneyUnit?: MoneyUnit;
  /** Period written in or before the header: 指标值（年度）, 年度指标值, 中期目标. */
  period?: HeaderPeriod;
  /**
   * A spelling that is as often a section label as a column header (绩效指标 over a label
   * column of 产出指标/效益指标, 项目资金, 总体目标, 部门, 年度, 合计): a reader takes it only
   * when no other header of the row names the same key.
   */
  weak?: true;
}

/** Spellings that are as often a section label or a row label as a column header. */
const WEAK: ReadonlySet<string> = new Set([
  "绩效指标",
  "绩效目标",
  "总体目标",
  "年度总体目标",
  "项目资金",
  "部门",
  "年度",
  "合计",
]);

const PERIODS = new Set<string>(["年度", "中期", "长期"]);

/** Header text without spaces, a leading * (required mark), a trailing colon, and its parenthesised parts. */
function bare(text: string): { key: string; parens: string[] } {
  let t = text.replace(/[\s\u3000\u00a0]+/g, "").replace(/^[*＊※]+|[:：*＊]+$/g, "");
  const parens: string[] = [];
  t = t.replace(/[（(]([^（）()]*)[）)]/g, (_, inner: string) => {
    parens.push(inner);
    return "";
  });
  return { key: t.replace(/[（）()]/g, ""), parens };
}

/**
 * The column a header cell names, with a money unit or period written in it.
 * @example matchHeader("预算数（万元）") // { key: "budget", moneyUnit: "万元" }
 * @example matchHeader("*指标值") // { key: "target" }
 * @example matchHeader("三级指标(年度)") // { key: "indicator", period: "年度" }
 */
export function matchHeader(text: string): HeaderMatch | null {
  const { key, parens } = bare(text);
  let spelling = key;
  let hit = ALIASES[key];
  if (!hit && parens.length > 0) {
    // A parenthesised part may belong to the word: 评(计)价标准.
    spelling = text.replace(/[\s\u3000\u00a0*＊:：]+/g, "").replace(/[（）()]/g, "");
    hit = ALIASES[spelling];
  }
  if (!hit) return null;
  const out: HeaderMatch = typeof hit === "string" ? { key: hit } : { key: hit[0], period: hit[1] };
  if (WEAK.has(spelling)) out.weak = true;
  for (const p of parens) {
    const money = /万元/.test(p) ? "万元" : /元/.test(p) ? "元" : null;
    if (money) out.moneyUnit = money;
    else if (PERIODS.has(p)) out.period = p as HeaderPeriod;
  }
  return out;
}

/** Every header spelling the vocabulary knows (for tests and for telling a header row apart). */
export function headerSpellings(): string[] {
  return Object.keys(ALIASES);
}

/**
 * The columns of a header row: each cell's match (null for cells that are no header, and for
 * a weak spelling when another cell names the same key: 绩 效 指 标 beside 三级指标), and whether
 * the row is a header at all — at least `min` cells naming distinct columns.
 * @example headerRow(["一级指标", "二级指标", "三级指标", "指标值"]).isHeader // true
 */
export function headerRow(cells: readonly string[], min = 3): { isHeader: boolean; matches: (HeaderMatch | null)[] } {
  const matches = cells.map((c) => (c.length > 0 && c.length <= 24 ? matchHeader(c) : null));
  const strong = new Set<ColumnKey>();
  for (const m of matches) if (m && !m.weak) strong.add(m.key);
  // A weak spelling beside a strong one for the same key is a label, not that column.
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m?.weak && strong.has(m.key)) matches[i] = null;
  }
  const keys = new Set<ColumnKey>();
  for (const m of matches) if (m) keys.add(m.key);
  return { isHeader: keys.size >= min, matches };
}
