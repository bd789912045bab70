/**
 * One project's monitoring table: read it (the approved targets beside the entries, the lights,
 * the finance bureau's decision), fill it (the unit; targets stay as approved), and move it on:
 * submit (the unit; refused while error findings remain), accept / return (the department),
 * 暂缓拨款 / 整改 with a reason (the finance bureau; the unit sees it). Every change carries the
 * row version it read (If-Match), is audited, and re-monitors the table with the round's policy.
 */
import {
  type DeviationCause,
  type Likelihood,
  type MonitoredProject,
  type MonitoringPolicy,
  monitorProject,
} from "@jixiao/core";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { appError, badTransition } from "../../errors.ts";
import { authorizeMonitoring } from "../../monitoring-policies.ts";
import { writeAudit } from "../audit.ts";
import type { Ctx } from "../context.ts";
import { bumpReport, findReport, lockReport, type ReportRow } from "./find.ts";
import { presentReport, type ReportView } from "./present.ts";
import { roundPolicy } from "./round-policy.ts";

export interface IndicatorEntry {
  actualToDate?: string | number | null;
  forecast?: string | number | null;
  likelihood?: Likelihood | null;
  deviationCause?: DeviationCause | null;
  deviationText?: string | null;
  correctiveAction?: string | null;
}

export interface ReportInput {
  adjustedBudget?: number | null;
  executed?: number | null;
  forecastExecuted?: number | null;
  indicators: IndicatorEntry[];
}

export interface ReportDetail extends ReportView {
  round: {
    fiscalYear: number;
    asOfMonth: number;
    dueDate: string | null;
    scope: string;
    policy: string;
    policySettings: MonitoringPolicy;
  };
  moneyUnit: string;
}

const ENTRY_KEYS = [
  "actualToDate",
  "forecast",
  "likelihood",
  "deviationCause",
  "deviationText",
  "correctiveAction",
] as const;
const MONEY_KEYS = ["adjustedBudget", "executed", "forecastExecuted"] as const;

/** The approved table with the entries merged in: targets and names always from the approved version. */
export function mergeEntries(approved: MonitoredProject, input: ReportInput): MonitoredProject {
  const out: MonitoredProject = { ...approved };
  for (const k of MONEY_KEYS) {
    const v = input[k];
    if (v === null || v === undefined) delete out[k];
    else out[k] = v;
  }
  out.indicators = approved.indicators.map((ind, i) => {
    const e = input.indicators[i] ?? {};
    const row = { ...ind };
    for (const k of ENTRY_KEYS) {
      const v = e[k];
      // biome-ignore lint/suspicious/noExplicitAny: the entry keys of one row
      if (v === null || v === undefined || v === "") delete (row as any)[k];
      // biome-ignore lint/suspicious/noExplicitAny: see above
      else (row as any)[k] = v;
    }
    return row;
  });
  return out;
}

async function roundOf(db: Kysely<DB>, row: ReportRow) {
  return db
    .selectFrom("monitoring_rounds")
    .selectAll()
    .where("region_code", "=", row.region_code)
    .where("id", "=", row.round_id)
    .executeTakeFirstOrThrow();
}

async function detail(db: Kysely<DB>, row: ReportRow): Promise<ReportDetail> {
  const round = await roundOf(db, row);
  const p = await db
    .selectFrom("projects")
    .select("money_unit")
    .where("region_code", "=", row.region_code)
    .where("id", "=", row.project_id)
    .executeTakeFirst();
  return {
    ...presentReport(row),
    round: {
      fiscalYear: round.fiscal_year,
      asOfMonth: round.as_of_month,
      dueDate: round.due_date,
      scope: round.scope,
      policy: roundPolicy(round.policy).name,
      policySettings: roundPolicy(round.policy),
    },
    moneyUnit: p?.money_unit ?? "万元",
  };
}

export async function getReport(ctx: Ctx, id: number): Promise<ReportDetail> {
  authorizeMonitoring(ctx.actor, "monitoring.read");
  return detail(ctx.db, await findReport(ctx.db, ctx.actor, id));
}

const EDITABLE = ["draft", "returned"];

