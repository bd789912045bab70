/**
 * 0006: 绩效运行监控 (mid-year monitoring, issue 16), keyed by region and fiscal year like the rest.
 * - monitoring_rounds: a round opened by the finance bureau for its region (scope "region") or by a
 *   department for its own projects (scope "department", dept_code set): as-of month, due date,
 *   the monitoring policy preset its lights use.
 * - monitoring_reports: one per round and approved project: the approved version it reads, the
 *   unit's entries (input, core's MonitoredProject) and the engine's result, the status
 *   (draft → submitted → accepted | returned → submitted …), the row version for If-Match, and the
 *   finance bureau's decision (暂缓拨款 / 整改) with its reason, which the unit sees.
 */
import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("monitoring_rounds")
    .addColumn("id", "serial", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("dept_code", "text")
    .addColumn("as_of_month", "integer", (c) => c.notNull())
    .addColumn("due_date", "text")
    .addColumn("policy", "text", (c) => c.notNull())
    .addColumn("opened_by", "text", (c) => c.notNull())
    .addColumn("opened_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("monitoring_rounds_pk", ["region_code", "id"])
    .execute();
  await db.schema
    .createIndex("monitoring_rounds_year_idx")
    .on("monitoring_rounds")
    .columns(["region_code", "fiscal_year", "as_of_month"])
    .execute();
  await db.schema
    .createTable("monitoring_reports")
    .addColumn("id", "serial", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("round_id", "integer", (c) => c.notNull())
    .addColumn("project_id", "integer", (c) => c.notNull())
    .addColumn("dept_code", "text", (c) => c.notNull())
    .addColumn("unit_code", "text", (c) => c.notNull())
    .addColumn("version_no", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("input", "jsonb", (c) => c.notNull())
    .addColumn("result", "jsonb", (c) => c.notNull())
    .addColumn("row_version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("return_reason", "text")
    .addColumn("decision", "text")
    .addColumn("decision_reason", "text")
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "timestamptz")
    .addColumn("submitted_at", "timestamptz")
    .addColumn("submitted_by", "text")
    .addColumn("reviewed_at", "timestamptz")
    .addColumn("reviewed_by", "text")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("monitoring_reports_pk", ["region_code", "id"])
    .execute();
  await db.schema
    .createIndex("monitoring_reports_round_project_uq")
    .on("monitoring_reports")
    .columns(["region_code", "round_id", "project_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("monitoring_reports_project_idx")
    .on("monitoring_reports")
    .columns(["region_code", "project_id", "id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("monitoring_reports").ifExists().execute();
  await db.schema.dropTable("monitoring_rounds").ifExists().execute();
}
