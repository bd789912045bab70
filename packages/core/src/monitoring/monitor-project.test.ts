import assert from "node:assert/strict";
import { test } from "node:test";
import type { TargetDocument } from "../model/document.ts";
import { MONITORING_CODES, MONITORING_DIAGNOSTICS } from "./finding.ts";
import { monitoringFromApproved } from "./from-approved.ts";
import type { MonitoredProject, MonitoringDocument } from "./model.ts";
import { monitorDocument, monitorProject } from "./monitor-project.ts";
import { parseMonitoringDocument } from "./parse-monitoring.ts";
import { parseMonitoringPolicy } from "./parse-policy.ts";
import { DEFAULT_MONITORING_POLICY, STRICT_MONITORING_POLICY } from "./policy.ts";

const project: MonitoredProject = {
  name: "退休人员体检费",
  unitCode: "151001",
  unitName: "呼和浩特市总工会",
  category: "部门预算项目",
  initialBudget: 7,
  executed: 3.5,
  forecastExecuted: 7,
  indicators: [],
};

test("execution, worked: 3.5 of 7 万元 by July → 执行率 50%, v 85.71, green; forecast 100%", () => {
  const p = monitorProject(project, 0, 7, DEFAULT_MONITORING_POLICY);
  assert.deepEqual(
    [p.budget, p.executionRate, p.executionValue, p.executionLight, p.forecastRate],
    [7, 50, 85.71, "green", 100],
  );
  assert.equal(p.executionWorking, "(3.5 ÷ 7) ÷ (7 ÷ 12) × 100 = 85.71 → 绿灯");
  assert.deepEqual(p.findings, []);
  // the strict policy's green starts at 90
  assert.equal(monitorProject(project, 0, 7, STRICT_MONITORING_POLICY).executionLight, "yellow");
});

test("调整后预算数 is the base when given", () => {
  const p = monitorProject({ ...project, adjustedBudget: 10 }, 0, 7, DEFAULT_MONITORING_POLICY);
  assert.deepEqual([p.budget, p.executionRate, p.executionValue, p.executionLight], [10, 35, 60, "yellow"]);
});

test("a zero budget is guarded and reported, never divided by", () => {
  const p = monitorProject({ ...project, initialBudget: 0 }, 3, 7, DEFAULT_MONITORING_POLICY);
  assert.equal(p.executionLight, null);
  assert.equal(p.executionRate, null);
  assert.equal(p.forecastRate, null);
  assert.deepEqual(
    p.findings.map((f) => [f.code, f.severity, f.projectIndex, f.field]),
    [["monitor.budget-not-positive", "error", 3, "budget"]],
  );
});

test("missing 执行数, over-execution, low year-end forecast", () => {
  assert.deepEqual(
    monitorProject({ ...project, executed: undefined }, 0, 7, DEFAULT_MONITORING_POLICY).findings.map((f) => f.code),
    ["monitor.executed-missing"],
  );
  assert.deepEqual(
    monitorProject({ ...project, executed: 8 }, 0, 7, DEFAULT_MONITORING_POLICY).findings.map((f) => f.code),
    ["monitor.over-execution"],
  );
  const low = monitorProject({ ...project, forecastExecuted: 6 }, 0, 7, DEFAULT_MONITORING_POLICY);
  assert.deepEqual(
    low.findings.map((f) => f.code),
    ["monitor.execution-forecast-low"],
  );
  assert.match(low.findings[0]!.message, /85\.71% 低于 90%/);
  // the floor is the policy's
  const floor80 = parseMonitoringPolicy({ executionForecastFloor: 80 }).value!;
  assert.deepEqual(monitorProject({ ...project, forecastExecuted: 6 }, 0, 7, floor80).findings, []);
});

test("an invalid month is reported and lights nothing", () => {
  const p = monitorProject(project, 0, 13, DEFAULT_MONITORING_POLICY);
  assert.equal(p.executionLight, null);
  assert.deepEqual(
    p.findings.map((f) => f.code),
    ["monitor.month-invalid"],
  );
});

