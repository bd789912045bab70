import assert from "node:assert/strict";
import test from "node:test";
import { sql } from "kysely";
import { bulkInsertProjects } from "../commands/bulk-insert.ts";
import { deleteProject, insertProject, listProjects, transition, updateTable } from "../commands/projects/index.ts";
import { seedDocument } from "../demo/load-demo.ts";
import type { Actor } from "../policies.ts";
import { DRIVERS } from "./test-databases.ts";

const admin: Actor = {
  id: 1,
  username: "admin",
  displayName: "admin",
  role: "admin",
  regionCode: "150100",
  deptCode: null,
  unitCode: null,
};

for (const driver of DRIVERS) {
  test(`project_counts stays equal to count(*) through inserts, transitions, edits and deletes (${driver.name})`, async () => {
    const d = await driver.open();
    try {
      const doc = seedDocument();
      const ctx = { db: d.db, actor: admin };
      const more = Array.from({ length: 30 }, (_, i) => ({
        ...(doc.projects[i % 4] as (typeof doc.projects)[number]),
        name: `p${i}`,
        unitCode: i % 3 ? "151001" : "152003",
      }));
      await d.db
        .transaction()
        .execute((trx) =>
          bulkInsertProjects(trx, null, { regionCode: "150100", fiscalYear: 2024, moneyUnit: "万元", projects: more }),
        );
      const one = await d.db
        .transaction()
        .execute((trx) =>
          insertProject(trx, null, { regionCode: "150100", fiscalYear: 2025, moneyUnit: "万元", project: more[0]! }),
        );
      // Counters, not the review gate, are under test here: let every finding pass.
      const none = { severity: { error: "none", warning: "none", info: "none" }, rules: {} };
      await d.db
        .insertInto("region_settings")
        .values({ region_code: "150100", key: "review.checks", value: JSON.stringify(none), updated_by: "test" })
        .execute();
      const ids = (await d.db.selectFrom("projects").select("id").orderBy("id").execute()).map((r) => r.id);
      for (const id of ids.slice(0, 10)) await transition(ctx, id, "submit");
      for (const id of ids.slice(0, 5)) await transition(ctx, id, "approve");
      for (const id of ids.slice(5, 8)) await transition(ctx, id, "return", { reason: "r" });
      const p = await listProjects(ctx, { unitCode: "151001", limit: 1 });
      const id = p.items[0]!.id;
      const cur = await d.db
        .selectFrom("table_versions")
        .select("doc")
        .where("project_id", "=", id)
        .executeTakeFirstOrThrow();
      if (["draft", "returned"].includes(p.items[0]!.status)) await updateTable(ctx, id, cur.doc as never);
      await deleteProject(ctx, ids[20]!);
      await deleteProject(ctx, one.id);
      const truth = await sql<{ k: string; n: number }>`
        select region_code || '/' || fiscal_year || '/' || unit_code || '/' || status as k, count(*)::int as n
        from projects group by 1 order by 1`.execute(d.db);
      const counted = await sql<{ k: string; n: number }>`
        select region_code || '/' || fiscal_year || '/' || unit_code || '/' || status as k, n
        from project_counts where n <> 0 order by 1`.execute(d.db);
      assert.deepEqual(counted.rows, truth.rows);
      // And the list's total agrees with a real count for every filter combination.
      for (const f of [
        {},
        { fiscalYear: 2024 },
        { status: "approved" },
        { deptCode: "151" },
        { deptCode: "15" },
        { unitCode: "152003" },
      ]) {
        const list = await listProjects(ctx, { ...f, limit: 500 });
        assert.equal(list.total, list.items.length, JSON.stringify(f));
      }
      for (const actor of [
        { ...admin, role: "dept_reviewer" as const, deptCode: "151" },
        { ...admin, role: "unit_staff" as const, unitCode: "152003" },
        { ...admin, role: "finance_reviewer" as const, regionCode: "150200" },
      ]) {
        const list = await listProjects({ db: d.db, actor }, { limit: 500 });
        assert.equal(list.total, list.items.length, actor.role);
      }
    } finally {
      await d.close();
    }
  });
}