export async function saveReport(
  ctx: Ctx,
  id: number,
  input: ReportInput,
  expected: number | undefined,
): Promise<ReportDetail> {
  authorizeMonitoring(ctx.actor, "monitoring.fill");
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockReport(trx, ctx.actor, id, expected);
    if (!EDITABLE.includes(row.status)) throw badTransition(row.status, "save");
    const approved = row.input as MonitoredProject;
    if (input.indicators.length > approved.indicators.length)
      throw appError("validation", { detail: "indicators" }, { indicators: approved.indicators.length });
    const round = await roundOf(trx, row);
    const policy = roundPolicy(round.policy);
    const merged = mergeEntries(approved, input);
    const result = monitorProject(merged, 0, round.as_of_month, policy);
    const updated = await bumpReport(trx, row, {
      input: JSON.stringify(merged),
      result: JSON.stringify(result),
      updated_by: ctx.actor.username,
    });
    await writeAudit(trx, ctx.actor, {
      regionCode: row.region_code,
      fiscalYear: row.fiscal_year,
      action: "monitoring.save",
      entity: "monitoring_report",
      entityId: row.id,
      before: row.input,
      after: { input: merged, executionLight: result.executionLight, lights: result.lights },
    });
    return detail(trx, updated);
  });
}

export type ReportTransition = "submit" | "accept" | "return";

const FROM: Record<ReportTransition, string[]> = {
  submit: ["draft", "returned"],
  accept: ["submitted"],
  return: ["submitted"],
};
const TO: Record<ReportTransition, string> = { submit: "submitted", accept: "accepted", return: "returned" };

export async function transitionReport(
  ctx: Ctx,
  id: number,
  action: ReportTransition,
  opts: { reason?: string; rowVersion?: number } = {},
): Promise<ReportDetail> {
  authorizeMonitoring(ctx.actor, action === "submit" ? "monitoring.fill" : "monitoring.review");
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockReport(trx, ctx.actor, id, opts.rowVersion);
    if (!FROM[action].includes(row.status)) throw badTransition(row.status, action);
    const now = new Date();
    let set: Record<string, unknown> = { status: TO[action] };
    if (action === "submit") {
      const errors = (row.result as { findings: { severity: string; message: string }[] }).findings.filter(
        (f) => f.severity === "error",
      );
      if (errors.length) throw appError("workflow.blocked", { count: errors.length }, { findings: errors });
      set = { ...set, submitted_at: now, submitted_by: ctx.actor.username, return_reason: null };
    } else {
      if (action === "return" && !opts.reason?.trim())
        throw appError("validation", { detail: "reason" }, { field: "reason" });
      set = {
        ...set,
        reviewed_at: now,
        reviewed_by: ctx.actor.username,
        return_reason: action === "return" ? opts.reason : null,
      };
    }
    const updated = await bumpReport(trx, row, set);
    await writeAudit(trx, ctx.actor, {
      regionCode: row.region_code,
      fiscalYear: row.fiscal_year,
      action: `monitoring.${action}`,
      entity: "monitoring_report",
      entityId: row.id,
      before: { status: row.status },
      after: { status: updated.status, ...(opts.reason ? { reason: opts.reason } : {}) },
    });
    if (action === "return") await notifyUnit(trx, row, "monitoring.return", `监控表被退回：${opts.reason}`, ctx);
    return detail(trx, updated);
  });
}

export const DECISIONS = ["暂缓拨款", "整改"] as const;
export type Decision = (typeof DECISIONS)[number];

/** The finance bureau marks a project 暂缓拨款 / 整改 with a reason (null clears it). */
export async function decideReport(
  ctx: Ctx,
  id: number,
  input: { decision: Decision | null; reason?: string; rowVersion?: number },
): Promise<ReportDetail> {
  authorizeMonitoring(ctx.actor, "monitoring.decide");
  if (input.decision !== null && !input.reason?.trim())
    throw appError("validation", { detail: "reason" }, { field: "reason" });
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockReport(trx, ctx.actor, id, input.rowVersion);
    const updated = await bumpReport(trx, row, {
      decision: input.decision,
      decision_reason: input.decision === null ? null : input.reason,
      decided_by: input.decision === null ? null : ctx.actor.username,
      decided_at: input.decision === null ? null : new Date(),
    });
    await writeAudit(trx, ctx.actor, {
      regionCode: row.region_code,
      fiscalYear: row.fiscal_year,
      action: "monitoring.decide",
      entity: "monitoring_report",
      entityId: row.id,
      before: { decision: row.decision, reason: row.decision_reason },
      after: { decision: updated.decision, reason: updated.decision_reason },
    });
    if (input.decision !== null)
      await notifyUnit(trx, row, "monitoring.decision", `财政部门处理意见：${input.decision}（${input.reason}）`, ctx);
    return detail(trx, updated);
  });
}

async function notifyUnit(db: Kysely<DB>, row: ReportRow, kind: string, message: string, ctx: Ctx) {
  await db
    .insertInto("notices")
    .values({
      region_code: row.region_code,
      fiscal_year: row.fiscal_year,
      project_id: row.project_id,
      unit_code: row.unit_code,
      audience: "unit",
      kind,
      message,
      actor: ctx.actor.username,
    })
    .execute();
}
