import assert from "node:assert/strict";
import { test } from "node:test";
import { budgetTotal } from "./budget-total.ts";
import { buildDocument, buildProject, findingsOf } from "./test-helpers.ts";

const doc = (total: number) =>
  buildDocument(
    [buildProject({ budget: 7 }), buildProject({ name: "体检费", budget: 4.3 }), buildProject({ budget: 0.1 })],
    {
      total,
    },
  );

test("money.budget-total fires when budgets do not add to 合计", () => {
  const found = findingsOf(budgetTotal, doc(11.5));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.project, null);
  assert.equal(found[0]!.field, "total");
  assert.match(found[0]!.message, /11\.4 万元，与合计 11\.5 万元不符/);
});

test("money.budget-total sums exactly (7 + 4.3 + 0.1 = 11.4) and skips without a 合计", () => {
  assert.deepEqual(findingsOf(budgetTotal, doc(11.4)), []);
  assert.deepEqual(findingsOf(budgetTotal, buildDocument()), []);
});
