import assert from "node:assert/strict";
import { test } from "node:test";
import { convertMoney, formatMoney, moneyUnitOf, parseNumber, round, sumDecimal } from "./money.ts";

test("sums are exact decimals, not floats", () => {
  assert.equal(sumDecimal([0.1, 0.2]), 0.3);
  assert.equal(sumDecimal([7, 100, 128.85, 4.3]), 240.15);
  const cents = Array.from({ length: 1000 }, () => 0.01);
  assert.equal(sumDecimal(cents), 10);
});

test("rounding is half away from zero", () => {
  assert.equal(round(2.675, 2), 2.68);
  assert.equal(round(-2.675, 2), -2.68);
  assert.equal(round(1.005, 2), 1.01);
});

test("numbers as printed: thousands separators, full-width digits; text is not a number", () => {
  assert.equal(parseNumber("1,234.50"), 1234.5);
  assert.equal(parseNumber("１２３"), 123);
  assert.equal(parseNumber(" 7.00 "), 7);
  assert.equal(parseNumber("约九成"), null);
  assert.equal(parseNumber("1,23"), null);
});

test("元 ↔ 万元 conversion is exact; money units of measure", () => {
  assert.equal(convertMoney(12000, "元", "万元"), 1.2);
  assert.equal(convertMoney(0.1, "万元", "元"), 1000);
  assert.equal(formatMoney(7), "7.00");
  assert.deepEqual(moneyUnitOf("元/人"), { money: "元", per: "人" });
  assert.deepEqual(moneyUnitOf("万元"), { money: "万元", per: null });
  assert.equal(moneyUnitOf("%"), null);
});
