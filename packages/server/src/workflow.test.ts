import assert from "node:assert/strict";
import test from "node:test";
import { isEditable, nextStatus, STATUSES, TRANSITIONS } from "./workflow.ts";

test("workflow transitions", () => {
  assert.equal(nextStatus("draft", "submit"), "submitted");
  assert.equal(nextStatus("submitted", "approve"), "approved");
  assert.equal(nextStatus("submitted", "return"), "returned");
  assert.equal(nextStatus("returned", "submit"), "submitted");
  assert.equal(nextStatus("approved", "adjust"), "draft");
  assert.equal(nextStatus("submitted", "withdraw"), "draft");
  assert.equal(nextStatus("approved", "void"), "voided");
  let allowed = 0;
  for (const s of STATUSES) for (const t of TRANSITIONS) if (nextStatus(s, t)) allowed++;
  assert.equal(allowed, 7, "exactly the seven documented transitions exist");
  assert.equal(nextStatus("approved", "approve"), null);
  assert.equal(nextStatus("draft", "approve"), null);
  assert.equal(nextStatus("voided", "adjust"), null, "a voided table is final");
  assert.deepEqual(STATUSES.filter(isEditable), ["draft", "returned"]);
});
