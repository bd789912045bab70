/**
 * Real prints without a repeated header whose merged cells are cut by page breaks (issue 11),
 * made by scripts/make-pdf-nohead.ts from generated departments:
 * - table12-99-libreoffice-nohead-tiled: calc, portrait at 100 % (3 column strips), no print
 *   title row; a project name and 年度绩效目标 cut through a line, the line printed at the foot
 *   of one page and again above the next page's first band (was 33/79 exact, the project split
 *   in two);
 * - table12-4-libreoffice-nohead-tiled: calc; a 二级 cell's second line drawn past the table's
 *   foot and again on the next page; a 一级 whose first row is a page's last, its text centred on
 *   the next page (was 75/77);
 * - table12-11-chromium-collapsed: a web page with collapsed borders; 满意度指标 / 服务对象满意度
 *   cut, their second line printed in the open tail under the last row line (was 67/71).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { compareDocuments } from "../../../../bench/generator/compare.ts";
import { readPdf } from "./read-pdf.ts";
import { loadFixture } from "./test-fixture.ts";

const CASES = [
  "table12-99-libreoffice-nohead-tiled",
  "table12-4-libreoffice-nohead-tiled",
  "table12-11-chromium-collapsed",
];

for (const name of CASES)
  test(`${name}: merged cells cut by page breaks, no repeated header — every project whole, every indicator exact`, async () => {
    const { pdf, truth } = loadFixture(name);
    const r = await readPdf(pdf);
    const c = compareDocuments(truth, r.value);
    assert.deepEqual(
      r.value?.projects.map((p) => p.name),
      truth.projects.map((p) => p.name),
    );
    assert.equal(c.exact, c.indicators, `${c.exact}/${c.indicators} exact; ${c.fieldErrors.join("; ")}`);
    // A cut label read whole: no 一级/二级 outside the framework (满意度指 + 标).
    assert.deepEqual(
      r.diagnostics.filter((d) => /level[12]-unknown/.test(d.code) || d.severity === "error").map((d) => d.messageEn),
      [],
    );
  });
