import assert from "node:assert/strict";
import { test } from "node:test";
import { niceTicks, ringPath, shares } from "./chart-geometry.ts";

test("niceTicks: round steps from 0 that cover the maximum", () => {
  assert.deepEqual(niceTicks(87, 4), [0, 20, 40, 60, 80, 100]);
  assert.deepEqual(niceTicks(3, 4, true), [0, 1, 2, 3]);
  assert.deepEqual(niceTicks(0.9, 4), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(0), [0, 1]);
});

test("shares: angles proportional to the values, zero values get none", () => {
  const s = shares([1, 0, 3]);
  assert.equal(s[0]![1] - s[0]![0], Math.PI / 2);
  assert.equal(s[1]![1] - s[1]![0], 0);
  assert.ok(Math.abs(s[2]![1] - Math.PI * 2) < 1e-12);
});

test("ringPath: a whole circle is two arcs, a ring segment closes through the inner radius", () => {
  assert.equal((ringPath(50, 50, 20, 40, 0, Math.PI * 2).match(/A /g) ?? []).length, 4);
  const half = ringPath(50, 50, 0, 40, 0, Math.PI);
  assert.match(half, /^M 50\.00 10\.00 A 40 40 0 0 1 50\.00 90\.00 L 50 50 Z$/);
});
