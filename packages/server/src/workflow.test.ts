import assert from "node:assert/strict";
import test from "node:test";
import { isEditable, nextStatus, type Status, type Transition } from "./workflow.ts";

test("workflow transitions", () => {
  assert.equal(nextStatus("draft", "submit"), "submitted");
  assert.equal(nextStatus("submitted", "approve"), "approved");
  assert.equal(nextStatus("submitted", "return"), "returned");
  assert.equal(nextStatus("returned", "submit"), "submitted");
  assert.equal(nextStatus("approved", "adjust"), "draft");
  const all: Status[] = ["draft", "submitted", "approved", "returned"];
  const ts: Transition[] = ["submit", "approve", "return", "adjust"];
  let allowed = 0;
  for (const s of all) for (const t of ts) if (nextStatus(s, t)) allowed++;
  assert.equal(allowed, 5, "exactly the five documented transitions exist");
  assert.equal(nextStatus("approved", "approve"), null);
  assert.equal(nextStatus("draft", "approve"), null);
  assert.deepEqual(all.filter(isEditable), ["draft", "returned"]);
});
