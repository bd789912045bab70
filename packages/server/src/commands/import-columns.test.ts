import assert from "node:assert/strict";
import { test } from "node:test";
import { AppError } from "../errors.ts";
import { MAPPABLE_KEYS, parseColumnOverrides } from "./import-columns.ts";

test("a column mapping is parsed: by column, by header, not read, sheet optional", () => {
  assert.deepEqual(parseColumnOverrides(undefined), []);
  assert.deepEqual(parseColumnOverrides(""), []);
  assert.deepEqual(
    parseColumnOverrides(
      JSON.stringify([
        { sheet: "table 1", column: 10, key: "target" },
        { header: "考核要求", key: "target" },
        { column: 2, key: null },
      ]),
    ),
    [
      { sheet: "table 1", column: 10, key: "target" },
      { header: "考核要求", key: "target" },
      { column: 2, key: null },
    ],
  );
  assert.ok(MAPPABLE_KEYS.includes("target") && !MAPPABLE_KEYS.includes("notes"));
});

test("a bad column mapping is refused with a validation error naming the entry", () => {
  const bad: [string, RegExp][] = [
    ["not json", /JSON/],
    ['{"column":1,"key":"target"}', /array/],
    ['[{"column":1,"key":"budgetx"}]', /unknown field/],
    ['[{"column":1,"key":"notes"}]', /unknown field/],
    ['[{"column":-1,"key":"target"}]', /bad column/],
    ['[{"column":1.5,"key":"target"}]', /bad column/],
    ['[{"column":256,"key":"target"}]', /bad column/],
    ['[{"key":"target"}]', /name a column/],
    ['[{"column":1,"key":"target","x":1}]', /unknown property/],
    ['[{"column":1}]', /unknown field/],
    [JSON.stringify([{ header: "x".repeat(201), key: "target" }]), /bad header/],
    [JSON.stringify(Array.from({ length: 257 }, (_, i) => ({ column: i % 256, key: null }))), /too many/],
  ];
  for (const [text, why] of bad) {
    assert.throws(
      () => parseColumnOverrides(text),
      (e: unknown) => e instanceof AppError && e.code === "validation" && why.test(e.message),
      text.slice(0, 60),
    );
  }
});
