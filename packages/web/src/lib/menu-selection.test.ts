import assert from "node:assert/strict";
import { test } from "node:test";
import { selectedKey } from "./menu-selection.ts";

const KEYS = ["/", "/todo", "/projects", "/public", "/publish", "/monitoring", "/evaluation-rounds"];

test("a screen selects the entry it lives under", () => {
  assert.equal(selectedKey(KEYS, "/projects/12/review"), "/projects");
  assert.equal(selectedKey(KEYS, "/monitoring/rounds/3"), "/monitoring");
  assert.equal(selectedKey(KEYS, "/todo"), "/todo");
});

test("a prefix of another word is not a match (/public is not /publish)", () => {
  assert.equal(selectedKey(KEYS, "/publish"), "/publish");
  assert.equal(selectedKey(KEYS, "/public/7"), "/public");
});

test("the dashboard only on /, and / when nothing else matches", () => {
  assert.equal(selectedKey(KEYS, "/"), "/");
  assert.equal(selectedKey(KEYS, "/unknown"), "/");
});
