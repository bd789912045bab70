import assert from "node:assert/strict";
import test from "node:test";
import { libraryLabel } from "./library-labels.ts";

test("antd's English-only labels read in the UI's language; any other label is left alone", () => {
  const zh = libraryLabel("zh");
  assert.equal(zh("Increase Value"), "增加");
  assert.equal(zh("Decrease Value"), "减少");
  assert.equal(zh("Select all"), "全选本页");
  assert.equal(zh("Select row 3"), "选择第3行");
  assert.equal(zh("Row 12 selected"), "第12行已选");
  assert.equal(zh("选择「体检费」"), null, "our own labels are never touched");
  assert.equal(zh("Row header"), null);
  const en = libraryLabel("en");
  assert.equal(en("Increase Value"), "Increase");
  assert.equal(en("Select row 3"), "Select row 3");
});
