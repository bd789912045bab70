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

test("consistency.goal-number-mismatch: the counted noun before the number (公路养护30公里, 培训12期)", () => {
  const road = buildProject({ goal: "完成农村公路养护30公里，保障群众出行。" });
  road.indicators.push(buildIndicator({ name: "农村公路养护里程", target: "25", unit: "公里", weight: 0 }));
  const found = findingsOf(goalNumberMismatch, road);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.indicator, "农村公路养护里程");
  assert.match(found[0]!.message, /「30公里」/);

  const training = buildProject({ goal: "全年举办培训12期，提升干部能力。" });
  training.indicators.push(buildIndicator({ name: "举办培训期数", target: "10", unit: "期", weight: 0 }));
  assert.equal(findingsOf(goalNumberMismatch, training).length, 1);
  const agrees = buildProject({ goal: "全年举办培训10期，提升干部能力。" });
  agrees.indicators.push(buildIndicator({ name: "举办培训期数", target: "10", unit: "期", weight: 0 }));
  assert.deepEqual(findingsOf(goalNumberMismatch, agrees), []);
});

test("consistency.goal-number-mismatch: an agreeing 人次 count does not silence a 人 mismatch", () => {
  const p = buildProject({ goal: "开展健康讲座120人次，通过对79名退休人员进行体检。" });
  p.indicators.push(buildIndicator({ name: "健康讲座参加人次", target: "120", unit: "人次", weight: 0 }));
  const found = findingsOf(goalNumberMismatch, p);
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /「79名」/);
  // And the other way round: an agreeing 人 count does not silence a 人次 mismatch.
  const q = buildProject({ goal: "开展健康讲座150人次，通过对70名退休人员进行体检。" });
  q.indicators.push(buildIndicator({ name: "健康讲座参加人次", target: "120", unit: "人次", weight: 0 }));
  const other = findingsOf(goalNumberMismatch, q);
  assert.equal(other.length, 1);
  assert.match(other[0]!.message, /「150人次」/);
});

test("goalCounts reads numbers through the vocabulary: separators and full-width digits", () => {
  assert.deepEqual(
    goalCounts("覆盖1,200户，培训７９名").map((c) => [c.text, c.value, c.unit]),
    [
      ["1,200户", 1200, "户"],
      ["７９名", 79, "名"],
    ],
  );
});
