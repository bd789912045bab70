import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { GENERATED, generatedText, typeOf } from "./gen-api-types.ts";

test("packages/web/src/api/generated.ts is the server's route schemas and has not drifted (npm run gen:api)", async () => {
  assert.equal(readFileSync(GENERATED, "utf8"), await generatedText());
});

test("typeOf: the JSON-schema subset of the route schemas", () => {
  assert.equal(typeOf({ type: "integer" }), "number");
  assert.equal(typeOf({ type: ["string", "null"] }), "string | null");
  assert.equal(typeOf({ type: "string", nullable: true }), "string | null");
  assert.equal(typeOf({ type: "string", enum: ["万元", "元"] }), '"万元" | "元"');
  assert.equal(typeOf({ type: "array", items: { type: ["string", "number"] } }), "(string | number)[]");
  assert.equal(typeOf({ type: "object", additionalProperties: { type: "number" } }), "Record<string, number>");
  assert.equal(
    typeOf({ type: "object", required: ["a"], properties: { a: { type: "string" }, "b-c": { type: "boolean" } } }),
    '{\n  a: string;\n  "b-c"?: boolean;\n}',
  );
  assert.equal(typeOf({ oneOf: [{ type: "string" }, { type: "number" }] }), "string | number");
  assert.equal(typeOf({}), "unknown");
});
