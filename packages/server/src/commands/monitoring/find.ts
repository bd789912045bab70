/**
 * Reading monitoring rows inside the actor's scope (monitoring-policies.ts): a round or a report
 * outside it answers `monitoring.not-found`, exactly like a missing one. Reports are locked for a
 * change with the one stale check (If-Match / rowVersion), as projects are.
 */
import type { Kysely, Selectable } from "kysely";
import type { DB, MonitoringReportsTable, MonitoringRoundsTable } from "../../db/schema.ts";
import { notFound, stale } from "../../errors.ts";
import { reportScope, roundVisible } from "../../monitoring-policies.ts";
import type { Actor } from "../../policies.ts";

export type RoundRow = Selectable<MonitoringRoundsTable>;
export type ReportRow = Selectable<MonitoringReportsTable>;

const missing = () => notFound("monitoring", "监控表");

/** The round if it exists and the actor may see it, else `monitoring.not-found`. */
export async function findRound(db: Kysely<DB>, actor: Actor, id: number): Promise<RoundRow> {
  const row = await db
    .selectFrom("monitoring_rounds")
    .selectAll()
    .where("region_code", "=", actor.regionCode)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row || !roundVisible(actor, row)) throw missing();
  return row;
}

/** The report if it exists inside the actor's scope (locked when asked), else `monitoring.not-found`. */
export async function findReport(db: Kysely<DB>, actor: Actor, id: number, lock = false): Promise<ReportRow> {
  let q = db
    .selectFrom("monitoring_reports")
    .selectAll()
    .where("id", "=", id)
    .where((eb) => reportScope(eb, actor));
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw missing();
  return row;
}

/** The report locked for a change, after the stale check of the version the client read. */
export async function lockReport(db: Kysely<DB>, actor: Actor, id: number, expected: number | undefined) {
  const row = await findReport(db, actor, id, true);
  if (expected !== undefined && expected !== row.row_version) throw stale(row.row_version);
  return row;
}

/** Writes `set` to a locked report and bumps its row version. */
export async function bumpReport(
  db: Kysely<DB>,
  row: ReportRow,
  set: Partial<Record<keyof MonitoringReportsTable, unknown>>,
): Promise<ReportRow> {
  const updated = await db
    .updateTable("monitoring_reports")
    // biome-ignore lint/suspicious/noExplicitAny: a partial set of typed columns
    .set({ ...(set as any), row_version: row.row_version + 1, updated_at: new Date() })
    .where("region_code", "=", row.region_code)
    .where("id", "=", row.id)
    .where("row_version", "=", row.row_version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw stale(row.row_version + 1);
  return updated;
}
