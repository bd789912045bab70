/** Deleting a never-approved draft with its rows. */
import { badTransition } from "../../errors.ts";
import { authorize } from "../../policies.ts";
import { isEditable, type Status } from "../../workflow.ts";
import { writeAudit } from "../audit.ts";
import type { Ctx } from "../context.ts";
import { lockForChange } from "./find.ts";
import { presentSummary } from "./present.ts";

export async function deleteProject(ctx: Ctx, id: number, rowVersion?: number): Promise<void> {
  authorize(ctx.actor, "project.delete");
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockForChange(trx, ctx.actor, id, rowVersion);
    if (row.approved_version_no !== null || !isEditable(row.status as Status))
      throw badTransition(row.status, "delete");
    for (const t of ["indicators", "self_evaluations", "comments"] as const) {
      await trx.deleteFrom(t).where("region_code", "=", row.region_code).where("project_id", "=", row.id).execute();
    }
    await trx.deleteFrom("projects").where("region_code", "=", row.region_code).where("id", "=", row.id).execute();
    await writeAudit(trx, ctx.actor, {
      regionCode: row.region_code,
      fiscalYear: row.fiscal_year,
      action: "project.delete",
      entity: "project",
      entityId: row.id,
      before: presentSummary(row),
    });
  });
}
