/**
 * Kill the server process in the middle of an import's commit (SIGKILL, no clean-up), reopen
 * the database and find nothing partial: the import is all or nothing.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import test from "node:test";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openDatabase } from "./db/connect.ts";
import { bootstrap } from "./start.ts";

const CHILD = fileURLToPath(new URL("./testing/import-child.ts", import.meta.url));

function runUntilMid(target: string): Promise<{ sawMid: boolean; code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, target], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let sawMid = false;
    child.stdout.on("data", (b) => {
      out += String(b);
      if (!sawMid && out.includes("MID")) {
        sawMid = true;
        child.kill("SIGKILL");
      }
    });
    child.stderr.on("data", (b) => {
      err += String(b);
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (!sawMid) reject(new Error(`child ended without MID: ${code} ${err}`));
      else resolve({ sawMid, code, signal });
    });
  });
}

async function countInterrupted(
  open: () => ReturnType<typeof openDatabase>,
): Promise<{ projects: number; units: number }> {
  const d = await open();
  try {
    const p = await d.db.selectFrom("projects").select("id").where("name", "like", "中断导入%").execute();
    const u = await d.db.selectFrom("units").select("code").where("fiscal_year", "=", 2025).execute();
    return { projects: p.length, units: u.length };
  } finally {
    await d.close();
  }
}

test("kill -9 mid-import on PGlite: nothing partial after restart", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-kill-"));
  try {
    const d = await openDatabase({ dataDir: dir });
    await bootstrap(d, { demo: false, adminPassword: "admin-password-1" });
    await d.close();
    const r = await runUntilMid(`pglite:${dir}`);
    assert.equal(r.signal, "SIGKILL");
    assert.deepEqual(await countInterrupted(() => openDatabase({ dataDir: dir })), { projects: 0, units: 0 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("kill -9 mid-import on PostgreSQL: nothing partial", {
  skip: !process.env.TEST_DATABASE_URL && "TEST_DATABASE_URL unset",
}, async () => {
  const url = process.env.TEST_DATABASE_URL as string;
  const schema = `k_${process.pid}_${randomBytes(4).toString("hex")}`;
  try {
    const d = await openDatabase({ url, schema });
    await bootstrap(d, { demo: false, adminPassword: "admin-password-1" });
    await d.close();
    const r = await runUntilMid(`postgres:${schema}`);
    assert.equal(r.signal, "SIGKILL");
    assert.deepEqual(await countInterrupted(() => openDatabase({ url, schema })), { projects: 0, units: 0 });
  } finally {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop schema if exists "${schema}" cascade`);
    await c.end();
  }
});
