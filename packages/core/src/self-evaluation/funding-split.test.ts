import assert from "node:assert/strict";
import { test } from "node:test";
import { checkFundingSplit, type FundingSplit, fundingValue } from "./funding-split.ts";

const split = (): FundingSplit => ({
  total: { initial: 100, full: 120, executed: 0.3 },
  fiscal: { initial: 80, full: 90, executed: 0.1 },
  carryover: { initial: 20, full: "20", executed: 0.2 },
  other: { initial: null, full: "10", executed: "" },
});

test("parts that add up exactly pass (0.1 + 0.2 = 0.3, where a float sum would not)", () => {
  // initial 80 + 20 + blank = 100; full 90 + 20 + 10 = 120; executed 0.1 + 0.2 + blank = 0.3
  assert.notEqual(0.1 + 0.2, 0.3);
  assert.deepEqual(checkFundingSplit(split()), []);
});

test("a column whose parts miss the total is an error at the total's cell, with both sums", () => {
  // full: 90 + 20 + 9.99 = 119.99 ≠ 120
  const s = split();
  s.other.full = 9.99;
  const f = checkFundingSplit(s, { project: "体检费", projectIndex: 2 });
  assert.deepEqual(
    f.map((x) => [x.code, x.severity, x.where, x.project, x.projectIndex]),
    [["self-eval.funding-sum", "error", "/funding/total/full", "体检费", 2]],
  );
  assert.equal(f[0]!.message, "全年预算数：本年财政拨款、上年结转与其他资金合计 119.99，与年度资金总额 120 不符");
  assert.equal(
    f[0]!.messageEn,
    "Full-year budget: fiscal, carry-over and other funds add up to 119.99, not the total 120",
  );
});

test("a cell that is not a number is reported at its cell; its column is not summed", () => {
  const s = split();
  s.fiscal.full = "十万";
  assert.deepEqual(
    checkFundingSplit(s).map((x) => [x.code, x.where, x.message]),
    [["self-eval.funding-not-numeric", "/funding/fiscal/full", "资金情况“十万”不是数值"]],
  );
});

test("no total, or no part, in a column: nothing to check", () => {
  assert.deepEqual(checkFundingSplit({ total: {}, fiscal: { full: 5 }, carryover: {}, other: {} }), []);
  assert.deepEqual(checkFundingSplit({ total: { full: 5 }, fiscal: {}, carryover: {}, other: {} }), []);
});

test("cells read exactly: separators, full-width digits, blanks", () => {
  assert.equal(fundingValue(" 1,234.50 ")?.toString(), "1234.5");
  assert.equal(fundingValue("１２")?.toString(), "12");
  assert.equal(fundingValue(""), null);
  assert.equal(fundingValue(null), null);
  assert.equal(fundingValue(undefined), null);
  assert.equal(fundingValue(Number.NaN), "bad");
  assert.equal(fundingValue("12万"), "bad");
});
