/**
 * The typed model of a performance-target table (绩效目标表) and of a department's
 * disclosure of them (表12). Field names are the contract of the JSON exchange format
 * `jixiao.targets/1` (docs/FORMAT.md); tests and other tools rely on them.
 */

/** Identifier of the exchange format this model serialises to. */
export const FORMAT_ID = "jixiao.targets/1" as const;

/** Money unit of a document: budgets and 万元 cost targets are stated in it. */
export type MoneyUnit = "万元" | "元";

/** 指标性质: 定性 (qualitative), 正向 (higher is better), 反向 (lower is better). */
export type Nature = "定性" | "正向" | "反向";

/** 指标方向: the comparison of a quantitative target. null for 定性 rows. */
export type Operator = "=" | "≥" | "≤" | ">" | "<";

/** 定性 grade of a self-evaluation. */
export type Grade = "达成" | "部分达成" | "未达成";

/** One 三级指标 row. */
export interface Indicator {
  /**
   * Stable id of the row within its project, kept across edits and versions (the server assigns
   * one to a row that has none); comments are anchored to it, never to the row's position.
   */
  id?: string;
  /** Normalised 一级指标, e.g. 产出指标. */
  level1: string;
  /** Normalised 二级指标, e.g. 数量指标. */
  level2: string;
  /** Original 一级 label when normalising changed it. */
  level1Label?: string;
  /** Original 二级 label when normalising changed it. */
  level2Label?: string;
  /** 三级指标: the indicator itself, free text. */
  name: string;
  nature: Nature;
  operator: Operator | null;
  /** Target as written: "70", "有效保障", "2024年12月前完成". */
  target: string;
  /** 计量单位, or null. */
  unit: string | null;
  /**
   * 分值 (points); null when the table prints none ("not printed": a table with no 分值/权重
   * column). Never 0 for "not printed" — 0 is a printed weight.
   */
  weight: number | null;
  /** 绩效标准 (计划标准/行业标准/历史标准) when the source states it. */
  standard?: string;
  // --- self-evaluation (绩效自评) ---
  /** Actual value, in the indicator's unit. */
  actual?: string | number;
  /** Grade of a 定性 row. */
  grade?: Grade;
  /** Hand-given score of a 定性 row; must lie in its grade's band. */
  score?: number;
  /** Dropped from scoring when true. */
  notApplicable?: boolean;
  /** 偏差原因. */
  deviationReason?: string;
}

/** One budget project (预算项目) and its target table. */
export interface Project {
  name: string;
  /** 6-digit unit code: 3-digit department + 3-digit unit number, e.g. 151001. */
  unitCode: string;
  unitName: string;
  /** 项目类别, e.g. 部门预算项目. */
  category: string;
  /** 预算数, in the document's money unit. */
  budget: number;
  /** 年度绩效目标. */
  goal: string;
  indicators: Indicator[];
  /** 全年执行数 (self-evaluation), in the document's money unit. */
  executed?: number;
  /** 年初预算数 (self-evaluation), when it differs from budget. */
  initialBudget?: number;
}

/** A department's table of project targets (表12) or a single unit's. */
export interface TargetDocument {
  format: typeof FORMAT_ID;
  title?: string;
  department?: { code?: string; name: string };
  fiscalYear?: number;
  moneyUnit: MoneyUnit;
  /** The 合计 row: sum of project budgets as printed. */
  total?: number;
  /** Footer notes such as the 口径说明. */
  notes?: string[];
  projects: Project[];
}

/**
 * Builds an empty document.
 * @example emptyDocument("万元") // { format: "jixiao.targets/1", moneyUnit: "万元", projects: [] }
 */
export function emptyDocument(moneyUnit: MoneyUnit = "万元"): TargetDocument {
  return { format: FORMAT_ID, moneyUnit, projects: [] };
}
