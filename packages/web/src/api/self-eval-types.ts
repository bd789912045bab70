/**
 * Wire types of the self-evaluation campaign (issue 17): rounds, workflow, evidence, 抽评,
 * budget advice, 整改 tasks. Hand-written from the agreed contract (the routes answer without
 * response schemas, so generated.ts types them `unknown`); every field the pages read is optional
 * where the server may leave it out, so a page degrades rather than breaks.
 */
import type { ScoreResult, SelfEvalIndicator, SelfEvaluation } from "./types.ts";

export type SelfEvalStatus = "none" | "draft" | "submitted" | "returned" | "accepted";

export interface EvaluationRound {
  id: number;
  fiscalYear: number;
  dueDate: string | null;
  orgId?: number | null;
  deptCode?: string | null;
  scope?: "region" | "department" | string;
  openedBy?: string;
  openedAt?: string;
  publishedAt?: string | null;
  /** Counts over the round (list answers may carry them). */
  total?: number;
  counts?: Partial<Record<SelfEvalStatus | "notStarted" | "overdue", number>>;
}

export interface RoundProgress {
  orgId: number | string;
  deptCode?: string;
  orgName: string;
  total: number;
  notStarted: number;
  draft: number;
  submitted: number;
  returned: number;
  accepted: number;
  /** submitted + accepted. */
  done?: number;
  overdue: number;
}

export interface RoundProject {
  projectId: number;
  name: string;
  orgName: string;
  status: SelfEvalStatus;
  score: number | string | null;
  grade: string | null;
  sampled: boolean;
  spotCheckScore?: number | string | null;
  published?: boolean;
  budget?: number | string | null;
  moneyUnit?: string;
  unitCode?: string;
  unitName?: string;
  overdue?: boolean;
}

export interface RoundDetail {
  round: EvaluationRound;
  progress: RoundProgress[];
  projects: RoundProject[];
}

/** A consistency finding (高分低支 …): coded, with words and the cell it points at. */
export interface SelfEvalFinding {
  code: string;
  severity?: "error" | "warning" | "info";
  message: string;
  messageEn?: string;
  indicatorIndex?: number | null;
  indicator?: string | null;
  field?: string | null;
  where?: { indicatorIndex?: number | null; field?: string | null } | null;
}

export interface SpotCheckDifference {
  indicatorIndex: number | null;
  unit: string;
  finance: string;
  difference: string;
  beyond: boolean;
}

export interface SpotCheck {
  sampledAt?: string;
  sampledBy?: string;
  /** The finance bureau's actuals, null until entered. */
  input?: { executed?: number | null; indicators?: SelfEvalIndicator[] } | null;
  score?: ScoreResult | null;
  differences: SpotCheckDifference[];
  beyond?: boolean;
  checkedBy?: string | null;
  checkedAt?: string | null;
}

export interface BudgetAdvice {
  action: "priority" | "as-needed" | "reduce" | "cancel";
  share: string | null;
  amount: string;
  labelZh: string;
  labelEn: string;
  rectify: boolean;
}

/** 年度资金总额 / 本年财政拨款 / 上年结转 / 其他资金 × 年初预算数 / 全年预算数 / 全年执行数. */
export type FundingCell = number | string | null;
export interface FundingLine {
  initial?: FundingCell;
  full?: FundingCell;
  executed?: FundingCell;
}
export interface FundingSplit {
  total: FundingLine;
  fiscal: FundingLine;
  carryover: FundingLine;
  other: FundingLine;
}

/** GET /projects/:id/self-evaluation, as extended for the campaign. */
export interface CampaignSelfEvaluation extends SelfEvaluation {
  status?: SelfEvalStatus;
  roundId?: number | null;
  returnReason?: string | null;
  problems?: string | null;
  conclusion?: string | null;
  funding?: FundingSplit | null;
  consistency?: SelfEvalFinding[];
  missing?: { indicatorIndex: number; code: string }[];
  spotCheck?: SpotCheck | null;
  advice?: BudgetAdvice | null;
  sampled?: boolean;
  submittedAt?: string | null;
  submittedBy?: string | null;
  reviewedAt?: string | null;
  reviewedBy?: string | null;
  acceptedAt?: string | null;
  acceptedBy?: string | null;
}

export interface Evidence {
  id: number;
  fileName: string;
  size: number;
  contentType: string;
  indicatorId: string | null;
  uploadedAt: string;
  uploadedBy: string;
}

export interface AdviceRow {
  projectId: number;
  name: string;
  orgName: string;
  unitName?: string;
  moneyUnit?: string;
  budget: number | string;
  score: number | string | null;
  grade: string | null;
  /** Where the grade comes from: the unit's accepted result or the finance bureau's 抽评. */
  scoreSource?: "unit" | "spot-check" | null;
  advice: BudgetAdvice | null;
}

export interface AdviceList {
  roundId: number;
  fiscalYear: number;
  rows: AdviceRow[];
  /** Sums of this year's budgets and of the advised amounts, by money unit (exact text). */
  totals: { moneyUnit: string; budget: string; advised: string }[];
}

export interface Rectification {
  id: number;
  projectId: number;
  projectName?: string;
  name?: string;
  orgName?: string;
  deadline: string;
  text: string;
  status?: "open" | "done";
  overdue?: boolean;
  unitName?: string;
  doneAt?: string | null;
  doneBy?: string | null;
  note?: string | null;
  grade?: string | null;
  createdAt?: string;
}

/** A published self-evaluation result beside a 表12 on the public pages. */
export interface PublishedSelfEvaluation {
  score: number | string | null;
  grade: string | null;
  conclusion?: string | null;
  executionRate?: number | null;
  indicators?: {
    name: string;
    target?: unknown;
    unit?: string | null;
    weight?: number | string | null;
    score?: number | string | null;
    actual?: unknown;
  }[];
}
