import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_REVIEW_POLICY } from "./policy/presets.ts";
import { activeRules, review } from "./review.ts";
import { RULES } from "./rules/all-rules.ts";
import { buildDocument, buildProject, projectWith } from "./rules/test-helpers.ts";

test("review: a well-formed document has no findings under the default policy", () => {
  assert.deepEqual(review(buildDocument([buildProject(), buildProject({ name: "第二个项目" })], { total: 14 })), []);
});

test("review: findings carry the project and indicator names, in document order", () => {
  const doc = buildDocument([buildProject(), projectWith(1, { operator: "≤", weight: 15 }, { name: "体检费" })]);
  const found = review(doc);
  assert.deepEqual(
    found.map((f) => [f.projectIndex, f.project, f.indicatorIndex, f.indicator, f.code]),
    [
      [1, "体检费", null, null, "weight.sum"],
      [1, "体检费", 1, "退休人员体检覆盖率", "value.direction-contradiction"],
    ],
  );
});

test("review: the policy turns rules off and changes their severity", () => {
  const doc = buildDocument([projectWith(1, { operator: "≤", weight: 15 })]);
  const policy = {
    ...DEFAULT_REVIEW_POLICY,
    rules: { "weight.sum": "off", "value.direction-contradiction": "info" },
  } as const;
  const found = review(doc, { ...policy, rules: { ...policy.rules } });
  assert.deepEqual(
    found.map((f) => [f.code, f.severity]),
    [["value.direction-contradiction", "info"]],
  );
  assert.equal(activeRules(DEFAULT_REVIEW_POLICY).length, RULES.length);
});

test("rule catalogue: codes are unique and every rule has zh/en words and an example", () => {
  const codes = new Set(RULES.map((r) => r.code));
  assert.equal(codes.size, RULES.length);
  assert.ok(RULES.length >= 25);
  for (const r of RULES) {
    assert.match(r.code, /^(structure|value|weight|money|consistency)\.[a-z0-9-]+$/);
    assert.ok(r.title.zh && r.title.en && r.description.zh && r.description.en && r.example, r.code);
  }
});
