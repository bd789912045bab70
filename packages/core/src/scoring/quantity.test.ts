import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { parseQuantity, toIndicatorUnit, toIndicatorUnitFixed, toIndicatorUnitFixedFast } from "./quantity.ts";

test("parseQuantity reads numbers as printed", () => {
  assert.deepEqual(
    [85, "85", "≥95%", "1,000", "７０人", " 6.5 万元 ", "大于等于90 %"].map((v) => {
      const q = parseQuantity(v);
      return q && [q.value.toString(), q.unit];
    }),
    [
      ["85", null],
      ["85", null],
      ["95", "%"],
      ["1000", null],
      ["70", "人"],
      ["6.5", "万元"],
      ["90", "%"],
    ],
  );
});

test("parseQuantity rejects text and dates", () => {
  assert.equal(parseQuantity("已完成"), null);
  assert.equal(parseQuantity("2024年12月前完成"), null);
  assert.equal(parseQuantity(""), null);
  assert.equal(parseQuantity(Number.NaN), null);
});

test("toIndicatorUnit converts 元 ↔ 万元 exactly, per the same thing", () => {
  const v = (r: ReturnType<typeof toIndicatorUnit>) => (r.ok ? r.value.toString() : r);
  assert.equal(v(toIndicatorUnit("25800元", "万元")), "2.58");
  assert.equal(v(toIndicatorUnit("6.5万元", "元")), "65000");
  assert.equal(v(toIndicatorUnit("0.1万元/人", "元/人")), "1000");
  assert.equal(v(toIndicatorUnit("96％", "%")), "96");
  assert.equal(v(toIndicatorUnit(70, "人")), "70");
  assert.equal(v(toIndicatorUnit("70人", null)), "70");
});

test("toIndicatorUnit reports units it cannot convert", () => {
  assert.deepEqual(toIndicatorUnit("3项", "人"), { ok: false, reason: "unit", from: "项", to: "人" });
  assert.deepEqual(toIndicatorUnit("1000元/人", "元/年"), { ok: false, reason: "unit", from: "元/人", to: "元/年" });
  assert.deepEqual(toIndicatorUnit("有效", "%"), { ok: false, reason: "not-numeric" });
});

test("toIndicatorUnitFixedFast: plain numbers and the indicator's own unit without the full parse", () => {
  assert.deepEqual(toIndicatorUnitFixedFast("95%", "%"), { ok: true, value: { n: 95, s: 0 } });
  assert.deepEqual(toIndicatorUnitFixedFast(-3.25, "人"), { ok: true, value: { n: -325, s: 2 } });
  assert.deepEqual(toIndicatorUnitFixedFast("25800元", "万元"), { ok: true, value: { n: 25800, s: 4 } });
  assert.deepEqual(toIndicatorUnitFixedFast("3项", "人"), { ok: false, reason: "unit", from: "项", to: "人" });
  assert.deepEqual(toIndicatorUnitFixedFast("12345678901234567", null), { ok: true, value: null });
});

test("property: toIndicatorUnitFixedFast gives exactly toIndicatorUnitFixed's answer", () => {
  const units = fc.constantFrom(null, "", "人", "%", "％", "元", "万元", " 人", "e", "5人", "万元/人");
  const texts = fc.oneof(
    fc.stringMatching(/^[+-]?\d{0,18}(\.\d{0,17})?(人|%|％|元|万元|e|e5|,000| |\.| 人)?$/),
    fc.string({ maxLength: 8 }),
  );
  const values = fc.oneof(texts, fc.double(), fc.integer(), fc.constant(-0));
  fc.assert(
    fc.property(values, units, (raw, unit) => {
      const fast = toIndicatorUnitFixedFast(raw, unit);
      const full = toIndicatorUnitFixed(raw, unit);
      assert.deepEqual(fast, full);
      if (fast.ok && full.ok && fast.value && full.value) assert.ok(Object.is(fast.value.n, full.value.n));
    }),
    { numRuns: 5000 },
  );
});
