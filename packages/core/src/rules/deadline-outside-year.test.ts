import assert from "node:assert/strict";
import { test } from "node:test";
import { deadlineOutsideYear } from "./deadline-outside-year.ts";
import { buildDocument, buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("consistency.deadline-outside-year fires on 2023 in a 2024 document", () => {
  const found = findingsOf(deadlineOutsideYear, projectWith(2, { target: "2023年12月前完成" }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /预算年度 2024/);
});

test("consistency.deadline-outside-year infers the year from the deadlines when the document has none", () => {
  const doc = buildDocument([buildProject(), buildProject(), projectWith(2, { target: "2025年6月" })], {
    fiscalYear: undefined,
  });
  const found = findingsOf(deadlineOutsideYear, doc);
  assert.deepEqual(
    found.map((f) => f.projectIndex),
    [2],
  );
  assert.deepEqual(findingsOf(deadlineOutsideYear, buildProject()), []);
});
