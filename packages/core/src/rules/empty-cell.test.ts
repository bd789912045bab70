import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyCell } from "./empty-cell.ts";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("structure.empty-cell fires on an empty name and an empty target", () => {
  const p = projectWith(0, { name: " " });
  p.indicators[5] = { ...p.indicators[5]!, target: "" };
  const found = findingsOf(emptyCell, p);
  assert.deepEqual(
    found.map((f) => [f.indicatorIndex, f.field]),
    [
      [0, "name"],
      [5, "target"],
    ],
  );
});

test("structure.empty-cell is quiet on a well-formed project", () => {
  assert.deepEqual(findingsOf(emptyCell, buildProject()), []);
});
