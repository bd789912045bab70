/**
 * Publishing rules (issue 12 item 9), on every driver: a preview of exactly what goes public;
 * an incomplete department needs confirmation; one current publication per department and year
 * (a new one replaces it with a public reason, the old stays in history); 撤回 with a reason.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "./db/test-databases.ts";
import { buildProject, openTestApp, type TestApp } from "./http/test-app.ts";

for (const driver of DRIVERS) {
  describe(`publishing (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("preview, confirm incomplete, replace with a reason, withdraw", async () => {
      const dept = await t.login("dept151");
      const staff = await t.login("unit151001");
      const draft = await staff.request("POST", "/api/v1/projects", {
        fiscalYear: 2024,
        project: buildProject({ name: "未批复的项目" }),
      });
      assert.equal(draft.statusCode, 201);
      const pv = await dept.request("GET", "/api/v1/publications/preview?fiscalYear=2024&deptCode=151");
      assert.equal(pv.statusCode, 200, pv.body);
      const preview = pv.json();
      assert.equal(preview.projects.length, 4, "the four approved seed tables go public");
      assert.deepEqual(
        preview.notApproved.map((p: { name: string }) => p.name),
        ["未批复的项目"],
      );
      assert.equal(preview.current, null);
      // Not confirmed → refused with the list; confirmed → published.
      const refused = await dept.request("POST", "/api/v1/publications", { fiscalYear: 2024, deptCode: "151" });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, "publication.incomplete");
      assert.equal(refused.json().error.details.notApproved.length, 1);
      const first = await dept.request("POST", "/api/v1/publications", {
        fiscalYear: 2024,
        deptCode: "151",
        confirmIncomplete: true,
      });
      assert.equal(first.statusCode, 201, first.body);
      const firstId = first.json().id;
      const doc = (await t.anonymous.request("GET", `/api/v1/public/publications/${firstId}`)).json().document;
      assert.deepEqual(
        doc.projects.map((p: { name: string }) => p.name),
        preview.projects.map((p: { name: string }) => p.name),
        "what was previewed is what went public",
      );
      // A second click does not publish twice: a replacement needs a public reason.
      const twice = await dept.request("POST", "/api/v1/publications", {
        fiscalYear: 2024,
        deptCode: "151",
        confirmIncomplete: true,
      });
      assert.equal(twice.json().error.code, "publication.reason-required");
      const second = await dept.request("POST", "/api/v1/publications", {
        fiscalYear: 2024,
        deptCode: "151",
        confirmIncomplete: true,
        reason: "更正体检费预算数",
      });
      assert.equal(second.statusCode, 201, second.body);
      const secondId = second.json().id;
      const list = (await t.anonymous.request("GET", "/api/v1/public/publications?fiscalYear=2024")).json().items;
      assert.deepEqual(
        list.map((p: { id: number }) => p.id),
        [secondId],
        "one current publication per department and year",
      );
      const old = (await t.anonymous.request("GET", `/api/v1/public/publications/${firstId}`)).json();
      assert.equal(old.current, false);
      assert.equal(old.replacedBy, secondId);
      assert.match(old.withdrawReason, /更正体检费预算数/);
      const history = (
        await t.anonymous.request("GET", "/api/v1/public/publications?fiscalYear=2024&history=true")
      ).json().items;
      assert.equal(history.length, 2);
      // 撤回 with a public reason; only the current one; another department's reviewer cannot.
      assert.equal(
        (await dept.request("POST", `/api/v1/publications/${firstId}/withdraw`, { reason: "x" })).statusCode,
        409,
      );
      assert.equal(
        (await staff.request("POST", `/api/v1/publications/${secondId}/withdraw`, { reason: "x" })).statusCode,
        403,
      );
      const w = await dept.request("POST", `/api/v1/publications/${secondId}/withdraw`, {
        reason: "数据有误，核实后重新公开",
      });
      assert.equal(w.statusCode, 200, w.body);
      assert.equal(
        (await t.anonymous.request("GET", "/api/v1/public/publications?fiscalYear=2024")).json().items.length,
        0,
      );
      const gone = (await t.anonymous.request("GET", `/api/v1/public/publications/${secondId}`)).json();
      assert.equal(gone.withdrawReason, "数据有误，核实后重新公开");
      assert.ok(gone.withdrawnAt);
      // After a withdrawal a new publication needs no reason (nothing current to correct).
      const again = await dept.request("POST", "/api/v1/publications", {
        fiscalYear: 2024,
        deptCode: "151",
        confirmIncomplete: true,
      });
      assert.equal(again.statusCode, 201, again.body);
    });
  });
}
