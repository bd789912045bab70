import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { arbitraryDocument } from "../export/document-arbitrary.ts";
import { readXlsx } from "./read-xlsx.ts";
import { writeXlsx } from "./write-xlsx.ts";

test("JSON → xlsx → JSON gives back the same document (generated departments)", async () => {
  await fc.assert(
    fc.asyncProperty(arbitraryDocument({ maxProjects: 4 }), async (doc) => {
      const back = await readXlsx(await writeXlsx(doc));
      assert.deepEqual(
        // A project printed with no indicators is read as such and flagged (honest results).
        back.diagnostics.filter((d) => d.severity === "error" && !d.code.endsWith(".project-no-indicators")),
        [],
      );
      assert.deepStrictEqual(back.value, doc);
    }),
    { numRuns: 60 },
  );
});
