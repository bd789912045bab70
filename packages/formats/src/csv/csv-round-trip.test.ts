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
        back.diagnostics.filter((d) => d.severity === "error"),
        [],
      );
      assert.deepStrictEqual(back.value, doc);
    }),
    { numRuns: 150 },
  );
});
