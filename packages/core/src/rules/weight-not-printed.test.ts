import assert from "node:assert/strict";
import { test } from "node:test";
import { review } from "../review.ts";
import { buildDocument, buildProject, findingsOf, projectWith } from "./test-helpers.ts";
import { weightNotPrinted } from "./weight-not-printed.ts";

const unweighted = () => {
  const p = buildProject();
  for (const ind of p.indicators) ind.weight = null;
  return p;
};

test("weight.not-printed: said once for a table that prints no weights", () => {
  const doc = buildDocument([unweighted(), unweighted()]);
  const found = findingsOf(weightNotPrinted, doc);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.projectIndex, null);
  assert.equal(found[0]!.field, "weight");
  assert.match(found[0]!.message, /16 个指标都没有分值/);
});

test("weight.not-printed: the whole review says it once, with no per-row or per-project weight findings", () => {
  const findings = review(buildDocument([unweighted(), unweighted()]));
  const weight = findings.filter((f) => f.code.startsWith("weight."));
  assert.deepEqual(
    weight.map((f) => f.code),
    ["weight.not-printed"],
  );
});

test("weight.not-printed is quiet when weights are printed, and an empty one among them is reported by row", () => {
  assert.deepEqual(findingsOf(weightNotPrinted, buildProject()), []);
  const findings = review(buildDocument([projectWith(0, { weight: null })]));
  const codes = findings.filter((f) => f.code.startsWith("weight.")).map((f) => [f.code, f.indicatorIndex]);
  assert.deepEqual(codes, [
    ["weight.sum", null],
    ["weight.non-positive", 0],
  ]);
});

test("weight.not-printed is quiet on an empty document", () => {
  assert.deepEqual(findingsOf(weightNotPrinted, buildDocument([])), []);
});
