import assert from "node:assert/strict";
import { test } from "node:test";
import { SPLIT_50_30_10_REVIEW_POLICY } from "../policy/presets.ts";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";
import { weightLevel1Split } from "./weight-level1-split.ts";

test("weight.level1-split fires on a group off the policy's split", () => {
  const p = projectWith(0, { weight: 20 });
  p.indicators[5] = { ...p.indicators[5]!, weight: 5 };
  const found = findingsOf(weightLevel1Split, p, SPLIT_50_30_10_REVIEW_POLICY);
  assert.deepEqual(
    found.map((f) => f.message.match(/」的(\S+)分值合计 (\d+)/)?.slice(1)),
    [
      ["产出指标+成本指标", "60"],
      ["效益指标", "20"],
    ],
  );
});

test("weight.level1-split is quiet on 50/30/10 and when the policy sets no split", () => {
  assert.deepEqual(findingsOf(weightLevel1Split, buildProject(), SPLIT_50_30_10_REVIEW_POLICY), []);
  assert.deepEqual(findingsOf(weightLevel1Split, projectWith(0, { weight: 20 })), []);
});
