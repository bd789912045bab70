/**
 * 0008: 佐证材料 and published self-evaluation results (issue 17), keyed by region like the rest.
 * - evidence_files: files attached to a project's self-evaluation, or to one of its indicators
 *   (the stable indicator id, commands/projects/indicator-ids.ts). The bytes live in the database
 *   (bytea on PGlite and PostgreSQL alike) with the type found by their magic bytes, their size and
 *   SHA-256; limits in docs/SECURITY.md ("Evidence files").
 * - self_evaluation_results: what the finance bureau published of an accepted self-evaluation
 *   (score, grade, conclusion, indicator actuals), one row per project, shown on the public pages
 *   beside the department's 表12. Independent of 0007 (no foreign keys to the rounds).
 */
import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("evidence_files")
    .addColumn("id", "serial", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("project_id", "integer", (c) => c.notNull())
    .addColumn("indicator_id", "text")
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("content", "bytea", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.notNull())
    .addColumn("uploaded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("evidence_files_pk", ["region_code", "id"])
    .execute();
  await db.schema
    .createIndex("evidence_files_project_idx")
    .on("evidence_files")
    .columns(["region_code", "project_id", "id"])
    .execute();
  await db.schema
    .createTable("self_evaluation_results")
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("project_id", "integer", (c) => c.notNull())
    .addColumn("dept_code", "text", (c) => c.notNull())
    .addColumn("unit_code", "text", (c) => c.notNull())
    .addColumn("round_id", "integer")
    .addColumn("result", "jsonb", (c) => c.notNull())
    .addColumn("published_by", "text", (c) => c.notNull())
    .addColumn("published_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("self_evaluation_results_pk", ["region_code", "project_id"])
    .execute();
  await db.schema
    .createIndex("self_evaluation_results_dept_idx")
    .on("self_evaluation_results")
    .columns(["region_code", "fiscal_year", "dept_code"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("self_evaluation_results").ifExists().execute();
  await db.schema.dropTable("evidence_files").ifExists().execute();
}
