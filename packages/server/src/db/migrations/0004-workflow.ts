/**
 * 0004: the finance office's workflow (issue 12).
 * - projects: the review level a submission waits at and whether that level opened it (撤回 is
 *   allowed only before), 作废 (voided_at/void_reason, kept but out of totals), the count of
 *   adjustments; one name per unit and year (existing duplicates get their id appended first).
 * - table_versions: the 说明 typed for advisory findings, the 调整原因, who submitted.
 * - review_steps: every workflow step of every version (the timeline: who, when, what, why).
 * - region_settings: per-region settings as JSON (`review.chain`, `review.checks`).
 * - comments: anchored to (stable indicator id, field), replies, 已处理.
 * - publications: one current per department-year, withdrawal/correction with a public reason.
 * - notices: in-app notices to a unit or a reviewer scope.
 */
import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("projects")
    .addColumn("review_level", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("level_opened", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("voided_at", "timestamptz")
    .addColumn("void_reason", "text")
    .addColumn("adjust_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update projects p set name = p.name || '（' || p.id || '）'
    where exists (select 1 from projects q where q.region_code = p.region_code and q.fiscal_year = p.fiscal_year
      and q.unit_code = p.unit_code and q.name = p.name and q.id < p.id)`.execute(db);
  await db.schema
    .createIndex("projects_unit_name_uq")
    .on("projects")
    .columns(["region_code", "fiscal_year", "unit_code", "name"])
    .unique()
    .execute();
  // A draft may move to another unit now: the per-unit counters follow a unit change too.
  const changed = `join new_rows n on n.region_code = o.region_code and n.id = o.id
    where (o.status, o.unit_code) is distinct from (n.status, n.unit_code)`;
  await sql
    .raw(`create or replace function jixiao_count_update() returns trigger language plpgsql as $$ begin
      update project_counts c set n = c.n - d.k
      from (select o.region_code, o.fiscal_year, o.unit_code, o.status, count(*)::int as k from old_rows o ${changed}
            group by 1, 2, 3, 4 order by 1, 2, 3, 4) d
      where c.region_code = d.region_code and c.fiscal_year = d.fiscal_year
        and c.unit_code = d.unit_code and c.status = d.status;
      insert into project_counts (region_code, fiscal_year, unit_code, status, n)
      select n.region_code, n.fiscal_year, n.unit_code, n.status, count(*)::int from old_rows o ${changed}
      group by 1, 2, 3, 4 order by 1, 2, 3, 4
      on conflict (region_code, fiscal_year, unit_code, status) do update set n = project_counts.n + excluded.n;
      return null; end $$`)
    .execute(db);
  // A weight the table does not print is null (core's Indicator.weight: number | null).
  await db.schema
    .alterTable("indicators")
    .alterColumn("weight", (c) => c.dropNotNull())
    .execute();
  await db.schema
    .alterTable("table_versions")
    .addColumn("explanation", "text")
    .addColumn("adjust_reason", "text")
    .addColumn("submitted_by", "text")
    .execute();
  await db.schema
    .createTable("review_steps")
    .addColumn("id", "serial", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("project_id", "integer", (c) => c.notNull())
    .addColumn("version_no", "integer", (c) => c.notNull())
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("review_steps_pk", ["region_code", "id"])
    .execute();
  await db.schema
    .createIndex("review_steps_project_idx")
    .on("review_steps")
    .columns(["region_code", "project_id", "id"])
    .execute();
  await db.schema
    .createTable("region_settings")
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("value", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("region_settings_pk", ["region_code", "key"])
    .execute();
  await db.schema
    .alterTable("comments")
    .addColumn("indicator_id", "text")
    .addColumn("field", "text")
    .addColumn("label", "text")
    .addColumn("parent_id", "integer")
    .addColumn("resolved_at", "timestamptz")
    .addColumn("resolved_by", "text")
    .execute();
  await db.schema
    .alterTable("publications")
    .addColumn("current", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("replaced_by", "integer")
    .addColumn("withdrawn_at", "timestamptz")
    .addColumn("withdraw_reason", "text")
    .execute();
  // Only the newest publication of a department-year stays current.
  await sql`update publications p set current = false where exists (select 1 from publications q
    where q.region_code = p.region_code and q.fiscal_year = p.fiscal_year and q.dept_code = p.dept_code
      and q.id > p.id)`.execute(db);
  await db.schema
    .createTable("notices")
    .addColumn("id", "serial", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("project_id", "integer", (c) => c.notNull())
    .addColumn("unit_code", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("notices_pk", ["region_code", "id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("notices").ifExists().execute();
  await db.schema.dropTable("region_settings").ifExists().execute();
  await db.schema.dropTable("review_steps").ifExists().execute();
  await db.schema.dropIndex("projects_unit_name_uq").ifExists().execute();
  await db.schema
    .alterTable("publications")
    .dropColumn("current")
    .dropColumn("replaced_by")
    .dropColumn("withdrawn_at")
    .dropColumn("withdraw_reason")
    .execute();
  for (const c of ["indicator_id", "field", "label", "parent_id", "resolved_at", "resolved_by"])
    await db.schema.alterTable("comments").dropColumn(c).execute();
  for (const c of ["explanation", "adjust_reason", "submitted_by"])
    await db.schema.alterTable("table_versions").dropColumn(c).execute();
  for (const c of ["review_level", "level_opened", "voided_at", "void_reason", "adjust_count"])
    await db.schema.alterTable("projects").dropColumn(c).execute();
}
