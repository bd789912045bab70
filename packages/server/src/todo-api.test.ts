/** 待办 per role with counts, and the in-app notices of submit / return / approve (issue 12 item 10). */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "./db/test-databases.ts";
import { buildProject, openTestApp, type TestApp } from "./http/test-app.ts";

for (const driver of DRIVERS) {
  describe(`待办 and notices (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("each role sees its own list; notices reach the unit and the reviewers in scope", async () => {
      const staff = await t.login("unit151001");
      const other = await t.login("unit151002");
      const dept = await t.login("dept151");
      const fin = await t.login("finance");
      const todo0 = (await staff.request("GET", "/api/v1/todo?fiscalYear=2024")).json();
      assert.equal(todo0.counts.selfEvaluations, 3, "the unit's three approved seed tables await 自评");
      assert.equal(todo0.counts.toReview, 0);
      const p = (
        await staff.request("POST", "/api/v1/projects", {
          fiscalYear: 2024,
          project: buildProject({ name: "待办测试" }),
        })
      ).json();
      assert.equal((await staff.request("GET", "/api/v1/todo?fiscalYear=2024")).json().counts.drafts, 1);
      await staff.request("POST", `/api/v1/projects/${p.id}/submit`, { explanation: "说明" });
      const dtodo = (await dept.request("GET", "/api/v1/todo?fiscalYear=2024")).json();
      assert.deepEqual(
        dtodo.toReview.map((x: { name: string }) => x.name),
        ["待办测试"],
      );
      assert.equal(dtodo.counts.drafts, 0, "reviewers have no drafts to finish");
      assert.ok(dtodo.counts.publications >= 1, "the department's approved tables are not published yet");
      const dn = (await dept.request("GET", "/api/v1/notices?fiscalYear=2024")).json().items;
      assert.match(dn[0].message, /「待办测试」已提交/);
      await dept.request("POST", `/api/v1/projects/${p.id}/return`, { reason: "请补充满意度指标" });
      const sn = (await staff.request("GET", "/api/v1/notices")).json().items;
      assert.match(sn[0].message, /被退回：请补充满意度指标/);
      assert.equal(
        (await other.request("GET", "/api/v1/notices")).json().items.length,
        0,
        "another unit's notices stay out",
      );
      assert.deepEqual(
        (await staff.request("GET", "/api/v1/todo?fiscalYear=2024")).json().returned.map((x: { id: number }) => x.id),
        [p.id],
      );
      await staff.request("POST", `/api/v1/projects/${p.id}/submit`, { explanation: "说明" });
      await fin.request("POST", `/api/v1/projects/${p.id}/approve`, {});
      assert.match((await staff.request("GET", "/api/v1/notices")).json().items[0].message, /「待办测试」已批复/);
      assert.equal((await dept.request("GET", "/api/v1/todo?fiscalYear=2024")).json().counts.toReview, 0);
    });
  });
}
