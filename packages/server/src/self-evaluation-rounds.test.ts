/**
 * Self-evaluation rounds in detail, on every driver (issue 17): a department opens its own round
 * (never another department's), the finance bureau's region round then finds nothing left; progress
 * counts overdue drafts after the due date; the view carries the funding split's and the
 * consistency findings; the region's tolerance decides whether a 抽评 difference is a finding.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "./db/test-databases.ts";
import { openTestApp, type TestApp } from "./http/test-app.ts";

interface Ind {
  nature: string;
  target: string;
}
const meeting = (inds: Ind[]) => inds.map((i) => (i.nature === "定性" ? { grade: "达成" } : { actual: i.target }));

for (const driver of DRIVERS) {
  describe(`self-evaluation rounds (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("department round, overdue progress, funding and consistency findings, the region's tolerance", async () => {
      const finance = await t.login("finance");
      const staff = await t.login("unit151001");
      const dept = await t.login("dept151");

      // Before any round: no status.
      const list = (await staff.request("GET", "/api/v1/projects?fiscalYear=2024&status=approved")).json();
      const pid = list.items[0].id as number;
      const none = (await staff.request("GET", `/api/v1/projects/${pid}/self-evaluation`)).json();
      assert.deepEqual([none.status, none.roundId], ["none", null]);

      // A department opens a round for itself only; its due date has passed.
      const foreignDept = await dept.request("POST", "/api/v1/evaluation-rounds", {
        fiscalYear: 2024,
        dueDate: "2000-01-31",
        orgId: 152,
      });
      assert.equal(foreignDept.statusCode, 403);
      const opened = await dept.request("POST", "/api/v1/evaluation-rounds", {
        fiscalYear: 2024,
        dueDate: "2000-01-31",
      });
      assert.equal(opened.statusCode, 201, opened.body);
      const round = opened.json();
      assert.deepEqual([round.round.scope, round.round.deptCode], ["department", "151"]);
      assert.ok(round.projects.every((p: { deptCode: string }) => p.deptCode === "151"));
      assert.equal(round.round.counts.overdue, round.round.total, "every draft is overdue past the due date");
      // Every approved project of the seed belongs to department 151: a region round finds none left.
      const region = await finance.request("POST", "/api/v1/evaluation-rounds", {
        fiscalYear: 2024,
        dueDate: "2099-01-31",
      });
      assert.equal(region.statusCode, 400, region.body);
      // The unit of the department sees the department's round.
      const seen = await staff.request("GET", `/api/v1/evaluation-rounds/${round.round.id}`);
      assert.equal(seen.statusCode, 200);
      assert.ok(seen.json().projects.every((p: { unitCode: string }) => p.unitCode === "151001"));

      // Fill with a funding split whose parts miss the total, spending a fifth of the budget.
      const se = (await staff.request("GET", `/api/v1/projects/${pid}/self-evaluation`)).json();
      const budget = Number(se.table.budget);
      const funding = {
        total: { initial: budget, full: budget, executed: budget / 5 },
        fiscal: { initial: budget, full: budget, executed: budget / 5 },
        carryover: { initial: 0, full: 0, executed: 0 },
        other: { initial: 1, full: 0, executed: 0 },
      };
      const put = await staff.request("PUT", `/api/v1/projects/${pid}/self-evaluation`, {
        executed: budget / 5,
        indicators: meeting(se.table.indicators),
        problems: "执行进度偏慢",
        conclusion: "产出达标，支出偏低",
        funding,
      });
      assert.equal(put.statusCode, 200, put.body);
      const view = put.json();
      assert.deepEqual(view.funding, funding);
      const codes = view.consistency.map((f: { code: string }) => f.code);
      assert.ok(codes.includes("self-eval.funding-sum"), codes.join());
      assert.ok(codes.includes("self-eval.unspent-budget"), codes.join());
      assert.ok(codes.includes("self-eval.high-score-low-spending"), codes.join());
      const submitted = await staff.request("POST", `/api/v1/projects/${pid}/self-evaluation/submit`, {});
      assert.equal(submitted.statusCode, 200, submitted.body);
      const after1 = (await dept.request("GET", `/api/v1/evaluation-rounds/${round.round.id}`)).json();
      assert.equal(after1.round.counts.overdue, round.round.total - 1, "a submitted one is no longer overdue");
      assert.deepEqual([after1.progress[0].submitted, after1.progress[0].done], [1, 1]);
      const todo = (await dept.request("GET", "/api/v1/todo?fiscalYear=2024")).json();
      assert.deepEqual(
        todo.selfEvaluationsToReview.map((i: { id: number }) => i.id),
        [pid],
      );

      // A tolerance of 100 points: the same 抽评 difference is no finding.
      const tolerance = { tolerance: { total: 100, indicator: 100 } };
      assert.equal((await dept.request("PUT", "/api/v1/self-evaluation-policy", tolerance)).statusCode, 403);
      const badAdvice = await finance.request("PUT", "/api/v1/self-evaluation-policy", {
        advice: { grades: { 中: { action: "reduce", share: 2 } } },
      });
      assert.deepEqual([badAdvice.statusCode, badAdvice.json().error.code], [400, "validation"]);
      const set = await finance.request("PUT", "/api/v1/self-evaluation-policy", {
        ...tolerance,
        advice: { grades: { 中: { action: "reduce", share: 0.2 } } },
      });
      assert.equal(set.statusCode, 200, set.body);
      const policy = (await staff.request("GET", "/api/v1/self-evaluation-policy")).json();
      assert.deepEqual(policy.tolerance, tolerance.tolerance);
      assert.equal(policy.advice.grades.中.share, 0.2);
      assert.equal(policy.rectifyDays, 90, "left out: kept");
      await finance.request("POST", `/api/v1/evaluation-rounds/${round.round.id}/sample`, { projectIds: [pid] });
      const todoFinance = (await finance.request("GET", "/api/v1/todo?fiscalYear=2024")).json();
      assert.deepEqual(
        todoFinance.spotChecks.map((i: { id: number }) => i.id),
        [pid],
      );
      const spot = await finance.request("PUT", `/api/v1/projects/${pid}/self-evaluation/spot-check`, {
        executed: 0,
        indicators: se.table.indicators.map((i: Ind) => (i.nature === "定性" ? { grade: "未达成" } : { actual: "0" })),
      });
      assert.equal(spot.statusCode, 200, spot.body);
      const sc = spot.json();
      assert.deepEqual(sc.tolerance, { total: 100, indicator: 100 });
      assert.ok(sc.score.total < view.result.total, "the finance bureau scores lower");
      assert.equal(sc.beyond, false);
      assert.deepEqual(sc.findings, []);
    });

    test("two submits or two accepts at once: one wins, the other is told; one 整改 task", async () => {
      const staff = await t.login("unit151002");
      const dept = await t.login("dept151");
      const list = (await staff.request("GET", "/api/v1/projects?fiscalYear=2024&status=approved")).json();
      const pid = list.items[0].id as number;
      const se = (await staff.request("GET", `/api/v1/projects/${pid}/self-evaluation`)).json();
      assert.equal(se.status, "draft", "in the department's round opened above");
      const poor = se.table.indicators.map((i: Ind) =>
        i.nature === "定性"
          ? { grade: "未达成", deviationReason: "未实施" }
          : { actual: "0", deviationReason: "未实施" },
      );
      const put = await staff.request("PUT", `/api/v1/projects/${pid}/self-evaluation`, {
        executed: 0,
        indicators: poor,
        problems: "未实施",
        conclusion: "未完成",
      });
      assert.equal(put.statusCode, 200, put.body);
      const submits = await Promise.all(
        [1, 2].map(() => staff.request("POST", `/api/v1/projects/${pid}/self-evaluation/submit`, {})),
      );
      assert.deepEqual(submits.map((r) => r.statusCode).sort(), [200, 409]);
      const accepts = await Promise.all(
        [1, 2].map(() => dept.request("POST", `/api/v1/projects/${pid}/self-evaluation/accept`, {})),
      );
      assert.deepEqual(accepts.map((r) => r.statusCode).sort(), [200, 409]);
      const loser = accepts.find((r) => r.statusCode === 409)!;
      assert.equal(loser.json().error.code, "workflow.bad-transition");
      const tasks = (await dept.request("GET", `/api/v1/rectifications?projectId=${pid}`)).json().items;
      assert.equal(tasks.length, 1);
      const audit = await t.database.db
        .selectFrom("audit_log")
        .select("action")
        .where("region_code", "=", "150100")
        .where("entity_id", "=", String(pid))
        .where("action", "like", "selfEvaluation.%")
        .orderBy("id")
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ["selfEvaluation.save", "selfEvaluation.submit", "selfEvaluation.accept"],
      );
    });
  });
}
