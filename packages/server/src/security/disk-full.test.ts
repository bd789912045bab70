/**
 * Issue 13, failure 10 (faults): a full disk answered a generic 500. The database's `disk_full`
 * (SQLSTATE 53100; raised here by a trigger, as PostgreSQL does when it cannot extend a file) is
 * now 507 `storage.full` with words for people, and nothing of the request is written.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { DRIVERS } from "../db/test-databases.ts";
import { isDiskFull } from "../http/faults.ts";
import { type Client, openTestApp, type TestApp } from "../http/test-app.ts";

test("isDiskFull knows PostgreSQL's, PGlite's and the file system's words for it", () => {
  assert.ok(isDiskFull({ code: "53100", message: "could not extend file" }));
  assert.ok(isDiskFull({ code: "ENOSPC", message: "write failed" }));
  assert.ok(isDiskFull(new Error("ENOSPC: no space left on device, write")));
  assert.ok(!isDiskFull(new Error("duplicate key value")));
  assert.ok(!isDiskFull(null));
});

for (const driver of DRIVERS) {
  describe(`disk full (${driver.name})`, () => {
    let t: TestApp;
    let staff: Client;
    before(async () => {
      t = await openTestApp(driver);
      staff = await t.login("unit151001");
    });
    after(async () => t.close());

    test("a write that hits a full disk: 507 storage.full, nothing written, the server goes on", async () => {
      const id = (await staff.request("GET", "/api/v1/projects?fiscalYear=2024")).json().items[0].id;
      const count = async () =>
        Number(
          (
            await t.database.db
              .selectFrom("comments")
              .select((e) => e.fn.countAll().as("n"))
              .executeTakeFirst()
          )?.n,
        );
      const before = await count();
      await sql`create function jixiao_test_disk_full() returns trigger language plpgsql as $$
        begin raise exception 'could not extend file "base/1/2": No space left on device' using errcode = '53100'; end $$`.execute(
        t.database.db,
      );
      await sql`create trigger jixiao_test_disk_full before insert on comments
        for each row execute function jixiao_test_disk_full()`.execute(t.database.db);
      try {
        const r = await staff.request("POST", `/api/v1/projects/${id}/comments`, {
          cell: "budget",
          body: "磁盘满了吗",
        });
        assert.equal(r.statusCode, 507, r.body);
        assert.equal(r.json().error.code, "storage.full");
        assert.match(r.json().error.message, /存储空间已满/);
        assert.equal(await count(), before);
      } finally {
        await sql`drop trigger jixiao_test_disk_full on comments`.execute(t.database.db);
      }
      const ok = await staff.request("POST", `/api/v1/projects/${id}/comments`, { cell: "budget", body: "好了" });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(await count(), before + 1);
    });
  });
}
