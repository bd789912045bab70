/**
 * Server benchmark (`npm run bench -- server`):
 * 1. Bulk import of a generated region with ≥ 500,000 indicators into PostgreSQL (the import
 *    command's bulk path, one transaction) beside `COPY` of the very same rows into a fresh
 *    schema in the same run → ratio (COPY time ÷ import time; target ≥ 0.5).
 * 2. API latency p50/p99 for listing and opening projects under 50 concurrent keep-alive
 *    clients, over that data, with GET /api/health under the same load as the baseline.
 * 3. The same on embedded PGlite over the largest data that imports in reasonable time.
 * PostgreSQL parts need TEST_DATABASE_URL (or DATABASE_URL) and a local server (COPY uses
 * server-side files); they are skipped with a message otherwise.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Project } from "@jixiao/core";
import { sql } from "kysely";
import pg from "pg";
import { buildApp } from "../packages/server/src/app.ts";
import { bulkInsertProjects } from "../packages/server/src/commands/bulk-insert.ts";
import { ensureOrg, insertUser } from "../packages/server/src/commands/org.ts";
import { type Database, openDatabase } from "../packages/server/src/db/connect.ts";
import { generateDepartment } from "./generator/department.ts";

const REGION = "150100";
const YEAR = 2024;
const CLIENTS = 50;
const SECONDS = Number(process.env.JIXIAO_BENCH_SECONDS ?? 5);

function generateRegion(minIndicators: number): Project[] {
  const out: Project[] = [];
  let n = 0;
  let seed = 1;
  let dept = 100;
  while (n < minIndicators) {
    const doc = generateDepartment(seed++, { projects: 200, total: 90 });
    dept++;
    for (const p of doc.projects) {
      // Distinct department codes per generated department; units stay inside it.
      const unitCode = `${dept}${p.unitCode.slice(3)}`;
      out.push({ ...p, unitCode });
      n += p.indicators.length;
      if (n >= minIndicators) break;
    }
  }
  return out;
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function importRegion(d: Database, projects: Project[]): Promise<number> {
  const units = new Map(projects.map((p) => [p.unitCode, p.unitName]));
  await d.db.transaction().execute(async (trx) => {
    for (const [code, name] of units) {
      await ensureOrg(trx, null, {
        regionCode: REGION,
        fiscalYear: YEAR,
        deptCode: code.slice(0, 3),
        unitCode: code,
        unitName: name,
      });
    }
  });
  const t0 = process.hrtime.bigint();
  await d.db.transaction().execute((trx) =>
    bulkInsertProjects(trx, null, {
      regionCode: REGION,
      fiscalYear: YEAR,
      moneyUnit: "万元",
      projects,
      status: "approved",
    }),
  );
  return ms(t0);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

type LoadResult = { p50: number; p99: number; rps: number; errors: number };

/** The load generator: CLIENTS keep-alive loops for SECONDS after a 1 s warm-up. */
async function loadLoop(base: string, cookie: string, nextUrl: () => string, seconds: number): Promise<LoadResult> {
  const lat: number[] = [];
  let errors = 0;
  const warm = Date.now() + 1000;
  const end = warm + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < end) {
        const t0 = process.hrtime.bigint();
        const r = await fetch(base + nextUrl(), { headers: { cookie } });
        await r.arrayBuffer();
        if (Date.now() < warm) continue;
        lat.push(ms(t0));
        if (r.status !== 200) errors++;
      }
    }),
  );
  lat.sort((a, b) => a - b);
  return { p50: percentile(lat, 50), p99: percentile(lat, 99), rps: lat.length / seconds, errors };
}

function urlsFor(mode: string): () => string {
  const [kind, x = "1", y = "1"] = mode.split(":");
  if (kind === "list")
    return () => `/api/v1/projects?fiscalYear=${YEAR}&limit=50&offset=${50 * Math.floor(Math.random() * Number(x))}`;
  if (kind === "open")
    return () => `/api/v1/projects/${Number(x) + Math.floor(Math.random() * (Number(y) - Number(x) + 1))}`;
  return () => "/api/health";
}

