// Every diagnostic of the grid layer has words in both languages and is listed in docs/LAYOUTS.md.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { GRID_DIAGNOSTICS, say } from "./words.ts";

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../docs/LAYOUTS.md");

test("each grid diagnostic has zh and en words and is listed in docs/LAYOUTS.md", () => {
  const doc = readFileSync(DOC, "utf8");
  const args = new Proxy({}, { get: (_t, k) => `‹${String(k)}›` }) as Record<string, string>;
  for (const name of GRID_DIAGNOSTICS) {
    const d = say("x", name, args);
    assert.match(d.message, /[\u4e00-\u9fff]/, name);
    assert.match(d.messageEn, /[A-Za-z]/, name);
    assert.ok(!/undefined/.test(d.message + d.messageEn), name);
    assert.ok(doc.includes(`\`${name}\``), `docs/LAYOUTS.md does not list ${name}`);
  }
});
