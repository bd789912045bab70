import assert from "node:assert/strict";
import { test } from "node:test";
import { goalCitesDocumentOnly, goalWithoutCitations } from "./goal-cites-document-only.ts";
import { buildProject, findingsOf } from "./test-helpers.ts";

const SEED_GOAL = "呼财发【2020】152号文件《关于财政供养人员体检经费安排和使用的通知》";

test("consistency.goal-cites-document-only fires on the seed's 体检费 goal", () => {
  assert.deepEqual(goalWithoutCitations(SEED_GOAL), { cited: true, rest: "" });
  const found = findingsOf(goalCitesDocumentOnly, buildProject({ name: "体检费", goal: SEED_GOAL }));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.field, "goal");
  assert.equal(findingsOf(goalCitesDocumentOnly, buildProject({ goal: "根据财预〔2021〕101号文件要求" })).length, 1);
});

test("consistency.goal-cites-document-only is quiet when a citation comes with a target", () => {
  assert.deepEqual(findingsOf(goalCitesDocumentOnly, buildProject()), []);
  const goal = `根据${SEED_GOAL}，完成43名退休人员体检，保障职工身体健康。`;
  assert.deepEqual(findingsOf(goalCitesDocumentOnly, buildProject({ goal })), []);
});
