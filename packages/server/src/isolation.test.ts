/**
 * The isolation matrix: every API route (from the OpenAPI inventory) × every role × a foreign
 * tenant's object (region 150200 uses the SAME department and unit codes as ours). Proves zero
 * leaks: no read (no foreign data in any answer), no write (the foreign tenant's rows are
 * byte-identical afterwards), no existence hint (a foreign id answers exactly like a missing id).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { commitImport, previewImport } from "./commands/imports.ts";
import type { Database } from "./db/connect.ts";
import { DRIVERS } from "./db/test-databases.ts";
import { seedDocument } from "./demo/load-demo.ts";
import { buildProject, type Client, FOREIGN_REGION, openTestApp, type TestApp } from "./http/test-app.ts";
import type { Actor } from "./policies.ts";

const MISSING_ID = 2_000_000;
const MISSING_UUID = "00000000-0000-4000-8000-000000000000";
const LEAK = /外地|150200|f_unit|f_dept|f_fin|f_admin/;

async function snapshot(db: Database["db"]): Promise<string> {
  const out: unknown[] = [];
  for (const table of [
    "projects",
    "table_versions",
    "indicators",
    "comments",
    "self_evaluations",
    "publications",
    "import_previews",
    "units",
    "departments",
    "project_counts",
    "review_steps",
    "notices",
    "region_settings",
    "monitoring_rounds",
    "monitoring_reports",
    "evidence_files",
    "evaluation_rounds",
    "spot_checks",
    "rectifications",
    "self_evaluation_results",
  ] as const) {
    out.push(await db.selectFrom(table).selectAll().where("region_code", "=", FOREIGN_REGION).execute());
  }
  out.push(
    await db
      .selectFrom("users")
      .select(["id", "username", "password_hash", "role", "disabled", "display_name"])
      .where("region_code", "=", FOREIGN_REGION)
      .orderBy("id")
      .execute(),
  );
  out.push(await db.selectFrom("audit_log").select("id").where("region_code", "=", FOREIGN_REGION).execute());
  return JSON.stringify(out);
}

const BODIES: Record<string, unknown> = {
  "PUT /api/v1/projects/{id}/table": { project: buildProject() },
  "POST /api/v1/projects/{id}/return": { reason: "退回" },
  "POST /api/v1/projects/{id}/adjust": { reason: "调整" },
  "POST /api/v1/projects/{id}/void": { reason: "作废" },
  "POST /api/v1/publications/{id}/withdraw": { reason: "撤回" },
  "POST /api/v1/org/rollover": { from: 2024, to: 2025 },
  "POST /api/v1/fiscal-years": { fiscalYear: 2030 },
  "POST /api/v1/projects/{id}/comments": { cell: "budget", body: "看看" },
  "PUT /api/v1/projects/{id}/self-evaluation": { indicators: [] },
  "PATCH /api/v1/users/{id}": { displayName: "改名" },
  "POST /api/v1/projects": { fiscalYear: 2024, project: buildProject({ name: "矩阵新建" }) },
  "POST /api/v1/users": { username: "matrix_user", password: "matrix-password", role: "admin" },
  "POST /api/v1/departments": { fiscalYear: 2024, code: "159", name: "矩阵部门" },
  "POST /api/v1/units": { fiscalYear: 2024, code: "151009", name: "矩阵单位" },
  "POST /api/v1/publications": { fiscalYear: 2024, deptCode: "151" },
  "POST /api/v1/review": { document: { format: "jixiao.targets/1", moneyUnit: "万元", projects: [buildProject()] } },
  "POST /api/v1/auth/password": { oldPassword: "wrong-password", newPassword: "new-password-1" },
  "POST /api/v1/auth/login": { username: "f_admin", password: "wrong" },
  "POST /api/v1/monitoring/rounds": { fiscalYear: 2024, asOfMonth: 8, scope: "region" },
  "PUT /api/v1/monitoring/reports/{id}": { indicators: [] },
  "POST /api/v1/monitoring/reports/{id}/return": { reason: "退回" },
  "POST /api/v1/monitoring/reports/{id}/decision": { decision: "整改", reason: "整改" },
  "POST /api/v1/evaluation-rounds": { fiscalYear: 2024, dueDate: "2024-12-31" },
  "POST /api/v1/evaluation-rounds/{id}/sample": { count: 1, seed: "矩阵" },
  "POST /api/v1/projects/{id}/self-evaluation/return": { reason: "退回" },
  "PUT /api/v1/projects/{id}/self-evaluation/spot-check": { indicators: [] },
  "POST /api/v1/rectifications/{id}/done": { note: "完成" },
  "PUT /api/v1/self-evaluation-policy": { rectifyDays: 30 },
  "POST /api/v1/evaluation-rounds/{id}/published/withdraw": { reason: "矩阵撤回" },
};

/** Query strings that make a route answer with data (the foreign tenant uses the same codes). */
const QUERIES: Record<string, string> = {
  "GET /api/v1/projects/{id}/diff": "?from=1&to=1",
  "GET /api/v1/dashboard": "?fiscalYear=2024&deptCode=151",
  "GET /api/v1/publications/preview": "?fiscalYear=2024&deptCode=151",
  "GET /api/v1/org/rollover": "?from=2024&to=2025",
};

