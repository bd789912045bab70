// Coverage at scale, small edition (the full count is `npm run bench -- coverage`): generated
// departments printed in every layout (layouts.ts) and rendered through every container
// (HTML, docx, xlsx, CSV, TSV, one cell per line), read back through readDocument. Per
// container: ≥ 99% of indicators exact, every other one flagged by a diagnostic, and the
// projects (count, names, budgets, unit codes) right.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compareDocuments } from "./compare.ts";
import { CONTAINERS, printDepartment, renderings } from "./corpus.ts";
import { emptyTally, rate, type Tally, tallyRendering } from "./coverage.ts";
import { LAYOUTS, layoutById } from "./layouts.ts";

const PER_LAYOUT = 2;

test("the generator prints at least eight layouts", () => {
  assert.ok(LAYOUTS.length >= 8);
  assert.equal(new Set(LAYOUTS.map((l) => l.id)).size, LAYOUTS.length);
});

test("the comparison sees one wrong field, a label lost, a weight 0 for null, an actual missing", () => {
  const cases: [string, (d: ReturnType<typeof printDepartment>["truth"]) => void][] = [
    ["table12", (d) => (d.projects[0]!.indicators[0]!.target += "0")],
    ["score-bands", (d) => delete d.projects[0]!.indicators[1]!.level1Label],
    ["no-weight", (d) => (d.projects[0]!.indicators[0]!.weight = 0)],
    ["self-evaluation", (d) => delete d.projects[0]!.indicators[0]!.actual],
  ];
  for (const [id, spoil] of cases) {
    const { truth } = printDepartment(5, layoutById(id));
    const got = structuredClone(truth);
    assert.equal(compareDocuments(truth, got).exact, compareDocuments(truth, got).indicators, id);
    spoil(got);
    const c = compareDocuments(truth, got);
    assert.equal(c.exact, c.indicators - 1, id);
    assert.equal(c.wrong.length, 1, id);
  }
});

for (const container of CONTAINERS) {
  test(`coverage ${container}: ≥ 99% of indicators exact in every layout, the rest flagged`, async () => {
    const byLayout = new Map<string, Tally>();
    const all = emptyTally();
    for await (const r of renderings(PER_LAYOUT, [container])) {
      const t = byLayout.get(r.layout) ?? emptyTally();
      byLayout.set(r.layout, t);
      await tallyRendering(r, [t, all]);
    }
    const failing = [...byLayout]
      .filter(([, t]) => rate(t) < 0.99 || t.unflagged > 0 || t.projectErrors > 0)
      .map(
        ([id, t]) =>
          `${id}: ${t.exact}/${t.indicators} exact, ${t.unflagged} unflagged, ${t.projectErrors} project errors\n    ${t.examples.join("\n    ")}`,
      );
    console.log(`coverage ${container}: ${all.exact}/${all.indicators} (${(rate(all) * 100).toFixed(1)}%)`);
    assert.ok(all.indicators > 500);
    assert.deepEqual(failing, [], `layouts failing in ${container}`);
  });
}
