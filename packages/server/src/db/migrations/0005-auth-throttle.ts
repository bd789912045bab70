/**
 * 0005: login and password-change throttling in the database. One row per key (`user:<name>`,
 * `ip:<address>`, `pw:<user id>`), counted by a single `INSERT … ON CONFLICT DO UPDATE … RETURNING`
 * so that parallel attempts cannot overwrite each other (auth/throttle.ts). Not tenant data: a key
 * is a username or an address, before anyone is known to belong to a region.
 */
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("auth_throttle")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("blocked_until", "timestamptz")
    .addColumn("allowed", "boolean", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("auth_throttle_updated").on("auth_throttle").column("updated_at").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("auth_throttle").ifExists().execute();
}
