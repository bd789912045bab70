/**
 * Child process for the kill-mid-import test: opens the database given by argv
 * (`pglite:<dir>` or `postgres:<url>:<schema>`), previews a generated document of 20 projects
 * as admin and commits it; once the projects are written (inside the transaction) it prints MID and
 * hangs, waiting to be killed.
 */
import { commitImport, previewImport } from "../commands/imports.ts";
import { openDatabase } from "../db/connect.ts";
import { seedDocument } from "../demo/load-demo.ts";
import type { Actor } from "../policies.ts";

const [target = ""] = process.argv.slice(2);
const database = target.startsWith("pglite:")
  ? await openDatabase({ dataDir: target.slice("pglite:".length) })
  : await openDatabase({ url: process.env.TEST_DATABASE_URL, schema: target.slice("postgres:".length) });
const admin = await database.db
  .selectFrom("users")
  .selectAll()
  .where("username", "=", "admin")
  .executeTakeFirstOrThrow();
const actor: Actor = {
  id: admin.id,
  username: "admin",
  displayName: "admin",
  role: "admin",
  regionCode: admin.region_code,
  deptCode: null,
  unitCode: null,
};
const doc = seedDocument();
const base = doc.projects[0];
if (!base) throw new Error("seed has no project");
doc.fiscalYear = 2025;
doc.projects = Array.from({ length: 20 }, (_, i) => ({ ...base, name: `中断导入 ${i}` }));
const ctx = { db: database.db, actor };
const preview = await previewImport(ctx, { bytes: new TextEncoder().encode(JSON.stringify(doc)), fileName: "k.json" });
// The probe runs after the first batch is written, inside the still-open transaction.
await commitImport(ctx, preview.previewId, async () => {
  process.stdout.write("MID\n");
  await new Promise(() => {}); // hang until killed
});
process.stdout.write("DONE\n");