const approved: TargetDocument = {
  format: "jixiao.targets/1",
  moneyUnit: "万元",
  department: { code: "151", name: "呼和浩特市总工会" },
  projects: [
    {
      ...project,
      budget: 7,
      goal: "完成退休人员体检",
      indicators: [
        {
          level1: "产出指标",
          level2: "数量指标",
          name: "参加体检的退休人数",
          nature: "正向",
          operator: "≥",
          target: "79",
          unit: "人",
          weight: 20,
        },
        {
          level1: "效益指标",
          level2: "社会效益",
          name: "保障退休人员身体健康",
          nature: "定性",
          operator: null,
          target: "有效保障",
          unit: null,
          weight: 20,
        },
      ],
    },
  ],
};

test("a table built from the approved version, filled, monitored as a document", () => {
  const doc: MonitoringDocument = monitoringFromApproved(approved, { fiscalYear: 2024, asOfMonth: 7, scope: "region" });
  assert.equal(doc.projects[0]!.indicators[0]!.target, "79");
  assert.equal(doc.projects[0]!.initialBudget, 7);
  assert.equal("weight" in doc.projects[0]!.indicators[0]!, false);
  doc.projects[0]!.executed = 2;
  Object.assign(doc.projects[0]!.indicators[0]!, { actualToDate: 25, likelihood: "有可能" });
  Object.assign(doc.projects[0]!.indicators[1]!, { likelihood: "确定能" });
  const result = monitorDocument(doc, DEFAULT_MONITORING_POLICY);
  assert.equal(result.timeProgress, 58.33);
  const p = result.projects[0]!;
  assert.equal(p.executionLight, "red");
  assert.deepEqual(p.lights, { red: 1, yellow: 0, green: 1, none: 0 });
  assert.deepEqual(
    result.findings.map((f) => [f.code, f.indicatorIndex]),
    [["monitor.cause-missing", 0]],
  );
  // --month overrides the round's month
  assert.equal(monitorDocument(doc, DEFAULT_MONITORING_POLICY, 12).projects[0]!.indicators[0]!.light, "red");
  assert.equal(monitorDocument(doc, DEFAULT_MONITORING_POLICY, 3).projects[0]!.indicators[0]!.light, "green");
  // it reads back through the format's parser
  assert.deepEqual(parseMonitoringDocument(JSON.parse(JSON.stringify(doc))).diagnostics, []);
});

test("the format parser reports every bad field by path and never throws", () => {
  for (const junk of [null, 1, "x", [], { format: "jixiao.monitoring/1" }]) {
    const r = parseMonitoringDocument(junk);
    assert.equal(r.value, null);
    assert.ok(r.diagnostics.length > 0 && r.diagnostics.every((d) => d.code === "monitoring.invalid"));
  }
  const r = parseMonitoringDocument({
    format: "jixiao.monitoring/1",
    moneyUnit: "万元",
    round: { fiscalYear: 2024, asOfMonth: 0, scope: "city" },
    projects: [{ ...project, initialBudget: -1, indicators: [{ likelihood: "也许" }] }],
  });
  const text = r.diagnostics.map((d) => d.messageEn).join("\n");
  for (const path of [
    "/round/asOfMonth",
    "/round/scope",
    "/projects/0/initialBudget",
    "/projects/0/indicators/0/likelihood",
    "/projects/0/indicators/0/nature",
  ])
    assert.ok(text.includes(path), path);
});

test("policy files extend a preset; bad settings are coded", () => {
  assert.deepEqual(parseMonitoringPolicy({ thresholds: { red: 50 } }).value?.thresholds, { red: 50, green: 80 });
  assert.equal(parseMonitoringPolicy({ extends: "strict" }).value?.executionForecastFloor, 100);
  const bad = parseMonitoringPolicy({ thresholds: { red: 90, green: 80 }, colour: 1 });
  assert.equal(bad.value, null);
  assert.deepEqual(
    bad.diagnostics.map((d) => d.code),
    ["monitor-policy.invalid", "monitor-policy.invalid"],
  );
});

test("every code has zh and en words", () => {
  for (const code of MONITORING_CODES) {
    const w = MONITORING_DIAGNOSTICS.words(code, {});
    assert.ok(w.message.length > 0 && w.messageEn.length > 0, code);
  }
});
