import assert from "node:assert/strict";
import { test } from "node:test";
import { goalCounts, goalNumberMismatch } from "./goal-number-mismatch.ts";
import { buildIndicator, buildProject, findingsOf } from "./test-helpers.ts";

test("consistency.goal-number-mismatch: 79名 in the goal vs 70 人 in the indicators", () => {
  const p = buildProject({ goal: "通过对79名退休人员 进行体检，完成退休人员体检工作。" });
  p.indicators.push(buildIndicator({ name: "退休人员总人数", operator: "=", target: "70", weight: 0 }));
  const found = findingsOf(goalNumberMismatch, p);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.indicator, "退休人员总人数");
  assert.match(found[0]!.message, /「79名」/);
});

test("consistency.goal-number-mismatch accepts a match, a sum, and ignores years and other units", () => {
  assert.deepEqual(findingsOf(goalNumberMismatch, buildProject()), []);
  const sum = buildProject({ goal: "为100户困难职工家庭开展救助" });
  sum.indicators.push(buildIndicator({ name: "医疗救助", target: "60", unit: "户", weight: 0 }));
  sum.indicators.push(buildIndicator({ name: "生活救助", target: "40", unit: "户", weight: 0 }));
  assert.deepEqual(findingsOf(goalNumberMismatch, sum), []);
  const years = buildProject({ goal: "1、完成2024年度体检工作；2、覆盖3个社区。" });
  assert.deepEqual(findingsOf(goalNumberMismatch, years), []);
});

test("goalCounts reads counts with their unit and skips years and list numbers", () => {
  assert.deepEqual(
    goalCounts("1、完成2024年度对79名职工、3.5公里道路和12人次的工作").map((c) => [c.text, c.value, c.unit]),
    [
      ["79名", 79, "名"],
      ["3.5公里", 3.5, "公里"],
      ["12人次", 12, "人次"],
    ],
  );
});

test("consistency.goal-number-mismatch: a wider population beside an agreeing count is context", () => {
  const p = buildProject({ goal: "全市3000名退休人员中，为70名退休人员进行体检。" });
  assert.deepEqual(findingsOf(goalNumberMismatch, p), []);
  const unrelated = buildProject({ goal: "通过对79名群众开展宣传。" });
  assert.deepEqual(findingsOf(goalNumberMismatch, unrelated), [], "no indicator name resembles 群众开展宣传");
});
