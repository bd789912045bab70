import assert from "node:assert/strict";
import { test } from "node:test";
import type { ImportColumn } from "../../api/types.ts";
import { mergeOverrides } from "./merge-overrides.ts";

const col = (over: Partial<ImportColumn>): ImportColumn => ({
  sheet: "table 1",
  column: 0,
  ref: "table 1 row 1 col 1",
  header: "",
  key: null,
  how: "name",
  blocks: 1,
  ...over,
});

test("a changed column is sent by its place; an unchanged choice is not sent", () => {
  const columns = [col({ column: 3, header: "考核要求" }), col({ column: 4, header: "分值", key: "weight" })];
  const chosen = new Map([
    ["table 1#3", "target"],
    ["table 1#4", "weight"],
  ]);
  assert.deepEqual(mergeOverrides([], columns, chosen), [{ sheet: "table 1", column: 3, key: "target" }]);
});

test("a column of a template repeated per project is corrected in every block, by its header", () => {
  const columns = [col({ column: 5, header: "考核要求", blocks: 4 })];
  assert.deepEqual(mergeOverrides([], columns, new Map([["table 1#5", "target"]])), [
    { header: "考核要求", key: "target" },
  ]);
});

test("earlier overrides are kept, and replaced when the same column is chosen again", () => {
  const earlier = [
    { sheet: "table 1", column: 3, key: "target" },
    { sheet: "table 1", column: 7, key: null },
  ];
  const columns = [col({ column: 3, header: "考核要求", key: "target", how: "override" })];
  assert.deepEqual(mergeOverrides(earlier, columns, new Map([["table 1#3", "measure"]])), [
    { sheet: "table 1", column: 3, key: "measure" },
    { sheet: "table 1", column: 7, key: null },
  ]);
  // "not read" is a choice too.
  assert.deepEqual(mergeOverrides([], columns, new Map([["table 1#3", null]])), [
    { sheet: "table 1", column: 3, key: null },
  ]);
});
