/**
 * The funding block of the 项目支出绩效自评表 (issue 17): 年度资金总额 and, 其中, 本年财政拨款 /
 * 上年结转 / 其他资金, each with 年初预算数 / 全年预算数 / 全年执行数. As on the official form,
 * 分值 / 执行率 / 得分 belong to the total line only (the engine's figures); the parts show "—".
 * The 自评表 writers (html/self-eval-html.ts, xlsx/write-self-eval-xlsx.ts) and the 自评报告 share it.
 */
import type { ProjectScore } from "@jixiao/core";
import type { Amount, FundingSplit } from "./types.ts";

export interface FundingTableRow {
  key: "total" | "fiscal" | "carryover" | "other";
  label: string;
  initial: Amount;
  full: Amount;
  executed: Amount;
  /** Total line only: 分值, 执行率 (percent, the engine's), 得分. */
  weight: number | null;
  rate: number | null;
  score: number | null;
}

const LABELS = {
  total: "年度资金总额",
  fiscal: "其中：本年财政拨款",
  carryover: "上年结转",
  other: "其他资金",
} as const;

const given = (v: Amount): boolean => v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "");

/**
 * The four funding lines. The total line falls back to the project's own amounts where the
 * split leaves them out, so it always agrees with the score beside it.
 * @example fundingRows(split, score)[0].label // "年度资金总额"
 */
export function fundingRows(funding: FundingSplit, score: ProjectScore): FundingTableRow[] {
  const t = funding.total;
  const total: FundingTableRow = {
    key: "total",
    label: LABELS.total,
    initial: given(t.initial) ? t.initial : score.initialBudget,
    full: given(t.full) ? t.full : score.budget,
    executed: given(t.executed) ? t.executed : score.executed,
    weight: score.executionWeight,
    rate: score.executionRate,
    score: score.executionScore,
  };
  const part = (key: "fiscal" | "carryover" | "other"): FundingTableRow => ({
    key,
    label: LABELS[key],
    initial: funding[key].initial,
    full: funding[key].full,
    executed: funding[key].executed,
    weight: null,
    rate: null,
    score: null,
  });
  return [total, part("fiscal"), part("carryover"), part("other")];
}

/** The column headers of the block, after the label column. */
export const FUNDING_HEADERS = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"] as const;
