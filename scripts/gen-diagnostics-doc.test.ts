import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { RULES } from "@jixiao/core";
import { DIAGNOSTICS_DOC, REGISTRIES, renderDiagnosticsDoc } from "./gen-diagnostics-doc.ts";

test("docs/DIAGNOSTICS.md is generated from the registries and has not drifted (npm run docs:diagnostics)", () => {
  assert.equal(readFileSync(DIAGNOSTICS_DOC, "utf8"), renderDiagnosticsDoc());
});

test("every registered code is listed once; no code is registered twice or shared with a review rule", () => {
  const doc = renderDiagnosticsDoc();
  const registered = REGISTRIES.flatMap((r) => Object.keys(r.codes));
  const all = [...registered, ...RULES.map((r) => r.code)];
  assert.equal(new Set(all).size, all.length, "a code registered twice");
  for (const code of registered) assert.equal(doc.split(`| \`${code}\` |`).length - 1, 1, code);
});
