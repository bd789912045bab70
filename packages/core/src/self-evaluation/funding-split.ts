/**
 * The funding split of a 项目支出绩效自评表 (issue 17 item 5): rows 年度资金总额 (total),
 * 本年财政拨款 (fiscal), 上年结转 (carryover), 其他资金 (other) × columns 年初预算数 (initial),
 * 全年预算数 (full), 全年执行数 (executed). In every column the three parts add up to the total,
 * exactly (decimal arithmetic, never float sums). Blank cells count as 0 in a sum; a column is
 * checked only when its total and at least one part are given.
 */
import { Exact } from "../model/exact.ts";
import { readNumber } from "../model/vocabulary/numbers.ts";
import { type SelfEvalFinding, type SelfEvalPlace, selfEvalFinding } from "./finding.ts";

/** An amount as entered: a number, decimal text ("1,234.50" allowed), or blank (null/absent/""). */
export type FundingAmount = number | string | null;

/** One row of the split: 年初预算数, 全年预算数, 全年执行数. */
export interface FundingCells {
  initial?: FundingAmount;
  full?: FundingAmount;
  executed?: FundingAmount;
}

/** 年度资金总额 / 本年财政拨款 / 上年结转 / 其他资金. */
export interface FundingSplit {
  total: FundingCells;
  fiscal: FundingCells;
  carryover: FundingCells;
  other: FundingCells;
}

export type FundingRow = keyof FundingSplit;
export type FundingColumn = keyof FundingCells;

export const FUNDING_ROWS: readonly FundingRow[] = ["total", "fiscal", "carryover", "other"];
export const FUNDING_COLUMNS: readonly FundingColumn[] = ["initial", "full", "executed"];

/** Row and column labels, Chinese and English. */
export const FUNDING_LABELS: Readonly<Record<FundingRow | FundingColumn, { zh: string; en: string }>> = {
  total: { zh: "年度资金总额", en: "Total funds" },
  fiscal: { zh: "本年财政拨款", en: "Fiscal appropriation" },
  carryover: { zh: "上年结转", en: "Carried over" },
  other: { zh: "其他资金", en: "Other funds" },
  initial: { zh: "年初预算数", en: "Initial budget" },
  full: { zh: "全年预算数", en: "Full-year budget" },
  executed: { zh: "全年执行数", en: "Executed" },
};

/** A cell read exactly: null when blank, "bad" when it is not a number. */
export type FundingValue = Exact | null | "bad";

/**
 * Reads one cell exactly.
 * @example fundingValue("1,234.50")?.toString() // "1234.5"
 */
export function fundingValue(v: FundingAmount | undefined): FundingValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? Exact.from(v) : "bad";
  if (v.trim() === "") return null;
  const r = readNumber(v);
  return r ? Exact.parse(r.text)! : "bad";
}

const NO_PLACE: SelfEvalPlace = { project: "", projectIndex: 0 };

/**
 * Checks a funding split: every cell a number or blank, and in every column fiscal + carryover +
 * other = total, exactly.
 * @example checkFundingSplit({ total: { full: 100 }, fiscal: { full: 80 }, carryover: { full: 15 }, other: { full: "5" } }) // []
 */
export function checkFundingSplit(split: FundingSplit, place: SelfEvalPlace = NO_PLACE): SelfEvalFinding[] {
  const out: SelfEvalFinding[] = [];
  const values = {} as Record<FundingRow, Record<FundingColumn, FundingValue>>;
  for (const row of FUNDING_ROWS) {
    values[row] = {} as Record<FundingColumn, FundingValue>;
    for (const col of FUNDING_COLUMNS) {
      const raw = split[row]?.[col];
      const v = fundingValue(raw);
      values[row][col] = v;
      if (v === "bad") {
        out.push(
          selfEvalFinding("self-eval.funding-not-numeric", place, `/funding/${row}/${col}`, { value: String(raw) }),
        );
      }
    }
  }
  for (const col of FUNDING_COLUMNS) {
    const total = values.total[col];
    const parts = [values.fiscal[col], values.carryover[col], values.other[col]];
    if (total === null || total === "bad" || parts.includes("bad") || parts.every((p) => p === null)) continue;
    let sum = Exact.ZERO;
    for (const p of parts) if (p instanceof Exact) sum = sum.plus(p);
    if (!sum.eq(total)) {
      out.push(
        selfEvalFinding("self-eval.funding-sum", place, `/funding/total/${col}`, {
          column: FUNDING_LABELS[col].zh,
          columnEn: FUNDING_LABELS[col].en,
          sum: sum.toString(),
          total: total.toString(),
        }),
      );
    }
  }
  return out;
}
