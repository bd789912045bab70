/**
 * Replacing the current draft's table (optimistic concurrency through the row version). While the
 * project was never approved, its name, unit and category may change; after, the unit is fixed.
 */
import type { Project } from "@jixiao/core";
import { diffValues } from "../../diff.ts";
import { AppError, badTransition } from "../../errors.ts";
import { authorize } from "../../policies.ts";
import { isEditable, type Status } from "../../workflow.ts";
import { writeAudit } from "../audit.ts";
import type { Ctx } from "../context.ts";
import { checkLimits, checkUniqueName } from "./checks.ts";
import { bump, lockForChange } from "./find.ts";
import { withIndicatorIds } from "./indicator-ids.ts";
import { replaceIndicators } from "./indicators.ts";
import { checkUnit } from "./insert.ts";
import { loadDoc, type ProjectDetail, presentDetail } from "./present.ts";

export async function updateTable(ctx: Ctx, id: number, table: Project, rowVersion?: number): Promise<ProjectDetail> {
  authorize(ctx.actor, "project.edit");
  return ctx.db.transaction().execute((trx) => replaceTable({ ...ctx, db: trx }, id, table, rowVersion));
}

/** The body of {@link updateTable}, inside the caller's transaction (import's "update a draft"). */
export async function replaceTable(ctx: Ctx, id: number, table: Project, rowVersion?: number): Promise<ProjectDetail> {
  authorize(ctx.actor, "project.edit");
  const project = withIndicatorIds(table);
  checkLimits(project);
  const trx = ctx.db;
  {
    const row = await lockForChange(trx, ctx.actor, id, rowVersion);
    if (!isEditable(row.status as Status)) throw badTransition(row.status, "edit");
    if (project.unitCode !== row.unit_code) {
      if (row.approved_version_no !== null)
        throw new AppError("validation", "已批复过的项目不能更改单位", "An approved project's unit cannot be changed", {
          field: "unitCode",
        });
      await checkUnit(trx, ctx.actor, row.fiscal_year, project.unitCode);
    }
    if (project.name !== row.name || project.unitCode !== row.unit_code)
      await checkUniqueName(trx, {
        regionCode: row.region_code,
        fiscalYear: row.fiscal_year,
        unitCode: project.unitCode,
        name: project.name,
        exceptId: row.id,
      });
    const before = await loadDoc(trx, row);
    const updated = await bump(trx, row, {
      name: project.name,
      category: project.category,
      unit_code: project.unitCode,
      dept_code: project.unitCode.slice(0, 3),
      unit_name: project.unitName,
      budget: project.budget,
      indicator_count: project.indicators.length,
    });
    await trx
      .updateTable("table_versions")
      .set({ doc: JSON.stringify(project) })
      .where("region_code", "=", row.region_code)
      .where("project_id", "=", row.id)
      .where("version_no", "=", row.version_no)
      .execute();
    await replaceIndicators(trx, row, row.version_no, project);
    await writeAudit(trx, ctx.actor, {
      regionCode: row.region_code,
      fiscalYear: row.fiscal_year,
      action: "table.update",
      entity: "project",
      entityId: row.id,
      before: { versionNo: row.version_no, changes: undefined, table: before },
      after: { versionNo: row.version_no, table: project, changes: diffValues(before, project) },
    });
    return presentDetail(trx, updated);
  }
}
