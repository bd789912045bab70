/**
 * A real print of the class issue 11 left unread: calc at 100 % on landscape paper, centred, no
 * print-title row (scripts/make-pdf-nohead.ts, producer libreoffice-nohead-big, seed 516). The
 * sheet is printed in 2 column strips × 4 bands, down then over; the fourth band holds no table —
 * the note under it on page 4, only the page number on page 8. Before the last band was accepted
 * as a tail (tiled-tail.ts) the pages were not joined: 0/79 exact, one project read.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { compareDocuments } from "../../../../bench/generator/compare.ts";
import { readPdf } from "./read-pdf.ts";
import { loadFixture } from "./test-fixture.ts";

const name = "table12-516-libreoffice-nohead-big";

test(`${name}: centred column strips without a header, the last band only the note under the table — joined, every indicator exact`, async () => {
  const { pdf, truth } = loadFixture(name);
  const r = await readPdf(pdf);
  const c = compareDocuments(truth, r.value);
  // Measured 2026-12-03: 79/79, 5/5 projects (before: 0/79, 1 project).
  assert.deepEqual(
    r.value?.projects.map((p) => p.name),
    truth.projects.map((p) => p.name),
  );
  assert.equal(c.exact, c.indicators, `${c.exact}/${c.indicators} exact; ${c.fieldErrors.join("; ")}`);
  const tiled = r.diagnostics.filter((d) => d.code === "pdf.pages-tiled");
  assert.equal(tiled.length, 1);
  assert.match(
    tiled[0]!.messageEn ?? "",
    /Pages 1, 2, 3, 4, 5, 6, 7, 8 are a wide sheet printed in 2 column strips \(down, then over\); joined side by side into 4 pages/,
  );
  // The note's band has no rows to misalign: no doubt, and no error.
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity !== "info").map((d) => `${d.code} ${d.messageEn}`),
    [],
  );
});
