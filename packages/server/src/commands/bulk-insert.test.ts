import assert from "node:assert/strict";
import test from "node:test";
import { DRIVERS } from "../db/test-databases.ts";
import { seedDocument } from "../demo/load-demo.ts";
import { bulkInsertProjects } from "./bulk-insert.ts";
import { insertProject } from "./projects/index.ts";

for (const driver of DRIVERS) {
  test(`bulk insert writes the same rows as one-by-one insertion (${driver.name})`, async () => {
    const d = await driver.open();
    try {
      const doc = seedDocument();
      const one = await d.db.transaction().execute(async (trx) => {
        const out = [];
        for (const p of doc.projects) {
          out.push(
            await insertProject(trx, null, { regionCode: "A", fiscalYear: 2024, moneyUnit: "万元", project: p }),
          );
        }
        return out;
      });
      const bulk = await d.db.transaction().execute((trx) =>
        bulkInsertProjects(trx, null, {
          regionCode: "B",
          fiscalYear: 2024,
          moneyUnit: "万元",
          projects: doc.projects,
        }),
      );
      assert.equal(bulk.length, one.length);
      const strip = (r: Record<string, unknown>) => {
        const { id, region_code, created_at, updated_at, ...rest } = r;
        return rest;
      };
      assert.deepEqual(bulk.map(strip), one.map(strip));
      for (const region of ["A", "B"]) {
        const inds = await d.db
          .selectFrom("indicators")
          .select(["level1", "level2", "name", "nature", "operator", "target", "unit", "weight"])
          .where("region_code", "=", region)
          .orderBy("project_id")
          .orderBy("idx")
          .execute();
        const expected = doc.projects.flatMap((p) =>
          p.indicators.map((i) => [i.level1, i.level2, i.name, i.nature, i.operator, i.target, i.unit, i.weight]),
        );
        assert.deepEqual(
          inds.map((i) => [i.level1, i.level2, i.name, i.nature, i.operator, i.target, i.unit, Number(i.weight)]),
          expected,
        );
        const docs = await d.db
          .selectFrom("table_versions")
          .select("doc")
          .where("region_code", "=", region)
          .orderBy("project_id")
          .execute();
        // Both paths give every row a stable indicator id (random, so compared apart).
        const stored = docs.map((v) => v.doc as (typeof doc.projects)[number]);
        assert.ok(stored.every((p) => p.indicators.every((i) => typeof i.id === "string" && i.id.length > 0)));
        assert.deepEqual(
          stored.map((p) => ({ ...p, indicators: p.indicators.map(({ id: _id, ...i }) => i) })),
          doc.projects,
        );
      }
    } finally {
      await d.close();
    }
  });
}
