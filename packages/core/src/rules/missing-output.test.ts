import assert from "node:assert/strict";
import { test } from "node:test";
import { missingOutput } from "./missing-output.ts";
import { buildProject, findingsOf, wellFormedIndicators } from "./test-helpers.ts";

test("structure.missing-output fires when no 产出指标 row exists", () => {
  const p = buildProject({ indicators: wellFormedIndicators().filter((i) => i.level1 !== "产出指标") });
  const [f, ...rest] = findingsOf(missingOutput, p);
  assert.equal(rest.length, 0);
  assert.equal(f?.code, "structure.missing-output");
  assert.equal(f?.indicator, null);
  assert.equal(f?.field, "indicators");
  assert.match(f!.message, /退休人员体检费.*产出指标/);
});

test("structure.missing-output is quiet on a well-formed project", () => {
  assert.deepEqual(findingsOf(missingOutput, buildProject()), []);
});
