import assert from "node:assert/strict";
import test from "node:test";
import type { Project } from "../api/types.ts";
import { placeLabel } from "./labels.ts";

const table = {
  name: "p",
  unitCode: "151001",
  unitName: "u",
  category: "c",
  budget: 1,
  goal: "g",
  indicators: [
    {
      level1: "产出指标",
      level2: "数量指标",
      name: "退休人员体检覆盖率",
      nature: "正向",
      operator: "≥",
      target: "100",
      unit: "%",
      weight: 10,
    },
  ],
} as Project;

test("places read in the table's words", () => {
  assert.equal(placeLabel("indicators[0].target", table, "zh"), "#1 退休人员体检覆盖率 · 目标值");
  assert.equal(placeLabel("indicators[0].weight", table, "en"), "#1 退休人员体检覆盖率 · Weight");
  assert.equal(placeLabel("budget", table, "zh"), "预算数");
  assert.equal(placeLabel("indicators[3]", table, "zh"), "#4");
});
