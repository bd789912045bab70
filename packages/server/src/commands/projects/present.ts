/** How a project row is shown to clients: the summary of a list row and the detail with its table. */
import type { MoneyUnit, Project } from "@jixiao/core";
import type { Kysely, Selectable } from "kysely";
import type { DB, ProjectsTable } from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import type { Status } from "../../workflow.ts";

export type ProjectRow = Selectable<ProjectsTable>;

export interface ProjectSummary {
  id: number;
  regionCode: string;
  fiscalYear: number;
  deptCode: string;
  unitCode: string;
  unitName: string;
  name: string;
  category: string;
  budget: number;
  moneyUnit: MoneyUnit;
  status: Status;
  versionNo: number;
  kind: "original" | "adjustment";
  rowVersion: number;
  indicatorCount: number;
  updatedAt: string;
  hasApproved: boolean;
  /** Review level a submission waits at (1-based), 0 when not submitted. */
  reviewLevel: number;
  /** A reviewer of the current level opened the submission (no 撤回 any more). */
  levelOpened: boolean;
  voidedAt: string | null;
  voidReason: string | null;
  /** How many adjustments (调整) the table has had. */
  adjustCount: number;
}

export interface ProjectDetail extends ProjectSummary {
  table: Project;
  returnReason: string | null;
  approvedVersionNo: number | null;
}

export function presentSummary(r: ProjectRow): ProjectSummary {
  return {
    id: r.id,
    regionCode: r.region_code,
    fiscalYear: r.fiscal_year,
    deptCode: r.dept_code,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    name: r.name,
    category: r.category,
    budget: Number(r.budget),
    moneyUnit: r.money_unit as MoneyUnit,
    status: r.status as Status,
    versionNo: r.version_no,
    kind: r.kind as "original" | "adjustment",
    rowVersion: r.row_version,
    indicatorCount: r.indicator_count,
    updatedAt: new Date(r.updated_at).toISOString(),
    hasApproved: r.approved_version_no !== null,
    reviewLevel: r.review_level,
    levelOpened: r.level_opened,
    voidedAt: r.voided_at === null ? null : new Date(r.voided_at).toISOString(),
    voidReason: r.void_reason,
    adjustCount: r.adjust_count,
  };
}

/** The table document of one version of a project (the current one by default). */
export async function loadDoc(db: Kysely<DB>, row: ProjectRow, versionNo = row.version_no): Promise<Project> {
  const v = await db
    .selectFrom("table_versions")
    .select("doc")
    .where("region_code", "=", row.region_code)
    .where("project_id", "=", row.id)
    .where("version_no", "=", versionNo)
    .executeTakeFirst();
  if (!v) throw notFound("version", "版本");
  return v.doc as Project;
}

export function presentWithDoc(row: ProjectRow, doc: Project): ProjectDetail {
  return {
    ...presentSummary(row),
    table: doc,
    returnReason: row.return_reason,
    approvedVersionNo: row.approved_version_no,
  };
}

export async function presentDetail(db: Kysely<DB>, row: ProjectRow): Promise<ProjectDetail> {
  return presentWithDoc(row, await loadDoc(db, row));
}
