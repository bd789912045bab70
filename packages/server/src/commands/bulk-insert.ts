/**
 * Bulk insertion of many projects (imports, demo data, benchmarks): ids are reserved from the
 * sequence, then projects, versions, indicators and audit entries go in as a few
 * `INSERT … SELECT FROM unnest($arrays)` statements per batch — a constant number of
 * parameters per statement, whatever the row count. Runs inside the caller's transaction.
 */
import type { MoneyUnit, Project } from "@jixiao/core";
import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.ts";
import type { Actor } from "../policies.ts";
import type { ProjectRow } from "./projects.ts";

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
    const batch = input.projects.slice(start, start + BULK_BATCH);
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
      select u.id, ${rc}, ${fy}, u.dept, u.unit, u.unit_name, u.name, u.category, ${input.moneyUnit},
        u.budget, u.cnt, ${status}, 'original', 1, ${approved ? 1 : null}::int
      from unnest(${ids}::int[], ${batch.map((p) => p.unitCode.slice(0, 3))}::text[], ${batch.map((p) => p.unitCode)}::text[],
        ${batch.map((p) => p.unitName)}::text[], ${batch.map((p) => p.name)}::text[], ${batch.map((p) => p.category)}::text[],
        ${batch.map((p) => String(p.budget))}::numeric[], ${batch.map((p) => p.indicators.length)}::int[])
        as u(id, dept, unit, unit_name, name, category, budget, cnt)
      returning *`.execute(db);
    const now = new Date().toISOString();
    await sql`
      insert into table_versions (region_code, fiscal_year, project_id, version_no, kind, status, doc, created_by,
        submitted_at, approved_at, approved_by)
      select ${rc}, ${fy}, u.id, 1, 'original', ${status}, u.doc::jsonb, ${who},
        ${approved ? now : null}::timestamptz, ${approved ? now : null}::timestamptz, ${approved ? who : null}::text
      from unnest(${ids}::int[], ${batch.map((p) => JSON.stringify(p))}::text[]) as u(id, doc)`.execute(db);
    const ind = {
      pid: [] as number[],
      idx: [] as number[],
      l1: [] as string[],
      l2: [] as string[],
      name: [] as string[],
      nature: [] as string[],
      op: [] as (string | null)[],
      target: [] as string[],
      unit: [] as (string | null)[],
      weight: [] as string[],
    };
    batch.forEach((p, k) => {
      p.indicators.forEach((i, idx) => {
        ind.pid.push(ids[k] as number);
        ind.idx.push(idx);
        ind.l1.push(i.level1);
        ind.l2.push(i.level2);
        ind.name.push(i.name);
        ind.nature.push(i.nature);
        ind.op.push(i.operator);
        ind.target.push(i.target);
        ind.unit.push(i.unit);
        ind.weight.push(String(i.weight));
      });
    });
    if (ind.pid.length > 0) {
      await sql`
        insert into indicators (region_code, fiscal_year, project_id, version_no, idx, level1, level2, name, nature,
          operator, target, unit, weight)
        select ${rc}, ${fy}, u.pid, 1, u.idx, u.l1, u.l2, u.name, u.nature, u.op, u.target, u.unit, u.weight
        from unnest(${ind.pid}::int[], ${ind.idx}::int[], ${ind.l1}::text[], ${ind.l2}::text[], ${ind.name}::text[],
          ${ind.nature}::text[], ${ind.op}::text[], ${ind.target}::text[], ${ind.unit}::text[], ${ind.weight}::numeric[])
          as u(pid, idx, l1, l2, name, nature, op, target, unit, weight)`.execute(db);
    }
    await sql`
      insert into audit_log (region_code, fiscal_year, user_id, username, action, entity, entity_id, after)
      select ${rc}, ${fy}, ${actor?.id ?? null}::int, ${who}, 'project.create', 'project', u.id::text, u.after::jsonb
      from unnest(${ids}::int[], ${batch.map((p) =>
        JSON.stringify({
          status,
          name: p.name,
          unitCode: p.unitCode,
          indicators: p.indicators.length,
          source: input.source,
        }),
      )}::text[]) as u(id, after)`.execute(db);
    const byId = new Map(rows.rows.map((r) => [r.id, r]));
    for (const id of ids) out.push(byId.get(id) as ProjectRow);
    if (onBatch) await onBatch(start + n);
  }
  return out;
}
