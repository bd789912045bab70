import assert from "node:assert/strict";
import { test } from "node:test";
import { passwordProblem } from "./password-policy.ts";

test("the passwords of the attack run are refused, each with a reason", () => {
  const cases: [string, string][] = [
    ["12345678", "too-short"],
    ["password", "too-short"],
    ["        ", "too-short"],
    ["          ", "too-simple"],
    ["aaaaaaaaaaaa", "too-simple"],
    ["abababababab", "too-simple"],
    ["1234567890", "common"],
    ["Password123!", "common"],
    ["qwertyuiop", "common"],
    ["xyz-unit151001-2", "username"],
    ["x".repeat(201), "too-long"],
  ];
  for (const [pw, reason] of cases) {
    const e = passwordProblem(pw, "unit151001");
    assert.equal(e?.code, "auth.weak-password", pw);
    assert.deepEqual(e?.details, { reason }, pw);
    assert.match(e?.messageZh ?? "", /密码不符合要求/);
  }
});

test("a long uncommon password is accepted; the current one is not", () => {
  assert.equal(passwordProblem("correct horse battery", "unit151001"), null);
  assert.equal(passwordProblem("预算绩效目标二〇二四年", "finance"), null);
  assert.deepEqual(passwordProblem("correct horse battery", "u", "correct horse battery")?.details, {
    reason: "unchanged",
  });
});
