/**
 * Opens the database: PostgreSQL through `pg` when a `postgres://` URL is given, else an
 * embedded PGlite in a data directory (or in memory). Migrations run and are checked here.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { type MigrationLevel, migrateToLatest } from "./migrations.ts";
import { PGliteDialect } from "./pglite-dialect.ts";
import { createPidFile } from "./pid-file.ts";
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
    // An idle connection the server ends (a restart, an administrator's termination) is dropped
    // by the pool and replaced on the next query; unhandled, its error would stop the process.
    pool.on("error", (e) =>
      process.stderr.write(`数据库连接中断，已丢弃 / a database connection was lost and dropped: ${e.message}\n`),
    );
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  } else {
    kind = "pglite";
    const dir = options.dataDir ?? "memory://";
    if (!dir.startsWith("memory://")) {
      try {
        mkdirSync(dir, { recursive: true });
      } catch (e) {
        throw fsFault(dir, e);
      }
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

/** Why the server cannot start: one line for the operator, an exit code, no stack trace. */
export class StartError extends Error {
  readonly code: string;
  readonly exitCode: number;
  constructor(code: string, zh: string, en: string, exitCode = 3) {
    super(`${zh} / ${en}`);
    this.code = code;
    this.exitCode = exitCode;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const inUse = (dir: string, pid: number): StartError =>
  pid > 0
    ? new StartError(
        "data.locked",
        `数据目录 ${dir} 正被进程 ${pid} 使用`,
        `data directory ${dir} is in use by process ${pid}`,
      )
    : new StartError(
        "data.locked",
        `数据目录 ${dir} 正被另一个进程使用`,
        `data directory ${dir} is in use by another process`,
      );

function fsFault(dir: string, e: unknown): StartError | unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM" || code === "EROFS")
    return new StartError(
      "data.read-only",
      `数据目录 ${dir} 不可写（${code}）`,
      `data directory ${dir} is not writable (${code})`,
    );
  if (code === "ENOTDIR" || code === "EEXIST")
    return new StartError(
      "data.not-a-directory",
      `数据目录 ${dir} 不是目录`,
      `data directory ${dir} is not a directory`,
    );
  if (code === "ENOSPC")
    return new StartError(
      "data.disk-full",
      `数据目录 ${dir} 所在磁盘已满`,
      `the disk of data directory ${dir} is full`,
    );
  return e;
}

const readPid = (file: string): number => {
  try {
    return Number(readFileSync(file, "utf8").trim());
  } catch {
    return Number.NaN;
  }
};

/**
 * PGlite is one process's database: a second server on the same data directory would corrupt it.
 * The lock is a pid file created exclusively (`wx`: the OS lets exactly one creator win, however
 * many start at the same instant). A file left by a dead process is taken over under a second
 * exclusive file, so two starters cannot both take over the same stale lock.
 */
function lockDataDir(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  const take = (): boolean => {
    try {
      return createPidFile(file);
    } catch (e) {
      throw fsFault(dir, e);
    }
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (take()) return () => (readPid(file) === process.pid ? rmSync(file, { force: true }) : undefined);
    const holder = readPid(file);
    if (Number.isNaN(holder) && !existsSync(file)) continue; // released meanwhile: try again
    if (holder > 0 && alive(holder)) throw inUse(dir, holder);
    // No pid yet: another starter is between creating and writing it, unless the file is old.
    if (!(holder > 0) && Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 10_000)
      throw inUse(dir, holder);
    // A stale lock of a dead process. Only one starter at a time may take it over.
    const taker = `${file}.takeover`;
    try {
      const st = statSync(taker, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > 10_000) rmSync(taker, { force: true }); // a taker that died
      closeSync(openSync(taker, "wx"));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") throw inUse(dir, holder);
      throw fsFault(dir, e);
    }
    try {
      if (readPid(file) === holder) rmSync(file, { force: true });
    } finally {
      rmSync(taker, { force: true });
    }
  }
  throw inUse(dir, readPid(file));
}
