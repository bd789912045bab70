import assert from "node:assert/strict";
import test from "node:test";
import { Exact } from "@jixiao/core/model/exact.ts";
import { formatExact, formatMoney, formatNumber, group, sumMoney, toUnit } from "./money.ts";

test("千分位 with fixed decimals", () => {
  assert.equal(formatMoney(1234567.5, "万元"), "1,234,567.50");
  assert.equal(formatMoney(7, "元"), "7.00");
  assert.equal(formatMoney(-1234.5, "元"), "-1,234.50");
  assert.equal(formatMoney(0, "元"), "0.00");
  assert.equal(group("999.10"), "999.10");
  assert.equal(formatNumber(1234567), "1,234,567");
});

test("万元 ↔ 元 converts exactly, never hiding a 分", () => {
  assert.equal(formatMoney(1.2345, "万元", "元"), "12,345.00");
  assert.equal(formatMoney(12000, "元", "万元"), "1.20");
  assert.equal(formatMoney(12345.67, "元", "万元"), "1.234567");
  // 0.1 + 0.2 and 1.1 × 10000 are the classic float errors.
  assert.equal(formatMoney(1.1, "万元", "元"), "11,000.00");
  assert.equal(toUnit(0.000001, "万元", "元").toString(), "0.01");
  assert.equal(formatExact(Exact.from(2.675)), "2.675");
});

test("sums are exact and in the shown unit", () => {
  const s = sumMoney(
    [
      { value: 0.1, unit: "万元" },
      { value: 0.2, unit: "万元" },
      { value: 1000, unit: "元" },
    ],
    "万元",
  );
  assert.equal(s.toString(), "0.4");
  assert.equal(
    formatExact(
      sumMoney(
        [
          { value: 0.1, unit: "万元" },
          { value: 0.2, unit: "万元" },
        ],
        "元",
      ),
    ),
    "3,000.00",
  );
});
