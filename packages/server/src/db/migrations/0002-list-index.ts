/**
 * 0002: an index that serves the project list's order (unit, id) inside a region-year, so a
 * page is read from the index instead of sorting the whole region.
 */
import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("projects_list_idx")
    .on("projects")
    .columns(["region_code", "fiscal_year", "unit_code", "id"])
    .execute();
  await sql`analyze projects`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("projects_list_idx").execute();
}
