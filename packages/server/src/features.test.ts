import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { DRIVERS } from "./db/test-databases.ts";
import { seedDocument } from "./demo/load-demo.ts";
import { buildProject, multipart, openTestApp, type TestApp } from "./http/test-app.ts";

const SEED_TEXT = new URL("../../../examples/seed-2024-hohhot-union.txt", import.meta.url);

for (const driver of DRIVERS) {
  describe(`API features (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("import preview → commit is all-or-nothing and scoped", async () => {
      const staff = await t.login("unit151002");
      const doc = seedDocument(); // 3 projects of 151001, 1 of 151002
      doc.fiscalYear = 2024;
      doc.projects = doc.projects.map((p) => ({ ...p, name: `${p.name}（导入）` }));
      const m = multipart("seed.json", JSON.stringify(doc));
      const pv = await staff.request("POST", "/api/v1/imports/preview", m.body, m.headers);
      assert.equal(pv.statusCode, 200, pv.body);
      const preview = pv.json();
      assert.equal(preview.document.projects.length, 4);
      assert.ok(Array.isArray(preview.findings));
      assert.deepEqual(
        preview.projects.map((p: { allowed: boolean }) => p.allowed),
        doc.projects.map((p) => p.unitCode === "151002"),
      );
      const commit = await staff.request("POST", `/api/v1/imports/${preview.previewId}/commit`, {});
      assert.equal(commit.statusCode, 422);
      assert.equal(commit.json().error.code, "import.refused");
      const admin = await t.login("admin");
      const all = (await admin.request("GET", "/api/v1/projects?q=（导入）")).json();
      assert.equal(all.total, 0, "nothing of the refused import was written");

      // The same file by admin: every project, one transaction.
      const pv2 = (await admin.request("POST", "/api/v1/imports/preview", m.body, m.headers)).json();
      const ok = await admin.request("POST", `/api/v1/imports/${pv2.previewId}/commit`, {});
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().created.length, 4);
      assert.equal((await admin.request("GET", "/api/v1/projects?q=（导入）")).json().total, 4);
      // Committing twice is refused.
      assert.equal((await admin.request("POST", `/api/v1/imports/${pv2.previewId}/commit`, {})).statusCode, 422);
      // Another user cannot commit my preview (no existence hint).
      const other = await t.login("demoadmin");
      assert.equal((await other.request("POST", `/api/v1/imports/${pv2.previewId}/commit`, {})).statusCode, 404);
    });

    test("import of the PDF-extracted seed text shows the repair log", async () => {
      const admin = await t.login("admin");
      const m = multipart("seed.txt", readFileSync(SEED_TEXT));
      const pv = (await admin.request("POST", "/api/v1/imports/preview?fiscalYear=2023", m.body, m.headers)).json();
      assert.equal(pv.document.projects.length, 4);
      assert.equal(pv.fiscalYear, 2023);
      assert.ok(pv.diagnostics.some((d: { code: string }) => d.code === "text.row-reattached"));
      assert.ok(pv.projects.every((p: { allowed: boolean; exists: boolean }) => p.allowed && !p.exists));
    });

    test("upload over 10 MB → 413 coded error", async () => {
      const staff = await t.login("unit151001");
      const m = multipart("big.txt", new Uint8Array(10 * 1024 * 1024 + 10).fill(0x41));
      const r = await staff.request("POST", "/api/v1/imports/preview", m.body, m.headers);
      assert.equal(r.statusCode, 413);
      assert.equal(r.json().error.code, "payload.too-large");
    });

    test("review findings, comments on a cell, self-evaluation scores", async () => {
      const staff = await t.login("unit151001");
      const dept = await t.login("dept151");
      const list = (await staff.request("GET", "/api/v1/projects?fiscalYear=2024&q=退休人员体检费")).json();
      const id = list.items[0].id;
      const rv = await dept.request("POST", `/api/v1/projects/${id}/review`, {});
      assert.equal(rv.statusCode, 200, rv.body);
      const findings = rv.json().findings;
      assert.ok(findings.length > 0, "the seed's first project has known problems (79 vs 70 people)");
      assert.ok(findings.every((f: { code: string; message: string }) => f.code && f.message));
      const c = await dept.request("POST", `/api/v1/projects/${id}/comments`, {
        cell: "indicators[8].target",
        body: "与目标 79 人不符",
      });
      assert.equal(c.statusCode, 201, c.body);
      const cs = (await staff.request("GET", `/api/v1/projects/${id}/comments`)).json().items;
      assert.deepEqual(
        cs.map((x: { cell: string; author: string }) => [x.cell, x.author]),
        [["indicators[8].target", "dept151"]],
      );
      const detail = (await staff.request("GET", `/api/v1/projects/${id}`)).json();
      const indicators = detail.table.indicators.map((i: { nature: string; target: string }) =>
        i.nature === "定性" ? { grade: "达成" } : { actual: i.target },
      );
      const se = await staff.request("PUT", `/api/v1/projects/${id}/self-evaluation`, { executed: 7, indicators });
      assert.equal(se.statusCode, 200, se.body);
      const result = se.json().result;
      assert.equal(result.executionScore, 10);
      assert.equal(result.total, 100);
      assert.equal((await dept.request("GET", `/api/v1/projects/${id}/self-evaluation`)).json().result.total, 100);
      // Reviewers cannot enter actuals.
      assert.equal(
        (await dept.request("PUT", `/api/v1/projects/${id}/self-evaluation`, { indicators: [] })).statusCode,
        403,
      );
    });

    test("indicator library search and copy from last year", async () => {
      const admin = await t.login("admin");
      const fin = await t.login("finance");
      const staff = await t.login("unit151001");
      const lib = (await staff.request("GET", "/api/v1/library/indicators?q=满意&level1=满意度指标")).json().items;
      assert.ok(lib.length > 0);
      assert.ok(
        lib.every((i: { level1: string; name: string }) => i.level1 === "满意度指标" && i.name.includes("满意")),
      );
      // 2023: the same project, approved, with other indicators.
      await admin.request("POST", "/api/v1/units", { fiscalYear: 2023, code: "151001", name: "x" });
      await admin.request("POST", "/api/v1/departments", { fiscalYear: 2023, code: "151", name: "总工会" });
      const u = await admin.request("POST", "/api/v1/units", {
        fiscalYear: 2023,
        code: "151001",
        name: "呼和浩特市总工会",
      });
      assert.equal(u.statusCode, 201, u.body);
      const base = buildProject();
      const old = (
        await staff.request("POST", "/api/v1/projects", {
          fiscalYear: 2023,
          project: { ...base, indicators: base.indicators.slice(0, 2).map((i) => ({ ...i, target: "去年目标" })) },
        })
      ).json();
      // Last year's office ran without the review gate (a two-indicator table passes).
      const off = { severity: { error: "none", warning: "none", info: "none" }, rules: {} };
      assert.equal((await admin.request("PUT", "/api/v1/settings/review", { checks: off })).statusCode, 200);
      await staff.request("POST", `/api/v1/projects/${old.id}/submit`, {});
      assert.equal((await fin.request("POST", `/api/v1/projects/${old.id}/approve`, {})).statusCode, 200);
      const on = { severity: { error: "block", warning: "explain", info: "none" }, rules: {} };
      assert.equal((await admin.request("PUT", "/api/v1/settings/review", { checks: on })).statusCode, 200);
      const cur = (
        await staff.request("GET", `/api/v1/projects?fiscalYear=2024&q=${encodeURIComponent(base.name)}`)
      ).json().items[0];
      const adj = (await staff.request("POST", `/api/v1/projects/${cur.id}/adjust`, { reason: "沿用上年指标" })).json();
      const copied = await staff.request("POST", `/api/v1/projects/${cur.id}/copy-from-last-year`, {
        rowVersion: adj.rowVersion,
      });
      assert.equal(copied.statusCode, 200, copied.body);
      assert.deepEqual(
        copied.json().table.indicators.map((i: { target: string }) => i.target),
        ["去年目标", "去年目标"],
      );
    });

    test("publish a department-year; public endpoints need no login and export 表12", async () => {
      const dept = await t.login("dept151");
      const pub = await dept.request("POST", "/api/v1/publications", {
        fiscalYear: 2024,
        deptCode: "151",
        confirmIncomplete: true, // earlier tests left drafts in the department
      });
      assert.equal(pub.statusCode, 201, pub.body);
      const id = pub.json().id;
      assert.ok(pub.json().projectCount >= 4);
      const other = await dept.request("POST", "/api/v1/publications", { fiscalYear: 2024, deptCode: "152" });
      assert.equal(other.statusCode, 404);
      const list = (await t.anonymous.request("GET", "/api/v1/public/publications?fiscalYear=2024")).json().items;
      assert.ok(list.some((p: { id: number }) => p.id === id));
      const one = (await t.anonymous.request("GET", `/api/v1/public/publications/${id}`)).json();
      assert.equal(one.document.department.name, "呼和浩特市总工会");
      const json = await t.anonymous.request("GET", `/api/v1/public/publications/${id}/export.json`);
      assert.equal(json.statusCode, 200);
      assert.equal(JSON.parse(json.body).projects.length, one.projectCount);
      const csv = await t.anonymous.request("GET", `/api/v1/public/publications/${id}/export.csv`);
      assert.match(csv.body, /项目名称/);
      const html = await t.anonymous.request("GET", `/api/v1/public/publications/${id}/export.html`);
      assert.match(html.body, /退休人员体检费/);
      const xlsx = await t.anonymous.request("GET", `/api/v1/public/publications/${id}/export.xlsx`);
      assert.equal(xlsx.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      let found = false;
      wb.eachSheet((ws) =>
        ws.eachRow((row) => {
          if (JSON.stringify(row.values).includes("退休人员体检费")) found = true;
        }),
      );
      assert.ok(found);
    });
  });
}
