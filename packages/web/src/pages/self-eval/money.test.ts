import assert from "node:assert/strict";
import { test } from "node:test";
import { groupThousands, money, scoreText } from "./money.ts";

test("money: 千分位 grouping on exact decimal text, two decimals at least, no float rounding", () => {
  assert.equal(money(12345678.1), "12,345,678.10");
  assert.equal(money("12345678.1"), "12,345,678.10");
  assert.equal(money("9007199254740993.125"), "9,007,199,254,740,993.125");
  assert.equal(money(0), "0.00");
  assert.equal(money("-1234.5"), "-1,234.50");
  assert.equal(money(null), "—");
  assert.equal(money(""), "—");
});

test("groupThousands leaves text that is not a number as it is", () => {
  assert.equal(groupThousands("约 30"), "约 30");
  assert.equal(groupThousands(999), "999");
  assert.equal(groupThousands(1000), "1,000");
  assert.equal(scoreText(null), "—");
  assert.equal(scoreText("87.50"), "87.50");
});
