import assert from "node:assert/strict";
import { test } from "node:test";
import { placeholder } from "./placeholder.ts";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("structure.placeholder fires on XX names and null / * targets", () => {
  const p = projectWith(0, { name: "XX人数", target: "XX" });
  p.indicators[5] = { ...p.indicators[5]!, target: "null" };
  p.indicators[6] = { ...p.indicators[6]!, target: "*" };
  const found = findingsOf(placeholder, p);
  assert.deepEqual(
    found.map((f) => [f.indicatorIndex, f.field]),
    [
      [0, "name"],
      [0, "target"],
      [5, "target"],
      [6, "target"],
    ],
  );
  assert.match(found[2]!.message, /「null」/);
});

test("structure.placeholder is quiet on real text", () => {
  assert.deepEqual(findingsOf(placeholder, buildProject()), []);
  assert.deepEqual(findingsOf(placeholder, projectWith(2, { target: "2024年12月前完成" })), []);
});