/** Runs the load generator in a separate process so it does not share the server's event loop. */
function load(base: string, cookie: string, mode: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", fileURLToPath(import.meta.url), "--load-client", base, cookie, mode, String(SECONDS)],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (b) => {
      out += String(b);
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load client exited ${code}`)),
    );
  });
}

if (process.argv[2] === "--load-client") {
  const [, , , base = "", cookie = "", mode = "health", seconds = "5"] = process.argv;
  process.stdout.write(JSON.stringify(await loadLoop(base, cookie, urlsFor(mode), Number(seconds))));
}

async function apiLatency(label: string, d: Database): Promise<void> {
  const user = await d.db.transaction().execute((trx) =>
    insertUser(trx, null, REGION, {
      username: `bench_fin_${randomBytes(3).toString("hex")}`,
      password: "bench-password",
      role: "finance_reviewer",
    }),
  );
  const ids = (await d.db.selectFrom("projects").select("id").where("region_code", "=", REGION).execute()).map(
    (r) => r.id,
  );
  const app = await buildApp({ database: d, webDist: null });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    const login = await fetch(`${address}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: user.username, password: "bench-password" }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const pages = Math.max(1, Math.floor(ids.length / 50));
    const health = await load(address, cookie, "health");
    const first = await load(address, cookie, "list:1");
    const list = await load(address, cookie, `list:${pages}`);
    const open = await load(address, cookie, `open:${Math.min(...ids)}:${Math.max(...ids)}`);
    const row = (name: string, r: typeof health) =>
      `  ${name.padEnd(22)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  ${r.rps.toFixed(0).padStart(6)} req/s  errors ${r.errors}`;
    console.log(
      `${label}: ${ids.length} projects, ${CLIENTS} concurrent clients, ${SECONDS} s each (load generator in its own process)`,
    );
    console.log(row("GET /api/health (base)", health));
    console.log(row("list, first page", first));
    console.log(row("list, random page", list));
    console.log(row("open a project", open));
    console.log(
      `  ratio p99 vs baseline: first page ${(first.p99 / health.p99).toFixed(2)}×, random page ${(list.p99 / health.p99).toFixed(2)}×, open ${(open.p99 / health.p99).toFixed(2)}×; target p99 < 50 ms: first page ${first.p99 < 50 ? "met" : "NOT met"}, random page ${list.p99 < 50 ? "met" : "NOT met"}, open ${open.p99 < 50 ? "met" : "NOT met"}`,
    );
  } finally {
    await app.close();
  }
}

async function postgresPart(url: string): Promise<void> {
  const projects = generateRegion(Number(process.env.JIXIAO_BENCH_PG_INDICATORS ?? 500_000));
  const indicators = projects.reduce((s, p) => s + p.indicators.length, 0);
  console.log(`generated region: ${projects.length} projects, ${indicators} indicators`);
  const a = `bench_imp_${randomBytes(3).toString("hex")}`;
  const b = `bench_copy_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const dir = "/tmp";
  const files: string[] = [];
  let imp: Database | null = null;
  try {
    imp = await openDatabase({ url, schema: a, poolSize: 20 });
    const tImport = await importRegion(imp, projects);
    const copyDb = await openDatabase({ url, schema: b });
    await copyDb.close();
    const tables = ["projects", "table_versions", "indicators", "audit_log"];
    let rows = 0;
    for (const t of tables) {
      const f = path.join(dir, `${a}_${t}.copy`);
      files.push(f);
      await admin.query(`copy (select * from "${a}"."${t}") to '${f}'`);
    }
    // The counter triggers on projects resolve their table through the search path.
    await admin.query(`set search_path to "${b}"`);
    const t0 = process.hrtime.bigint();
    await admin.query("begin");
    for (const [i, t] of tables.entries()) {
      const r = await admin.query(`copy "${b}"."${t}" from '${files[i]}'`);
      rows += r.rowCount ?? 0;
    }
    await admin.query("commit");
    const tCopy = ms(t0);
    console.log(
      `PostgreSQL bulk import (one transaction): ${(tImport / 1000).toFixed(2)} s = ${((indicators / tImport) * 1000).toFixed(0)} indicators/s`,
    );
    console.log(`PostgreSQL COPY of the same ${rows} rows: ${(tCopy / 1000).toFixed(2)} s`);
    console.log(
      `  ratio COPY time ÷ import time: ${(tCopy / tImport).toFixed(2)} (target ≥ 0.5: ${tCopy / tImport >= 0.5 ? "met" : "NOT met"})`,
    );
    await sql`vacuum analyze`.execute(imp.db);
    await apiLatency("PostgreSQL API", imp);
  } finally {
    await imp?.close();
    await admin.query("rollback").catch(() => {});
    await admin.query(`drop schema if exists "${a}" cascade`);
    await admin.query(`drop schema if exists "${b}" cascade`);
    await admin.end();
    for (const f of files) rmSync(f, { force: true });
  }
}

async function pglitePart(): Promise<void> {
  const projects = generateRegion(Number(process.env.JIXIAO_BENCH_PGLITE_INDICATORS ?? 100_000));
  const indicators = projects.reduce((s, p) => s + p.indicators.length, 0);
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-bench-"));
  try {
    const d = await openDatabase({ dataDir: dir });
    try {
      const t = await importRegion(d, projects);
      console.log(
        `PGlite bulk import: ${projects.length} projects, ${indicators} indicators in ${(t / 1000).toFixed(2)} s = ${((indicators / t) * 1000).toFixed(0)} indicators/s`,
      );
      await apiLatency("PGlite API", d);
    } finally {
      await d.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function (): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (url) await postgresPart(url);
  else console.log("PostgreSQL part skipped: set TEST_DATABASE_URL (a local server; COPY uses server-side files)");
  await pglitePart();
}
