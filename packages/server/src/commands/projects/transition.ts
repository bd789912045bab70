/**
 * Workflow transitions of a project's table: submit (through the review gate), approve per review
 * level, return (a new version, so the next submission can be compared), withdraw (before any
 * level opened it), adjust (with 调整原因, counted) and void (作废). Each is one transaction that
 * records a timeline step, an audit entry and the notices.
 */
import { AppError, badTransition, forbidden } from "../../errors.ts";
import { authorize, may } from "../../policies.ts";
import { NEEDS_REASON, nextStatus, type Status, type Transition } from "../../workflow.ts";
import { writeAudit } from "../audit.ts";
import type { Ctx } from "../context.ts";
import { loadReviewSettings, mayActAtLevel } from "../review-settings.ts";
import { joinOpenRound } from "../self-evaluation/join-round.ts";
import { gate, reviewTable } from "./checks.ts";
import { bump, lockForChange } from "./find.ts";
import { insertIndicators } from "./indicators.ts";
import { loadDoc, type ProjectDetail, type ProjectRow, presentDetail } from "./present.ts";
import { notify, recordStep } from "./steps.ts";

const TRANSITION_ACTION = {
  submit: "project.submit",
  approve: "project.approve",
  return: "project.return",
  adjust: "project.adjust",
  withdraw: "project.submit",
  void: "project.void",
} as const;

const REASON_ZH: Record<string, string> = {
  return: "退回须说明原因",
  adjust: "调整须填写调整原因",
  void: "作废须说明原因",
};

export interface TransitionOptions {
  reason?: string;
  /** 说明 for advisory findings (提示性审核), kept with the submitted version. */
  explanation?: string;
  rowVersion?: number;
}

