/** Review (审核) of a stored table or a posted document with @jixiao/core's rules; comments on cells. */
import { type Finding, review, type TargetDocument } from "@jixiao/core";
import { authorize } from "../policies.ts";
import { writeAudit } from "./audit.ts";
import type { Ctx } from "./context.ts";
import { findProject, getProject, reviewTable } from "./projects/index.ts";
import { type Gate, gateOf, loadReviewSettings } from "./review-settings.ts";

/** The findings on a project's current table, each with the gate the region's policy gives it. */
export async function reviewProject(ctx: Ctx, id: number): Promise<(Finding & { gate: Gate })[]> {
  authorize(ctx.actor, "project.review");
  const p = await getProject(ctx, id);
  const { checks } = await loadReviewSettings(ctx.db, p.regionCode);
  return reviewTable(p.table, p.moneyUnit, p.fiscalYear).map((f) => ({ ...f, gate: gateOf(f, checks) }));
}

export function reviewDocument(ctx: Ctx, doc: TargetDocument): Finding[] {
  authorize(ctx.actor, "project.review");
  return review(doc);
}

export interface CommentView {
  id: number;
  versionNo: number;
  cell: string;
  body: string;
  author: string;
  createdAt: string;
}

export async function listComments(ctx: Ctx, id: number): Promise<CommentView[]> {
  authorize(ctx.actor, "project.read");
  const row = await findProject(ctx.db, ctx.actor, id);
  const rows = await ctx.db
    .selectFrom("comments")
    .selectAll()
    .where("region_code", "=", row.region_code)
    .where("project_id", "=", row.id)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    versionNo: r.version_no,
    cell: r.cell,
    body: r.body,
    author: r.author,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

export async function addComment(ctx: Ctx, id: number, cell: string, body: string): Promise<CommentView> {
  authorize(ctx.actor, "project.comment");
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findProject(trx, ctx.actor, id);
    const c = await trx
      .insertInto("comments")
      .values({
        region_code: row.region_code,
        fiscal_year: row.fiscal_year,
        project_id: row.id,
        version_no: row.version_no,
        cell,
        body,
        author: ctx.actor.username,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.actor, {
      regionCode: row.region_code,
      fiscalYear: row.fiscal_year,
      action: "comment.create",
      entity: "project",
      entityId: row.id,
      after: { cell, body },
    });
    return {
      id: c.id,
      versionNo: c.version_no,
      cell: c.cell,
      body: c.body,
      author: c.author,
      createdAt: new Date(c.created_at).toISOString(),
    };
  });
}
