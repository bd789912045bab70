/**
 * The test database templates (test-templates.ts): every database opened from a template is its
 * own copy, a derived template's `prepare` runs once and is published in the run's folder.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import test, { after } from "node:test";
import { defineTemplate, MIGRATED, openFromTemplate } from "./test-templates.ts";

// Run alone (not under scripts/test-run.mjs), this file makes its own run folder and removes it.
const own = !process.env.JIXIAO_TEST_RUN_DIR;
if (own) process.env.JIXIAO_TEST_RUN_DIR = mkdtempSync(path.join(tmpdir(), "jixiao-test-run-"));
const RUN_DIR = process.env.JIXIAO_TEST_RUN_DIR as string;
after(() => {
  if (own) rmSync(RUN_DIR, { recursive: true, force: true });
});

const regionNames = async (d: Awaited<ReturnType<typeof openFromTemplate>>) =>
  (await d.db.selectFrom("regions").select("name").execute()).map((r) => r.name).sort();

test("databases from one template are separate copies, migrated and empty", async () => {
  const a = await openFromTemplate(MIGRATED);
  const b = await openFromTemplate(MIGRATED);
  try {
    assert.equal(a.kind, "pglite");
    assert.ok(a.migration.count > 0);
    await a.db.insertInto("regions").values({ region_code: "r1", fiscal_year: 2024, name: "只在 a" }).execute();
    assert.deepEqual(await regionNames(a), ["只在 a"]);
    assert.deepEqual(await regionNames(b), []);
  } finally {
    await a.close();
    await b.close();
  }
  const c = await openFromTemplate(MIGRATED);
  try {
    assert.deepEqual(await regionNames(c), [], "a closed copy's writes never reach the template");
  } finally {
    await c.close();
  }
});

test("a derived template: prepare runs once, is published in the run's folder, every copy starts in its state", async () => {
  let prepared = 0;
  const t = defineTemplate(`templates-test-${process.pid}`, async (d) => {
    prepared++;
    await d.db.insertInto("regions").values({ region_code: "r2", fiscal_year: 2024, name: "模板里的" }).execute();
  });
  const a = await openFromTemplate(t);
  const b = await openFromTemplate(t);
  try {
    assert.equal(prepared, 1);
    assert.ok(existsSync(path.join(RUN_DIR, `pglite-${t.name}.tar`)));
    await b.db.insertInto("regions").values({ region_code: "r3", fiscal_year: 2024, name: "只在 b" }).execute();
    assert.deepEqual(await regionNames(a), ["模板里的"]);
    assert.deepEqual(await regionNames(b), ["只在 b", "模板里的"]);
  } finally {
    await a.close();
    await b.close();
  }
});
