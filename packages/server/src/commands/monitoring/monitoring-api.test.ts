/**
 * 绩效运行监控 over HTTP on every driver (issue 16): the finance bureau opens a July round, a unit
 * fills a seed project's table (targets read-only, If-Match), cannot submit an unexplained red,
 * submits once explained; the department accepts; the finance bureau sees the lights, marks
 * 暂缓拨款 with a reason the unit sees; downloads; scope; audit.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseMonitoringDocument } from "@jixiao/core";
import { DRIVERS } from "../../db/test-databases.ts";
import { openTestApp, type TestApp } from "../../http/test-app.ts";

const CHROMIUM = process.env.JIXIAO_CHROMIUM;

for (const driver of DRIVERS) {
  describe(`monitoring API (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("open → fill → submit → accept → decide → dashboard → downloads", async () => {
      const finance = await t.login("finance");
      const staff = await t.login("unit151001");
      const other = await t.login("unit151002");
      const dept = await t.login("dept151");

      // Only the finance bureau opens a region round.
      const body = { fiscalYear: 2024, asOfMonth: 7, scope: "region", dueDate: "2024-08-10" };
      assert.equal((await staff.request("POST", "/api/v1/monitoring/rounds", body)).statusCode, 403);
      assert.equal((await dept.request("POST", "/api/v1/monitoring/rounds", body)).statusCode, 403);
      const opened = await finance.request("POST", "/api/v1/monitoring/rounds", body);
      assert.equal(opened.statusCode, 201, opened.body);
      const round = opened.json();
      assert.deepEqual([round.asOfMonth, round.scope, round.counts.draft], [7, "region", 4]);
      const again = await finance.request("POST", "/api/v1/monitoring/rounds", body);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, "conflict.exists");

      // The unit sees its own projects only.
      const mineRes = await staff.request("GET", `/api/v1/monitoring/rounds/${round.id}`);
      assert.equal(mineRes.statusCode, 200, mineRes.body);
      const mine = mineRes.json();
      assert.equal(mine.timeProgress, 58.33);
      assert.ok(mine.projects.length >= 1);
      assert.ok(mine.projects.every((p: { unitCode: string }) => p.unitCode === "151001"));
      const line = mine.projects.find((p: { name: string }) => p.name === "退休人员体检费");
      const report = (await staff.request("GET", `/api/v1/monitoring/reports/${line.reportId}`)).json();
      assert.equal(report.status, "draft");
      assert.equal(report.round.asOfMonth, 7);
      const idx = report.input.indicators.findIndex((i: { name: string }) => i.name === "参加体检的退休人数");
      assert.equal(report.input.indicators[idx].target, "70", "the approved target");

      // Another unit: exactly like a missing report.
      const foreign = await other.request("GET", `/api/v1/monitoring/reports/${line.reportId}`);
      const missing = await other.request("GET", "/api/v1/monitoring/reports/2000000");
      assert.deepEqual([foreign.statusCode, foreign.json().error.code], [404, "monitoring.not-found"]);
      assert.deepEqual([missing.statusCode, missing.json().error.code], [404, "monitoring.not-found"]);

      // Fill: every row likely; one indicator red without 原因/纠偏措施.
      const entries = report.input.indicators.map(() => ({ likelihood: "确定能" }));
      entries[idx] = { actualToDate: 20, forecast: 70, likelihood: "有可能" };
      const saved = await staff.request(
        "PUT",
        `/api/v1/monitoring/reports/${line.reportId}`,
        { executed: 3.2, forecastExecuted: 7, indicators: entries },
        { "if-match": `"${report.rowVersion}"` },
      );
      assert.equal(saved.statusCode, 200, saved.body);
      const s1 = saved.json();
      assert.equal(s1.result.executionLight, "yellow");
      assert.equal(s1.result.indicators[idx].light, "red");
      assert.ok(s1.result.findings.some((f: { code: string }) => f.code === "monitor.cause-missing"));
      // A target sent by the client is not a field: refused.
      const sneaky = await staff.request("PUT", `/api/v1/monitoring/reports/${line.reportId}`, {
        indicators: [{ target: "1" }],
      });
      assert.equal(sneaky.statusCode, 400);
      const blocked = await staff.request("POST", `/api/v1/monitoring/reports/${line.reportId}/submit`, {});
      assert.equal(blocked.statusCode, 409);
      assert.equal(blocked.json().error.code, "workflow.blocked");
      // A stale If-Match changes nothing.
      entries[idx] = {
        ...entries[idx],
        deviationCause: "人员保障",
        deviationText: "部分退休人员外出",
        correctiveAction: "9月集中补检",
      };
      const stale = await staff.request(
        "PUT",
        `/api/v1/monitoring/reports/${line.reportId}`,
        { executed: 3.2, forecastExecuted: 7, indicators: entries },
        { "if-match": `"${report.rowVersion}"` },
      );
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, "conflict.stale");
      // Two saves from the same version at once: exactly one wins, the other is told it is stale.
      const race = await Promise.all(
        [1, 2].map(() =>
          staff.request(
            "PUT",
            `/api/v1/monitoring/reports/${line.reportId}`,
            { executed: 3.2, forecastExecuted: 7, indicators: entries },
            { "if-match": `"${s1.rowVersion}"` },
          ),
        ),
      );
      assert.deepEqual(race.map((r) => r.statusCode).sort(), [200, 409]);
      const winner = race.find((r) => r.statusCode === 200)!.json();
      // More entries than approved indicators: refused, nothing changed.
      const tooMany = await staff.request("PUT", `/api/v1/monitoring/reports/${line.reportId}`, {
        indicators: [...entries, {}],
      });
      assert.deepEqual([tooMany.statusCode, tooMany.json().error.code], [400, "validation"]);
      const fixed = await staff.request("PUT", `/api/v1/monitoring/reports/${line.reportId}`, {
        executed: 3.2,
        forecastExecuted: 7,
        indicators: entries,
        rowVersion: winner.rowVersion,
      });
      assert.equal(fixed.statusCode, 200, fixed.body);
      assert.equal(fixed.json().input.indicators[idx].target, "70");
      assert.equal(fixed.json().result.findings.filter((f: { severity: string }) => f.severity === "error").length, 0);
      const submitted = await staff.request("POST", `/api/v1/monitoring/reports/${line.reportId}/submit`, {});
      assert.equal(submitted.statusCode, 200, submitted.body);
      assert.equal(submitted.json().status, "submitted");
      // Submitted: no more edits.
      const late = await staff.request("PUT", `/api/v1/monitoring/reports/${line.reportId}`, { indicators: [] });
      assert.equal(late.json().error.code, "workflow.bad-transition");

      // The department reviews: return needs a reason; accept.
      assert.equal(
        (await staff.request("POST", `/api/v1/monitoring/reports/${line.reportId}/accept`, {})).statusCode,
        403,
      );
      assert.equal(
        (await dept.request("POST", `/api/v1/monitoring/reports/${line.reportId}/return`, {})).statusCode,
        400,
      );
      const accepted = await dept.request("POST", `/api/v1/monitoring/reports/${line.reportId}/accept`, {});
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.equal(accepted.json().status, "accepted");

      // The finance bureau: the dashboard shows the red light; 暂缓拨款 with a reason.
      const board = (await finance.request("GET", `/api/v1/monitoring/rounds/${round.id}`)).json();
      assert.equal(board.projects.length, 4);
      const narrowed = await finance.request("GET", `/api/v1/monitoring/rounds/${round.id}?deptCode=152`);
      assert.deepEqual(narrowed.json().projects, [], "deptCode narrows the dashboard to one department");
      const ownDept = await finance.request("GET", `/api/v1/monitoring/rounds/${round.id}?deptCode=151`);
      assert.equal(ownDept.json().projects.length, 4);
      const seen = board.projects.find((p: { reportId: number }) => p.reportId === line.reportId);
      assert.equal(seen.indicators[idx].light, "red");
      assert.equal(seen.status, "accepted");
      assert.equal(
        (
          await staff.request("POST", `/api/v1/monitoring/reports/${line.reportId}/decision`, {
            decision: "整改",
            reason: "x",
          })
        ).statusCode,
        403,
      );
      assert.equal(
        (
          await finance.request("POST", `/api/v1/monitoring/reports/${line.reportId}/decision`, {
            decision: "暂缓拨款",
          })
        ).statusCode,
        400,
      );
      const decided = await finance.request("POST", `/api/v1/monitoring/reports/${line.reportId}/decision`, {
        decision: "暂缓拨款",
        reason: "体检进度滞后，待9月补检后拨付",
      });
      assert.equal(decided.statusCode, 200, decided.body);
      const unitView = (await staff.request("GET", `/api/v1/monitoring/reports/${line.reportId}`)).json();
      assert.deepEqual([unitView.decision, unitView.decisionReason], ["暂缓拨款", "体检进度滞后，待9月补检后拨付"]);

      // Downloads: the round (in scope) and one report.
      const xlsx = await finance.request("GET", `/api/v1/monitoring/rounds/${round.id}/export.xlsx`);
      assert.equal(xlsx.statusCode, 200);
      assert.equal(xlsx.rawPayload.subarray(0, 2).toString("latin1"), "PK");
      assert.match(decodeURIComponent(String(xlsx.headers["content-disposition"])), /绩效运行监控表\.xlsx/);
      const json = await staff.request("GET", `/api/v1/monitoring/rounds/${round.id}/export.json`);
      const doc = parseMonitoringDocument(JSON.parse(json.body));
      assert.deepEqual(doc.diagnostics, []);
      assert.ok(
        doc.value!.projects.every((p) => p.unitCode === "151001"),
        "a unit's download holds its own projects",
      );
      const html = await finance.request("GET", `/api/v1/monitoring/reports/${line.reportId}/export.html`);
      assert.match(html.body, /财政部门处理意见：暂缓拨款：体检进度滞后/);
      assert.match(html.body, /<td class="light red"[^>]*>红灯<\/td>/);

      // Self-evaluation starts from the last round's forecasts, marked as such, until saved.
      const se = (await staff.request("GET", `/api/v1/projects/${line.projectId}/self-evaluation`)).json();
      assert.deepEqual(
        [se.prefilledFrom?.kind, se.prefilledFrom?.asOfMonth, se.executed],
        ["monitoring-forecast", 7, 7],
      );
      assert.equal(se.indicators[idx].actual, 70);
      assert.equal(se.updatedAt, null, "nothing stored yet");
      assert.ok(se.result.total > 0);
      const kept = await staff.request("PUT", `/api/v1/projects/${line.projectId}/self-evaluation`, {
        executed: 6.9,
        indicators: se.indicators,
      });
      assert.equal(kept.statusCode, 200, kept.body);
      const after = (await staff.request("GET", `/api/v1/projects/${line.projectId}/self-evaluation`)).json();
      assert.equal(after.prefilledFrom, undefined, "saved actuals are the unit's own");
      assert.equal(after.executed, 6.9);

      // Audit: every step.
      const actions = (
        await t.database.db.selectFrom("audit_log").select("action").where("action", "like", "monitoring.%").execute()
      ).map((a) => a.action);
      for (const a of [
        "monitoring.open",
        "monitoring.save",
        "monitoring.submit",
        "monitoring.accept",
        "monitoring.decide",
      ])
        assert.ok(actions.includes(a), a);
    });

    test("a department opens a round for its own projects; lists are scoped", async () => {
      const dept = await t.login("dept151");
      const res = await dept.request("POST", "/api/v1/monitoring/rounds", {
        fiscalYear: 2024,
        asOfMonth: 9,
        scope: "department",
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual([res.json().deptCode, res.json().scope], ["151", "department"]);
      const foreignDept = await dept.request("POST", "/api/v1/monitoring/rounds", {
        fiscalYear: 2024,
        asOfMonth: 10,
        scope: "department",
        deptCode: "152",
      });
      assert.equal(foreignDept.statusCode, 403);
      const staff = await t.login("unit151002");
      const list = (await staff.request("GET", "/api/v1/monitoring/rounds?fiscalYear=2024")).json();
      assert.ok(list.items.length >= 1);
      for (const r of list.items) {
        const total = Object.values(r.counts as Record<string, number>).reduce((a, b) => a + b, 0);
        assert.equal(total, 1, "unit 151002 has one approved project");
      }
      const none = await staff.request("GET", "/api/v1/monitoring/rounds?fiscalYear=2030");
      assert.deepEqual(none.json().items, []);

      // A region's own thresholds: kept with the round, used by the lights.
      const bad = await dept.request("POST", "/api/v1/monitoring/rounds", {
        fiscalYear: 2024,
        asOfMonth: 10,
        scope: "department",
        policy: { thresholds: { red: 90, green: 80 } },
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /red must not exceed green/);
      const own = await dept.request("POST", "/api/v1/monitoring/rounds", {
        fiscalYear: 2024,
        asOfMonth: 10,
        scope: "department",
        policy: { name: "本市规则", thresholds: { red: 20, green: 30 } },
      });
      assert.equal(own.statusCode, 201, own.body);
      assert.deepEqual([own.json().policy, own.json().policySettings.thresholds], ["本市规则", { red: 20, green: 30 }]);
      const unit = await t.login("unit151001");
      const board = (await unit.request("GET", `/api/v1/monitoring/rounds/${own.json().id}`)).json();
      const line = board.projects.find((p: { name: string }) => p.name === "退休人员体检费");
      const report = (await unit.request("GET", `/api/v1/monitoring/reports/${line.reportId}`)).json();
      assert.equal(report.round.policySettings.thresholds.green, 30);
      const idx = report.input.indicators.findIndex((i: { name: string }) => i.name === "参加体检的退休人数");
      const entries = report.input.indicators.map(() => ({ likelihood: "确定能" }));
      entries[idx] = { actualToDate: 20, likelihood: "有可能" };
      // 20 of 70 by October: 20 × 1200 ÷ (70 × 10) = 34.29 — red by default, green under red 20 / green 30.
      const saved = await unit.request("PUT", `/api/v1/monitoring/reports/${line.reportId}`, {
        executed: 5,
        indicators: entries,
      });
      assert.deepEqual(
        [saved.json().result.indicators[idx].value, saved.json().result.indicators[idx].light],
        [34.29, "green"],
      );
    });

    test("the 监控表 prints as PDF", {
      skip: CHROMIUM ? false : "JIXIAO_CHROMIUM not set: no chromium, PDF not printed",
    }, async () => {
      const finance = await t.login("finance");
      const rounds = (await finance.request("GET", "/api/v1/monitoring/rounds?fiscalYear=2024")).json();
      const id = rounds.items.find((r: { asOfMonth: number }) => r.asOfMonth === 7).id;
      const pdf = await finance.request("GET", `/api/v1/monitoring/rounds/${id}/export.pdf`);
      assert.equal(pdf.statusCode, 200, pdf.body.slice(0, 200));
      assert.equal(pdf.rawPayload.subarray(0, 4).toString("latin1"), "%PDF");
    });
  });
}
