// docs/jixiao.targets-1.schema.json must be the schema the code validates with.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { SCHEMA_PATH, schemaText } from "./gen-schema.ts";

test("the published JSON Schema matches the code (run `npm run docs:schema` to update)", () => {
  assert.equal(readFileSync(SCHEMA_PATH, "utf8"), schemaText());
});
