import assert from "node:assert/strict";
import { test } from "node:test";
import { detectLayout, isValidPair, normalizeLevel1, normalizeLevel2, parentOf } from "./taxonomy.ts";

test("labels normalise, spaces from line wraps aside", () => {
  assert.equal(normalizeLevel1("满意度指 标"), "满意度指标");
  assert.equal(normalizeLevel2("社会效益指标"), "社会效益");
  assert.equal(normalizeLevel2("环境效益"), "生态效益");
  assert.equal(normalizeLevel2("社会公众或服务对象满意度指标"), "服务对象满意度");
  assert.equal(normalizeLevel1("退休人员体检费"), null);
});

test("成本指标 is second-level in the older layout and first-level in 2021", () => {
  assert.equal(parentOf("成本指标", "older"), "产出指标");
  assert.equal(parentOf("经济成本指标", "cost-first-level-2021"), "成本指标");
  assert.ok(isValidPair("产出指标", "成本指标", "older"));
  assert.ok(!isValidPair("产出指标", "成本指标", "cost-first-level-2021"));
  assert.equal(detectLayout([{ level1: "产出指标", level2: "成本指标" }]), "older");
  assert.equal(detectLayout([{ level1: "成本指标", level2: "经济成本指标" }]), "cost-first-level-2021");
});
