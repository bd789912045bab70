/**
 * Test support: PGlite databases that start from a template instead of initdb + migrations.
 *
 * A template is a dump of a PGlite data directory (`dumpDataDir("none")`, the mechanism PGlite's
 * own `clone()` uses) made once and loaded into a fresh in-memory PGlite for every test database
 * (`PGlite.create({ loadDataDir })`). Each database is its own copy: nothing is shared between
 * databases, files or tests. The first template is made by running every migration on a fresh
 * database; derived templates (e.g. the test app's demo data) are a template plus a `prepare` step.
 *
 * Within a run of `npm test`, scripts/test-run.mjs sets JIXIAO_TEST_RUN_DIR (a fresh folder
 * removed at the end), so a template is made once per run: the first process to need it takes
 * `pglite-<name>.tar.lock` exclusively (its pid inside), makes it and publishes `pglite-<name>.tar` by
 * an atomic rename; others wait for the file while the maker lives (a readiness poll), and make
 * their own copy when it died. Without the variable (a file run alone) templates are made once per
 * process.
 */
import { existsSync, openAsBlob, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout } from "node:timers/promises";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import type { Database } from "./connect.ts";
import { checkMigrations, migrateToLatest } from "./migrations.ts";
import { PGliteDialect } from "./pglite-dialect.ts";
import { createPidFile } from "./pid-file.ts";
import type { DB } from "./schema.ts";

/** A template: the base one (MIGRATED), or MIGRATED after `prepare` (see defineTemplate). */
export interface Template {
  name: string;
  prepare: ((d: Database) => Promise<void>) | null;
}

/** The base template: a fresh PGlite with every migration applied. */
export const MIGRATED: Template = { name: "migrated", prepare: null };

const inProcess = new Map<string, Promise<Blob>>();

/** A PGlite as a Database, as openDatabase makes it; `migrate` false only checks the level. */
async function wrap(lite: PGlite, migrate: boolean): Promise<Database> {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(lite) });
  const close = (): Promise<void> => db.destroy();
  try {
    const migration = migrate ? await migrateToLatest(db) : await checkMigrations(db);
    return { db, kind: "pglite", migration, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Makes a template: the base one from initdb + migrations, a derived one from MIGRATED + `prepare`. */
async function make(prepare: Template["prepare"]): Promise<Blob> {
  const lite = prepare ? await PGlite.create({ loadDataDir: await dump(MIGRATED) }) : await PGlite.create("memory://");
  const d = await wrap(lite, prepare === null);
  try {
    if (prepare) await prepare(d);
    await sql`checkpoint`.execute(d.db); // everything in the data files: loading need not replay WAL
    return await lite.dumpDataDir("none");
  } finally {
    await d.close();
  }
}

/**
 * Declares a derived template: a copy of MIGRATED after `prepare`. `name` must be unique in the
 * test suite, and `prepare` must leave the same state every time (it runs once per run, not once
 * per test database).
 */
export function defineTemplate(name: string, prepare: (d: Database) => Promise<void>): Template {
  if (!/^[a-z0-9-]+$/.test(name) || name === MIGRATED.name) throw new Error(`bad template name ${name}`);
  return { name, prepare };
}

/** The template's dump: from this run's folder when published there, else made (and published). */
function dump(t: Template): Promise<Blob> {
  let p = inProcess.get(t.name);
  if (!p) {
    p = fetchOrMake(t);
    inProcess.set(t.name, p);
    p.catch(() => inProcess.delete(t.name));
  }
  return p;
}

async function fetchOrMake(t: Template): Promise<Blob> {
  const build = () => make(t.prepare);
  const name = t.name;
  const dir = process.env.JIXIAO_TEST_RUN_DIR;
  if (!dir || !existsSync(dir)) return build();
  const file = path.join(dir, `pglite-${name}.tar`);
  const lock = `${file}.lock`;
  for (;;) {
    if (existsSync(file)) return openAsBlob(file);
    if (takeLock(lock)) break;
    if (makerGone(lock)) return build(); // make our own copy rather than wait for nothing
    await setTimeout(POLL_MS); // readiness poll: the maker publishes the file, or drops the lock on failure
  }
  let blob: Blob;
  try {
    blob = await build();
  } catch (e) {
    rmSync(lock, { force: true }); // waiting processes try themselves, and show the fault too
    throw e;
  }
  const partial = `${file}.partial-${process.pid}`;
  try {
    writeFileSync(partial, new Uint8Array(await blob.arrayBuffer()));
    renameSync(partial, file);
  } catch {
    rmSync(partial, { force: true });
    rmSync(lock, { force: true }); // not published: the next process makes it again
  }
  return blob;
}

/** How often a process waiting for another to make a template looks again. */
export const POLL_MS = 100;

/** Creates `lock` exclusively with this process's id in it; false when another process holds it. */
export const takeLock = createPidFile;

/** The lock's maker died, or never wrote its pid (a lock older than 10 s without one). */
export function makerGone(lock: string): boolean {
  try {
    const pid = Number(readFileSync(lock, "utf8").trim());
    if (pid > 0) return !alive(pid);
    return Date.now() - statSync(lock).mtimeMs > 10_000;
  } catch {
    return false; // released meanwhile: the loop looks again
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

/** A fresh in-memory PGlite database that starts as a copy of template `t`. */
export async function openFromTemplate(t: Template = MIGRATED): Promise<Database> {
  const lite = await PGlite.create({ loadDataDir: await dump(t) });
  return wrap(lite, false);
}
