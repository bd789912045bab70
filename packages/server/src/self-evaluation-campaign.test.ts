/**
 * The self-evaluation campaign over HTTP on every driver (issue 17): the finance bureau opens a
 * round; a unit fills, is refused while a 偏差原因 is missing, submits; the department returns once,
 * accepts the fix; the finance bureau samples (seeded: the same seed draws the same projects),
 * enters a 抽评 with a different score and sees the difference beyond the tolerance; the budget
 * advice list follows the grades; a 差 project gets a 整改 task, closed with a note; to-do lists.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "./db/test-databases.ts";
import { type Client, openTestApp, type TestApp } from "./http/test-app.ts";

interface Ind {
  nature: string;
  target: string;
  weight: number | null;
}

/** Actuals meeting every target: the target itself, 达成 for 定性 rows. */
const meeting = (inds: Ind[]) => inds.map((i) => (i.nature === "定性" ? { grade: "达成" } : { actual: i.target }));

/** The first 正向 row with a positive numeric target: halving its actual scores it below its weight. */
const lowRow = (inds: Ind[]) => inds.findIndex((i) => i.nature === "正向" && Number(i.target) > 0);

async function evaluation(c: Client, id: number) {
  const r = await c.request("GET", `/api/v1/projects/${id}/self-evaluation`);
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
}

const DEFAULT_ACTION: Record<string, string> = { 优: "priority", 良: "as-needed", 中: "reduce", 差: "cancel" };

