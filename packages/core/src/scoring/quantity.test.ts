import assert from "node:assert/strict";
import { test } from "node:test";
import { toIndicatorUnit } from "./quantity.ts";

const v = (r: ReturnType<typeof toIndicatorUnit>) => (r.ok ? r.value.toString() : r);

test("toIndicatorUnit reads numbers as printed", () => {
  assert.deepEqual(
    [85, "85", "≥95%", "1,000", "７０人", " 6.5 万元 ", "大于等于90 %", -0, 1e21].map((x) =>
      v(toIndicatorUnit(x, null)),
    ),
    ["85", "85", "95", "1000", "70", "6.5", "90", "0", "1e+21"],
  );
});

test("toIndicatorUnit converts 元 ↔ 万元 exactly, per the same thing", () => {
  assert.equal(v(toIndicatorUnit("25800元", "万元")), "2.58");
  assert.equal(v(toIndicatorUnit("6.5万元", "元")), "65000");
  assert.equal(v(toIndicatorUnit("0.1万元/人", "元/人")), "1000");
  assert.equal(v(toIndicatorUnit("96％", "%")), "96");
  assert.equal(v(toIndicatorUnit(70, "人")), "70");
  assert.equal(v(toIndicatorUnit("70人", null)), "70");
  assert.equal(v(toIndicatorUnit("12345678901234567890元", "万元")), "1234567890123456.789");
});

test("toIndicatorUnit reports units it cannot convert, text, dates and non-finite numbers", () => {
  assert.deepEqual(toIndicatorUnit("3项", "人"), { ok: false, reason: "unit", from: "项", to: "人" });
  assert.deepEqual(toIndicatorUnit("1000元/人", "元/年"), { ok: false, reason: "unit", from: "元/人", to: "元/年" });
  assert.deepEqual(toIndicatorUnit("有效", "%"), { ok: false, reason: "not-numeric" });
  assert.deepEqual(toIndicatorUnit("2024年12月前完成", null), { ok: false, reason: "not-numeric" });
  assert.deepEqual(toIndicatorUnit("", null), { ok: false, reason: "not-numeric" });
  assert.deepEqual(toIndicatorUnit(Number.NaN, null), { ok: false, reason: "not-numeric" });
});
