/**
 * 0003: per-(region, year, unit, status) project counts, maintained by statement-level triggers
 * with transition tables, so a list's exact total is a sum over a few counter rows instead of a
 * count over the whole region.
 */
import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("project_counts")
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("unit_code", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_counts_pk", ["region_code", "fiscal_year", "unit_code", "status"])
    .execute();
  await sql`insert into project_counts (region_code, fiscal_year, unit_code, status, n)
    select region_code, fiscal_year, unit_code, status, count(*)::int from projects group by 1, 2, 3, 4`.execute(db);
  // Counter rows are locked in key order (order by) so that concurrent statements cannot deadlock.
  // An update only touches counters when a row's status changed (edits bump row_version only).
  const add = (from: string, where = "") => `insert into project_counts (region_code, fiscal_year, unit_code, status, n)
      select n.region_code, n.fiscal_year, n.unit_code, n.status, count(*)::int from ${from} ${where}
      group by 1, 2, 3, 4 order by 1, 2, 3, 4
      on conflict (region_code, fiscal_year, unit_code, status) do update set n = project_counts.n + excluded.n;`;
  const sub = (from: string, where = "") => `update project_counts c set n = c.n - d.k
      from (select o.region_code, o.fiscal_year, o.unit_code, o.status, count(*)::int as k from ${from} ${where}
            group by 1, 2, 3, 4 order by 1, 2, 3, 4) d
      where c.region_code = d.region_code and c.fiscal_year = d.fiscal_year
        and c.unit_code = d.unit_code and c.status = d.status;`;
  const changed =
    "join new_rows n on n.region_code = o.region_code and n.id = o.id where o.status is distinct from n.status";
  const fn = (name: string, body: string) =>
    sql
      .raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`)
      .execute(db);
  await fn("jixiao_count_insert", add("new_rows n"));
  await fn("jixiao_count_delete", sub("old_rows o"));
  await fn("jixiao_count_update", sub("old_rows o", changed) + add("old_rows o", changed));
  await sql`create trigger projects_count_insert after insert on projects
    referencing new table as new_rows for each statement execute function jixiao_count_insert()`.execute(db);
  await sql`create trigger projects_count_update after update on projects
    referencing old table as old_rows new table as new_rows for each statement execute function jixiao_count_update()`.execute(
    db,
  );
  await sql`create trigger projects_count_delete after delete on projects
    referencing old table as old_rows for each statement execute function jixiao_count_delete()`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const f of ["jixiao_count_insert", "jixiao_count_delete", "jixiao_count_update"]) {
    await sql.raw(`drop function if exists ${f}() cascade`).execute(db);
  }
  await db.schema.dropTable("project_counts").ifExists().execute();
}
