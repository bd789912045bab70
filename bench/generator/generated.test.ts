// Generalisation of the text importer: ≥ 200 generated departments, printed in the 表12
// style with damage injected at random, read back and compared with the truth. At least
// 99% of indicators must come back exactly, and every one that does not must be flagged
// by a warning in the repair log.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readText } from "../../packages/formats/src/text/read-text.ts";
import { compareDocuments } from "./compare.ts";
import { generateDepartment } from "./department.ts";
import { NO_DAMAGE, printText } from "./print-text.ts";

test("undamaged prints read back exactly", () => {
  for (let seed = 1; seed <= 50; seed++) {
    const truth = generateDepartment(seed);
    const got = readText(printText(truth, seed, NO_DAMAGE)).value;
    const c = compareDocuments(truth, got);
    assert.deepEqual(c.fieldErrors, [], `seed ${seed}`);
    assert.equal(c.exact, c.indicators, `seed ${seed}`);
  }
});

test("200 damaged departments: ≥ 99% of indicators exact, the rest flagged", () => {
  let indicators = 0;
  let exact = 0;
  const unflagged: string[] = [];
  const fieldErrors: string[] = [];
  for (let seed = 1000; seed < 1200; seed++) {
    const truth = generateDepartment(seed);
    const { value, diagnostics } = readText(printText(truth, seed));
    const c = compareDocuments(truth, value);
    indicators += c.indicators;
    exact += c.exact;
    fieldErrors.push(...c.fieldErrors.map((e) => `seed ${seed}: ${e}`));
    for (const [p, i] of c.wrong) {
      const flagged = diagnostics.some(
        (d) =>
          d.severity !== "info" && d.projectIndex === p && (d.indicatorIndex === i || d.indicatorIndex === undefined),
      );
      if (!flagged)
        unflagged.push(
          `seed ${seed} project ${p} indicator ${i}: ${JSON.stringify(value?.projects[p]?.indicators[i])}`,
        );
    }
  }
  const rate = exact / indicators;
  console.log(`generated: ${exact}/${indicators} indicators exact (${(rate * 100).toFixed(2)}%)`);
  assert.deepEqual(fieldErrors, []);
  assert.ok(indicators > 5000);
  assert.ok(rate >= 0.99, `exact rate ${rate}`);
  assert.deepEqual(unflagged, []);
});
