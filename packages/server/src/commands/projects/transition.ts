/** Workflow transitions of a project's table (submit, approve, return, adjust) and their versions. */
import { AppError, badTransition } from "../../errors.ts";
import { authorize } from "../../policies.ts";
import { nextStatus, type Status, type Transition } from "../../workflow.ts";
import { writeAudit } from "../audit.ts";
import type { Ctx } from "../context.ts";
import { bump, lockForChange } from "./find.ts";
import { insertIndicators } from "./indicators.ts";
import { loadDoc, type ProjectDetail, type ProjectRow, presentDetail } from "./present.ts";

const TRANSITION_ACTION = {
  submit: "project.submit",
  approve: "project.approve",
  return: "project.return",
  adjust: "project.adjust",
} as const;

export async function transition(
  ctx: Ctx,
  id: number,
  t: Transition,
  opts: { reason?: string; rowVersion?: number } = {},
): Promise<ProjectDetail> {
  authorize(ctx.actor, TRANSITION_ACTION[t]);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockForChange(trx, ctx.actor, id, opts.rowVersion);
    const next = nextStatus(row.status as Status, t);
    if (!next) throw badTransition(row.status, t);
    if (t === "return" && !opts.reason?.trim()) {
      throw new AppError("validation", "退回须说明原因", "A return needs a reason", { field: "reason" });
    }
    const now = new Date();
    const v = (q: ReturnType<typeof trx.updateTable<"table_versions">>) =>
      q
        .where("region_code", "=", row.region_code)
        .where("project_id", "=", row.id)
        .where("version_no", "=", row.version_no);
    let updated: ProjectRow;
    if (t === "adjust") {
      const doc = await loadDoc(trx, row);
      const no = row.version_no + 1;
      await trx
        .insertInto("table_versions")
        .values({
          region_code: row.region_code,
          fiscal_year: row.fiscal_year,
          project_id: row.id,
          version_no: no,
          kind: "adjustment",
          status: "draft",
          doc: JSON.stringify(doc),
          created_by: ctx.actor.username,
        })
        .execute();
      await insertIndicators(trx, row, no, doc);
      updated = await bump(trx, row, {
        status: "draft",
        kind: "adjustment",
        version_no: no,
        return_reason: null,
      });
    } else {
      if (t === "submit") await v(trx.updateTable("table_versions").set({ status: next, submitted_at: now })).execute();
      if (t === "approve")
        await v(
          trx.updateTable("table_versions").set({ status: next, approved_at: now, approved_by: ctx.actor.username }),
        ).execute();
      if (t === "return")
        await v(trx.updateTable("table_versions").set({ status: next, return_reason: opts.reason ?? null })).execute();
      updated = await bump(trx, row, {
        status: next,
        return_reason: t === "return" ? (opts.reason ?? null) : null,
        ...(t === "approve" ? { approved_version_no: row.version_no } : {}),
      });
    }
    await writeAudit(trx, ctx.actor, {
      regionCode: row.region_code,
      fiscalYear: row.fiscal_year,
      action: `workflow.${t}`,
      entity: "project",
      entityId: row.id,
      before: { status: row.status, versionNo: row.version_no },
      after: { status: updated.status, versionNo: updated.version_no, reason: opts.reason },
    });
    return presentDetail(trx, updated);
  });
}
