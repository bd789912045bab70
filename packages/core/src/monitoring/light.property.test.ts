import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { Exact } from "../model/exact.ts";
import { executionValue, indicatorValue, lightOf } from "./light.ts";
import type { Light } from "./model.ts";
import { DEFAULT_MONITORING_POLICY } from "./policy.ts";

const RANK: Record<Light, number> = { red: 0, yellow: 1, green: 2 };
/** Amounts in 分 (two decimals), as money is entered. */
const money = fc.integer({ min: 0, max: 10_000_000 }).map((n) => Exact.of(n, 2));
const positive = fc.integer({ min: 1, max: 10_000_000 }).map((n) => Exact.of(n, 2));
const month = fc.integer({ min: 1, max: 12 });
const thresholds = fc
  .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }))
  .map(([a, b]) => ({ red: Math.min(a, b), green: Math.max(a, b) }));

test("the light is exactly the policy's thresholds applied to the value", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 100_000 }).map((n) => Exact.of(n, 2)),
      thresholds,
      (v, t) => {
        const light = lightOf(v, t);
        const x = v.toNumber();
        assert.equal(light, x < t.red ? "red" : x < t.green ? "yellow" : "green");
      },
    ),
  );
});

test("execution light is monotonic in the amount executed (more spent never a worse light)", () => {
  fc.assert(
    fc.property(money, money, positive, month, thresholds, (a, b, budget, m, t) => {
      const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
      const vLo = executionValue(lo, budget, m)!;
      const vHi = executionValue(hi, budget, m)!;
      assert.ok(vLo.lte(vHi));
      assert.ok(RANK[lightOf(vLo, t)] <= RANK[lightOf(vHi, t)]);
    }),
  );
});

test("execution light never gets better as the year goes on at the same spending", () => {
  fc.assert(
    fc.property(money, positive, month, month, (spent, budget, m1, m2) => {
      const [early, late] = m1 <= m2 ? [m1, m2] : [m2, m1];
      const t = DEFAULT_MONITORING_POLICY.thresholds;
      assert.ok(
        RANK[lightOf(executionValue(spent, budget, late)!, t)] <=
          RANK[lightOf(executionValue(spent, budget, early)!, t)],
      );
    }),
  );
});

test("indicator light is monotonic in progress: 正向 rises with the actual, 反向 falls with it", () => {
  fc.assert(
    fc.property(money, money, money, month, thresholds, (a, b, target, m, t) => {
      const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
      const pLo = indicatorValue("正向", "≥", target, lo, m)!;
      const pHi = indicatorValue("正向", "≥", target, hi, m)!;
      assert.ok(pLo.lte(pHi), `正向 ${lo} → ${pLo}, ${hi} → ${pHi}`);
      assert.ok(RANK[lightOf(pLo, t)] <= RANK[lightOf(pHi, t)]);
      const rLo = indicatorValue("反向", "≤", target, lo, m)!;
      const rHi = indicatorValue("反向", "≤", target, hi, m)!;
      assert.ok(rHi.lte(rLo), `反向 ${lo} → ${rLo}, ${hi} → ${rHi}`);
      assert.ok(RANK[lightOf(rHi, t)] <= RANK[lightOf(rLo, t)]);
    }),
  );
});

test("hostile input: the format parser and the engine never throw, whatever the JSON", async () => {
  const { parseMonitoringDocument } = await import("./parse-monitoring.ts");
  const { monitorDocument } = await import("./monitor-project.ts");
  const cellish = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.double(),
    fc.integer(),
    fc.constant(null),
    fc.constantFrom("≥95%", "30人", "6.5万元", "", "约一半"),
  );
  const indicator = fc.record(
    {
      level1: fc.string({ maxLength: 4 }),
      level2: fc.string({ maxLength: 4 }),
      name: fc.string({ maxLength: 6 }),
      nature: fc.constantFrom("定性", "正向", "反向", "x"),
      operator: fc.constantFrom("≥", "≤", "=", ">", "<", null, "?"),
      target: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("70", "≥95%", "有效保障", "0")),
      unit: fc.constantFrom("人", "%", "万元", "元", null),
      actualToDate: cellish,
      forecast: cellish,
      likelihood: fc.constantFrom("确定能", "有可能", "完全不可能", "也许"),
      deviationCause: fc.constantFrom("经费保障", "其他", "x"),
    },
    { requiredKeys: [] },
  );
  const project = fc.record(
    {
      name: fc.string({ maxLength: 6 }),
      unitCode: fc.constant("151001"),
      unitName: fc.string({ maxLength: 6 }),
      category: fc.constant("部门预算项目"),
      initialBudget: fc.oneof(fc.double(), fc.integer({ min: -5, max: 1000 })),
      adjustedBudget: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(0)),
      executed: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.string({ maxLength: 3 })),
      forecastExecuted: fc.double({ min: 0, max: 1e6, noNaN: true }),
      indicators: fc.array(indicator, { maxLength: 5 }),
    },
    { requiredKeys: ["indicators"] },
  );
  const doc = fc.record({
    format: fc.constantFrom("jixiao.monitoring/1", "x"),
    moneyUnit: fc.constantFrom("万元", "元"),
    round: fc.record({
      fiscalYear: fc.constant(2024),
      asOfMonth: fc.integer({ min: -1, max: 14 }),
      scope: fc.constantFrom("region", "department"),
    }),
    projects: fc.array(project, { maxLength: 3 }),
  });
  fc.assert(
    fc.property(fc.oneof(doc, fc.anything()), (data) => {
      const parsed = parseMonitoringDocument(data);
      if (parsed.value) {
        const r = monitorDocument(parsed.value, DEFAULT_MONITORING_POLICY);
        assert.equal(r.projects.length, parsed.value.projects.length);
      } else assert.ok(parsed.diagnostics.length > 0);
    }),
  );
});
