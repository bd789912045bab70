import assert from "node:assert/strict";
import { test } from "node:test";
import { SCORING_CODES, scoringFinding } from "./finding.ts";

test("every code has zh and en words and a field; key order matches the review findings", () => {
  for (const code of SCORING_CODES) {
    const f = scoringFinding(code, "error", {
      project: "体检费",
      projectIndex: 3,
      indicator: "职工满意度",
      indicatorIndex: 12,
    });
    assert.ok(f.message.length > 0 && f.messageEn.length > 0, code);
    assert.match(f.messageEn, /^[\x20-\x7e\u00a0-\u2fff\u3000-\u9fff]*$/);
    assert.deepEqual(Object.keys(f), [
      "code",
      "severity",
      "project",
      "projectIndex",
      "indicator",
      "indicatorIndex",
      "field",
      "message",
      "messageEn",
    ]);
  }
});

test("project-level findings have null indicator and indicatorIndex", () => {
  const f = scoringFinding("score.executed-missing", "error", { project: "体检费", projectIndex: 0 });
  assert.equal(f.indicator, null);
  assert.equal(f.indicatorIndex, null);
  assert.equal(f.field, "executed");
});

test("parameters reach both languages", () => {
  const f = scoringFinding("score.over-execution", "error", { project: "p", projectIndex: 0 }, { rate: "120.5" });
  assert.match(f.message, /120\.5%/);
  assert.match(f.messageEn, /120\.5%/);
});
