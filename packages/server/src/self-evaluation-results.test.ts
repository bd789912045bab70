/**
 * Published self-evaluation results (issue 17) on every driver: the finance bureau publishes a
 * round's accepted results only; the public page of the department's 表12 carries them (score,
 * grade, 自评结论, indicator actuals), as does the public results list; other roles and regions
 * cannot publish.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "./db/test-databases.ts";
import { type Client, openTestApp, type TestApp } from "./http/test-app.ts";

for (const driver of DRIVERS) {
  describe(`published self-evaluation results (${driver.name})`, () => {
    let t: TestApp;
    let staff: Client;
    let finance: Client;
    let roundId: number;
    let accepted: { id: number; name: string; total: number; grade: string };
    let draftId: number;
    before(async () => {
      t = await openTestApp(driver);
      staff = await t.login("unit151001");
      finance = await t.login("finance");
      const opened = await finance.request("POST", "/api/v1/evaluation-rounds", {
        fiscalYear: 2024,
        dueDate: "2099-12-31",
      });
      assert.ok([200, 201].includes(opened.statusCode), opened.body);
      roundId = opened.json().round.id;
      const mine = opened.json().projects.filter((p: { unitCode: string }) => p.unitCode === "151001") as {
        projectId: number;
      }[];
      assert.ok(mine.length >= 2, "two projects of unit 151001 in the round");
      const [first, second] = mine as [{ projectId: number }, { projectId: number }];
      draftId = second.projectId;
      const se = (await staff.request("GET", `/api/v1/projects/${first.projectId}/self-evaluation`)).json();
      const saved = await staff.request("PUT", `/api/v1/projects/${first.projectId}/self-evaluation`, {
        executed: se.table.budget,
        indicators: se.table.indicators.map((i: { target: string }) => ({ actual: i.target, deviationReason: "无" })),
        problems: "无重大问题",
        conclusion: "全部完成年度目标",
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const submit = await staff.request("POST", `/api/v1/projects/${first.projectId}/self-evaluation/submit`, {});
      assert.equal(submit.statusCode, 200, submit.body);
      const dept = await t.login("dept151");
      const acc = await dept.request("POST", `/api/v1/projects/${first.projectId}/self-evaluation/accept`, {});
      assert.equal(acc.statusCode, 200, acc.body);
      accepted = {
        id: first.projectId,
        name: se.table.name,
        total: saved.json().result.total,
        grade: saved.json().result.grade,
      };
    });
    after(async () => t.close());

    test("only accepted results are published; naming a draft is refused 409", async () => {
      const refused = await finance.request("POST", `/api/v1/evaluation-rounds/${roundId}/publish`, {
        projectIds: [accepted.id, draftId],
      });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().error.code, "publication.not-accepted");
      assert.deepEqual(
        refused.json().error.details.projects.map((p: { projectId: number }) => p.projectId),
        [draftId],
      );
      assert.equal(
        (await t.database.db.selectFrom("self_evaluation_results").select("project_id").execute()).length,
        0,
        "nothing published by a refused request",
      );

      const r = await finance.request("POST", `/api/v1/evaluation-rounds/${roundId}/publish`, {});
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(
        r.json().published.map((p: { projectId: number }) => p.projectId),
        [accepted.id],
      );
      assert.equal(r.json().published[0].score, accepted.total);
      assert.ok(r.json().skipped.some((s: { projectId: number; status: string }) => s.projectId === draftId));
      const audit = await t.database.db
        .selectFrom("audit_log")
        .select("username")
        .where("action", "=", "selfEvaluation.publish")
        .executeTakeFirstOrThrow();
      assert.equal(audit.username, "finance");
    });

    test("the public 表12 page carries the published result beside the table; the public list too", async () => {
      const pub = await finance.request("POST", "/api/v1/publications", {
        fiscalYear: 2024,
        deptCode: "151",
        confirmIncomplete: true,
      });
      assert.equal(pub.statusCode, 201, pub.body);
      const page = await t.anonymous.request("GET", `/api/v1/public/publications/${pub.json().id}`);
      assert.equal(page.statusCode, 200);
      const body = page.json();
      const results = body.selfEvaluations as {
        projectIndex: number | null;
        name: string;
        selfEvaluation: { score: number; grade: string; conclusion: string; indicators: { actual: unknown }[] };
      }[];
      assert.equal(results.length, 1, "only the accepted, published project");
      const r = results[0] as (typeof results)[number];
      assert.equal(r.name, accepted.name);
      assert.equal(r.selfEvaluation.score, accepted.total);
      assert.equal(r.selfEvaluation.grade, accepted.grade);
      assert.equal(r.selfEvaluation.conclusion, "全部完成年度目标");
      assert.ok(r.projectIndex !== null, "matched to its 表12 project");
      const table = body.document.projects[r.projectIndex as number];
      assert.equal(table.name, accepted.name);
      assert.equal(r.selfEvaluation.indicators.length, table.indicators.length);
      assert.deepEqual(
        r.selfEvaluation.indicators.map((i) => String(i.actual)),
        table.indicators.map((i: { target: string }) => String(i.target)),
        "the actuals as entered",
      );

      const list = await t.anonymous.request(
        "GET",
        "/api/v1/public/self-evaluations?regionCode=150100&fiscalYear=2024",
      );
      assert.equal(list.statusCode, 200);
      assert.deepEqual(
        list.json().items.map((i: { name: string }) => i.name),
        [accepted.name],
      );
      const foreign = await t.anonymous.request("GET", "/api/v1/public/self-evaluations?regionCode=150200");
      assert.deepEqual(foreign.json().items, []);
    });

    test("units and departments may not publish; another region does not see the round", async () => {
      for (const who of ["unit151001", "dept151"]) {
        const c = await t.login(who);
        const r = await c.request("POST", `/api/v1/evaluation-rounds/${roundId}/publish`, {});
        assert.equal(r.statusCode, 403, who);
      }
      const f = await t.login("f_fin");
      const r = await f.request("POST", `/api/v1/evaluation-rounds/${roundId}/publish`, {});
      assert.equal(r.statusCode, 404);
    });
  });
}
