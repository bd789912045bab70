/** The versions of a project's table: the list, one version, and the diff between two. */
import type { Project } from "@jixiao/core";
import { type Change, diffValues } from "../../diff.ts";
import { notFound } from "../../errors.ts";
import { authorize } from "../../policies.ts";
import type { Status } from "../../workflow.ts";
import type { Ctx } from "../context.ts";
import { findProject } from "./find.ts";
import { loadDoc } from "./present.ts";

export interface VersionSummary {
  versionNo: number;
  kind: string;
  status: Status;
  createdAt: string;
  createdBy: string;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  returnReason: string | null;
  /** 说明 the unit wrote for advisory findings when submitting this version. */
  explanation: string | null;
  /** 调整原因 of an adjustment version. */
  adjustReason: string | null;
  submittedBy: string | null;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export async function listVersions(ctx: Ctx, id: number): Promise<VersionSummary[]> {
  authorize(ctx.actor, "project.read");
  const row = await findProject(ctx.db, ctx.actor, id);
  const rows = await ctx.db
    .selectFrom("table_versions")
    .select([
      "version_no",
      "kind",
      "status",
      "created_at",
      "created_by",
      "submitted_at",
      "approved_at",
      "approved_by",
      "return_reason",
      "explanation",
      "adjust_reason",
      "submitted_by",
    ])
    .where("region_code", "=", row.region_code)
    .where("project_id", "=", row.id)
    .orderBy("version_no")
    .execute();
  return rows.map((r) => ({
    versionNo: r.version_no,
    kind: r.kind,
    status: r.status as Status,
    createdAt: iso(r.created_at) as string,
    createdBy: r.created_by,
    submittedAt: iso(r.submitted_at),
    approvedAt: iso(r.approved_at),
    approvedBy: r.approved_by,
    returnReason: r.return_reason,
    explanation: r.explanation,
    adjustReason: r.adjust_reason,
    submittedBy: r.submitted_by,
  }));
}

export async function getVersion(ctx: Ctx, id: number, no: number): Promise<VersionSummary & { table: Project }> {
  const versions = await listVersions(ctx, id);
  const v = versions.find((x) => x.versionNo === no);
  if (!v) throw notFound("version", "版本");
  const row = await findProject(ctx.db, ctx.actor, id);
  return { ...v, table: await loadDoc(ctx.db, row, no) };
}

export async function diffVersions(
  ctx: Ctx,
  id: number,
  from: number,
  to: number,
): Promise<{ from: number; to: number; changes: Change[] }> {
  authorize(ctx.actor, "project.read");
  const row = await findProject(ctx.db, ctx.actor, id);
  const [a, b] = await Promise.all([loadDoc(ctx.db, row, from), loadDoc(ctx.db, row, to)]);
  return { from, to, changes: diffValues(a, b) };
}
