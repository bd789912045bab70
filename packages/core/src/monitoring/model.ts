/**
 * The typed model of 绩效运行监控 (mid-year performance monitoring, "双监控": budget execution
 * and target completion) and its JSON exchange format `jixiao.monitoring/1` (docs/FORMAT.md,
 * "Monitoring"). A monitoring document holds one round (fiscal year, as-of month) and, per
 * approved project, the money to date and, per approved indicator, what has been done so far.
 * The indicator's target fields are copied from the APPROVED version and never edited here.
 */
import type { MoneyUnit, Nature, Operator } from "../model/document.ts";

/** Identifier of the monitoring exchange format. */
export const MONITORING_FORMAT_ID = "jixiao.monitoring/1" as const;

/** 完成可能性: will the annual target be met? */
export type Likelihood = "确定能" | "有可能" | "完全不可能";
export const LIKELIHOODS: readonly Likelihood[] = ["确定能", "有可能", "完全不可能"];

/** 偏差原因 (coded, as the 财政部 监控表 lists them). */
export type DeviationCause = "经费保障" | "制度保障" | "人员保障" | "硬件条件保障" | "其他";
export const DEVIATION_CAUSES: readonly DeviationCause[] = ["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"];

/** English words of the coded values, for --lang en and the web. */
export const LIKELIHOOD_EN: Readonly<Record<Likelihood, string>> = {
  确定能: "certain",
  有可能: "possible",
  完全不可能: "impossible",
};
export const DEVIATION_CAUSE_EN: Readonly<Record<DeviationCause, string>> = {
  经费保障: "funding",
  制度保障: "rules and procedures",
  人员保障: "staffing",
  硬件条件保障: "equipment and facilities",
  其他: "other",
};

/** A monitoring light: 红灯 / 黄灯 / 绿灯. */
export type Light = "red" | "yellow" | "green";
export const LIGHT_WORD: Readonly<Record<Light, string>> = { red: "红灯", yellow: "黄灯", green: "绿灯" };

/** Who opened a round: the finance bureau for a region, or a department for its own projects. */
export type RoundScope = "region" | "department";

/** One monitoring round (e.g. 2024 年 截至 7 月). */
export interface MonitoringRound {
  fiscalYear: number;
  /** 截至月份, 1–12: the time elapsed is month ÷ 12 of the year. */
  asOfMonth: number;
  scope: RoundScope;
  /** 报送截止日期, ISO date (YYYY-MM-DD), when set. */
  dueDate?: string;
}

/** One indicator as monitored: the approved row (read-only) and the unit's entries. */
export interface MonitoredIndicator {
  level1: string;
  level2: string;
  name: string;
  nature: Nature;
  operator: Operator | null;
  /** 年度指标值 as approved ("70", "≥95%", "有效保障"). */
  target: string;
  unit: string | null;
  // --- the unit's entries ---
  /** 截至当月实际完成值, in the indicator's unit. */
  actualToDate?: string | number;
  /** 全年预计完成值, in the indicator's unit. */
  forecast?: string | number;
  /** 完成可能性. */
  likelihood?: Likelihood;
  /** 偏差原因 (coded). */
  deviationCause?: DeviationCause;
  /** 偏差原因说明. */
  deviationText?: string;
  /** 纠偏措施. */
  correctiveAction?: string;
}

/** One approved project as monitored. Money in the document's money unit. */
export interface MonitoredProject {
  name: string;
  unitCode: string;
  unitName: string;
  category: string;
  /** 年度绩效目标 as approved. */
  goal?: string;
  /** 年初预算数. */
  initialBudget: number;
  /** 调整后预算数, when the budget was adjusted (the execution base when present). */
  adjustedBudget?: number;
  /** 截至当月执行数. */
  executed?: number;
  /** 全年预计执行数. */
  forecastExecuted?: number;
  indicators: MonitoredIndicator[];
}

/** A monitoring table (绩效运行监控表) of one or more projects. */
export interface MonitoringDocument {
  format: typeof MONITORING_FORMAT_ID;
  title?: string;
  department?: { code?: string; name: string };
  moneyUnit: MoneyUnit;
  round: MonitoringRound;
  projects: MonitoredProject[];
}
