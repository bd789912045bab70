import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { RULES } from "@jixiao/core";
import { RULES_DOC, renderRulesDoc } from "./gen-rules-doc.ts";

test("docs/RULES.md is generated from the rules and has not drifted (npm run docs:rules)", () => {
  assert.equal(readFileSync(RULES_DOC, "utf8"), renderRulesDoc());
});

test("the catalogue lists every rule with its code, severity and example", () => {
  const doc = renderRulesDoc();
  for (const r of RULES) {
    assert.ok(doc.includes(`### \`${r.code}\``), r.code);
    assert.ok(doc.includes(`| \`${r.code}\` | ${r.severity} |`), r.code);
    assert.ok(doc.includes(r.example), r.code);
  }
});
