/**
 * Inputs of the report writers of issue 17 (docs: the shared contract): the 自评报告 of one
 * project and the department summary of a round. Pure data — the server and the CLI build them.
 */
import type { FundingSplit, MoneyUnit, Project, ProjectScore } from "@jixiao/core";

export type { FundingSplit };

/** An amount as the server keeps it: a JS number or exact decimal text ("12.50"); null/absent = not given. */
export type Amount = number | string | null | undefined;

/** One 佐证材料 file. */
export interface EvidenceItem {
  fileName: string;
  /** Bytes. */
  size: number;
  /** The indicator the file supports; absent = the whole self-evaluation. */
  indicatorName?: string;
}

export interface SelfEvalReportInput {
  /** The project with its actuals merged (executed, indicators' actual / grade / deviationReason). */
  project: Project;
  score: ProjectScore;
  policyName: string;
  funding?: FundingSplit;
  /** 主要问题及整改措施. */
  problems?: string;
  /** 自评结论 text (the score and grade are printed anyway). */
  conclusion?: string;
  evidence: EvidenceItem[];
  /** 主管部门. */
  department: string;
  fiscalYear: number;
  /** The money unit of the amounts (default 万元). Added beside the contract's fields. */
  moneyUnit?: MoneyUnit;
}

/** One project of a department summary. Numbers may be exact decimal text. */
export interface DepartmentSummaryRow {
  name: string;
  orgName: string;
  budget: Amount;
  /** The unit's self-evaluation score; null = not scored yet. */
  score: Amount;
  grade: string | null;
  /** The finance bureau's 抽评 score, when the project was sampled. */
  spotCheckScore?: Amount;
  /** 抽评 − 自评 (as the server computed it); computed here when absent and both scores are given. */
  difference?: Amount;
}

export interface DepartmentSummaryInput {
  title: string;
  fiscalYear: number;
  rows: DepartmentSummaryRow[];
  /** Grade labels best first (e.g. 优 良 中 差); grades seen but not listed follow in order of appearance. */
  grades?: string[];
  /** The money unit of the budgets (default 万元). */
  moneyUnit?: MoneyUnit;
}
