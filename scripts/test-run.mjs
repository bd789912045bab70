// The runner behind `npm test` (scripts/test.mjs starts it under `node --import tsx` with the
// environment it prepared): node:test's run() over the files given, each file in its own
// process, JIXIAO_TEST_CONCURRENCY (default 2) at a time, reported by the spec reporter.
//
// Files start longest first (the longest-processing-time rule), so the run does not end on one
// long file while the other slot is idle: by the seconds the last runs recorded in
// .jixiao/test-times.json, else by what a file does (a browser suite, a suite on both databases or
// a system tool, or plain unit tests). node --test sorts its files by name; run() keeps this order.
// At the end it prints the slowest files and tests, so every log names the run's long poles.
//
// JIXIAO_TEST_RUN_DIR is a fresh folder for this run, removed at the end: test support keeps what
// it makes once per run there (the database templates of packages/server/src/db/test-templates.ts
// and test-pg-templates.ts); PostgreSQL template databases listed there are dropped at the end.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { run } from "node:test";
import { spec } from "node:test/reporters";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const TIMES = path.join(ROOT, ".jixiao/test-times.json");
const SHOW = 12;

function readTimes() {
  try {
    return JSON.parse(readFileSync(TIMES, "utf8"));
  } catch {
    return {};
  }
}

/** Seconds a file is expected to take: recorded, else a rough class by what it starts. */
function expected(file, times) {
  const rel = path.relative(ROOT, file);
  if (typeof times[rel] === "number") return times[rel];
  if (rel.startsWith("e2e/")) return 120;
  const src = readFileSync(file, "utf8");
  if (/\bDRIVERS\b|openTestApp\(|startServer\(|JIXIAO_(CHROMIUM|LIBREOFFICE|TESSERACT)/.test(src)) return 20;
  return 2;
}

const times = readTimes();
const files = process.argv
  .slice(2)
  .map((f) => ({ f, s: expected(f, times) }))
  .sort((a, b) => b.s - a.s || a.f.localeCompare(b.f))
  .map((x) => x.f);
const concurrency = Math.max(1, Number(process.env.JIXIAO_TEST_CONCURRENCY) || 2);

const started = new Map();
const fileSeconds = new Map();
const slowTests = [];
const t0 = Date.now();
const isFile = (d) => d.nesting === 0 && d.name === d.file;

const runDir = mkdtempSync(path.join(os.tmpdir(), "jixiao-test-run-"));
process.env.JIXIAO_TEST_RUN_DIR = runDir; // the files' processes inherit it
const removeRunDir = () => rmSync(runDir, { recursive: true, force: true });
process.on("exit", removeRunDir);
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    removeRunDir();
    process.exit(128 + os.constants.signals[signal]);
  });

const stream = run({ files, concurrency });
stream.on("test:dequeue", (d) => {
  if (isFile(d)) started.set(d.file, Date.now());
});
stream.on("test:complete", (d) => {
  if (isFile(d)) fileSeconds.set(d.file, (Date.now() - (started.get(d.file) ?? t0)) / 1000);
});
stream.on("test:fail", (d) => {
  if (!d.todo) process.exitCode = 1;
});
for (const type of ["test:pass", "test:fail"]) {
  stream.on(type, (d) => {
    if (!isFile(d) && d.file && d.details?.duration_ms)
      slowTests.push({ name: `${path.relative(ROOT, d.file)} › ${d.name}`, s: d.details.duration_ms / 1000 });
  });
}
const reported = stream.compose(spec);
reported.pipe(process.stdout);
/** Drops the PostgreSQL template databases test support made in this run (test-pg-templates.ts). */
async function dropPostgresTemplates() {
  const list = path.join(runDir, "pg-templates");
  const url = process.env.TEST_DATABASE_URL;
  if (!url || !existsSync(list)) return;
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    for (const name of readFileSync(list, "utf8").split("\n").filter(Boolean))
      await c.query(`drop database if exists "${name.replace(/"/g, "")}" with (force)`);
  } catch (e) {
    console.error(`could not drop this run's template databases: ${e.message}`);
  } finally {
    await c.end().catch(() => {});
  }
}

reported.on("end", async () => {
  await dropPostgresTemplates();
  const byFile = [...fileSeconds].map(([f, s]) => [path.relative(ROOT, f), s]).sort((a, b) => b[1] - a[1]);
  const fmt = (s) => `${s.toFixed(1).padStart(7)} s`;
  const sum = byFile.reduce((n, [, s]) => n + s, 0);
  const lines = [
    `\n── ${byFile.length} files in ${((Date.now() - t0) / 60000).toFixed(1)} min, ${concurrency} at a time ` +
      `(${(sum / 60).toFixed(1)} file-minutes) ──`,
    "slowest files:",
    ...byFile.slice(0, SHOW).map(([f, s]) => `${fmt(s)}  ${f}`),
    "slowest tests:",
    ...slowTests
      .sort((a, b) => b.s - a.s)
      .slice(0, SHOW)
      .map((t) => `${fmt(t.s)}  ${t.name}`),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  // Merged with earlier runs, so a run of a few files keeps the others' times.
  const merged = { ...readTimes() };
  for (const [f, s] of byFile) merged[f] = Math.round(s * 10) / 10;
  if (!existsSync(path.dirname(TIMES))) mkdirSync(path.dirname(TIMES), { recursive: true });
  writeFileSync(TIMES, `${JSON.stringify(merged, Object.keys(merged).sort(), 1)}\n`);
});
