/**
 * GET /api/v1/dashboard: figures over every project in the caller's scope, checked against the
 * same figures recomputed from the project list, each table, POST /review and the saved
 * self-evaluations — per role, and never counting the foreign tenant.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Project, sumDecimal } from "@jixiao/core";
import { DRIVERS } from "./db/test-databases.ts";
import { buildProject, type Client, openTestApp, type TestApp } from "./http/test-app.ts";

interface Summary {
  id: number;
  name: string;
  unitCode: string;
  budget: number;
  status: string;
  hasApproved: boolean;
}

async function listAll(c: Client, query: string): Promise<Summary[]> {
  const r = await c.request("GET", `/api/v1/projects?${query}&limit=500`);
  assert.equal(r.statusCode, 200, r.body);
  return r.json().items;
}

for (const driver of DRIVERS) {
  describe(`dashboard (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("figures equal the list, the tables, review() and the saved self-evaluations", async () => {
      const staff = await t.login("unit151001");
      const admin = await t.login("admin");
      // A draft beside the approved seed projects, and one self-evaluation.
      const created = await staff.request("POST", "/api/v1/projects", {
        fiscalYear: 2024,
        project: buildProject({ name: "看板草稿项目", budget: 3.5 }),
      });
      assert.equal(created.statusCode, 201, created.body);
      const list = await listAll(admin, "fiscalYear=2024");
      const evaluated = list.find((p) => p.hasApproved && p.unitCode === "151001") as Summary;
      const detail = (await admin.request("GET", `/api/v1/projects/${evaluated.id}`)).json();
      const saved = await staff.request("PUT", `/api/v1/projects/${evaluated.id}/self-evaluation`, {
        executed: detail.table.budget,
        indicators: detail.table.indicators.map(() => ({ grade: "达成" })),
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const grade = saved.json().result.grade as string;

      const r = await admin.request("GET", "/api/v1/dashboard?fiscalYear=2024");
      assert.equal(r.statusCode, 200, r.body);
      const d = r.json();
      assert.equal(d.projectCount, list.length);
      assert.equal(d.projectCount, 5, "4 seed projects + the draft");
      assert.equal(d.moneyUnit, "万元");
      assert.equal(d.totalBudget, sumDecimal(list.map((p) => p.budget)));
      assert.equal(d.approvedCount, list.filter((p) => p.hasApproved).length);
      assert.deepEqual(d.budgetByProject.map((p: { id: number }) => p.id).sort(), list.map((p) => p.id).sort());
      assert.ok(
        d.budgetByProject.every(
          (p: { budget: number }, i: number, a: { budget: number }[]) => i === 0 || a[i - 1]!.budget >= p.budget,
        ),
      );
      assert.deepEqual(
        Object.fromEntries(d.budgetByUnit.map((u: { unitCode: string; budget: number }) => [u.unitCode, u.budget])),
        Object.fromEntries(
          [...new Set(list.map((p) => p.unitCode))].map((u) => [
            u,
            sumDecimal(list.filter((p) => p.unitCode === u).map((p) => p.budget)),
          ]),
        ),
      );
      assert.deepEqual(d.status, {
        draft: list.filter((p) => p.status === "draft").length,
        submitted: list.filter((p) => p.status === "submitted").length,
        approved: list.filter((p) => p.status === "approved").length,
        returned: list.filter((p) => p.status === "returned").length,
      });
      assert.equal(d.status.draft, 1);

      // Indicators and findings from the tables themselves.
      const tables: Project[] = [];
      for (const p of list) tables.push((await admin.request("GET", `/api/v1/projects/${p.id}`)).json().table);
      const levels = new Map<string, number>();
      for (const ind of tables.flatMap((x) => x.indicators)) {
        const k = `${ind.level1}/${ind.level2}`;
        levels.set(k, (levels.get(k) ?? 0) + 1);
      }
      assert.equal(d.indicators.total, tables.flatMap((x) => x.indicators).length);
      assert.deepEqual(
        Object.fromEntries(
          d.indicators.byLevel.map((l: { level1: string; level2: string; count: number }) => [
            `${l.level1}/${l.level2}`,
            l.count,
          ]),
        ),
        Object.fromEntries(levels),
      );
      const rv = await admin.request("POST", "/api/v1/review", {
        document: { format: "jixiao.targets/1", moneyUnit: "万元", fiscalYear: 2024, projects: tables },
      });
      const findings = rv.json().findings as { code: string; severity: "error" | "warning" | "info" }[];
      assert.ok(findings.length > 0, "the seed has known findings");
      assert.equal(d.findings.total, findings.length);
      for (const s of ["error", "warning", "info"] as const) {
        assert.equal(d.findings.bySeverity[s], findings.filter((f) => f.severity === s).length, s);
      }
      for (const rule of d.findings.byRule) {
        assert.equal(rule.total, findings.filter((f) => f.code === rule.code).length, rule.code);
        assert.equal(rule.error + rule.warning + rule.info, rule.total);
      }

      // Grades: the one self-evaluation, the other approved projects not evaluated.
      assert.deepEqual(
        d.grades.items.map((g: { grade: string }) => g.grade),
        ["优", "良", "中", "差"],
      );
      assert.deepEqual(
        d.grades.items.filter((g: { count: number }) => g.count > 0),
        [{ grade, count: 1 }],
      );
      assert.equal(d.grades.notEvaluated, d.approvedCount - 1);
    });

    test("scoped like the project list for every role; never the foreign tenant", async () => {
      for (const who of [
        "unit151001",
        "unit151002",
        "dept151",
        "finance",
        "demoadmin",
        "f_unit",
        "f_dept",
        "f_admin",
      ]) {
        const c = await t.login(who);
        const list = await listAll(c, "fiscalYear=2024");
        const d = (await c.request("GET", "/api/v1/dashboard?fiscalYear=2024")).json();
        assert.equal(d.projectCount, list.length, who);
        assert.deepEqual(d.budgetByProject.map((p: { id: number }) => p.id).sort(), list.map((p) => p.id).sort(), who);
        const foreign = who.startsWith("f_");
        for (const p of d.budgetByProject as { name: string }[]) {
          assert.equal(p.name === "外地项目", foreign, `${who} sees ${p.name}`);
        }
      }
      const unit2 = (await (await t.login("unit151002")).request("GET", "/api/v1/dashboard?fiscalYear=2024")).json();
      assert.deepEqual(
        unit2.budgetByUnit.map((u: { unitCode: string }) => u.unitCode),
        ["151002"],
      );
      // A department filter narrows, never widens: dept151 asking for 152 sees nothing.
      const dept = await t.login("dept151");
      const other = (await dept.request("GET", "/api/v1/dashboard?fiscalYear=2024&deptCode=152")).json();
      assert.equal(other.projectCount, 0);
      assert.equal(other.findings.total, 0);
      assert.equal(other.grades.notEvaluated, 0);
      const none = (await dept.request("GET", "/api/v1/dashboard?fiscalYear=1999")).json();
      assert.equal(none.projectCount, 0);
      assert.equal(none.totalBudget, 0);
    });

    test("needs a login and a fiscal year", async () => {
      const anon = await t.anonymous.request("GET", "/api/v1/dashboard?fiscalYear=2024");
      assert.equal(anon.statusCode, 401);
      assert.equal(anon.json().error.code, "auth.required");
      const admin = await t.login("admin");
      const bad = await admin.request("GET", "/api/v1/dashboard");
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, "validation");
    });
  });
}
