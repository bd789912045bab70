import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import test from "node:test";
import { sql } from "kysely";
import { openDatabase } from "./connect.ts";
import { checkMigrations, MIGRATIONS } from "./migrations.ts";
import { DRIVERS } from "./test-databases.ts";

for (const driver of DRIVERS) {
  test(`migrations apply and are checked (${driver.name})`, async () => {
    const d = await driver.open();
    try {
      assert.equal(d.migration.count, Object.keys(MIGRATIONS).length);
      assert.deepEqual(await checkMigrations(d.db), d.migration);
      const r = await sql<{ n: number }>`select count(*)::int as n from projects`.execute(d.db);
      assert.equal(r.rows[0]?.n, 0);
      // A database ahead of the code (a migration this code does not know) is refused at start.
      await sql`insert into kysely_migration (name, timestamp) values ('9999-future', '2099-01-01')`.execute(d.db);
      await assert.rejects(checkMigrations(d.db), /do not match/);
    } finally {
      await d.close();
    }
  });

  test(`audit log is append-only in the database (${driver.name})`, async () => {
    const d = await driver.open();
    try {
      await d.db
        .insertInto("audit_log")
        .values({ region_code: "150100", fiscal_year: 2024, username: "x", action: "a", entity: "e", entity_id: "1" })
        .execute();
      await assert.rejects(d.db.updateTable("audit_log").set({ username: "y" }).execute(), /append-only|not allowed/);
      await assert.rejects(d.db.deleteFrom("audit_log").execute(), /not allowed/);
      await assert.rejects(sql`truncate audit_log`.execute(d.db), /not allowed/);
      const rows = await d.db.selectFrom("audit_log").select("username").execute();
      assert.deepEqual(rows, [{ username: "x" }]);
    } finally {
      await d.close();
    }
  });

  test(`transactions never interleave on one connection (${driver.name})`, async () => {
    const d = await driver.open();
    try {
      await d.db.insertInto("regions").values({ region_code: "r", fiscal_year: 2024, name: "0" }).execute();
      // 20 concurrent read-modify-write transactions with row locks: the final count is exact.
      await Promise.all(
        Array.from({ length: 20 }, () =>
          d.db.transaction().execute(async (trx) => {
            const row = await trx
              .selectFrom("regions")
              .select("name")
              .where("region_code", "=", "r")
              .forUpdate()
              .executeTakeFirstOrThrow();
            await trx
              .updateTable("regions")
              .set({ name: String(Number(row.name) + 1) })
              .where("region_code", "=", "r")
              .execute();
          }),
        ),
      );
      // A failed transaction rolls back and leaves nothing.
      await assert.rejects(
        d.db.transaction().execute(async (trx) => {
          await trx.insertInto("regions").values({ region_code: "x", fiscal_year: 2024, name: "x" }).execute();
          throw new Error("boom");
        }),
      );
      const rows = await d.db.selectFrom("regions").selectAll().orderBy("region_code").execute();
      assert.deepEqual(
        rows.map((r) => [r.region_code, r.name]),
        [["r", "20"]],
      );
    } finally {
      await d.close();
    }
  });
}

test("a PGlite data directory serves one process at a time; a stale lock is taken over", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-lock-"));
  try {
    // A lock left by a process that no longer exists does not block.
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    writeFileSync(path.join(dir, "jixiao-server.pid"), dead);
    const d = await openDatabase({ dataDir: dir });
    try {
      // A live holder (here: the test runner's parent process) blocks.
      writeFileSync(path.join(dir, "jixiao-server.pid"), String(process.ppid));
      await assert.rejects(openDatabase({ dataDir: dir }), /in use by process/);
    } finally {
      writeFileSync(path.join(dir, "jixiao-server.pid"), String(process.pid));
      await d.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const driver of DRIVERS.filter((d) => d.name === "postgres")) {
  test("an idle connection the server terminates is dropped, not a crash; the next query reconnects (postgres)", async () => {
    const d = await driver.open();
    try {
      const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(d.db)).rows[0]!.pid;
      const killer = await driver.open();
      try {
        await sql`select pg_terminate_backend(${pid})`.execute(killer.db);
      } finally {
        await killer.close();
      }
      // The pool sees the idle client end; wait for it to be gone (readiness, not a fixed sleep).
      // A query that meets the dead client before its end is seen may fail; that is pg's answer.
      for (let i = 0; i < 200; i++) {
        const other = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(d.db).catch(() => null);
        if (other && other.rows[0]!.pid !== pid) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      const r = await sql<{ n: number }>`select 1 as n`.execute(d.db);
      assert.equal(r.rows[0]?.n, 1);
    } finally {
      await d.close();
    }
  });
}