for (const driver of DRIVERS) {
  describe(`self-evaluation campaign (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("round → fill → refused → submit → return → fix → accept → 抽评 → advice → 整改 → to-do", async () => {
      const finance = await t.login("finance");
      const staff = await t.login("unit151001");
      const other = await t.login("unit151002");
      const dept = await t.login("dept151");

      // Only the finance bureau opens a region round; a unit never.
      const body = { fiscalYear: 2024, dueDate: "2099-12-31" };
      assert.equal((await staff.request("POST", "/api/v1/evaluation-rounds", body)).statusCode, 403);
      const opened = await finance.request("POST", "/api/v1/evaluation-rounds", body);
      assert.equal(opened.statusCode, 201, opened.body);
      const round = opened.json();
      const approved = (await finance.request("GET", "/api/v1/projects?fiscalYear=2024&status=approved")).json();
      assert.equal(round.round.total, approved.items.length, "every approved project gets a self-evaluation");
      assert.equal(round.round.counts.notStarted, round.round.total);
      assert.equal(
        round.progress.reduce((s: number, p: { total: number }) => s + p.total, 0),
        round.round.total,
      );
      const again = await finance.request("POST", "/api/v1/evaluation-rounds", body);
      assert.deepEqual([again.statusCode, again.json().error.code], [409, "conflict.exists"]);
      const listed = (await dept.request("GET", "/api/v1/evaluation-rounds?fiscalYear=2024")).json();
      assert.ok(listed.items.some((r: { id: number }) => r.id === round.round.id));

      // The unit sees its own projects only.
      const mine = (await staff.request("GET", `/api/v1/evaluation-rounds/${round.round.id}`)).json();
      assert.ok(mine.projects.length >= 2);
      assert.ok(mine.projects.every((p: { unitCode: string }) => p.unitCode === "151001"));
      const [p1, p2] = mine.projects.map((p: { projectId: number }) => p.projectId) as [number, number];

      // Fill p1 with one row below its weight and no reason: saved, but the submission is refused.
      const se1 = await evaluation(staff, p1);
      assert.deepEqual([se1.status, se1.roundId], ["draft", round.round.id]);
      const inds1 = se1.table.indicators as Ind[];
      const k = lowRow(inds1);
      const actuals = meeting(inds1) as Record<string, unknown>[];
      actuals[k] = { actual: String(Number(inds1[k]!.target) / 2) };
      const fill = { executed: se1.table.budget, indicators: actuals, problems: "无重大问题", conclusion: "" };
      const saved = await staff.request("PUT", `/api/v1/projects/${p1}/self-evaluation`, fill);
      assert.equal(saved.statusCode, 200, saved.body);
      const s1 = saved.json();
      assert.ok(
        s1.result.indicators[k].score < s1.result.indicators[k].weight,
        "the halved row scores below its weight",
      );
      assert.deepEqual(
        s1.missing.map((m: { indicatorIndex: number }) => m.indicatorIndex),
        [k],
      );
      const refused = await staff.request("POST", `/api/v1/projects/${p1}/self-evaluation/submit`, {});
      assert.deepEqual([refused.statusCode, refused.json().error.code], [422, "self-eval.incomplete"]);
      const why = refused.json().error;
      assert.deepEqual(
        why.details.missing.map((m: { indicatorIndex: number }) => m.indicatorIndex),
        [k],
      );
      assert.equal(why.details.conclusion, true, "the empty 自评结论 is named");
      assert.match(why.message, /偏差原因/);
      assert.match(why.message, /自评结论/);
      // A department cannot accept what was never submitted.
      const early = await dept.request("POST", `/api/v1/projects/${p1}/self-evaluation/accept`, {});
      assert.deepEqual([early.statusCode, early.json().error.code], [409, "workflow.bad-transition"]);

      actuals[k] = { ...actuals[k], deviationReason: "部分退休人员外出" };
      const complete = { ...fill, indicators: actuals, conclusion: "目标基本完成" };
      assert.equal((await staff.request("PUT", `/api/v1/projects/${p1}/self-evaluation`, complete)).statusCode, 200);
      const submitted = await staff.request("POST", `/api/v1/projects/${p1}/self-evaluation/submit`, {});
      assert.equal(submitted.statusCode, 200, submitted.body);
      assert.equal(submitted.json().status, "submitted");
      const locked = await staff.request("PUT", `/api/v1/projects/${p1}/self-evaluation`, complete);
      assert.deepEqual([locked.statusCode, locked.json().error.code], [409, "self-eval.locked"]);
      // A unit does not review; another unit cannot even see it.
      assert.equal((await staff.request("POST", `/api/v1/projects/${p1}/self-evaluation/accept`, {})).statusCode, 403);
      const foreign = await other.request("GET", `/api/v1/projects/${p1}/self-evaluation`);
      assert.deepEqual([foreign.statusCode, foreign.json().error.code], [404, "project.not-found"]);

      // The department returns once with a reason; the unit fixes and resubmits; accepted.
      const noReason = await dept.request("POST", `/api/v1/projects/${p1}/self-evaluation/return`, {});
      assert.equal(noReason.statusCode, 400);
      const returned = await dept.request("POST", `/api/v1/projects/${p1}/self-evaluation/return`, {
        reason: "偏差原因过于简单",
      });
      assert.equal(returned.statusCode, 200, returned.body);
      assert.deepEqual([returned.json().status, returned.json().returnReason], ["returned", "偏差原因过于简单"]);
      // In-app notices: the department heard of the submission, the unit of the return.
      const deptNotices = (await dept.request("GET", "/api/v1/notices?fiscalYear=2024")).json().items;
      assert.ok(
        deptNotices.some(
          (n: { kind: string; projectId: number }) => n.kind === "selfEvaluation.submit" && n.projectId === p1,
        ),
      );
      const unitNotices = (await staff.request("GET", "/api/v1/notices?fiscalYear=2024")).json().items;
      const back = unitNotices.find((n: { kind: string }) => n.kind === "selfEvaluation.return");
      assert.match(back.message, /偏差原因过于简单/);
      actuals[k] = { ...actuals[k], deviationReason: "部分退休人员常住外地，已约定次年一季度补检" };
      const fixed = await staff.request("PUT", `/api/v1/projects/${p1}/self-evaluation`, {
        ...complete,
        indicators: actuals,
      });
      assert.equal(fixed.statusCode, 200, fixed.body);
      assert.equal(fixed.json().status, "returned", "saving keeps it returned until resubmitted");
      assert.equal((await staff.request("POST", `/api/v1/projects/${p1}/self-evaluation/submit`, {})).statusCode, 200);
      const accepted = await dept.request("POST", `/api/v1/projects/${p1}/self-evaluation/accept`, {});
      assert.equal(accepted.statusCode, 200, accepted.body);
      const a1 = accepted.json();
      assert.equal(a1.status, "accepted");
      assert.deepEqual([a1.acceptedBy, a1.submittedBy], ["dept151", "unit151001"]);
      assert.equal(a1.advice.action, DEFAULT_ACTION[a1.result.grade]);

      // p2: nothing achieved, nothing spent, every row explained → 差, accepted → a 整改 task.
      const se2 = await evaluation(staff, p2);
      const inds2 = se2.table.indicators as Ind[];
      const poor = inds2.map((i) =>
        i.nature === "定性"
          ? { grade: "未达成", deviationReason: "未开展" }
          : { actual: "0", deviationReason: "未开展" },
      );
      const put2 = await staff.request("PUT", `/api/v1/projects/${p2}/self-evaluation`, {
        executed: 0,
        indicators: poor,
        problems: "项目未实施",
        conclusion: "未完成",
      });
      assert.equal(put2.statusCode, 200, put2.body);
      assert.equal(put2.json().result.grade, "差");
      assert.equal((await staff.request("POST", `/api/v1/projects/${p2}/self-evaluation/submit`, {})).statusCode, 200);
      assert.equal((await dept.request("POST", `/api/v1/projects/${p2}/self-evaluation/accept`, {})).statusCode, 200);

      // 抽评: the same seed draws the same projects; only the finance bureau samples.
      const seeded = { count: 2, seed: "2024-抽评" };
      assert.equal(
        (await dept.request("POST", `/api/v1/evaluation-rounds/${round.round.id}/sample`, seeded)).statusCode,
        403,
      );
      const d1 = (await finance.request("POST", `/api/v1/evaluation-rounds/${round.round.id}/sample`, seeded)).json();
      const d2 = (await finance.request("POST", `/api/v1/evaluation-rounds/${round.round.id}/sample`, seeded)).json();
      assert.equal(d1.projectIds.length, 2);
      assert.deepEqual(d2.projectIds, d1.projectIds);
      const chosen = await finance.request("POST", `/api/v1/evaluation-rounds/${round.round.id}/sample`, {
        projectIds: [p1],
      });
      assert.equal(chosen.statusCode, 200, chosen.body);
      assert.ok(chosen.json().sampled.includes(p1));
      const notMember = await finance.request("POST", `/api/v1/evaluation-rounds/${round.round.id}/sample`, {
        projectIds: [2_000_000],
      });
      assert.equal(notMember.statusCode, 400);

      // The finance bureau finds every row of p1 only half achieved: a different score.
      const half = inds1.map((i) =>
        i.nature === "定性" ? { grade: "部分达成" } : { actual: String(Number(i.target) / 2 || 0) },
      );
      const spot = await finance.request("PUT", `/api/v1/projects/${p1}/self-evaluation/spot-check`, {
        executed: se1.table.budget,
        indicators: half,
      });
      assert.equal(spot.statusCode, 200, spot.body);
      const sc = spot.json();
      const total = sc.differences.find((d: { indicatorIndex: number | null }) => d.indicatorIndex === null);
      assert.equal(Number(total.unit), a1.result.total);
      assert.equal(Number(total.finance), sc.score.total);
      assert.equal(Number(total.difference).toFixed(2), (sc.score.total - a1.result.total).toFixed(2));
      assert.ok(Math.abs(Number(total.difference)) > sc.tolerance.total);
      assert.equal(total.beyond, true);
      assert.ok(sc.findings.some((f: { indicatorIndex: number | null }) => f.indicatorIndex === null));
      const seen = await evaluation(staff, p1);
      assert.equal(seen.sampled, true);
      assert.equal(seen.spotCheck.score.total, sc.score.total);
      // Not sampled → refused; a unit may not enter a 抽评.
      const unsampled = mine.projects
        .map((p: { projectId: number }) => p.projectId)
        .find((id: number) => !d1.projectIds.includes(id) && id !== p1);
      if (unsampled !== undefined) {
        const r = await finance.request("PUT", `/api/v1/projects/${unsampled}/self-evaluation/spot-check`, {
          indicators: [],
        });
        assert.equal(r.json().error.code, "self-eval.not-sampled");
      }
      assert.equal(
        (await staff.request("PUT", `/api/v1/projects/${p1}/self-evaluation/spot-check`, { indicators: [] }))
          .statusCode,
        403,
      );

      // Budget advice: the grade used (抽评 when re-scored) maps to the policy's advice and amount.
      assert.equal(
        (await dept.request("GET", `/api/v1/evaluation-rounds/${round.round.id}/budget-advice`)).statusCode,
        403,
      );
      const advice = (await finance.request("GET", `/api/v1/evaluation-rounds/${round.round.id}/budget-advice`)).json();
      const r1 = advice.rows.find((r: { projectId: number }) => r.projectId === p1);
      const r2 = advice.rows.find((r: { projectId: number }) => r.projectId === p2);
      assert.deepEqual([r1.scoreSource, r1.score, r1.grade], ["spot-check", sc.score.total, sc.score.grade]);
      assert.equal(r1.advice.action, DEFAULT_ACTION[sc.score.grade]);
      assert.deepEqual([r2.grade, r2.advice.action, r2.advice.amount, r2.advice.rectify], ["差", "cancel", "0", true]);
      for (const r of advice.rows.filter((x: { advice: unknown }) => x.advice)) {
        const expected =
          r.advice.action === "cancel"
            ? 0
            : r.advice.action === "reduce"
              ? Number(r.budget) * (1 - Number(r.advice.share))
              : Number(r.budget);
        assert.equal(Number(r.advice.amount).toFixed(4), expected.toFixed(4), r.name);
      }
      const pending = advice.rows.filter((r: { status: string }) => r.status !== "accepted");
      assert.ok(pending.every((r: { advice: unknown }) => r.advice === null));
      const xlsx = await finance.request("GET", `/api/v1/evaluation-rounds/${round.round.id}/budget-advice.xlsx`);
      assert.equal(xlsx.statusCode, 200, xlsx.body.slice(0, 200));
      assert.equal(xlsx.rawPayload.subarray(0, 2).toString("latin1"), "PK");

      // 整改: created for the 差 project on acceptance, with a deadline; the unit closes it.
      const tasks = (await staff.request("GET", "/api/v1/rectifications?fiscalYear=2024")).json().items;
      const task = tasks.find((x: { projectId: number }) => x.projectId === p2);
      assert.ok(task, "a 整改 task for the 差 project");
      assert.deepEqual([task.auto, task.status, task.grade], [true, "open", "差"]);
      assert.ok(task.deadline > new Date().toISOString().slice(0, 10));
      assert.equal(
        (await other.request("GET", "/api/v1/rectifications"))
          .json()
          .items.some((x: { id: number }) => x.id === task.id),
        false,
      );
      const done = await staff.request("POST", `/api/v1/rectifications/${task.id}/done`, { note: "已重新申报" });
      assert.equal(done.statusCode, 200, done.body);
      assert.deepEqual([done.json().status, done.json().note], ["done", "已重新申报"]);
      const twice = await staff.request("POST", `/api/v1/rectifications/${task.id}/done`, { note: "x" });
      assert.equal(twice.statusCode, 409);
      const manual = await dept.request("POST", "/api/v1/rectifications", {
        projectId: p1,
        deadline: "2099-06-30",
        text: "补充佐证材料",
      });
      assert.equal(manual.statusCode, 201, manual.body);
      assert.equal(
        (await staff.request("POST", "/api/v1/rectifications", { projectId: p1, deadline: "2099-06-30", text: "x" }))
          .statusCode,
        403,
      );

      // Progress by department and the to-do lists.
      const progress = (await dept.request("GET", `/api/v1/evaluation-rounds/${round.round.id}`)).json();
      assert.equal(progress.round.counts.accepted, 2);
      assert.equal(progress.progress[0].accepted, 2);
      assert.equal(progress.progress[0].done, 2);
      const todoUnit = (await staff.request("GET", "/api/v1/todo?fiscalYear=2024")).json();
      const fill2 = todoUnit.selfEvaluations.map((i: { id: number }) => i.id);
      assert.ok(!fill2.includes(p1) && !fill2.includes(p2), "accepted ones leave the unit's 待办");
      assert.equal(fill2.length, mine.projects.length - 2);
      const todoFinance = (await finance.request("GET", "/api/v1/todo?fiscalYear=2024")).json();
      assert.ok(
        todoFinance.spotChecks.every((i: { id: number }) => i.id !== p1),
        "a checked 抽评 leaves the finance 待办",
      );
    });
  });
}
