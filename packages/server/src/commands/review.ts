/** Review (审核) of a stored table or a posted document with @jixiao/core's rules; comments on cells. */
import { type Finding, type Project, review, type TargetDocument } from "@jixiao/core";
import { notFound } from "../errors.ts";
import { authorize } from "../policies.ts";
import { writeAudit } from "./audit.ts";
import type { Ctx } from "./context.ts";
import { getProject, reviewTable } from "./projects/index.ts";
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
  /** Legacy anchor by position (`indicators[3].target`), kept for old comments. */
  cell: string;
  /** Stable indicator id and field of the anchor; null for project fields (budget, goal). */
  indicatorId: string | null;
  field: string | null;
  /** The anchor in the table's own words, as the table reads now (`#8 退休人员体检覆盖率 · 目标值`). */
  label: string;
  /** The indicator was deleted since: the comment stays readable with the words it had. */
  orphaned: boolean;
  parentId: number | null;
  body: string;
  author: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

/** Fields a comment may be anchored to. */
export const COMMENT_FIELDS = [
  "name",
  "level1",
  "level2",
  "nature",
  "operator",
  "target",
  "unit",
  "weight",
  "budget",
  "goal",
  "category",
  "unitName",
] as const;

const FIELD_ZH: Record<string, string> = {
  name: "三级指标",
  level1: "一级指标",
  level2: "二级指标",
  nature: "指标性质",
  operator: "指标方向",
  target: "目标值",
  unit: "计量单位",
  weight: "分值",
  budget: "预算数",
  goal: "年度绩效目标",
  category: "项目类别",
  unitName: "项目单位",
};

/** The words of an anchor in a table: `#8 退休人员体检覆盖率 · 目标值`, `预算数`. */
export function anchorLabel(table: Project, indicatorId: string | null, field: string | null): string | null {
  const f = field ? (FIELD_ZH[field] ?? field) : null;
  if (indicatorId === null) return f ?? "项目";
  const i = table.indicators.findIndex((x) => x.id === indicatorId);
  if (i < 0) return null;
  return `#${i + 1} ${table.indicators[i]?.name ?? ""}${f ? ` · ${f}` : ""}`;
}

type CommentRow = Awaited<ReturnType<typeof commentRows>>[number];
const commentRows = (ctx: Ctx, regionCode: string, projectId: number) =>
  ctx.db
    .selectFrom("comments")
    .selectAll()
    .where("region_code", "=", regionCode)
    .where("project_id", "=", projectId)
    .orderBy("id")
    .execute();

function present(r: CommentRow, table: Project): CommentView {
  const now = r.indicator_id !== null || r.field !== null ? anchorLabel(table, r.indicator_id, r.field) : null;
  return {
    id: r.id,
    versionNo: r.version_no,
    cell: r.cell,
    indicatorId: r.indicator_id,
    field: r.field,
    label: now ?? r.label ?? r.cell,
    orphaned: r.indicator_id !== null && now === null,
    parentId: r.parent_id,
    body: r.body,
    author: r.author,
    createdAt: new Date(r.created_at).toISOString(),
    resolvedAt: r.resolved_at === null ? null : new Date(r.resolved_at).toISOString(),
    resolvedBy: r.resolved_by,
  };
}

export async function listComments(ctx: Ctx, id: number): Promise<CommentView[]> {
  authorize(ctx.actor, "project.read");
  const p = await getProject(ctx, id);
  const rows = await commentRows(ctx, p.regionCode, p.id);
  return rows.map((r) => present(r, p.table));
}

export interface NewComment {
  /** Legacy position anchor (`indicators[3].target`, `budget`). */
  cell?: string;
  indicatorId?: string;
  field?: string;
  parentId?: number;
  body: string;
}

export async function addComment(
  ctx: Ctx,
  id: number,
  c: NewComment | string,
  legacyBody?: string,
): Promise<CommentView> {
  authorize(ctx.actor, "project.comment");
  const input: NewComment = typeof c === "string" ? { cell: c, body: legacyBody ?? "" } : c;
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    const p = await getProject(tx, id);
    let indicatorId = input.indicatorId ?? null;
    let field = input.field ?? null;
    // A position anchor is turned into the stable one of the row it points at now.
    const m = input.cell ? /^indicators\[(\d+)\](?:\.(\w+))?$/.exec(input.cell) : null;
    if (m) {
      indicatorId = p.table.indicators[Number(m[1])]?.id ?? null;
      field = m[2] ?? null;
    } else if (input.cell && !indicatorId) field = input.cell;
    let parent: { id: number; indicator_id: string | null; field: string | null } | undefined;
    if (input.parentId !== undefined) {
      parent = await trx
        .selectFrom("comments")
        .select(["id", "indicator_id", "field"])
        .where("region_code", "=", p.regionCode)
        .where("project_id", "=", p.id)
        .where("id", "=", input.parentId)
        .executeTakeFirst();
      if (!parent) throw notFound("comment", "意见");
      indicatorId = parent.indicator_id;
      field = parent.field;
    }
    const label = anchorLabel(p.table, indicatorId, field);
    if (label === null) throw notFound("indicator", "指标");
    const cell =
      input.cell ?? (indicatorId ? `indicator:${indicatorId}${field ? `.${field}` : ""}` : (field ?? "project"));
    const row = await trx
      .insertInto("comments")
      .values({
        region_code: p.regionCode,
        fiscal_year: p.fiscalYear,
        project_id: p.id,
        version_no: p.versionNo,
        cell,
        body: input.body,
        author: ctx.actor.username,
        indicator_id: indicatorId,
        field,
        label,
        parent_id: parent?.id ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.actor, {
      regionCode: p.regionCode,
      fiscalYear: p.fiscalYear,
      action: "comment.create",
      entity: "project",
      entityId: p.id,
      after: { label, body: input.body, parentId: parent?.id },
    });
    return present(row, p.table);
  });
}

/** 已处理 (or back to open): marks a comment thread's root as resolved. */
export async function resolveComment(ctx: Ctx, commentId: number, resolved: boolean): Promise<CommentView> {
  authorize(ctx.actor, "project.comment");
  return ctx.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom("comments")
      .select(["id", "project_id", "region_code"])
      .where("region_code", "=", ctx.actor.regionCode)
      .where("id", "=", commentId)
      .executeTakeFirst();
    if (!c) throw notFound("comment", "意见");
    const tx = { ...ctx, db: trx };
    const p = await getProject(tx, c.project_id).catch(() => {
      throw notFound("comment", "意见");
    });
    const row = await trx
      .updateTable("comments")
      .set({ resolved_at: resolved ? new Date() : null, resolved_by: resolved ? ctx.actor.username : null })
      .where("region_code", "=", p.regionCode)
      .where("id", "=", c.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx.actor, {
      regionCode: p.regionCode,
      fiscalYear: p.fiscalYear,
      action: resolved ? "comment.resolve" : "comment.reopen",
      entity: "project",
      entityId: p.id,
      after: { commentId: c.id },
    });
    return present(row, p.table);
  });
}
