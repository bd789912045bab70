import assert from "node:assert/strict";
import { test } from "node:test";
import { isValidPairAnyLayout, LEVEL1, LEVEL2_BY_LAYOUT } from "../model/taxonomy.ts";
import { invalidLevel2 } from "./invalid-level2.ts";
import { buildIndicator, buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("structure.invalid-level2 fires on 效益指标/数量指标", () => {
  const found = findingsOf(invalidLevel2, projectWith(5, { level2: "数量指标" }));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.field, "level2");
  assert.match(found[0]!.message, /数量指标.*效益指标/);
});

test("structure.invalid-level2 accepts both layouts", () => {
  const p = buildProject();
  p.indicators.push(buildIndicator({ level1: "成本指标", level2: "经济成本指标", name: "其他成本", weight: 0 }));
  assert.deepEqual(findingsOf(invalidLevel2, p), []);
});

test("structure.invalid-level2 leaves unknown first levels to structure.unknown-level1", () => {
  assert.deepEqual(findingsOf(invalidLevel2, projectWith(0, { level1: "管理指标", level2: "x" })), []);
});

test("structure.invalid-level2 agrees with taxonomy.isValidPairAnyLayout on every pair", () => {
  const level2s = [...new Set(Object.values(LEVEL2_BY_LAYOUT).flatMap((t) => Object.values(t).flat()))];
  for (const level1 of LEVEL1) {
    for (const level2 of [...level2s, "其他"]) {
      const found = findingsOf(invalidLevel2, projectWith(0, { level1, level2 }));
      assert.equal(found.length === 0, isValidPairAnyLayout(level1, level2), `${level1}/${level2}`);
    }
  }
});
