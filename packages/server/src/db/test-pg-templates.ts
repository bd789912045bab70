/**
 * Test support: PostgreSQL test databases made with `CREATE DATABASE … TEMPLATE` from a database
 * prepared once per run, instead of running the migrations and `prepare` for every test database.
 *
 * Only inside a run of `npm test` (JIXIAO_TEST_RUN_DIR, see scripts/test-run.mjs): the first
 * process to need template `t` takes `pg-<name>.lock` in the run folder, creates database
 * `jxt_<run>_<name>` next to TEST_DATABASE_URL's, migrates and prepares it, disconnects, and
 * writes `pg-<name>.ready`; others wait for that file while the maker lives. Every test database is then a copy, dropped on close; the runner drops
 * the templates at the end of the run (names listed in `pg-templates`). Until a template is ready,
 * or outside a run, callers fall back to a fresh schema (`null` here).
 */

import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout } from "node:timers/promises";
import pg from "pg";
import { type Database, openDatabase } from "./connect.ts";
import { makerGone, POLL_MS, type Template, takeLock } from "./test-templates.ts";

/** The URL of database `name` on the server of `url`. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const ready = new Map<string, Promise<string | null>>();

/** The template database's name once it is ready; null when it cannot be had in this process. */
function templateDatabase(url: string, t: Template): Promise<string | null> {
  let p = ready.get(t.name);
  if (!p) {
    p = makeOnce(url, t);
    ready.set(t.name, p);
  }
  return p;
}

async function makeOnce(url: string, t: Template): Promise<string | null> {
  const dir = process.env.JIXIAO_TEST_RUN_DIR;
  if (!dir || !existsSync(dir)) return null;
  const run = path
    .basename(dir)
    .slice(-6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "x");
  const name = `jxt_${run}_${t.name.replace(/-/g, "_")}`;
  const readyFile = path.join(dir, `pg-${t.name}.ready`);
  const lock = path.join(dir, `pg-${t.name}.lock`);
  const failed = path.join(dir, `pg-${t.name}.failed`);
  for (;;) {
    if (existsSync(readyFile)) return name;
    if (existsSync(failed)) return null;
    if (takeLock(lock)) break;
    if (makerGone(lock)) return null; // its maker died: fresh schemas
    await setTimeout(POLL_MS); // readiness poll: the maker writes the ready file, or drops the lock
  }
  try {
    appendFileSync(path.join(dir, "pg-templates"), `${name}\n`); // for the runner to drop at the end
    await admin(url, (c) => c.query(`create database "${name}"`));
    const d = await openDatabase({ url: withDatabase(url, name), poolSize: 2 });
    try {
      await t.prepare?.(d);
    } finally {
      await d.close(); // a template database must have no connections when it is copied
    }
    writeFileSync(readyFile, name);
    return name;
  } catch (e) {
    // E.g. no CREATEDB right: every process falls back to a fresh schema, where a fault of
    // `prepare` itself shows again in the test that needs it.
    writeFileSync(failed, String((e as Error).message));
    process.stderr.write(`test database template ${name} not made, using fresh schemas: ${(e as Error).message}\n`);
    return null;
  }
}

/** A fresh database copied from template `t`, dropped on close; null when the template is not ready. */
export async function openPostgresCopy(url: string, t: Template): Promise<Database | null> {
  const template = await templateDatabase(url, t);
  if (!template) return null;
  const name = `${template}_${process.pid}_${randomBytes(3).toString("hex")}`;
  await admin(url, (c) => c.query(`create database "${name}" template "${template}"`));
  // pg's pool.end() resolves before its sockets are closed: wait for the sessions to leave
  // (readiness poll), and only force what is left after that.
  const drop = () =>
    admin(url, async (c) => {
      for (let i = 0; i < 100; i++) {
        const left = await c.query("select count(*)::int as n from pg_stat_activity where datname = $1", [name]);
        if (left.rows[0]?.n === 0) break;
        await setTimeout(POLL_MS);
      }
      await c.query(`drop database if exists "${name}" with (force)`);
    });
  let d: Database;
  try {
    d = await openDatabase({ url: withDatabase(url, name), poolSize: 20 });
  } catch (e) {
    await drop();
    throw e;
  }
  return {
    ...d,
    async close() {
      await d.close();
      await drop();
    },
  };
}
