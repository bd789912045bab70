import assert from "node:assert/strict";
import { test } from "node:test";
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { indicatorPart } from "./not-applicable.ts";

test("no indicator dropped: the plain sum, no rescaling", () => {
  const r = indicatorPart(
    [
      { score: 4.64, weight: 5 },
      { score: 8.36, weight: 9 },
    ],
    90,
  );
  assert.equal(r.score.toString(), "13");
  assert.equal(r.rescaled, false);
  assert.equal(r.applicableWeight.toString(), "14");
});

test("dropped indicators: Σ × total ÷ applicable weights, 2 decimals", () => {
  // 70.40 × 90 ÷ 75 = 84.48 exactly; × 80 ÷ 75 = 75.0933… → 75.09
  const rows = [
    { score: 60.4, weight: 65 },
    { score: 10, weight: 10 },
    { score: null, weight: 15 },
  ];
  const r90 = indicatorPart(rows, 90);
  assert.equal(r90.score.toString(), "84.48");
  assert.equal(r90.raw.toString(), "70.4");
  assert.equal(r90.applicableWeight.toString(), "75");
  assert.equal(r90.working, "70.4 × 90 ÷ 75 = 84.48");
  assert.equal(indicatorPart(rows, 80).score.toString(), "75.09");
});

test("every indicator dropped: 0", () => {
  const r = indicatorPart([{ score: null, weight: 10 }], 90);
  assert.equal(r.score.toString(), "0");
  assert.equal(r.rescaled, true);
});

test("property: full marks on the applicable rows give the policy total", () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ w: fc.integer({ min: 1, max: 2000 }), na: fc.boolean() }), { minLength: 1, maxLength: 20 }),
      (rows) => {
        if (rows.every((r) => r.na)) return;
        const input = rows.map((r) => ({ score: r.na ? null : r.w / 100, weight: r.w / 100 }));
        const r = indicatorPart(input, 90);
        if (r.rescaled) assert.equal(r.score.toString(), "90");
        else assert.equal(r.score.toString(), input.reduce((s, x) => s.plus(x.weight), new Decimal(0)).toString());
      },
    ),
  );
});

test("workings and rows without a weight", () => {
  assert.equal(
    indicatorPart(
      [
        { score: null, weight: 10 },
        { score: null, weight: 5 },
      ],
      90,
    ).working,
    "Σ applicable weights = 0 → 0",
  );
  assert.equal(indicatorPart([{ score: 81.5, weight: 90 }], 90).working, "Σ = 81.5");
  // A row without a weight scores 0 and adds no weight.
  const r = indicatorPart(
    [
      { score: 0, weight: null },
      { score: 8, weight: 10 },
      { score: null, weight: 5 },
    ],
    90,
  );
  assert.equal(r.applicableWeight.toString(), "10");
  assert.equal(r.working, "8 × 90 ÷ 10 = 72");
});
