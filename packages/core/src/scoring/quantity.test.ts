import assert from "node:assert/strict";
import { test } from "node:test";
import { parseQuantity, toIndicatorUnit } from "./quantity.ts";

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