export async function transition(
  ctx: Ctx,
  id: number,
  t: Transition,
  opts: TransitionOptions = {},
): Promise<ProjectDetail> {
  authorize(ctx.actor, TRANSITION_ACTION[t]);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockForChange(trx, ctx.actor, id, opts.rowVersion);
    const next = nextStatus(row.status as Status, t);
    if (!next) throw badTransition(row.status, t);
    const reason = opts.reason?.trim() || null;
    if (NEEDS_REASON.includes(t) && !reason)
      throw new AppError("validation", REASON_ZH[t] ?? "须说明原因", `A ${t} needs a reason`, { field: "reason" });
    const settings = await loadReviewSettings(trx, row.region_code);
    const levels = settings.chain.length;
    const who = ctx.actor.username;
    const now = new Date();
    const version = () =>
      trx
        .updateTable("table_versions")
        .where("region_code", "=", row.region_code)
        .where("project_id", "=", row.id)
        .where("version_no", "=", row.version_no);
    const step = (action: string, level: number, r: string | null = reason) =>
      recordStep(trx, row, { versionNo: row.version_no, level, action, actor: who, reason: r });
    const newVersion = async (kind: string, extra: { adjust_reason?: string | null } = {}) => {
      const doc = await loadDoc(trx, row);
      const no = row.version_no + 1;
      await trx
        .insertInto("table_versions")
        .values({
          region_code: row.region_code,
          fiscal_year: row.fiscal_year,
          project_id: row.id,
          version_no: no,
          kind,
          status: "draft",
          doc: JSON.stringify(doc),
          created_by: who,
          ...extra,
        })
        .execute();
      await insertIndicators(trx, row, no, doc);
      return no;
    };
    let updated: ProjectRow;
    switch (t) {
      case "submit": {
        const doc = await loadDoc(trx, row);
        gate(reviewTable(doc, row.money_unit as never, row.fiscal_year), settings.checks, opts.explanation);
        await version()
          .set({ status: "submitted", submitted_at: now, submitted_by: who, explanation: opts.explanation ?? null })
          .execute();
        updated = await bump(trx, row, {
          status: "submitted",
          review_level: 1,
          level_opened: false,
          return_reason: null,
        });
        await step("submit", 0, opts.explanation?.trim() || null);
        await notify(trx, row, {
          audience: "level:1",
          kind: "submit",
          message: `「${row.name}」已提交，待${settings.chain[0]?.name}`,
          actor: who,
        });
        break;
      }
      case "approve": {
        if (!mayActAtLevel(ctx.actor, settings.chain, row.review_level)) throw forbidden();
        const doc = await loadDoc(trx, row);
        const v = await trx
          .selectFrom("table_versions")
          .select("explanation")
          .where("region_code", "=", row.region_code)
          .where("project_id", "=", row.id)
          .where("version_no", "=", row.version_no)
          .executeTakeFirst();
        gate(
          reviewTable(doc, row.money_unit as never, row.fiscal_year),
          settings.checks,
          v?.explanation ?? opts.explanation,
        );
        await step("approve", row.review_level);
        if (row.review_level < levels) {
          const nextLevel = row.review_level + 1;
          updated = await bump(trx, row, { review_level: nextLevel, level_opened: false });
          await notify(trx, row, {
            audience: `level:${nextLevel}`,
            kind: "submit",
            message: `「${row.name}」已通过${settings.chain[row.review_level - 1]?.name}，待${settings.chain[nextLevel - 1]?.name}`,
            actor: who,
          });
        } else {
          await version().set({ status: "approved", approved_at: now, approved_by: who }).execute();
          updated = await bump(trx, row, {
            status: "approved",
            review_level: 0,
            level_opened: false,
            approved_version_no: row.version_no,
          });
          await joinOpenRound(trx, ctx.actor, updated); // an open self-evaluation round of its scope takes it
          await notify(trx, row, { audience: "unit", kind: "approve", message: `「${row.name}」已批复`, actor: who });
        }
        break;
      }
      case "return": {
        if (!mayActAtLevel(ctx.actor, settings.chain, row.review_level)) throw forbidden();
        await version().set({ status: "returned", return_reason: reason }).execute();
        await step("return", row.review_level);
        // The returned version stays as it was submitted; the unit edits a new version, so the
        // reviewer sees exactly what changed at the next submission.
        const kind = row.kind;
        const no = await newVersion(kind);
        updated = await bump(trx, row, {
          status: "returned",
          version_no: no,
          review_level: 0,
          level_opened: false,
          return_reason: reason,
        });
        await notify(trx, row, {
          audience: "unit",
          kind: "return",
          message: `「${row.name}」被退回：${reason}`,
          actor: who,
        });
        break;
      }
      case "withdraw": {
        if (!may(ctx.actor, "project.edit")) throw forbidden();
        if (row.level_opened || row.review_level !== 1)
          throw new AppError(
            "workflow.already-opened",
            "审核人员已打开或已审核此表，不能撤回",
            "A reviewer already opened this submission; it cannot be withdrawn",
          );
        await version().set({ status: "draft", submitted_at: null, submitted_by: null }).execute();
        await step("withdraw", 0);
        updated = await bump(trx, row, { status: "draft", review_level: 0, level_opened: false });
        break;
      }
      case "adjust": {
        const no = await newVersion("adjustment", { adjust_reason: reason });
        updated = await bump(trx, row, {
          status: "draft",
          kind: "adjustment",
          version_no: no,
          return_reason: null,
          adjust_count: row.adjust_count + 1,
        });
        await recordStep(trx, row, { versionNo: no, level: 0, action: "adjust", actor: who, reason });
        break;
      }
      case "void": {
        updated = await bump(trx, row, { status: "voided", voided_at: now, void_reason: reason });
        await step("void", 0);
        break;
      }
    }
    await writeAudit(trx, ctx.actor, {
      regionCode: row.region_code,
      fiscalYear: row.fiscal_year,
      action: `workflow.${t}`,
      entity: "project",
      entityId: row.id,
      before: { status: row.status, versionNo: row.version_no, level: row.review_level },
      after: {
        status: updated.status,
        versionNo: updated.version_no,
        level: updated.review_level,
        reason: reason ?? undefined,
      },
    });
    return presentDetail(trx, updated);
  });
}

/** A reviewer of the current level opened the submission: from now on the unit cannot 撤回. */
export async function openSubmission(ctx: Ctx, id: number): Promise<{ opened: boolean }> {
  authorize(ctx.actor, "project.review");
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockForChange(trx, ctx.actor, id, undefined);
    if (row.status !== "submitted" || row.level_opened) return { opened: row.level_opened };
    const settings = await loadReviewSettings(trx, row.region_code);
    if (ctx.actor.role === "unit_staff" || !mayActAtLevel(ctx.actor, settings.chain, row.review_level))
      return { opened: false };
    await trx
      .updateTable("projects")
      .set({ level_opened: true })
      .where("region_code", "=", row.region_code)
      .where("id", "=", row.id)
      .execute();
    await recordStep(trx, row, {
      versionNo: row.version_no,
      level: row.review_level,
      action: "open",
      actor: ctx.actor.username,
    });
    return { opened: true };
  });
}
