import assert from "node:assert/strict";
import { test } from "node:test";
import { SELF_EVAL_CODES, selfEvalFinding } from "./finding.ts";

test("every code has zh and en words, a field, a where; same keys as scoring's findings plus where", () => {
  for (const code of SELF_EVAL_CODES) {
    const f = selfEvalFinding(
      code,
      { project: "体检费", projectIndex: 1, indicator: "满意度", indicatorIndex: 4 },
      "/x",
    );
    assert.ok(f.message.length > 0 && f.messageEn.length > 0, code);
    assert.match(f.messageEn, /^[\x20-\x7e\u00a0-\u2fff\u3000-\u9fff]*$/);
    assert.ok(code.startsWith("self-eval."));
    assert.deepEqual(Object.keys(f), [
      "code",
      "severity",
      "project",
      "projectIndex",
      "indicator",
      "indicatorIndex",
      "field",
      "where",
      "message",
      "messageEn",
    ]);
  }
});
