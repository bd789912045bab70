/**
 * Issue 17's known gaps, on every driver: a project approved after its round opened joins the
 * round (also when the approval races the opening); published results carry the finance bureau's
 * 抽评 score where it re-scored the project (and say so); published results can be withdrawn with
 * a public reason (finance only, audited) and the public pages stop showing them; publishing again
 * puts them back.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "./db/test-databases.ts";
import { buildProject, type Client, openTestApp, type TestApp } from "./http/test-app.ts";

interface Row {
  target: string;
  nature: string;
}

/** A unit's project, created, submitted and approved now (after any round opened). */
async function approvedNow(staff: Client, approver: Client, name: string): Promise<number> {
  const created = await staff.request("POST", "/api/v1/projects", {
    fiscalYear: 2024,
    project: buildProject({ name }),
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as number;
  const sub = await staff.request("POST", `/api/v1/projects/${id}/submit`, { explanation: "说明" });
  assert.equal(sub.statusCode, 200, sub.body);
  const ok = await approver.request("POST", `/api/v1/projects/${id}/approve`, {});
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().status, "approved");
  return id;
}

/** Fills a project's self-evaluation with every target met, submits it; the department accepts. */
async function acceptFull(staff: Client, dept: Client, id: number): Promise<{ total: number; grade: string }> {
  const se = (await staff.request("GET", `/api/v1/projects/${id}/self-evaluation`)).json();
  const saved = await staff.request("PUT", `/api/v1/projects/${id}/self-evaluation`, {
    executed: se.table.budget,
    indicators: se.table.indicators.map((i: Row) => ({ actual: i.target, deviationReason: "无" })),
    problems: "无重大问题",
    conclusion: "全部完成年度目标",
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal((await staff.request("POST", `/api/v1/projects/${id}/self-evaluation/submit`, {})).statusCode, 200);
  const acc = await dept.request("POST", `/api/v1/projects/${id}/self-evaluation/accept`, {});
  assert.equal(acc.statusCode, 200, acc.body);
  return { total: saved.json().result.total, grade: saved.json().result.grade };
}

for (const driver of DRIVERS) {
  describe(`self-evaluation gaps: joining a round (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("a project approved after the region's round opened joins it, audited, once", async () => {
      const staff = await t.login("unit151001");
      const dept = await t.login("dept151");
      const finance = await t.login("finance");
      const opened = await finance.request("POST", "/api/v1/evaluation-rounds", {
        fiscalYear: 2024,
        dueDate: "2099-12-31",
      });
      assert.equal(opened.statusCode, 201, opened.body);
      const roundId = opened.json().round.id as number;
      const before = opened.json().round.total as number;
      const late = await approvedNow(staff, dept, "轮次开启后批复的项目");
      const round = (await finance.request("GET", `/api/v1/evaluation-rounds/${roundId}`)).json();
      assert.equal(round.round.total, before + 1);
      const row = round.projects.find((p: { projectId: number }) => p.projectId === late);
      assert.ok(row, "the late project is in the round");
      assert.equal(row.status, "draft");
      assert.equal(round.round.counts.notStarted, opened.json().round.counts.notStarted + 1);
      const se = (await staff.request("GET", `/api/v1/projects/${late}/self-evaluation`)).json();
      assert.equal(se.roundId, roundId);
      assert.equal(se.status, "draft");
      const audit = await t.database.db
        .selectFrom("audit_log")
        .select(["username", "entity_id"])
        .where("action", "=", "selfEvaluation.joinRound")
        .execute();
      assert.deepEqual(
        audit.map((a) => [a.username, String(a.entity_id)]),
        [["dept151", String(late)]],
      );
      // The unit's to-do list has it.
      const todo = (await staff.request("GET", "/api/v1/todo?fiscalYear=2024")).json();
      assert.ok(todo.selfEvaluations.some((p: { id: number }) => p.id === late));

      // Approved again after an adjustment: still one round, not joined twice.
      const adj = await staff.request("POST", `/api/v1/projects/${late}/adjust`, { reason: "调整预算" });
      assert.equal(adj.statusCode, 200, adj.body);
      assert.equal(
        (await staff.request("POST", `/api/v1/projects/${late}/submit`, { explanation: "说明" })).statusCode,
        200,
      );
      assert.equal((await dept.request("POST", `/api/v1/projects/${late}/approve`, {})).statusCode, 200);
      const again = (await finance.request("GET", `/api/v1/evaluation-rounds/${roundId}`)).json();
      assert.equal(again.round.total, before + 1);
      const joins = await t.database.db
        .selectFrom("audit_log")
        .select("id")
        .where("action", "=", "selfEvaluation.joinRound")
        .execute();
      assert.equal(joins.length, 1);
    });

    test("a department's own round is joined before the region's; no round of the year: nothing joins", async () => {
      const staff = await t.login("unit151001");
      const dept = await t.login("dept151");
      const admin = await t.login("demoadmin");
      // 2025 has no round: an approval there joins nothing.
      const y = await admin.request("POST", "/api/v1/fiscal-years", { fiscalYear: 2025 });
      assert.ok([200, 201].includes(y.statusCode), y.body);
      const roll = await admin.request("POST", "/api/v1/org/rollover", { from: 2024, to: 2025 });
      assert.ok([200, 201].includes(roll.statusCode), roll.body);
      const created = await staff.request("POST", "/api/v1/projects", {
        fiscalYear: 2025,
        project: buildProject({ name: "下一年度项目" }),
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as number;
      await staff.request("POST", `/api/v1/projects/${id}/submit`, { explanation: "说明" });
      assert.equal((await dept.request("POST", `/api/v1/projects/${id}/approve`, {})).statusCode, 200);
      assert.equal((await staff.request("GET", `/api/v1/projects/${id}/self-evaluation`)).json().roundId, null);
      // The department opens its own round of 2025 (the project above is in it), then the region's
      // round of 2025 cannot open over nothing; a later approval joins the department's round.
      const own = await dept.request("POST", "/api/v1/evaluation-rounds", { fiscalYear: 2025, dueDate: "2099-12-31" });
      assert.equal(own.statusCode, 201, own.body);
      const later = await staff.request("POST", "/api/v1/projects", {
        fiscalYear: 2025,
        project: buildProject({ name: "部门轮次后批复" }),
      });
      const lid = later.json().id as number;
      await staff.request("POST", `/api/v1/projects/${lid}/submit`, { explanation: "说明" });
      assert.equal((await dept.request("POST", `/api/v1/projects/${lid}/approve`, {})).statusCode, 200);
      assert.equal(
        (await staff.request("GET", `/api/v1/projects/${lid}/self-evaluation`)).json().roundId,
        own.json().round.id,
      );
    });
  });

  describe(`self-evaluation gaps: approval racing the opening (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("approving while the round opens: the project ends in the round either way", async () => {
      const staff = await t.login("unit151001");
      const dept = await t.login("dept151");
      const finance = await t.login("finance");
      const ids: number[] = [];
      for (const name of ["并发批复一", "并发批复二", "并发批复三"]) {
        const c = await staff.request("POST", "/api/v1/projects", {
          fiscalYear: 2024,
          project: buildProject({ name }),
        });
        ids.push(c.json().id);
        await staff.request("POST", `/api/v1/projects/${c.json().id}/submit`, { explanation: "说明" });
      }
      const [opened, ...approvals] = await Promise.all([
        finance.request("POST", "/api/v1/evaluation-rounds", { fiscalYear: 2024, dueDate: "2099-12-31" }),
        ...ids.map((id) => dept.request("POST", `/api/v1/projects/${id}/approve`, {})),
      ]);
      assert.equal(opened?.statusCode, 201, opened?.body);
      for (const a of approvals) assert.equal(a.statusCode, 200, a.body);
      const round = (await finance.request("GET", `/api/v1/evaluation-rounds/${opened?.json().round.id}`)).json();
      for (const id of ids)
        assert.ok(
          round.projects.some((p: { projectId: number }) => p.projectId === id),
          `project ${id} is in the round`,
        );
      const rows = await t.database.db
        .selectFrom("self_evaluations")
        .select("project_id")
        .where("project_id", "in", ids)
        .where("round_id", "=", opened?.json().round.id)
        .execute();
      assert.equal(rows.length, ids.length);
    });
  });

  describe(`self-evaluation gaps: published results (${driver.name})`, () => {
    let t: TestApp;
    let finance: Client;
    let roundId: number;
    let spotted: { id: number; unit: { total: number; grade: string }; finance: number };
    let plain: { id: number; unit: { total: number; grade: string } };
    before(async () => {
      t = await openTestApp(driver);
      const staff = await t.login("unit151001");
      const dept = await t.login("dept151");
      finance = await t.login("finance");
      const opened = await finance.request("POST", "/api/v1/evaluation-rounds", {
        fiscalYear: 2024,
        dueDate: "2099-12-31",
      });
      roundId = opened.json().round.id;
      const mine = opened.json().projects.filter((p: { unitCode: string }) => p.unitCode === "151001");
      const [a, b] = mine as [{ projectId: number }, { projectId: number }];
      const ua = await acceptFull(staff, dept, a.projectId);
      const ub = await acceptFull(staff, dept, b.projectId);
      const s = await finance.request("POST", `/api/v1/evaluation-rounds/${roundId}/sample`, {
        projectIds: [a.projectId],
      });
      assert.equal(s.statusCode, 200, s.body);
      const se = (await finance.request("GET", `/api/v1/projects/${a.projectId}/self-evaluation`)).json();
      const half = se.table.indicators.map((i: Row) =>
        i.nature === "定性" ? { grade: "部分达成" } : { actual: String(Number(i.target) / 2 || 0) },
      );
      const spot = await finance.request("PUT", `/api/v1/projects/${a.projectId}/self-evaluation/spot-check`, {
        executed: se.table.budget,
        indicators: half,
      });
      assert.equal(spot.statusCode, 200, spot.body);
      assert.notEqual(spot.json().score.total, ua.total, "the 抽评 scores differently");
      spotted = { id: a.projectId, unit: ua, finance: spot.json().score.total };
      plain = { id: b.projectId, unit: ub };
    });
    after(async () => t.close());

    test("the 抽评's score is published where there is one, and says so; else the unit's", async () => {
      const r = await finance.request("POST", `/api/v1/evaluation-rounds/${roundId}/publish`, {});
      assert.equal(r.statusCode, 200, r.body);
      const byId = new Map(r.json().published.map((p: { projectId: number }) => [p.projectId, p]));
      assert.deepEqual(
        [byId.get(spotted.id), byId.get(plain.id)].map((p) => {
          const x = p as { score: number; scoreSource: string };
          return [x.score, x.scoreSource];
        }),
        [
          [spotted.finance, "spot-check"],
          [plain.unit.total, "unit"],
        ],
      );
      const list = (
        await t.anonymous.request("GET", "/api/v1/public/self-evaluations?regionCode=150100&fiscalYear=2024")
      ).json();
      const pub = list.items.find(
        (i: { name: string; selfEvaluation: { scoreSource: string } }) => i.selfEvaluation.scoreSource === "spot-check",
      );
      assert.equal(pub.selfEvaluation.score, spotted.finance);
      assert.equal(pub.selfEvaluation.unitScore, spotted.unit.total, "the unit's own score beside it");
      const own = list.items.find(
        (i: { selfEvaluation: { scoreSource: string } }) => i.selfEvaluation.scoreSource === "unit",
      );
      assert.equal(own.selfEvaluation.score, plain.unit.total);
      assert.equal(own.selfEvaluation.unitScore, null);
      const seen = (await finance.request("GET", `/api/v1/evaluation-rounds/${roundId}/published`)).json().items;
      assert.deepEqual(
        seen
          .map((i: { projectId: number; scoreSource: string; withdrawnAt: null }) => [
            i.projectId,
            i.scoreSource,
            i.withdrawnAt,
          ])
          .sort(),
        [
          [spotted.id, "spot-check", null],
          [plain.id, "unit", null],
        ].sort(),
      );
    });

    test("withdrawal: finance only, with a public reason, audited; the public pages stop showing it; publishing again restores it", async () => {
      await finance.request("POST", `/api/v1/evaluation-rounds/${roundId}/publish`, {});
      const path = `/api/v1/evaluation-rounds/${roundId}/published/withdraw`;
      for (const who of ["unit151001", "dept151"]) {
        const c = await t.login(who);
        assert.equal((await c.request("POST", path, { reason: "撤回" })).statusCode, 403, who);
      }
      assert.equal((await (await t.login("f_fin")).request("POST", path, { reason: "撤回" })).statusCode, 404);
      const blank = await finance.request("POST", path, { reason: "   " });
      assert.equal(blank.statusCode, 400, blank.body);
      const noReason = await finance.request("POST", path, {});
      assert.equal(noReason.statusCode, 400);

      const reason = "抽评发现数据有误，待核实后重新公开";
      const w = await finance.request("POST", path, { reason, projectIds: [spotted.id] });
      assert.equal(w.statusCode, 200, w.body);
      assert.deepEqual(
        w.json().withdrawn.map((x: { projectId: number }) => x.projectId),
        [spotted.id],
      );
      const again = await finance.request("POST", path, { reason, projectIds: [spotted.id] });
      assert.equal(again.statusCode, 409, "already withdrawn");
      assert.equal(again.json().error.code, "publication.not-current");

      const list = (
        await t.anonymous.request("GET", "/api/v1/public/self-evaluations?regionCode=150100&fiscalYear=2024")
      ).json();
      assert.deepEqual(
        list.items.map((i: { selfEvaluation: { scoreSource: string } }) => i.selfEvaluation.scoreSource),
        ["unit"],
        "the withdrawn result is off the public list",
      );
      assert.equal(list.withdrawn.length, 1);
      assert.equal(list.withdrawn[0].reason, reason);
      assert.equal(list.withdrawn[0].selfEvaluation, undefined, "no score of a withdrawn result");
      const pub = await finance.request("POST", "/api/v1/publications", {
        fiscalYear: 2024,
        deptCode: "151",
        confirmIncomplete: true,
      });
      assert.equal(pub.statusCode, 201, pub.body);
      const page = (await t.anonymous.request("GET", `/api/v1/public/publications/${pub.json().id}`)).json();
      assert.equal(page.selfEvaluations.length, 1);
      assert.deepEqual(
        page.withdrawnSelfEvaluations.map((x: { reason: string }) => x.reason),
        [reason],
      );
      const audit = await t.database.db
        .selectFrom("audit_log")
        .select(["username", "after"])
        .where("action", "=", "selfEvaluation.withdrawPublished")
        .execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]?.username, "finance");
      assert.equal((audit[0]?.after as { reason?: string } | undefined)?.reason, reason);
      const seen = (await finance.request("GET", `/api/v1/evaluation-rounds/${roundId}/published`)).json().items;
      const gone = seen.find((i: { projectId: number }) => i.projectId === spotted.id);
      assert.equal(gone.withdrawReason, reason);
      assert.equal(gone.withdrawnBy, "finance");
      assert.ok(gone.withdrawnAt);

      // Withdrawing the rest (no projectIds), then nothing is left: 409.
      assert.equal((await finance.request("POST", path, { reason: "全部撤回" })).statusCode, 200);
      assert.equal((await finance.request("POST", path, { reason: "全部撤回" })).statusCode, 409);
      const none = (
        await t.anonymous.request("GET", "/api/v1/public/self-evaluations?regionCode=150100&fiscalYear=2024")
      ).json();
      assert.deepEqual(none.items, []);

      // Publishing again restores them, withdrawal cleared.
      assert.equal((await finance.request("POST", `/api/v1/evaluation-rounds/${roundId}/publish`, {})).statusCode, 200);
      const back = (
        await t.anonymous.request("GET", "/api/v1/public/self-evaluations?regionCode=150100&fiscalYear=2024")
      ).json();
      assert.equal(back.items.length, 2);
      assert.deepEqual(back.withdrawn, []);
    });
  });
}
