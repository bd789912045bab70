import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { MIGRATIONS } from "./db/migrations.ts";
import { DRIVERS } from "./db/test-databases.ts";
import { buildProject, openTestApp, type TestApp } from "./http/test-app.ts";

for (const driver of DRIVERS) {
  describe(`API basics (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("health answers with database kind and migration level", async () => {
      const r = await t.anonymous.request("GET", "/api/health");
      assert.equal(r.statusCode, 200);
      const names = Object.keys(MIGRATIONS).sort();
      assert.deepEqual(r.json(), {
        status: "ok",
        database: driver.name,
        migration: names.at(-1),
        migrations: names.length,
      });
      assert.equal(r.headers["x-content-type-options"], "nosniff");
      assert.equal(r.headers["x-frame-options"], "DENY");
    });

    test("login sets an HttpOnly SameSite=Lax cookie; admin lists the seed's 4 projects", async () => {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "admin", password: "admin-password-1" },
      });
      assert.equal(r.statusCode, 200);
      const setCookie = String(r.headers["set-cookie"]);
      assert.match(setCookie, /HttpOnly/);
      assert.match(setCookie, /SameSite=Lax/);
      // Expired sessions are purged at login.
      await t.database.db
        .insertInto("sessions")
        .values({
          id: "expired",
          region_code: "150100",
          fiscal_year: 2024,
          user_id: 1,
          csrf_token: "x",
          expires_at: new Date(0),
        })
        .execute();
      const admin = await t.login("admin");
      assert.equal(
        (await t.database.db.selectFrom("sessions").select("id").where("id", "=", "expired").execute()).length,
        0,
      );
      const list = await admin.request("GET", "/api/v1/projects?fiscalYear=2024");
      assert.equal(list.statusCode, 200);
      const body = list.json();
      assert.equal(body.total, 4);
      assert.deepEqual(
        body.items.map((p: { name: string }) => p.name).sort(),
        [
          "体检费",
          "呼市地区各级劳动模范荣誉津贴",
          "呼和浩特市财政困难职工专项帮扶资金及送清凉、送温暖资金",
          "退休人员体检费",
        ].sort(),
      );
      assert.ok(body.items.every((p: { status: string }) => p.status === "approved"));
    });

    test("paging keeps the exact total, also past the end; password change", async () => {
      const fin = await t.login("finance");
      const p1 = (await fin.request("GET", "/api/v1/projects?fiscalYear=2024&limit=2")).json();
      assert.equal(p1.items.length, 2);
      const p2 = (await fin.request("GET", "/api/v1/projects?fiscalYear=2024&limit=2&offset=2")).json();
      assert.equal(p2.total, p1.total);
      const ids = [...p1.items, ...p2.items].map((p: { id: number }) => p.id);
      assert.equal(new Set(ids).size, ids.length, "pages do not overlap");
      const past = (await fin.request("GET", "/api/v1/projects?fiscalYear=2024&offset=1000")).json();
      assert.deepEqual(past.items, []);
      assert.equal(past.total, p1.total);
      const u = await t.login("unit151002");
      const bad = await u.request("POST", "/api/v1/auth/password", {
        oldPassword: "nope",
        newPassword: "new-password-2",
      });
      assert.equal(bad.statusCode, 401);
      const ok = await u.request("POST", "/api/v1/auth/password", {
        oldPassword: "demo-unit-151002",
        newPassword: "new-password-2",
      });
      assert.equal(ok.statusCode, 200);
      await t.login("unit151002", "new-password-2");
      await assert.rejects(t.login("unit151002", "demo-unit-151002"), /401/);
    });

    test("bad credentials → 401 coded error; no session → 401; missing CSRF → 403 and nothing changes", async () => {
      const bad = await t.anonymous.request("POST", "/api/v1/auth/login", { username: "admin", password: "nope" });
      assert.equal(bad.statusCode, 401);
      assert.equal(bad.json().error.code, "auth.bad-credentials");
      const anon = await t.anonymous.request("GET", "/api/v1/projects");
      assert.equal(anon.statusCode, 401);
      assert.equal(anon.json().error.code, "auth.required");
      const staff = await t.login("unit151001");
      const noCsrf = await staff.request(
        "POST",
        "/api/v1/projects",
        { fiscalYear: 2024, project: buildProject({ name: "无令牌" }) },
        { "x-csrf-token": "wrong" },
      );
      assert.equal(noCsrf.statusCode, 403);
      assert.equal(noCsrf.json().error.code, "auth.csrf");
      const list = await staff.request("GET", "/api/v1/projects?q=无令牌");
      assert.equal(list.json().total, 0);
    });

    test("invalid body → 400 validation with a coded error and no change", async () => {
      const staff = await t.login("unit151001");
      const r = await staff.request("POST", "/api/v1/projects", { fiscalYear: 2024, project: { name: "x" } });
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().error.code, "validation");
      const extra = await staff.request("POST", "/api/v1/projects", {
        fiscalYear: 2024,
        project: buildProject({ name: "多余字段" }),
        hack: 1,
      });
      assert.equal(extra.statusCode, 400);
      assert.equal((await staff.request("GET", "/api/v1/projects?q=多余字段")).json().total, 0);
    });

    test("workflow: create → edit → submit → return → submit → approve → adjust; versions and diff", async () => {
      const staff = await t.login("unit151001");
      const dept = await t.login("dept151");
      const created = await staff.request("POST", "/api/v1/projects", {
        fiscalYear: 2024,
        project: buildProject({ name: "工作流项目" }),
      });
      assert.equal(created.statusCode, 201, created.body);
      const p = created.json();
      assert.equal(p.status, "draft");
      const edited = await staff.request(
        "PUT",
        `/api/v1/projects/${p.id}/table`,
        { project: { ...p.table, budget: 8 } },
        { "if-match": `"${p.rowVersion}"` },
      );
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().budget, 8);
      // Stale write: 409, nothing lost.
      const stale = await staff.request(
        "PUT",
        `/api/v1/projects/${p.id}/table`,
        { project: { ...p.table, budget: 9 } },
        { "if-match": `"${p.rowVersion}"` },
      );
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().error.code, "conflict.stale");
      assert.equal((await staff.request("GET", `/api/v1/projects/${p.id}`)).json().budget, 8);

      const early = await dept.request("POST", `/api/v1/projects/${p.id}/approve`, {});
      assert.equal(early.statusCode, 409, early.body);
      // The seed's first project has one advisory finding (提示性审核): a 说明 is needed.
      const bare = await staff.request("POST", `/api/v1/projects/${p.id}/submit`);
      assert.equal(bare.statusCode, 409, bare.body);
      assert.equal(bare.json().error.code, "workflow.explanation-required");
      const explanation = "人数差异为统计口径不同";
      assert.equal(
        (await staff.request("POST", `/api/v1/projects/${p.id}/submit`, { explanation })).json().status,
        "submitted",
      );
      assert.equal((await staff.request("POST", `/api/v1/projects/${p.id}/approve`, {})).statusCode, 403);
      const noReason = await dept.request("POST", `/api/v1/projects/${p.id}/return`, {});
      assert.equal(noReason.statusCode, 400);
      const returned = await dept.request("POST", `/api/v1/projects/${p.id}/return`, { reason: "目标值偏低" });
      assert.equal(returned.json().status, "returned");
      assert.equal(returned.json().returnReason, "目标值偏低");
      assert.equal(returned.json().versionNo, 2, "the unit edits a new version after a return");
      assert.equal((await staff.request("POST", `/api/v1/projects/${p.id}/submit`, { explanation })).statusCode, 200);
      const approved = await dept.request("POST", `/api/v1/projects/${p.id}/approve`, {});
      assert.equal(approved.json().status, "approved");
      // Approved: no edit, no delete.
      const cur = approved.json();
      const noEdit = await staff.request("PUT", `/api/v1/projects/${p.id}/table`, {
        project: cur.table,
        rowVersion: cur.rowVersion,
      });
      assert.equal(noEdit.statusCode, 409, noEdit.body);
      const ifMatch = { "if-match": String(cur.rowVersion) };
      assert.equal((await staff.request("DELETE", `/api/v1/projects/${p.id}`, undefined, ifMatch)).statusCode, 409);
      // Adjustment draft → version 3, with its reason (调整原因) required and counted.
      assert.equal((await staff.request("POST", `/api/v1/projects/${p.id}/adjust`, {})).statusCode, 400);
      const adj = (await staff.request("POST", `/api/v1/projects/${p.id}/adjust`, { reason: "预算调减" })).json();
      assert.equal(adj.versionNo, 3);
      assert.equal(adj.adjustCount, 1);
      assert.equal(adj.kind, "adjustment");
      const ind = [...adj.table.indicators];
      ind[0] = { ...ind[0], target: "有显著保障" };
      const e2 = await staff.request("PUT", `/api/v1/projects/${p.id}/table`, {
        project: { ...adj.table, budget: 10, indicators: ind },
        rowVersion: adj.rowVersion,
      });
      assert.equal(e2.statusCode, 200, e2.body);
      const versions = (await dept.request("GET", `/api/v1/projects/${p.id}/versions`)).json().items;
      assert.deepEqual(
        versions.map((v: { versionNo: number; status: string; kind: string }) => [v.versionNo, v.status, v.kind]),
        [
          [1, "returned", "original"],
          [2, "approved", "original"],
          [3, "draft", "adjustment"],
        ],
      );
      const diff = (await dept.request("GET", `/api/v1/projects/${p.id}/diff?from=2&to=3`)).json();
      assert.deepEqual(diff.changes, [
        { path: "budget", before: 8, after: 10 },
        { path: "indicators[0].target", before: p.table.indicators[0].target, after: "有显著保障" },
      ]);
      const v1 = (await dept.request("GET", `/api/v1/projects/${p.id}/versions/2`)).json();
      assert.equal(v1.table.budget, 8);
      // The database itself refuses to change the approved version.
      await assert.rejects(
        t.database.db
          .updateTable("table_versions")
          .set({ doc: "{}" })
          .where("project_id", "=", p.id)
          .where("version_no", "=", 2)
          .execute(),
        /immutable/,
      );
      // The audit log recorded each step.
      const fin = await t.login("finance");
      const audit = (await fin.request("GET", `/api/v1/audit?entity=project&entityId=${p.id}`)).json().items;
      const actions = audit.map((a: { action: string }) => a.action).reverse();
      assert.deepEqual(actions, [
        "project.create",
        "table.update",
        "workflow.submit",
        "workflow.return",
        "workflow.submit",
        "workflow.approve",
        "workflow.adjust",
        "table.update",
      ]);
    });
  });
}
