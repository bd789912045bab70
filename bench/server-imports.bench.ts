/**
 * Server under mixed load (`npm run bench -- server`): 50 readers listing projects while three
 * users import large damaged texts at the same time (preview in the worker pool, then commit).
 * Prints the readers' p50/p99 alone (the baseline, same run) and during the imports, and each
 * import's preview and commit times — on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
 * The load generator runs in its own process (server.bench.ts --load-client).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "../packages/server/src/app.ts";
import { bulkInsertProjects } from "../packages/server/src/commands/bulk-insert.ts";
import { ensureOrg, insertUser } from "../packages/server/src/commands/org.ts";
import { type Database, openDatabase } from "../packages/server/src/db/connect.ts";
import { generateDepartment } from "./generator/department.ts";
import { printText } from "./generator/print-text.ts";

const REGION = "150100";
const YEAR = 2024;
const SECONDS = Number(process.env.JIXIAO_BENCH_SECONDS ?? 5);
/** Projects per imported file (≈ 1.4 KB of text each: 2,000 ≈ 2.8 MB). */
const IMPORT_PROJECTS = Number(process.env.JIXIAO_BENCH_IMPORT_PROJECTS ?? 2000);
const LOAD_CLIENT = fileURLToPath(new URL("./server.bench.ts", import.meta.url));

type LoadResult = { p50: number; p99: number; rps: number; errors: number };

function load(base: string, cookie: string, mode: string, seconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", LOAD_CLIENT, "--load-client", base, cookie, mode, String(seconds)],
      { stdio: ["ignore", "pipe", "inherit"] },
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

async function seedRegion(d: Database): Promise<number> {
  const doc = generateDepartment(7, { projects: 1000, total: 90 });
  await d.db.transaction().execute(async (trx) => {
    for (const code of new Set(doc.projects.map((p) => p.unitCode)))
      await ensureOrg(trx, null, {
        regionCode: REGION,
        fiscalYear: YEAR,
        deptCode: code.slice(0, 3),
        unitCode: code,
        unitName: doc.projects.find((p) => p.unitCode === code)?.unitName ?? code,
      });
    await bulkInsertProjects(trx, null, {
      regionCode: REGION,
      fiscalYear: YEAR,
      moneyUnit: "万元",
      projects: doc.projects,
      status: "approved",
    });
  });
  return doc.projects.length;
}

async function login(base: string, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
  return {
    cookie: (r.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
    csrf: ((await r.json()) as { csrfToken: string }).csrfToken,
  };
}

/** One user's import: preview (upload, worker pool) then commit; times in ms. */
async function importOne(
  base: string,
  who: { cookie: string; csrf: string },
  text: string,
  name: string,
): Promise<{ preview: number; commit: number; projects: number; status: string }> {
  const form = new FormData();
  form.append("file", new Blob([text]), name);
  const t0 = performance.now();
  const p = await fetch(`${base}/api/v1/imports/preview?fiscalYear=${YEAR}`, {
    method: "POST",
    headers: { cookie: who.cookie, "x-csrf-token": who.csrf },
    body: form,
  });
  const pj = (await p.json()) as { previewId?: string; totals?: { projects: number }; error?: { code: string } };
  const preview = performance.now() - t0;
  if (p.status !== 200 || !pj.previewId)
    return { preview, commit: 0, projects: 0, status: `preview ${p.status} ${pj.error?.code ?? ""}` };
  const t1 = performance.now();
  const c = await fetch(`${base}/api/v1/imports/${pj.previewId}/commit`, {
    method: "POST",
    headers: { cookie: who.cookie, "x-csrf-token": who.csrf, "content-type": "application/json" },
    body: "{}",
  });
  const cj = (await c.json()) as { created?: unknown[]; error?: { code: string } };
  return {
    preview,
    commit: performance.now() - t1,
    projects: cj.created?.length ?? 0,
    status: c.status === 201 ? "ok" : `commit ${c.status} ${cj.error?.code ?? ""}`,
  };
}

async function mixed(label: string, d: Database): Promise<void> {
  const seeded = await seedRegion(d);
  const tag = randomBytes(3).toString("hex");
  const reader = `bench_read_${tag}`;
  const importers = [1, 2, 3].map((i) => `bench_imp${i}_${tag}`);
  await d.db.transaction().execute(async (trx) => {
    await insertUser(trx, null, REGION, {
      username: reader,
      password: "bench-password-long",
      role: "finance_reviewer",
    });
    for (const u of importers)
      await insertUser(trx, null, REGION, { username: u, password: "bench-password-long", role: "admin" });
  });
  const texts = [11, 12, 13].map((seed) => printText(generateDepartment(seed, { projects: IMPORT_PROJECTS }), seed));
  const app = await buildApp({ database: d, webDist: null });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    const r = await login(base, reader, "bench-password-long");
    const who = await Promise.all(importers.map((u) => login(base, u, "bench-password-long")));
    const pages = Math.max(1, Math.floor(seeded / 50));
    const alone = await load(base, r.cookie, `list:${pages}`, SECONDS);
    const window = Number(process.env.JIXIAO_BENCH_MIXED_SECONDS ?? 60);
    const t0 = performance.now();
    const [during, ...imports] = await Promise.all([
      load(base, r.cookie, `list:${pages}`, window),
      ...texts.map((text, i) => importOne(base, who[i] as { cookie: string; csrf: string }, text, `dept${i}.txt`)),
    ]);
    const importsMs = performance.now() - t0;
    const mb = (texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / 3 / 1024 / 1024).toFixed(1);
    const row = (name: string, x: LoadResult) =>
      `  ${name.padEnd(34)} p50 ${x.p50.toFixed(1).padStart(7)} ms  p99 ${x.p99.toFixed(1).padStart(7)} ms  ${x.rps.toFixed(0).padStart(5)} req/s  errors ${x.errors}`;
    console.log(
      `${label}: ${seeded} projects; 50 readers (list, random page) + 3 imports of ${mb} MB texts (${IMPORT_PROJECTS} projects each)`,
    );
    console.log(row(`readers alone (${SECONDS} s, baseline)`, alone));
    console.log(row(`readers during imports (${window} s)`, during));
    for (const [i, x] of imports.entries())
      console.log(
        `  import ${i + 1}: preview ${(x.preview / 1000).toFixed(1)} s, commit ${(x.commit / 1000).toFixed(1)} s, ${x.projects} projects, ${x.status}`,
      );
    console.log(
      `  all three imports done in ${(importsMs / 1000).toFixed(1)} s${importsMs / 1000 > window + 1 ? " (longer than the reader window: later commits not under reader load)" : ""}; reader p99 ratio during/alone ${(during.p99 / alone.p99).toFixed(1)}×`,
    );
  } finally {
    await app.close();
  }
}

export default async function (): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (url) {
    const schema = `bench_mix_${randomBytes(3).toString("hex")}`;
    const d = await openDatabase({ url, schema, poolSize: 20 });
    try {
      await mixed("PostgreSQL mixed load", d);
    } finally {
      await d.close();
      const pg = (await import("pg")).default;
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists "${schema}" cascade`);
      await c.end();
    }
  } else console.log("PostgreSQL mixed-load part skipped: set TEST_DATABASE_URL");
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-bench-mix-"));
  try {
    const d = await openDatabase({ dataDir: dir });
    try {
      await mixed("PGlite mixed load", d);
    } finally {
      await d.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
