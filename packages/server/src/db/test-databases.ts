/**
 * The databases every DB test runs on: embedded PGlite always, and a PostgreSQL server when
 * TEST_DATABASE_URL is set (each opened database gets its own fresh schema, dropped on close).
 * Usage: `for (const driver of DRIVERS) test(`… (${driver.name})`, async (t) => { … })`.
 *
 * A PGlite database is a copy of a template made once per run (see test-templates.ts): initdb and
 * the migrations do not run again for every test database. On PostgreSQL, `openPrepared` copies a
 * database prepared once per run (`CREATE DATABASE … TEMPLATE`, see test-pg-templates.ts) and falls
 * back to a fresh schema. Every database is still its own.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "./connect.ts";
import { openPostgresCopy } from "./test-pg-templates.ts";
import { MIGRATED, openFromTemplate, type Template } from "./test-templates.ts";

export interface TestDriver {
  name: "pglite" | "postgres";
  /** Opens a fresh, migrated, empty database. */
  open(): Promise<Database>;
  /** Opens a fresh database in the state of template `t` (migrated, then `t.prepare`). */
  openPrepared(t: Template): Promise<Database>;
}

const url = process.env.TEST_DATABASE_URL;

async function openPostgres(dbUrl: string): Promise<Database> {
  const schema = `t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const d = await openDatabase({ url: dbUrl, schema, poolSize: 20 });
  return {
    ...d,
    async close() {
      await d.close();
      const c = new pg.Client({ connectionString: dbUrl });
      await c.connect();
      try {
        await c.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await c.end();
      }
    },
  };
}

export const DRIVERS: TestDriver[] = [
  { name: "pglite", open: () => openFromTemplate(MIGRATED), openPrepared: (t) => openFromTemplate(t) },
  ...(url
    ? [
        {
          name: "postgres" as const,
          open: () => openPostgres(url),
          async openPrepared(t: Template): Promise<Database> {
            const copy = await openPostgresCopy(url, t);
            if (copy) return copy;
            const d = await openPostgres(url);
            try {
              await t.prepare?.(d);
            } catch (e) {
              await d.close();
              throw e;
            }
            return d;
          },
        },
      ]
    : []),
];
