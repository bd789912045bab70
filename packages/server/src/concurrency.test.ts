/**
 * Optimistic concurrency: 50 concurrent editors of one table. With the same If-Match exactly
 * one write wins and 49 get 409 with nothing changed; editors that re-read and retry on 409
 * all land, and no edit is lost.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "./db/test-databases.ts";
import { buildProject, type Client, openTestApp, type TestApp } from "./http/test-app.ts";

const EDITORS = 50;

for (const driver of DRIVERS) {
  describe(`concurrent editors (${driver.name})`, () => {
    let t: TestApp;
    let staff: Client;
    let id: number;
    before(async () => {
      t = await openTestApp(driver);
      staff = await t.login("unit151001");
      const r = await staff.request("POST", "/api/v1/projects", {
        fiscalYear: 2024,
        project: buildProject({ name: "并发项目", goal: "" }),
      });
      id = r.json().id;
    });
    after(async () => t.close());

    test(`${EDITORS} writes with the same If-Match: one wins, the rest get 409`, async () => {
      const p = (await staff.request("GET", `/api/v1/projects/${id}`)).json();
      const results = await Promise.all(
        Array.from({ length: EDITORS }, (_, k) =>
          staff.request(
            "PUT",
            `/api/v1/projects/${id}/table`,
            { project: { ...p.table, goal: `editor ${k}` } },
            { "if-match": `"${p.rowVersion}"` },
          ),
        ),
      );
      const codes = results.map((r) => r.statusCode);
      assert.equal(codes.filter((c) => c === 200).length, 1);
      assert.equal(codes.filter((c) => c === 409).length, EDITORS - 1);
      const winner = results.find((r) => r.statusCode === 200)?.json().table.goal;
      const now = (await staff.request("GET", `/api/v1/projects/${id}`)).json();
      assert.equal(now.table.goal, winner);
      assert.equal(now.rowVersion, p.rowVersion + 1);
    });

    test(`${EDITORS} editors each adding their own mark, retrying on 409: no lost update`, async () => {
      const editors = await Promise.all(Array.from({ length: EDITORS }, () => t.login("unit151001")));
      const start = (await staff.request("GET", `/api/v1/projects/${id}`)).json();
      let conflicts = 0;
      await Promise.all(
        editors.map(async (c, k) => {
          for (let attempt = 0; attempt < 500; attempt++) {
            const cur = (await c.request("GET", `/api/v1/projects/${id}`)).json();
            const goal = `${cur.table.goal}[${k}]`;
            const r = await c.request(
              "PUT",
              `/api/v1/projects/${id}/table`,
              { project: { ...cur.table, goal } },
              { "if-match": `"${cur.rowVersion}"` },
            );
            if (r.statusCode === 200) return;
            assert.equal(r.statusCode, 409, r.body);
            conflicts++;
          }
          throw new Error(`editor ${k} never got through`);
        }),
      );
      const end = (await staff.request("GET", `/api/v1/projects/${id}`)).json();
      for (let k = 0; k < EDITORS; k++) assert.ok(end.table.goal.includes(`[${k}]`), `edit of editor ${k} lost`);
      assert.equal(end.rowVersion, start.rowVersion + EDITORS);
      const audits = await t.database.db
        .selectFrom("audit_log")
        .select("id")
        .where("entity_id", "=", String(id))
        .where("action", "=", "table.update")
        .execute();
      assert.equal(audits.length, EDITORS + 1);
      assert.ok(conflicts > 0, "the editors really did collide");
    });
  });
}
