import assert from "node:assert/strict";
import { test } from "node:test";
import { validateDocument } from "./validate.ts";

const doc = (weight: unknown) => ({
  format: "jixiao.targets/1",
  moneyUnit: "万元",
  projects: [
    {
      name: "退休人员体检费",
      unitCode: "151001",
      unitName: "呼和浩特市总工会",
      category: "部门预算项目",
      budget: 7,
      goal: "",
      indicators: [
        {
          level1: "产出指标",
          level2: "数量指标",
          name: "参加体检的退休人数",
          nature: "正向",
          operator: "≥",
          target: "70",
          unit: "人",
          weight,
        },
      ],
    },
  ],
});

test("a weight is a number, or null when the table prints none; never text or absent", () => {
  assert.ok(validateDocument(doc(9)).value);
  assert.ok(validateDocument(doc(null)).value, "null: not printed");
  assert.equal(validateDocument(doc("9")).value, null);
  const { weight: _, ...noWeight } = doc(9).projects[0]!.indicators[0]!;
  const absent = doc(9);
  absent.projects[0]!.indicators[0] = noWeight as never;
  assert.equal(validateDocument(absent).value, null);
});
