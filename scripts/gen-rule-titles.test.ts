import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { RULES } from "@jixiao/core";
import { RULE_TITLES } from "../packages/web/src/words/rule-titles.ts";
import { RULE_TITLES_FILE, renderRuleTitles } from "./gen-rule-titles.ts";

test("the web's rule titles are generated from the rules and have not drifted (npm run gen:rule-titles)", () => {
  assert.equal(readFileSync(RULE_TITLES_FILE, "utf8"), renderRuleTitles());
});

test("every rule has its zh and en title in the web's table, and nothing else is in it", () => {
  assert.deepEqual(Object.keys(RULE_TITLES).sort(), RULES.map((r) => r.code).sort());
  for (const r of RULES) assert.deepEqual(RULE_TITLES[r.code], [r.title.zh, r.title.en], r.code);
});
