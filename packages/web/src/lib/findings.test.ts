import assert from "node:assert/strict";
import { test } from "node:test";
import { type CellFinding, fieldOf, indexFindings, worstSeverity } from "./findings.ts";

const f = (over: Partial<CellFinding>): CellFinding => ({
  code: "x",
  severity: "warning",
  message: "m",
  messageEn: "m",
  ...over,
});

test("fieldOf prefers the engine's field, then the cell path, then the rule code", () => {
  assert.equal(fieldOf(f({ field: "weight", code: "values.direction-mismatch" })), "weight");
  assert.equal(fieldOf(f({ cell: "indicators[3].target" })), "target");
  assert.equal(fieldOf(f({ code: "values.direction-mismatch" })), "operator");
  assert.equal(fieldOf(f({ code: "values.percent-range" })), "target");
  assert.equal(fieldOf(f({ code: "structure.duplicate-indicator" })), "name");
});

test("indexFindings keys findings by row and field and keeps project-level ones apart", () => {
  const idx = indexFindings([
    f({ code: "values.direction-mismatch", indicatorIndex: 2, severity: "error", projectIndex: 0 }),
    f({ code: "weights.sum", projectIndex: 0 }),
    f({ code: "values.direction-mismatch", indicatorIndex: 1, projectIndex: 1 }), // another project: ignored
  ]);
  assert.deepEqual([...idx.cells.keys()], ["2.operator"]);
  assert.equal(idx.project.length, 1);
  assert.equal(worstSeverity(idx.cells.get("2.operator")), "error");
  assert.equal(worstSeverity(undefined), null);
});
