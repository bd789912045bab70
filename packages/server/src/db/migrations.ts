/**
 * The static list of migrations (append-only) and the runner used at start. `migrateToLatest`
 * applies what is missing and then checks that the database is exactly at the code's level.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as m0001 from "./migrations/0001-init.ts";
import * as m0002 from "./migrations/0002-list-index.ts";
import * as m0003 from "./migrations/0003-project-counts.ts";
import * as m0004 from "./migrations/0004-workflow.ts";
import * as m0005 from "./migrations/0005-auth-throttle.ts";
import * as m0006 from "./migrations/0006-monitoring.ts";
import * as m0007 from "./migrations/0007-evaluation-rounds.ts";
import * as m0008 from "./migrations/0008-evidence.ts";
import * as m0009 from "./migrations/0009-published-results-withdraw.ts";

export const MIGRATIONS: Record<string, Migration> = {
  "0001-init": m0001,
  "0002-list-index": m0002,
  "0003-project-counts": m0003,
  "0004-workflow": m0004,
  "0005-auth-throttle": m0005,
  "0006-monitoring": m0006,
  "0007-evaluation-rounds": m0007,
  "0008-evidence": m0008,
  "0009-published-results-withdraw": m0009,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

export interface MigrationLevel {
  /** Name of the last applied migration. */
  level: string;
  count: number;
}

// biome-ignore lint/suspicious/noExplicitAny: runs on any schema version
function migrator(db: Kysely<any>, schema?: string): Migrator {
  // With an explicit schema Kysely looks for its own tables there, not in any schema.
  return new Migrator({ db, provider: new StaticProvider(), ...(schema ? { migrationTableSchema: schema } : {}) });
}

/** Applies pending migrations; throws when one fails or the database is ahead of the code. */
// biome-ignore lint/suspicious/noExplicitAny: runs on any schema version
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<MigrationLevel> {
  const { error, results } = await migrator(db, schema).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    throw new Error(`migration ${failed?.migrationName ?? "?"} failed: ${(error as Error).message ?? error}`);
  }
  return checkMigrations(db, schema);
}

/** Reads the applied level and checks it matches the code's migrations in order. */
// biome-ignore lint/suspicious/noExplicitAny: runs on any schema version
export async function checkMigrations(db: Kysely<any>, schema?: string): Promise<MigrationLevel> {
  const names = Object.keys(MIGRATIONS).sort();
  const q = schema ? db.withSchema(schema) : db;
  const rows = await q.selectFrom("kysely_migration").select("name").orderBy("name").execute();
  const applied = rows.map((r: { name: string }) => r.name);
  if (applied.length !== names.length || applied.some((n: string, i: number) => n !== names[i])) {
    throw new Error(`database migrations [${applied.join(", ")}] do not match the code's [${names.join(", ")}]`);
  }
  return { level: names[names.length - 1] ?? "", count: names.length };
}
