import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { drawSample, mulberry32, seedHash } from "./draw-sample.ts";

test("the seed hash is FNV-1a 32 (published test vectors)", () => {
  assert.equal(seedHash(""), 0x811c9dc5);
  assert.equal(seedHash("a"), 0xe40c292c);
  assert.equal(seedHash("foobar"), 0xbf9cf968);
});

test("pinned draw: a past 抽评 can be repeated by anyone with its seed (changing the algorithm breaks this)", () => {
  assert.deepEqual(drawSample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3, "2026 抽评"), [3, 7, 8]);
});

test("the order and repetition of the ids do not matter", () => {
  const a = drawSample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4, "seed");
  assert.deepEqual(drawSample([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1, 5], 4, "seed"), a);
});

test("counts: more than the ids → all; 0, negative or NaN → none; fractions round down", () => {
  assert.deepEqual(drawSample([3, 1, 2], 10, "s"), [1, 2, 3]);
  assert.deepEqual(drawSample([3, 1, 2], 0, "s"), []);
  assert.deepEqual(drawSample([3, 1, 2], -1, "s"), []);
  assert.deepEqual(drawSample([3, 1, 2], Number.NaN, "s"), []);
  assert.equal(drawSample([3, 1, 2], 2.9, "s").length, 2);
  assert.deepEqual(drawSample([], 3, "s"), []);
});

test("property: the same input gives the same sample: distinct ids of the input, sorted, min(count, n) of them", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 60 }),
      fc.nat(70),
      fc.string(),
      (ids, count, seed) => {
        const s = drawSample(ids, count, seed);
        assert.deepEqual(drawSample(ids, count, seed), s);
        assert.equal(s.length, Math.min(count, new Set(ids).size));
        assert.equal(new Set(s).size, s.length);
        for (let i = 0; i < s.length; i++) {
          assert.ok(ids.includes(s[i]!));
          if (i > 0) assert.ok(s[i - 1]! < s[i]!);
        }
      },
    ),
  );
});

test("draws spread evenly: over 2000 seeds, each of 5 ids is in a 2-of-5 sample about 800 times", () => {
  // expected 2000 × 2 ÷ 5 = 800; binomial sd = √(2000 × 0.4 × 0.6) ≈ 21.9; ±100 is over 4.5 sd
  const hits = new Map<number, number>();
  for (let k = 0; k < 2000; k++)
    for (const id of drawSample([1, 2, 3, 4, 5], 2, `round-${k}`)) hits.set(id, (hits.get(id) ?? 0) + 1);
  for (const id of [1, 2, 3, 4, 5]) {
    const n = hits.get(id) ?? 0;
    assert.ok(n > 700 && n < 900, `${id}: ${n}`);
  }
});

test("mulberry32 stays in [0, 1)", () => {
  const next = mulberry32(seedHash("x"));
  for (let i = 0; i < 1000; i++) {
    const v = next();
    assert.ok(v >= 0 && v < 1);
  }
});
