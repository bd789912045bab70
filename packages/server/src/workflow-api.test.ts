/**
 * The finance office's workflow rules over HTTP (issue 12), on every driver: duplicate names,
 * input limits, the review gate (blocking findings and 说明), a configurable review chain with
 * per-level approve/return, 撤回 before a level opened it, a version per submission with the diff
 * since the previous one, the timeline, 调整原因 and 作废 out of totals.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "./db/test-databases.ts";
import { buildProject, type Client, openTestApp, type TestApp } from "./http/test-app.ts";

for (const driver of DRIVERS) {
  describe(`workflow rules (${driver.name})`, () => {
    let t: TestApp;
    let staff: Client;
    let dept: Client;
    let fin: Client;
    let admin: Client;
    before(async () => {
      t = await openTestApp(driver);
      staff = await t.login("unit151001");
      dept = await t.login("dept151");
      fin = await t.login("finance");
      admin = await t.login("demoadmin");
    });
    after(async () => t.close());

    const create = async (name: string, over = {}) => {
      const r = await staff.request("POST", "/api/v1/projects", {
        fiscalYear: 2024,
        project: buildProject({ name, ...over }),
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json();
    };

    test("one name per unit and year: create and rename are refused with a clear message", async () => {
      const a = await create("重名测试甲");
      const again = await staff.request("POST", "/api/v1/projects", {
        fiscalYear: 2024,
        project: buildProject({ name: "重名测试甲" }),
      });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, "conflict.exists");
      assert.match(again.json().error.message, /已有名为「重名测试甲」的项目/);
      const b = await create("重名测试乙");
      const rename = await staff.request("PUT", `/api/v1/projects/${b.id}/table`, {
        project: { ...b.table, name: "重名测试甲" },
        rowVersion: b.rowVersion,
      });
      assert.equal(rename.statusCode, 409);
      assert.equal(rename.json().error.code, "conflict.exists");
      // Another unit may use the name; renaming to a free name works.
      const other = await t.login("unit151002");
      const o = await other.request("POST", "/api/v1/projects", {
        fiscalYear: 2024,
        project: buildProject({ name: "重名测试甲", unitCode: "151002", unitName: "工人文化宫" }),
      });
      assert.equal(o.statusCode, 201, o.body);
      const ok = await staff.request("PUT", `/api/v1/projects/${b.id}/table`, {
        project: { ...b.table, name: "重名测试丙", category: "专项业务费" },
        rowVersion: b.rowVersion,
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().name, "重名测试丙");
      assert.equal(ok.json().category, "专项业务费");
      assert.equal(a.status, "draft");
    });

    test("a draft may move to another unit in scope; an approved one may not", async () => {
      const p = await create("换单位测试");
      const moved = await admin.request("PUT", `/api/v1/projects/${p.id}/table`, {
        project: { ...p.table, unitCode: "151002", unitName: "工人文化宫" },
        rowVersion: p.rowVersion,
      });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json().unitCode, "151002");
      // unit151001 no longer sees it; unit151002 does.
      assert.equal((await staff.request("GET", `/api/v1/projects/${p.id}`)).statusCode, 404);
      assert.equal((await (await t.login("unit151002")).request("GET", `/api/v1/projects/${p.id}`)).statusCode, 200);
      // A unit cannot move a draft outside its own scope (the target unit is "not found" to it).
      const q = await create("换单位越权");
      const out = await staff.request("PUT", `/api/v1/projects/${q.id}/table`, {
        project: { ...q.table, unitCode: "151002" },
        rowVersion: q.rowVersion,
      });
      assert.equal(out.statusCode, 404);
    });

    test("input limits: human messages, nothing written", async () => {
      const long = "长".repeat(101);
      const r = await staff.request("POST", "/api/v1/projects", {
        fiscalYear: 2024,
        project: buildProject({ name: long }),
      });
      assert.equal(r.statusCode, 400, r.body);
      const err = r.json().error;
      assert.ok(["validation.limits", "validation"].includes(err.code), err.code);
      const neg = await staff.request("POST", "/api/v1/projects", {
        fiscalYear: 2024,
        project: buildProject({ name: "负预算", budget: -100 }),
      });
      assert.equal(neg.statusCode, 400, neg.body);
      assert.match(neg.json().error.message, /预算数/);
      assert.doesNotMatch(neg.json().error.message, /budget/);
      const goal = await staff.request("POST", "/api/v1/projects", {
        fiscalYear: 2024,
        project: buildProject({ name: "长目标", goal: "目".repeat(2001) }),
      });
      assert.equal(goal.statusCode, 400, goal.body);
      assert.equal((await staff.request("GET", "/api/v1/projects?q=负预算")).json().total, 0);
    });

    test("blocking findings refuse 提交 and 批复 with the findings; warnings need a 说明 kept with the version", async () => {
      const p = await create("强制审核测试");
      const broken = { ...p.table, indicators: p.table.indicators.map((i: object) => ({ ...i, weight: 1 })) };
      const saved = (
        await staff.request("PUT", `/api/v1/projects/${p.id}/table`, { project: broken, rowVersion: p.rowVersion })
      ).json();
      const blocked = await staff.request("POST", `/api/v1/projects/${p.id}/submit`, { explanation: "x" });
      assert.equal(blocked.statusCode, 409, blocked.body);
      assert.equal(blocked.json().error.code, "workflow.blocked");
      const findings = blocked.json().error.details.findings;
      assert.ok(findings.length > 0 && findings.every((f: { severity: string }) => f.severity === "error"));
      assert.equal((await staff.request("GET", `/api/v1/projects/${p.id}`)).json().status, "draft", "nothing changed");
      // Fixed: only the advisory finding is left; without a 说明 it is refused, with one it passes.
      const fixed = await staff.request("PUT", `/api/v1/projects/${p.id}/table`, {
        project: p.table,
        rowVersion: saved.rowVersion,
      });
      assert.equal(fixed.statusCode, 200);
      const noWhy = await staff.request("POST", `/api/v1/projects/${p.id}/submit`, {});
      assert.equal(noWhy.json().error.code, "workflow.explanation-required");
      assert.ok(noWhy.json().error.details.findings.every((f: { severity: string }) => f.severity === "warning"));
      const why = "79人含离休人员，口径不同";
      assert.equal(
        (await staff.request("POST", `/api/v1/projects/${p.id}/submit`, { explanation: why })).statusCode,
        200,
      );
      const versions = (await dept.request("GET", `/api/v1/projects/${p.id}/versions`)).json().items;
      assert.equal(versions[0].explanation, why);
      // The review shows each finding's gate.
      const rv = (await dept.request("POST", `/api/v1/projects/${p.id}/review`, {})).json().findings;
      assert.ok(rv.some((f: { gate: string }) => f.gate === "explain"));
      // The policy changes: a rule now blocks → the approval is refused too.
      const code = rv[0].code;
      const strict = { severity: { error: "block", warning: "explain", info: "none" }, rules: { [code]: "block" } };
      assert.equal((await staff.request("PUT", "/api/v1/settings/review", { checks: strict })).statusCode, 403);
      assert.equal((await admin.request("PUT", "/api/v1/settings/review", { checks: strict })).statusCode, 200);
      const refused = await dept.request("POST", `/api/v1/projects/${p.id}/approve`, {});
      assert.equal(refused.json().error.code, "workflow.blocked");
      const relaxed = { severity: { error: "block", warning: "explain", info: "none" }, rules: {} };
      await admin.request("PUT", "/api/v1/settings/review", { checks: relaxed });
      assert.equal((await dept.request("POST", `/api/v1/projects/${p.id}/approve`, {})).json().status, "approved");
    });

    test("a two-level chain: per-level roles, return with a reason, resubmission diff, approval; timeline", async () => {
      const chain = [
        { name: "主管部门初审", roles: ["dept_reviewer"] },
        { name: "预算处批复", roles: ["finance_reviewer"] },
      ];
      const put = await admin.request("PUT", "/api/v1/settings/review", { chain });
      assert.equal(put.statusCode, 200, put.body);
      try {
        const p = await create("两级审核测试");
        const sub = (await staff.request("POST", `/api/v1/projects/${p.id}/submit`, { explanation: "说明" })).json();
        assert.equal(sub.reviewLevel, 1);
        // Level 1 is the department's: finance may not act yet.
        assert.equal((await fin.request("POST", `/api/v1/projects/${p.id}/approve`, {})).statusCode, 403);
        const l1 = (await dept.request("POST", `/api/v1/projects/${p.id}/approve`, {})).json();
        assert.equal(l1.status, "submitted");
        assert.equal(l1.reviewLevel, 2);
        assert.equal((await dept.request("POST", `/api/v1/projects/${p.id}/approve`, {})).statusCode, 403);
        const ret = await fin.request("POST", `/api/v1/projects/${p.id}/return`, { reason: "预算数偏高" });
        assert.equal(ret.json().status, "returned");
        const v2 = ret.json();
        assert.equal(v2.versionNo, 2);
        await staff.request("PUT", `/api/v1/projects/${p.id}/table`, {
          project: { ...v2.table, budget: v2.table.budget + 1 },
          rowVersion: v2.rowVersion,
        });
        const resub = await staff.request("POST", `/api/v1/projects/${p.id}/submit`, { explanation: "说明" });
        assert.equal(resub.statusCode, 200, resub.body);
        const diff = (await dept.request("GET", `/api/v1/projects/${p.id}/diff?from=1&to=2`)).json();
        assert.deepEqual(diff.changes, [{ path: "budget", before: p.table.budget, after: p.table.budget + 1 }]);
        await dept.request("POST", `/api/v1/projects/${p.id}/approve`, {});
        const doneRes = await fin.request("POST", `/api/v1/projects/${p.id}/approve`, {});
        assert.equal(doneRes.statusCode, 200, doneRes.body);
        const done = doneRes.json();
        assert.equal(done.status, "approved");
        assert.equal(done.approvedVersionNo, 2);
        const steps = (await staff.request("GET", `/api/v1/projects/${p.id}/timeline`)).json().items;
        assert.deepEqual(
          steps.map((s: { action: string; level: number; actor: string }) => [s.action, s.level, s.actor]),
          [
            ["submit", 0, "unit151001"],
            ["approve", 1, "dept151"],
            ["return", 2, "finance"],
            ["submit", 0, "unit151001"],
            ["approve", 1, "dept151"],
            ["approve", 2, "finance"],
          ],
        );
        assert.equal(steps[2].reason, "预算数偏高");
      } finally {
        await admin.request("PUT", "/api/v1/settings/review", {
          chain: [{ name: "审核批复", roles: ["dept_reviewer", "finance_reviewer", "admin"] }],
        });
      }
    });

    test("撤回: allowed before a reviewer opened the submission, refused after", async () => {
      const p = await create("撤回测试");
      await staff.request("POST", `/api/v1/projects/${p.id}/submit`, { explanation: "说明" });
      // A unit's own look does not count as opening.
      assert.equal((await staff.request("POST", `/api/v1/projects/${p.id}/open`, {})).json().opened, false);
      const w = await staff.request("POST", `/api/v1/projects/${p.id}/withdraw`, {});
      assert.equal(w.statusCode, 200, w.body);
      assert.equal(w.json().status, "draft");
      await staff.request("POST", `/api/v1/projects/${p.id}/submit`, { explanation: "说明" });
      assert.equal((await dept.request("POST", `/api/v1/projects/${p.id}/open`, {})).json().opened, true);
      const late = await staff.request("POST", `/api/v1/projects/${p.id}/withdraw`, {});
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().error.code, "workflow.already-opened");
      assert.equal((await dept.request("POST", `/api/v1/projects/${p.id}/withdraw`, {})).statusCode, 403);
    });

    test("作废 after approval: kept and marked, out of the dashboard totals, final", async () => {
      const p = await create("作废测试");
      await staff.request("POST", `/api/v1/projects/${p.id}/submit`, { explanation: "说明" });
      await dept.request("POST", `/api/v1/projects/${p.id}/approve`, {});
      const before = (await fin.request("GET", "/api/v1/dashboard?fiscalYear=2024")).json();
      assert.equal((await staff.request("POST", `/api/v1/projects/${p.id}/void`, { reason: "x" })).statusCode, 403);
      assert.equal((await fin.request("POST", `/api/v1/projects/${p.id}/void`, {})).statusCode, 400);
      const v = await fin.request("POST", `/api/v1/projects/${p.id}/void`, { reason: "项目取消" });
      assert.equal(v.statusCode, 200, v.body);
      assert.equal(v.json().status, "voided");
      assert.equal(v.json().voidReason, "项目取消");
      const afterDash = (await fin.request("GET", "/api/v1/dashboard?fiscalYear=2024")).json();
      assert.equal(afterDash.projectCount, before.projectCount - 1);
      assert.equal((await staff.request("GET", `/api/v1/projects/${p.id}`)).json().status, "voided");
      assert.equal((await staff.request("POST", `/api/v1/projects/${p.id}/adjust`, { reason: "x" })).statusCode, 409);
      const ifMatch = { "if-match": String(v.json().rowVersion) };
      assert.equal((await staff.request("DELETE", `/api/v1/projects/${p.id}`, undefined, ifMatch)).statusCode, 409);
    });
  });
}
