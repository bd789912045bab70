/**
 * The databases every DB test runs on: embedded PGlite always, and a PostgreSQL server when
 * TEST_DATABASE_URL is set (each opened database gets its own fresh schema, dropped on close).
 * Usage: `for (const driver of DRIVERS) test(`… (${driver.name})`, async (t) => { … })`.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "./connect.ts";

export interface TestDriver {
  name: "pglite" | "postgres";
  /** Opens a fresh, migrated, empty database. */
  open(): Promise<Database>;
}

const url = process.env.TEST_DATABASE_URL;

export const DRIVERS: TestDriver[] = [
  { name: "pglite", open: () => openDatabase({ dataDir: "memory://" }) },
  ...(url
    ? [
        {
          name: "postgres" as const,
          async open(): Promise<Database> {
            const schema = `t_${process.pid}_${randomBytes(4).toString("hex")}`;
            const d = await openDatabase({ url, schema, poolSize: 20 });
            return {
              ...d,
              async close() {
                await d.close();
                const c = new pg.Client({ connectionString: url });
                await c.connect();
                try {
                  await c.query(`drop schema if exists "${schema}" cascade`);
                } finally {
                  await c.end();
                }
              },
            };
          },
        },
      ]
    : []),
];
