import assert from "node:assert/strict";
import { test } from "node:test";
import { COST_FIRST_LEVEL_2021_REVIEW_POLICY } from "../policy/presets.ts";
import { missingCost } from "./missing-cost.ts";
import { buildIndicator, buildProject, findingsOf, wellFormedIndicators } from "./test-helpers.ts";

const noCost = () => buildProject({ indicators: wellFormedIndicators().filter((i) => i.level2 !== "成本指标") });

test("structure.missing-cost fires under the 2021 policy when a project has no cost row", () => {
  const found = findingsOf(missingCost, noCost(), COST_FIRST_LEVEL_2021_REVIEW_POLICY);
  assert.equal(found.length, 1);
  assert.match(found[0]!.messageEn, /cost-first-level-2021/);
});

test("structure.missing-cost does not run under the default policy", () => {
  assert.deepEqual(findingsOf(missingCost, noCost()), []);
});

test("structure.missing-cost accepts a first-level 成本指标 under the 2021 policy", () => {
  const indicators = wellFormedIndicators().filter((i) => i.level2 !== "成本指标");
  indicators.push(
    buildIndicator({ level1: "成本指标", level2: "经济成本指标", name: "体检费总额", target: "7", unit: "万元" }),
  );
  assert.deepEqual(findingsOf(missingCost, buildProject({ indicators }), COST_FIRST_LEVEL_2021_REVIEW_POLICY), []);
});
