/**
 * Issue 17's scoring gap, on every driver: a region's scoring switches (which scoring policy, the
 * execution-rate weight) are read everywhere a score is made — the unit's self-evaluation, the
 * finance bureau's 抽评, the consistency findings and the advice.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "./db/test-databases.ts";
import { openTestApp, type TestApp } from "./http/test-app.ts";

interface Row {
  target: string;
  nature: string;
}

for (const driver of DRIVERS) {
  describe(`self-evaluation gaps: the region's scoring switches (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("the unit's score, the 抽评, the consistency findings and the advice all read the region's switches", async () => {
      const staff = await t.login("unit151001");
      const dept = await t.login("dept151");
      const finance = await t.login("finance");
      const bad = await finance.request("PUT", "/api/v1/self-evaluation-policy", { scoring: { zeroTarget: "随便" } });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json().error.details.field, "scoring");
      assert.equal((await staff.request("PUT", "/api/v1/self-evaluation-policy", { scoring: null })).statusCode, 403);
      const switches = {
        extends: "default",
        execution: { capRate: false },
        grades: "好较好一般差",
        consistency: { unspentShare: 0.5 },
      };
      const set = await finance.request("PUT", "/api/v1/self-evaluation-policy", { scoring: switches });
      assert.equal(set.statusCode, 200, set.body);
      const shown = (await staff.request("GET", "/api/v1/self-evaluation-policy")).json();
      assert.deepEqual(shown.scoringSettings, switches);
      assert.equal(shown.scoring.execution.capRate, false);
      assert.equal(shown.tolerance.total, 5, "the other settings keep their defaults");

      const opened = await finance.request("POST", "/api/v1/evaluation-rounds", {
        fiscalYear: 2024,
        dueDate: "2099-12-31",
      });
      const mine = opened.json().projects.filter((p: { unitCode: string }) => p.unitCode === "151001");
      const [over, under] = mine as [{ projectId: number }, { projectId: number }];
      const se = (await staff.request("GET", `/api/v1/projects/${over.projectId}/self-evaluation`)).json();
      const figures = {
        executed: Number((se.table.budget * 1.2).toFixed(4)),
        indicators: se.table.indicators.map((i: Row) => ({ actual: i.target, deviationReason: "无" })),
      };
      const saved = await staff.request("PUT", `/api/v1/projects/${over.projectId}/self-evaluation`, {
        ...figures,
        problems: "超支",
        conclusion: "完成目标，预算超支",
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const r = saved.json().result;
      assert.equal(r.executionRate, 120);
      // Not capped: 120% scores as 200 − 120 = 80% of the execution weight.
      assert.equal(r.executionScore, (r.executionWeight * 80) / 100);
      assert.ok(["好", "较好", "一般", "差"].includes(r.grade), r.grade);
      // The dashboard counts grades under the region's labels, scored with its switches.
      const board = (await finance.request("GET", "/api/v1/dashboard?fiscalYear=2024")).json();
      assert.deepEqual(
        board.grades.items.map((g: { grade: string }) => g.grade),
        ["好", "较好", "一般", "差"],
      );
      assert.equal(board.grades.items.find((g: { grade: string }) => g.grade === r.grade)?.count, 1);
      assert.equal(
        (await staff.request("POST", `/api/v1/projects/${over.projectId}/self-evaluation/submit`, {})).statusCode,
        200,
      );
      assert.equal(
        (await dept.request("POST", `/api/v1/projects/${over.projectId}/self-evaluation/accept`, {})).statusCode,
        200,
      );

      // The 抽评 of the same figures scores the same: no difference from the rules themselves.
      await finance.request("POST", `/api/v1/evaluation-rounds/${opened.json().round.id}/sample`, {
        projectIds: [over.projectId],
      });
      const spot = await finance.request(
        "PUT",
        `/api/v1/projects/${over.projectId}/self-evaluation/spot-check`,
        figures,
      );
      assert.equal(spot.statusCode, 200, spot.body);
      assert.equal(spot.json().score.total, r.total);
      assert.equal(spot.json().score.executionScore, r.executionScore);
      assert.equal(spot.json().beyond, false);

      const advice = (
        await finance.request("GET", `/api/v1/evaluation-rounds/${opened.json().round.id}/budget-advice`)
      ).json();
      const row = advice.rows.find((x: { projectId: number }) => x.projectId === over.projectId);
      assert.equal(row.grade, r.grade, "the advice reads the grade the region's labels gave");
      assert.ok(row.advice, "a grade of the region's scheme has advice");

      // The consistency thresholds are the region's: 30% unspent is within its 50%.
      const u = (await staff.request("GET", `/api/v1/projects/${under.projectId}/self-evaluation`)).json();
      const low = await staff.request("PUT", `/api/v1/projects/${under.projectId}/self-evaluation`, {
        executed: Number((u.table.budget * 0.7).toFixed(4)),
        indicators: u.table.indicators.map((i: Row) => ({ actual: i.target })),
      });
      assert.equal(low.statusCode, 200, low.body);
      const codes = low.json().consistency.map((f: { code: string }) => f.code);
      assert.ok(!codes.includes("self-eval.unspent-budget"), codes.join());

      // Reset: the default policy again — the same 30% unspent is now beyond its 20%, and a 120%
      // execution scores capped (full).
      assert.equal((await finance.request("PUT", "/api/v1/self-evaluation-policy", { scoring: null })).statusCode, 200);
      const reread = (await staff.request("GET", `/api/v1/projects/${under.projectId}/self-evaluation`)).json();
      assert.ok(
        reread.consistency.some((f: { code: string }) => f.code === "self-eval.unspent-budget"),
        "the default threshold flags it",
      );
      const again = await staff.request("PUT", `/api/v1/projects/${under.projectId}/self-evaluation`, {
        executed: Number((u.table.budget * 1.2).toFixed(4)),
        indicators: u.table.indicators.map((i: Row) => ({ actual: i.target })),
      });
      assert.equal(again.json().result.executionScore, again.json().result.executionWeight);
    });
  });
}
