import assert from "node:assert/strict";
import { test } from "node:test";
import { Decimal } from "@jixiao/core";
import fc from "fast-check";
import { exactOf, groupThousands, moneyText, percentText, rateOf, scoreText, signedText, sizeText } from "./numbers.ts";

test("money: 千分位, at least two decimals, exact (no float drift), absent and unreadable kept honest", () => {
  assert.equal(moneyText(1234567.5), "1,234,567.50");
  assert.equal(moneyText("1,234.5"), "1,234.50");
  assert.equal(moneyText("12.3456"), "12.3456");
  assert.equal(moneyText(0.1 + 0.2), "0.300000"); // the double as it prints, cut at six decimals, never 0.30 silently
  assert.equal(moneyText(1e21), "1,000,000,000,000,000,000,000.00");
  assert.equal(moneyText(-1234), "-1,234.00");
  assert.equal(moneyText(null), "—");
  assert.equal(moneyText(undefined), "—");
  assert.equal(moneyText(Number.NaN), "—");
  assert.equal(moneyText("约五万"), "约五万");
});

test("grouping leaves the digits and decimals exactly as they were", () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.nat({ max: 99 }), (int, frac) => {
      const plain = `${int}.${String(frac).padStart(2, "0")}`;
      const grouped = groupThousands(plain);
      assert.equal(grouped.replace(/,/g, ""), plain);
      assert.ok(/^-?\d{1,3}(,\d{3})*\.\d{2}$/.test(grouped), grouped);
    }),
  );
});

test("money text reads back to the same exact value (decimal.js agrees)", () => {
  fc.assert(
    fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
      const t = moneyText(x).replace(/,/g, "");
      const places = Math.max(2, Math.min(6, (new Decimal(x).toFixed().split(".")[1] ?? "").length));
      assert.equal(t, new Decimal(x).toFixed(places, Decimal.ROUND_HALF_UP));
    }),
  );
});

test("scores, differences, rates, sizes", () => {
  assert.equal(scoreText(90.5), "90.50");
  assert.equal(scoreText("88"), "88.00");
  assert.equal(signedText(1.5), "+1.50");
  assert.equal(signedText(-3), "-3.00");
  assert.equal(signedText(0), "0.00");
  assert.equal(rateOf(6.5, 7)?.toString(), "92.86");
  assert.equal(rateOf("0.1", "0.3")?.toString(), "33.33");
  assert.equal(rateOf(5, 0), null);
  assert.equal(percentText(92.857), "92.86%");
  assert.equal(percentText(null), "—");
  assert.equal(sizeText(512), "512 B");
  assert.equal(sizeText(1536), "1.5 KB");
  assert.equal(sizeText(10 * 1024 * 1024), "10.0 MB");
  assert.equal(exactOf("１２.５")?.toString(), "12.5"); // full-width digits through core's reader
});
