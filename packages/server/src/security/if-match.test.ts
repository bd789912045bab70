/**
 * Issue 13, failure 10 (lost updates): writes without If-Match silently replaced concurrent edits.
 * Writes to a project's table and its deletion now require the version read (If-Match or
 * rowVersion): 428 without it, 409 when stale, 404 outside one's scope (no existence hint).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "../db/test-databases.ts";
import { buildProject, type Client, openTestApp, type TestApp } from "../http/test-app.ts";

for (const driver of DRIVERS) {
  describe(`If-Match required on project writes (${driver.name})`, () => {
    let t: TestApp;
    let staff: Client;
    let foreign: Client;
    before(async () => {
      t = await openTestApp(driver);
      staff = await t.login("unit151001");
      foreign = await t.login("f_unit");
    });
    after(async () => t.close());

    test("no version → 428 and nothing saved; stale → 409; right version → 200; foreign → 404", async () => {
      const created = await staff.request("POST", "/api/v1/projects", {
        fiscalYear: 2024,
        project: buildProject({ name: "并发保存测试", unitCode: "151001" }),
      });
      assert.equal(created.statusCode, 201, created.body);
      const p = created.json();
      const edit = { ...p.table, budget: 99 };
      const none = await staff.request("PUT", `/api/v1/projects/${p.id}/table`, { project: edit });
      assert.equal(none.statusCode, 428, none.body);
      assert.equal(none.json().error.code, "precondition.required");
      assert.equal((await staff.request("GET", `/api/v1/projects/${p.id}`)).json().table.budget, p.table.budget);
      const ok = await staff.request(
        "PUT",
        `/api/v1/projects/${p.id}/table`,
        { project: edit },
        {
          "if-match": `"${p.rowVersion}"`,
        },
      );
      assert.equal(ok.statusCode, 200, ok.body);
      const stale = await staff.request("PUT", `/api/v1/projects/${p.id}/table`, {
        project: { ...edit, budget: 1 },
        rowVersion: p.rowVersion,
      });
      assert.equal(stale.statusCode, 409);
      const noDelete = await staff.request("DELETE", `/api/v1/projects/${p.id}`);
      assert.equal(noDelete.statusCode, 428);
      const missing = await foreign.request("PUT", `/api/v1/projects/${p.id}/table`, { project: edit });
      const nowhere = await foreign.request("PUT", "/api/v1/projects/2147483000/table", { project: edit });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, nowhere.json().error.code);
      const del = await staff.request("DELETE", `/api/v1/projects/${p.id}`, undefined, {
        "if-match": String(ok.json().rowVersion),
      });
      assert.equal(del.statusCode, 200, del.body);
    });
  });
}
