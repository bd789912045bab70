/**
 * Bulk insertion of many projects (imports, demo data, benchmarks): ids are reserved from the
 * sequence, then projects, versions, indicators and audit entries go in as a few
 * `INSERT … SELECT FROM json_to_recordset($json)` statements per batch — one JSON text per
 * statement (fast to produce and to parse), whatever the row count. Runs inside the caller's transaction.
 */
import type { MoneyUnit, Project } from "@jixiao/core";
import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.ts";
import type { Actor } from "../policies.ts";
import type { ProjectRow } from "./projects/index.ts";
import { withIndicatorIds } from "./projects/indicator-ids.ts";

export interface BulkProjects {
  regionCode: string;
  fiscalYear: number;
  moneyUnit: MoneyUnit;
  projects: readonly Project[];
  status?: "draft" | "approved";
  /** Recorded in each project's audit entry (e.g. the import's preview id). */
  source?: string;
}

export const BULK_BATCH = 2000;

/**
 * Inserts the projects with their version 1, indicators and one audit entry each.
 * `onBatch` runs after each batch (progress, tests).
 */
export async function bulkInsertProjects(
  db: Kysely<DB>,
  actor: Actor | null,
  input: BulkProjects,
  onBatch?: (done: number) => Promise<void>,
): Promise<ProjectRow[]> {
  const status = input.status ?? "draft";
  const approved = status === "approved";
  const who = actor?.username ?? "system";
  const out: ProjectRow[] = [];
  for (let start = 0; start < input.projects.length; start += BULK_BATCH) {
    // Every row gets its stable indicator id, as insertProject gives it.
    const batch = input.projects.slice(start, start + BULK_BATCH).map(withIndicatorIds);
    const n = batch.length;
    const ids = (
      await sql<{
        id: number;
      }>`select nextval(pg_get_serial_sequence('projects', 'id'))::int as id from generate_series(1, ${n})`.execute(db)
    ).rows.map((r) => r.id);
    const rc = input.regionCode;
    const fy = input.fiscalYear;
    const rows = await sql<ProjectRow>`
      insert into projects (id, region_code, fiscal_year, dept_code, unit_code, unit_name, name, category, money_unit,
        budget, indicator_count, status, kind, version_no, approved_version_no)
      select u.id, ${rc}, ${fy}, left(u.unit, 3), u.unit, u.unit_name, u.name, u.category, ${input.moneyUnit},
        u.budget, u.cnt, ${status}, 'original', 1, ${approved ? 1 : null}::int
      from json_to_recordset(${JSON.stringify(
        batch.map((p, k) => ({
          id: ids[k],
          unit: p.unitCode,
          unit_name: p.unitName,
          name: p.name,
          category: p.category,
          budget: p.budget,
          cnt: p.indicators.length,
        })),
      )}::json) as u(id int, unit text, unit_name text, name text, category text, budget numeric, cnt int)
      returning *`.execute(db);
    const now = new Date().toISOString();
    // The documents go in as one JSON array; each element becomes one version's jsonb.
    await sql`
      insert into table_versions (region_code, fiscal_year, project_id, version_no, kind, status, doc, created_by,
        submitted_at, approved_at, approved_by)
      select ${rc}, ${fy}, (${JSON.stringify(ids)}::jsonb ->> (u.ord - 1)::int)::int, 1, 'original', ${status}, u.doc, ${who},
        ${approved ? now : null}::timestamptz, ${approved ? now : null}::timestamptz, ${approved ? who : null}::text
      from jsonb_array_elements(${JSON.stringify(batch)}::jsonb) with ordinality as u(doc, ord)`.execute(db);
    const inds: unknown[] = [];
    batch.forEach((p, k) => {
      p.indicators.forEach((i, idx) => {
        inds.push({
          pid: ids[k],
          idx,
          l1: i.level1,
          l2: i.level2,
          name: i.name,
          nature: i.nature,
          op: i.operator,
          target: i.target,
          unit: i.unit,
          weight: i.weight,
        });
      });
    });
    if (inds.length > 0) {
      await sql`
        insert into indicators (region_code, fiscal_year, project_id, version_no, idx, level1, level2, name, nature,
          operator, target, unit, weight)
        select ${rc}, ${fy}, u.pid, 1, u.idx, u.l1, u.l2, u.name, u.nature, u.op, u.target, u.unit, u.weight
        from json_to_recordset(${JSON.stringify(inds)}::json)
          as u(pid int, idx int, l1 text, l2 text, name text, nature text, op text, target text, unit text, weight numeric)`.execute(
        db,
      );
    }
    await sql`
      insert into audit_log (region_code, fiscal_year, user_id, username, action, entity, entity_id, after)
      select ${rc}, ${fy}, ${actor?.id ?? null}::int, ${who}, 'project.create', 'project', u.id::text,
        jsonb_build_object('status', ${status}::text, 'name', u.name, 'unitCode', u.unit, 'indicators', u.cnt, 'source', ${input.source ?? null}::text)
      from json_to_recordset(${JSON.stringify(
        batch.map((p, k) => ({ id: ids[k], name: p.name, unit: p.unitCode, cnt: p.indicators.length })),
      )}::json) as u(id int, name text, unit text, cnt int)`.execute(db);
    const byId = new Map(rows.rows.map((r) => [r.id, r]));
    for (const id of ids) out.push(byId.get(id) as ProjectRow);
    if (onBatch) await onBatch(start + n);
  }
  return out;
}
