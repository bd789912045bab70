/** Creating a draft project from a posted table. */
import type { MoneyUnit, Project } from "@jixiao/core";
import { authorize } from "../../policies.ts";
import type { Ctx } from "../context.ts";
import { checkUnit, insertProject } from "./insert.ts";
import { type ProjectDetail, presentDetail } from "./present.ts";

export async function createProject(
  ctx: Ctx,
  input: { fiscalYear: number; moneyUnit?: MoneyUnit; project: Project },
): Promise<ProjectDetail> {
  authorize(ctx.actor, "project.create");
  return ctx.db.transaction().execute(async (trx) => {
    await checkUnit(trx, ctx.actor, input.fiscalYear, input.project.unitCode);
    const row = await insertProject(trx, ctx.actor, {
      regionCode: ctx.actor.regionCode,
      fiscalYear: input.fiscalYear,
      moneyUnit: input.moneyUnit ?? "万元",
      project: input.project,
    });
    return presentDetail(trx, row);
  });
}