/** A download route's format: json where offered, else the first its schema allows. */
function formatOf(op: unknown): string {
  const params = (op as { parameters?: { name: string; schema?: { enum?: string[] } }[] }).parameters ?? [];
  const choices = params.find((x) => x.name === "format")?.schema?.enum ?? ["json"];
  return choices.includes("json") ? "json" : (choices[0] ?? "json");
}

for (const driver of DRIVERS) {
  describe(`isolation matrix (${driver.name})`, () => {
    let t: TestApp;
    let foreign: {
      project: number;
      user: number;
      preview: string;
      publication: number;
      monitoringRound: number;
      monitoringReport: number;
      evidence: number;
      evalRound: number;
      rectification: number;
    };
    before(async () => {
      t = await openTestApp(driver);
      const db = t.database.db;
      const fAdmin = await db
        .selectFrom("users")
        .selectAll()
        .where("username", "=", "f_admin")
        .executeTakeFirstOrThrow();
      const actor: Actor = {
        id: fAdmin.id,
        username: fAdmin.username,
        displayName: fAdmin.display_name,
        role: "admin",
        regionCode: FOREIGN_REGION,
        deptCode: null,
        unitCode: null,
      };
      // The foreign tenant: a submitted project with comments, an approved one with a
      // self-evaluation, a pending import preview and a publication.
      const ctx = { db, actor };
      const doc = seedDocument();
      doc.projects = doc.projects.slice(0, 1).map((p) => ({ ...p, name: "外地导入项目", unitName: "外地单位" }));
      const bytes = new TextEncoder().encode(JSON.stringify(doc));
      const done = await previewImport(ctx, { bytes, fileName: "f.json" });
      const created = await commitImport(ctx, done.previewId);
      const { transition } = await import("./commands/projects/index.ts");
      const approvedId = created.created[0]?.id as number;
      await transition(ctx, approvedId, "submit", { explanation: "说明" });
      await transition(ctx, approvedId, "approve");
      const { saveSelfEvaluation } = await import("./commands/self-evaluation/actuals.ts");
      await saveSelfEvaluation(ctx, approvedId, { executed: 1, indicators: [] });
      await transition(ctx, t.foreignProjectId, "submit", { explanation: "说明" });
      const { addComment } = await import("./commands/review.ts");
      await addComment(ctx, t.foreignProjectId, "budget", "外地评论");
      const { publish } = await import("./commands/publications.ts");
      const pub = await publish(ctx, 2024, "151");
      const pending = await previewImport(ctx, { bytes, fileName: "f2.json" });
      const { openRound } = await import("./commands/monitoring/index.ts");
      const round = await openRound(ctx, { fiscalYear: 2024, asOfMonth: 7, scope: "region" });
      const report = await db
        .selectFrom("monitoring_reports")
        .select("id")
        .where("region_code", "=", FOREIGN_REGION)
        .where("round_id", "=", round.id)
        .executeTakeFirstOrThrow();
      const evidence = await db
        .insertInto("evidence_files")
        .values({
          region_code: FOREIGN_REGION,
          fiscal_year: 2024,
          project_id: t.foreignProjectId,
          file_name: "外地佐证.pdf",
          content_type: "application/pdf",
          size: 9,
          sha256: "0".repeat(64),
          content: new TextEncoder().encode("%PDF-外地"),
          uploaded_by: "f_unit",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      // A foreign self-evaluation round (the approved project's saved self-evaluation joins it),
      // its 抽评 sample and a 整改 task.
      const se = await import("./commands/self-evaluation/index.ts");
      const evalRound = await se.openEvalRound(ctx, { fiscalYear: 2024, dueDate: "2024-12-31" });
      await se.sampleRound(ctx, evalRound.round.id, { projectIds: [approvedId] });
      const task = await se.createRectification(ctx, {
        projectId: approvedId,
        deadline: "2025-03-31",
        text: "外地整改",
      });
      // A published result of the foreign round (a withdrawal from here must not reach it).
      await db
        .insertInto("self_evaluation_results")
        .values({
          region_code: FOREIGN_REGION,
          fiscal_year: 2024,
          project_id: approvedId,
          dept_code: "151",
          unit_code: "151001",
          round_id: evalRound.round.id,
          result: JSON.stringify({
            name: "外地导入项目",
            unitName: "外地单位",
            selfEvaluation: { score: 90, grade: "优" },
          }),
          published_by: "f_admin",
        })
        .execute();
      foreign = {
        evidence: evidence.id,
        evalRound: evalRound.round.id,
        rectification: task.id,
        project: t.foreignProjectId,
        user: fAdmin.id,
        preview: pending.previewId,
        publication: pub.id,
        monitoringRound: round.id,
        monitoringReport: report.id,
      };
    });
    after(async () => t.close());

    test("every route × every role × the foreign tenant: no read, no write, no hint", async () => {
      const spec = (await t.anonymous.request("GET", "/api/openapi.json")).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const routes = Object.entries(spec.paths).flatMap(([p, ops]) =>
        Object.keys(ops)
          .filter((m) => ["get", "post", "put", "patch", "delete"].includes(m))
          .map((m) => ({ method: m.toUpperCase(), path: p, format: formatOf(ops[m]) })),
      );
      // Logging out ends the session: walk it last.
      routes.sort((a, b) => Number(a.path.endsWith("/logout")) - Number(b.path.endsWith("/logout")));
      assert.ok(routes.length >= 35, `route inventory has ${routes.length} routes`);
      const clients: [string, Client][] = [["anonymous", t.anonymous]];
      for (const u of ["unit151001", "unit151002", "dept151", "finance", "demoadmin"])
        clients.push([u, await t.login(u)]);

      const before = await snapshot(t.database.db);
      let checks = 0;
      for (const r of routes) {
        const key = `${r.method} ${r.path}`;
        const isPublic = r.path.startsWith("/api/v1/public/");
        const fill = (missing: boolean) =>
          r.path
            .replace(
              "{id}",
              String(
                missing
                  ? MISSING_ID
                  : r.path.startsWith("/api/v1/users")
                    ? foreign.user
                    : r.path.startsWith("/api/v1/evaluation-rounds/")
                      ? foreign.evalRound
                      : r.path.startsWith("/api/v1/rectifications/")
                        ? foreign.rectification
                        : r.path.startsWith("/api/v1/monitoring/rounds/")
                          ? foreign.monitoringRound
                          : r.path.startsWith("/api/v1/monitoring/reports/")
                            ? foreign.monitoringReport
                            : r.path.includes("publications")
                              ? foreign.publication
                              : foreign.project,
              ),
            )
            .replace("{no}", "1")
            .replace("{previewId}", missing ? MISSING_UUID : foreign.preview)
            .replace("{evidenceId}", String(missing ? MISSING_ID : foreign.evidence))
            .replace("{format}", r.format);
        const query = QUERIES[key] ?? "";
        const body =
          r.method === "GET"
            ? undefined
            : key === "POST /api/v1/rectifications"
              ? { projectId: foreign.project, deadline: "2099-01-01", text: "矩阵整改" }
              : (BODIES[key] ?? {});
        for (const [who, c] of clients) {
          const res = await c.request(r.method, fill(false) + query, body);
          checks++;
          const where = `${who} ${key} → ${res.statusCode} ${res.body.slice(0, 200)}`;
          if (who !== "anonymous" && !key.endsWith("/login")) {
            const json = String(res.headers["content-type"] ?? "").includes("json");
            assert.notEqual(json ? res.json().error?.code : undefined, "auth.required", `session lost: ${where}`);
          }
          if (key === "GET /api/v1/dashboard" && who !== "anonymous") {
            // Aggregates answer with the caller's own figures (checked below to hold nothing foreign).
            assert.equal(res.statusCode, 200, where);
            assert.ok(res.json().projectCount > 0, where);
          }
          if (isPublic) continue; // published tables are public by design
          if (r.path.includes("{")) {
            // An object route with a foreign id must answer exactly like a missing id.
            assert.ok([401, 403, 404].includes(res.statusCode), where);
            const miss = await c.request(r.method, fill(true) + query, body);
            assert.equal(res.statusCode, miss.statusCode, `existence hint: ${where} vs missing ${miss.statusCode}`);
            assert.equal(res.json().error.code, miss.json().error.code, where);
          }
          assert.doesNotMatch(res.body, LEAK, `leak: ${where}`);
        }
      }
      assert.equal(await snapshot(t.database.db), before, "the foreign tenant's rows are unchanged");
      assert.ok(checks >= routes.length * clients.length);
    });

    test("inside the region: a unit's staff cannot reach a neighbouring unit's project", async () => {
      const spec = (await t.anonymous.request("GET", "/api/openapi.json")).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const routes = Object.entries(spec.paths)
        .filter(([p]) => p.startsWith("/api/v1/projects/{id}"))
        .flatMap(([p, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path: p })));
      const neighbour = await t.database.db
        .selectFrom("projects")
        .select(["id", "row_version"])
        .where("region_code", "=", "150100")
        .where("unit_code", "=", "151002")
        .executeTakeFirstOrThrow();
      const staff = await t.login("unit151001");
      for (const r of routes) {
        const key = `${r.method} ${r.path}`;
        const body = r.method === "GET" ? undefined : (BODIES[key] ?? {});
        const query = r.path.endsWith("/diff") ? "?from=1&to=1" : "";
        const url = (id: number) =>
          r.path.replace("{id}", String(id)).replace("{no}", "1").replace("{evidenceId}", "1") + query;
        const res = await staff.request(r.method, url(neighbour.id), body);
        const miss = await staff.request(r.method, url(MISSING_ID), body);
        assert.equal(res.statusCode, miss.statusCode, `${key} → ${res.statusCode} ${res.body.slice(0, 120)}`);
        assert.equal(res.json().error?.code, miss.json().error?.code, key);
      }
      const after = await t.database.db
        .selectFrom("projects")
        .select(["id", "row_version"])
        .where("id", "=", neighbour.id)
        .where("region_code", "=", "150100")
        .executeTakeFirstOrThrow();
      assert.deepEqual(after, neighbour);
    });
  });
}
