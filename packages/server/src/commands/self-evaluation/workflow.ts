/**
 * The self-evaluation workflow (issue 17): the unit submits (refused 422 `self-eval.incomplete`
 * while a row scoring below its weight lacks its 偏差原因分析及改进措施, or 主要问题及整改措施 or
 * 自评结论 is empty); the department returns it with a reason or accepts it. Accepting a result
 * whose grade the region's advice policy marks for 整改 (中/差 by default) creates a rectification
 * task with a deadline. Every step is audited and sends an in-app notice (the department on
 * submission, the unit on return or acceptance).
 */
import { budgetAdvice, missingExplanations, type Project, type ProjectScore } from "@jixiao/core";
import { appError, badTransition } from "../../errors.ts";
import { type Action, authorize } from "../../policies.ts";
import { writeAudit } from "../audit.ts";
import type { Ctx } from "../context.ts";
import { findProject } from "../projects/index.ts";
import { notify } from "../projects/steps.ts";
import {
  evaluatedTable,
  getSelfEvaluation,
  mergeActuals,
  type SelfEvaluationInput,
  type SelfEvaluationView,
} from "./actuals.ts";
import { addDays, loadSelfEvaluationPolicy } from "./policy.ts";
import { insertRectification } from "./rectification.ts";

export const EVAL_TRANSITIONS = ["submit", "return", "accept"] as const;
export type EvalTransition = (typeof EVAL_TRANSITIONS)[number];

const RULES: Record<EvalTransition, { action: Action; from: readonly string[]; to: string }> = {
  submit: { action: "selfEvaluation.submit", from: ["draft", "returned"], to: "submitted" },
  return: { action: "selfEvaluation.review", from: ["submitted"], to: "returned" },
  accept: { action: "selfEvaluation.review", from: ["submitted"], to: "accepted" },
};

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === "";

/** What a submission still lacks, in words and as data; null when complete. */
function incomplete(
  table: Project,
  input: SelfEvaluationInput,
  result: ProjectScore | null,
  problems: string | null,
  conclusion: string | null,
): { detail: string; detailEn: string; details: object } | null {
  if (!result)
    return {
      detail: "尚未填写实际完成值",
      detailEn: "no actuals entered",
      details: { actuals: true, missing: [], problems: blank(problems), conclusion: blank(conclusion) },
    };
  const missing = missingExplanations(mergeActuals(table, input), result);
  const zh: string[] = [];
  const en: string[] = [];
  if (missing.length > 0) {
    const rows = missing.map((m) => m.indicatorIndex + 1);
    zh.push(`第 ${rows.join("、")} 行指标的偏差原因分析及改进措施`);
    en.push(`the deviation reason of row ${rows.join(", ")}`);
  }
  if (blank(problems)) {
    zh.push("主要问题及整改措施");
    en.push("problems and measures");
  }
  if (blank(conclusion)) {
    zh.push("自评结论");
    en.push("the conclusion");
  }
  if (zh.length === 0) return null;
  return {
    detail: zh.join("；"),
    detailEn: en.join("; "),
    details: { missing, problems: blank(problems), conclusion: blank(conclusion) },
  };
}

export async function transitionSelfEvaluation(
  ctx: Ctx,
  id: number,
  t: EvalTransition,
  opts: { reason?: string } = {},
): Promise<SelfEvaluationView> {
  const rule = RULES[t];
  authorize(ctx.actor, rule.action);
  await ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    const row = await findProject(trx, ctx.actor, id, true);
    const se = await trx
      .selectFrom("self_evaluations")
      .selectAll()
      .where("region_code", "=", row.region_code)
      .where("project_id", "=", row.id)
      .forUpdate()
      .executeTakeFirst();
    const status = se?.status ?? "none";
    if (!se || !rule.from.includes(status)) throw badTransition(status, t);
    const input = se.input as SelfEvaluationInput;
    const result = se.result as ProjectScore | null;
    if (t === "submit") {
      const { table } = await evaluatedTable(tx, id, se.version_no);
      const gap = incomplete(table, input, result, se.problems, se.conclusion);
      if (gap) throw appError("self-eval.incomplete", { detail: gap.detail, detailEn: gap.detailEn }, gap.details);
    }
    if (t === "return" && blank(opts.reason)) throw appError("validation", { detail: "reason" }, { field: "reason" });
    const now = new Date();
    await trx
      .updateTable("self_evaluations")
      .set({
        status: rule.to,
        ...(t === "submit"
          ? { submitted_at: now, submitted_by: ctx.actor.username, return_reason: null }
          : { reviewed_at: now, reviewed_by: ctx.actor.username }),
        ...(t === "return" ? { return_reason: opts.reason as string } : {}),
      })
      .where("region_code", "=", row.region_code)
      .where("project_id", "=", row.id)
      .execute();
    let rectification: number | null = null;
    if (t === "accept" && result) {
      const policy = await loadSelfEvaluationPolicy(trx, row.region_code);
      const advice = budgetAdvice(result.grade, String(row.budget), policy.advice);
      if (advice.rectify)
        rectification = await insertRectification(tx, row, {
          roundId: se.round_id,
          grade: result.grade,
          deadline: addDays(now, policy.rectifyDays),
          text: `自评等级为“${result.grade}”（${result.total} 分），请按评价发现的问题整改`,
          auto: true,
        });
    }
    await notify(trx, row, {
      audience: t === "submit" ? "level:1" : "unit",
      kind: `selfEvaluation.${t}`,
      message:
        t === "submit"
          ? `“${row.name}”的绩效自评已提交，请审核`
          : t === "return"
            ? `“${row.name}”的绩效自评被退回：${opts.reason}`
            : `“${row.name}”的绩效自评已审核通过${rectification !== null ? "，请按期完成整改" : ""}`,
      actor: ctx.actor.username,
    });
    await writeAudit(trx, ctx.actor, {
      regionCode: row.region_code,
      fiscalYear: row.fiscal_year,
      action: `selfEvaluation.${t}`,
      entity: "project",
      entityId: row.id,
      before: { status },
      after: {
        status: rule.to,
        ...(t === "return" ? { reason: opts.reason } : {}),
        ...(result ? { total: result.total, grade: result.grade } : {}),
        ...(rectification !== null ? { rectification } : {}),
      },
    });
  });
  return getSelfEvaluation(ctx, id);
}
