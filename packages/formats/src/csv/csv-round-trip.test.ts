import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { arbitraryDocument } from "../export/document-arbitrary.ts";
import { readCsv } from "./read-csv.ts";
import { writeCsv } from "./write-csv.ts";

test("JSON → CSV → JSON gives back the same document (generated departments)", () => {
  fc.assert(
    fc.property(arbitraryDocument(), (doc) => {
      const back = readCsv(writeCsv(doc));
      assert.deepEqual(
        // A project printed with no indicators is read as such and flagged (honest results).
        back.diagnostics.filter((d) => d.severity === "error" && !d.code.endsWith(".project-no-indicators")),
        [],
      );
      assert.deepStrictEqual(back.value, doc);
    }),
    { numRuns: 150 },
  );
});
