/**
 * Opens the database: PostgreSQL through `pg` when a `postgres://` URL is given, else an
 * embedded PGlite in a data directory (or in memory). Migrations run and are checked here.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { type MigrationLevel, migrateToLatest } from "./migrations.ts";
import { PGliteDialect } from "./pglite-dialect.ts";
import type { DB } from "./schema.ts";

export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  migration: MigrationLevel;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** `postgres://…`: use a PostgreSQL server. */
  url?: string;
  /** PGlite data directory; `memory://` or undefined with `memory: true` for an in-memory database. */
  dataDir?: string;
  /** PostgreSQL schema to use (created when missing); for isolated test runs. */
  schema?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export async function openDatabase(options: ConnectOptions): Promise<Database> {
  let db: Kysely<DB>;
  let kind: DatabaseKind;
  let unlock: (() => void) | null = null;
  if (options.url) {
    kind = "postgres";
    if (options.schema) {
      const admin = new pg.Client({ connectionString: options.url });
      await admin.connect();
      try {
        await admin.query(`create schema if not exists "${options.schema.replace(/"/g, "")}"`);
      } finally {
        await admin.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  } else {
    kind = "pglite";
    const dir = options.dataDir ?? "memory://";
    if (!dir.startsWith("memory://")) {
      mkdirSync(dir, { recursive: true });
      unlock = lockDataDir(dir);
    }
    const lite = await PGlite.create(dir);
    db = new Kysely<DB>({ dialect: new PGliteDialect(lite) });
  }
  const close = async (): Promise<void> => {
    await db.destroy();
    unlock?.();
  };
  try {
    const migration = await migrateToLatest(db, options.schema);
    return { db, kind, migration, close };
  } catch (e) {
    await close();
    throw e;
  }
}

const LOCK_FILE = "jixiao-server.pid";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is one process's database: a second server on the same data directory would corrupt it.
 * A pid file in the directory refuses that (a stale file of a dead process is taken over).
 */
function lockDataDir(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  let holder = Number.NaN;
  try {
    holder = Number(readFileSync(file, "utf8").trim());
  } catch {
    // no lock yet
  }
  if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
    throw new Error(`数据目录 ${dir} 正被进程 ${holder} 使用 / data directory ${dir} is in use by process ${holder}`);
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
