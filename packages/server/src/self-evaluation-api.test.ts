/**
 * Self-evaluation reads the approved version whatever drafts exist, and the 自评表 / 表12
 * downloads of one project (issue 12 item 6), on every driver.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "./db/test-databases.ts";
import { openTestApp, type TestApp } from "./http/test-app.ts";

for (const driver of DRIVERS) {
  describe(`self-evaluation against the approved version (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("an adjustment draft with a row inserted above does not shift the actuals; downloads", async () => {
      const staff = await t.login("unit151001");
      const list = (await staff.request("GET", "/api/v1/projects?fiscalYear=2024&unitCode=151001")).json();
      const p = list.items[0];
      const approved = (await staff.request("GET", `/api/v1/projects/${p.id}`)).json();
      const n = approved.table.indicators.length;
      const actuals = approved.table.indicators.map((i: { target: string }) => ({ actual: i.target }));
      const saved = await staff.request("PUT", `/api/v1/projects/${p.id}/self-evaluation`, {
        executed: approved.table.budget,
        indicators: actuals,
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const total = saved.json().result.total;

      // An adjustment draft inserts a row at the top.
      const adj = (await staff.request("POST", `/api/v1/projects/${p.id}/adjust`, { reason: "新增指标" })).json();
      const first = { ...adj.table.indicators[0], name: "新增的第一行", target: "1" };
      const edited = await staff.request("PUT", `/api/v1/projects/${p.id}/table`, {
        project: { ...adj.table, indicators: [first, ...adj.table.indicators] },
        rowVersion: adj.rowVersion,
      });
      assert.equal(edited.statusCode, 200, edited.body);

      const se = (await staff.request("GET", `/api/v1/projects/${p.id}/self-evaluation`)).json();
      assert.equal(se.versionNo, approved.approvedVersionNo);
      assert.equal(se.table.indicators.length, n, "the approved table, not the draft");
      assert.deepEqual(
        se.table.indicators.map((i: { name: string }) => i.name),
        approved.table.indicators.map((i: { name: string }) => i.name),
      );
      assert.equal(se.result.total, total);

      const json = await staff.request("GET", `/api/v1/projects/${p.id}/self-evaluation/export.json`);
      assert.equal(json.statusCode, 200);
      assert.equal(JSON.parse(json.body).projects[0].total, total, "the download scores what was saved");
      const xlsx = await staff.request("GET", `/api/v1/projects/${p.id}/self-evaluation/export.xlsx`);
      assert.equal(xlsx.statusCode, 200);
      assert.equal(xlsx.rawPayload.subarray(0, 2).toString("latin1"), "PK");
      assert.match(decodeURIComponent(String(xlsx.headers["content-disposition"])), /自评表\.xlsx/);

      // The project's 表12: the adjustment draft prints as 送审稿.
      const t12 = await staff.request("GET", `/api/v1/projects/${p.id}/export.xlsx`);
      assert.equal(t12.statusCode, 200);
      assert.match(decodeURIComponent(String(t12.headers["content-disposition"])), /表12-送审稿\.xlsx/);
      const html = await staff.request("GET", `/api/v1/projects/${p.id}/export.html`);
      assert.match(html.body, /送审稿/);
      assert.match(html.body, /新增的第一行/);
      // PDFs are printed in the worker pool by the system's chromium (when the machine has it).
      if (process.env.JIXIAO_CHROMIUM) {
        for (const path of [
          `/api/v1/projects/${p.id}/export.pdf`,
          `/api/v1/projects/${p.id}/self-evaluation/export.pdf`,
        ]) {
          const pdf = await staff.request("GET", path);
          assert.equal(pdf.statusCode, 200, `${path}: ${pdf.body.slice(0, 200)}`);
          assert.equal(pdf.rawPayload.subarray(0, 4).toString("latin1"), "%PDF", path);
        }
      }
      // Out of scope: another unit's project answers 404.
      const other = await t.login("unit151002");
      assert.equal((await other.request("GET", `/api/v1/projects/${p.id}/export.xlsx`)).statusCode, 404);
    });
  });
}
