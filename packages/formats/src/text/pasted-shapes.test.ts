// Text in every shape a person pastes, built from generated departments (bench/generator), not
// from any fixture's strings: tab-separated (a spreadsheet copy, merged cells empty), a web copy
// as `| a | b |` pipes (complete, and with its rowspan cells dropped — continuation rows shifted
// left and padded at the end), one cell per line (a web page copy), and columns aligned by spaces
// (pdftotext -layout). Each goes through the grid reader and must come back exact.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { TargetDocument } from "@jixiao/core";
import { generateDepartment } from "../../../../bench/generator/department.ts";
import { detectShape } from "./detect-shape.ts";
import { readText } from "./read-text.ts";
import { aligned, cellPerLine, pipes, rowsOf, tsv } from "./test-pasted.ts";

const FIELDS = ["level1", "level2", "name", "nature", "operator", "target", "unit", "weight"] as const;

/** Indicators exact (the fields a table prints), per project in order, and the project fields. */
function check(truth: TargetDocument, got: TargetDocument | null, what: string): { n: number; exact: number } {
  assert.ok(got, `${what}: no document`);
  assert.equal(got.projects.length, truth.projects.length, `${what}: projects`);
  let n = 0;
  let exact = 0;
  truth.projects.forEach((tp, k) => {
    const gp = got.projects[k]!;
    assert.equal(gp.name, tp.name, `${what}: project ${k} name`);
    assert.equal(gp.unitCode, tp.unitCode, `${what}: project ${k} unit code`);
    assert.equal(gp.budget, tp.budget, `${what}: project ${k} budget`);
    tp.indicators.forEach((ti, i) => {
      n++;
      const gi = gp.indicators[i];
      if (gi && FIELDS.every((f) => (gi[f] ?? null) === (ti[f] ?? null))) exact++;
    });
  });
  return { n, exact };
}

const SHAPES: [string, "tabs" | "pipes" | "cell-per-line" | "aligned", (d: TargetDocument) => string][] = [
  ["tab-separated (spreadsheet copy)", "tabs", (d) => tsv(d)],
  ["tab-separated with rowspan cells dropped (browser copy)", "tabs", (d) => tsv(d, true)],
  ["pipes (web copy)", "pipes", (d) => pipes(d, false)],
  ["pipes with rowspan cells dropped (web copy)", "pipes", (d) => pipes(d, true)],
  ["one cell per line (web page copy)", "cell-per-line", (d) => cellPerLine(d)],
  ["one cell per line with rowspan cells dropped (web page copy)", "cell-per-line", (d) => cellPerLine(d, true)],
  ["columns aligned by spaces (pdftotext -layout), merged cells at the top", "aligned", (d) => aligned(d)],
  ["columns aligned by spaces (pdftotext -layout), merged cells centred", "aligned", (d) => aligned(d, true)],
  ["columns aligned by spaces (pdftotext -layout), header names wrapped", "aligned", (d) => aligned(d, true, true)],
];

for (const [what, shape, render] of SHAPES)
  test(`pasted ${what}: shape detected, every indicator exact over generated departments`, () => {
    let n = 0;
    let exact = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const truth = generateDepartment(seed, { projects: 3 });
      const text = render(truth);
      assert.equal(detectShape(text), shape, `seed ${seed}`);
      const { value, diagnostics } = readText(text);
      assert.ok(
        diagnostics.some((d) => d.code === "text.shape-detected"),
        `seed ${seed}: the repair log says how the text was read`,
      );
      const c = check(truth, value, `${what}, seed ${seed}`);
      n += c.n;
      exact += c.exact;
    }
    assert.ok(n > 100);
    assert.equal(exact, n, `${what}: ${exact}/${n} exact`);
  });

test("rowspan cells dropped: every shifted row is realigned and reported", () => {
  const truth = generateDepartment(7, { projects: 2 });
  const shifted = rowsOf(truth).filter((r) => r.merged > 0).length;
  for (const text of [pipes(truth, true), cellPerLine(truth, true)]) {
    const { diagnostics } = readText(text);
    assert.equal(diagnostics.filter((d) => d.code === "text.rows-realigned").length, shifted);
  }
});
