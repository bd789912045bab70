// The hard time limit: the reading runs in a worker, terminated at the file's limit with the
// coded pdf.time-limit; within the limit the worker's reading is readPdf's.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { readPdf } from "./read-pdf.ts";
import { readPdfWithin } from "./read-pdf-within.ts";

const pdf = new Uint8Array(
  readFileSync(path.join(import.meta.dirname, "../../test-fixtures/pdf/table12-3-libreoffice.pdf")),
);

test("a limit shorter than the reading: the worker is stopped and pdf.time-limit answered", async () => {
  const r = await readPdfWithin(pdf, { timeLimitMs: 1 });
  assert.equal(r.value, null);
  assert.deepEqual(
    r.diagnostics.map((d) => [d.code, d.severity]),
    [["pdf.time-limit", "error"]],
  );
});

test("within the limit the worker reads what readPdf reads", async () => {
  const seen: number[] = [];
  const r = await readPdfWithin(pdf, { timeLimitMs: 600_000, onProgress: (f) => seen.push(f) });
  const direct = await readPdf(pdf);
  assert.ok(r.value && r.value.projects.length > 0);
  assert.deepEqual(r.value, direct.value);
  assert.ok(seen.length > 0, "progress crosses from the worker");
});
