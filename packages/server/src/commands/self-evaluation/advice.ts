/**
 * Results applied (issue 17): next year's budget advice for a round's projects, from each accepted
 * result's grade (the finance bureau's 抽评 score when it re-scored the project) through the
 * region's advice policy (优 priority, 良 as needed, 中 reduce by a share, 差 cancel or pause by
 * default). Shown to the finance bureau as a list with the amounts and downloadable as xlsx.
 */
import { type BudgetAdvice, budgetAdvice, Exact } from "@jixiao/core";
import type { BudgetAdviceSheet } from "@jixiao/formats/xlsx/write-budget-advice-xlsx.ts";
import { AppError } from "../../errors.ts";
import { authorize } from "../../policies.ts";
import type { Exporter } from "../../workers/exporter.ts";
import type { Ctx } from "../context.ts";
import type { Download } from "../project-export.ts";
import { EXPORT_TYPES } from "../publications.ts";
import { findEvalRound } from "./find.ts";
import { loadSelfEvaluationPolicy } from "./policy.ts";
import { type EvalStatus, roundLines } from "./rounds.ts";
import { type ScoreSource, scoreUsed } from "./score-used.ts";

export interface AdviceRow {
  projectId: number;
  name: string;
  orgName: string;
  unitName: string;
  moneyUnit: string;
  /** This year's budget (the project's 年度资金总额), exact decimal text. */
  budget: string;
  status: EvalStatus;
  score: number | null;
  grade: string | null;
  /** Where the grade comes from: the unit's accepted result or the finance bureau's 抽评. */
  scoreSource: ScoreSource | null;
  /** null until the result is accepted. */
  advice: BudgetAdvice | null;
}

export interface AdviceList {
  roundId: number;
  fiscalYear: number;
  rows: AdviceRow[];
  /** Sums of this year's budgets and of the advised amounts, by money unit (exact text). */
  totals: { moneyUnit: string; budget: string; advised: string }[];
}

export async function listBudgetAdvice(ctx: Ctx, roundId: number): Promise<AdviceList> {
  authorize(ctx.actor, "selfEvaluation.advice");
  const round = await findEvalRound(ctx.db, ctx.actor, roundId);
  const policy = await loadSelfEvaluationPolicy(ctx.db, round.region_code);
  const lines = await roundLines(ctx, round);
  const sums = new Map<string, { b: string[]; a: string[] }>();
  const rows = lines.map((l): AdviceRow => {
    const chosen = scoreUsed(l.result, l.spot_result);
    const used = chosen?.score ?? null;
    const accepted = l.status === "accepted" && used !== null;
    const advice = accepted ? budgetAdvice(used.grade, String(l.budget), policy.advice) : null;
    const s = sums.get(l.money_unit) ?? { b: [], a: [] };
    sums.set(l.money_unit, s);
    s.b.push(String(l.budget));
    if (advice) s.a.push(advice.amount);
    return {
      projectId: l.project_id,
      name: l.name,
      orgName: l.dept_name ?? l.dept_code,
      unitName: l.unit_name,
      moneyUnit: l.money_unit,
      budget: String(l.budget),
      status: l.status as EvalStatus,
      score: used?.total ?? null,
      grade: used?.grade ?? null,
      scoreSource: chosen?.source ?? null,
      advice,
    };
  });
  return {
    roundId: round.id,
    fiscalYear: round.fiscal_year,
    rows,
    totals: [...sums.entries()].map(([moneyUnit, s]) => ({
      moneyUnit,
      budget: exactSum(s.b),
      advised: exactSum(s.a),
    })),
  };
}

function exactSum(values: string[]): string {
  let t = Exact.ZERO;
  for (const v of values) t = t.plus(Exact.parse(v) ?? Exact.ZERO);
  return t.toString();
}

/** The advice list as xlsx, written in the worker pool. */
export async function exportBudgetAdvice(ctx: Ctx, roundId: number, exporter: Exporter): Promise<Download> {
  const list = await listBudgetAdvice(ctx, roundId);
  const sheet: BudgetAdviceSheet = {
    title: `${list.fiscalYear}年度项目支出绩效自评结果应用：下年预算安排建议`,
    rows: list.rows.map((r) => ({
      orgName: r.orgName,
      unitName: r.unitName,
      name: r.name,
      moneyUnit: r.moneyUnit,
      budget: r.budget,
      score: r.score,
      grade: r.grade,
      scoreSource: r.scoreSource,
      adviceLabel: r.advice?.labelZh ?? null,
      share: r.advice?.share ?? null,
      amount: r.advice?.amount ?? null,
    })),
    totals: list.totals,
  };
  const w = await exporter.render(`user:${ctx.actor.id}`, "budget-advice", sheet, false);
  if (!w.value) throw new AppError("export.failed", "导出失败", "Export failed", w.diagnostics);
  return {
    bytes: w.value,
    fileName: `${list.fiscalYear}-预算安排建议.xlsx`,
    contentType: EXPORT_TYPES.xlsx,
  };
}
