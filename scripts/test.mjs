#!/usr/bin/env node
// `npm test`: runs every *.test.ts under packages/, bench/, scripts/ and e2e/ with node's
// test runner (TypeScript through tsx). Suites that need a system package — Debian's
// chromium, a PostgreSQL server — run when it is present; when it is absent this prints
// loudly which suites were skipped and how to enable them. With JIXIAO_REQUIRE_ALL=1
// (set by .ci/run) a skip is a failure.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const requireAll = process.env.JIXIAO_REQUIRE_ALL === "1";
const filter = process.argv.slice(2);

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

function portOpen(host, port) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: 1000 });
    s.on("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.on("error", () => resolve(false));
    s.on("timeout", () => {
      s.destroy();
      resolve(false);
    });
  });
}

const env = { ...process.env };
const skipped = [];

// Browser suites: Debian's chromium.
const chromium = env.JIXIAO_CHROMIUM ?? "/usr/bin/chromium";
if (existsSync(chromium)) env.JIXIAO_CHROMIUM = chromium;
else {
  delete env.JIXIAO_CHROMIUM;
  skipped.push({
    what: "browser suites (PDF export/import, web e2e, accessibility)",
    fix: "apt-get update && apt-get install -y chromium fonts-noto-cjk",
  });
}

// OCR suites (scanned PDFs): Debian's tesseract with the simplified-Chinese model.
function onPath(cmd) {
  return (env.PATH ?? "").split(path.delimiter).some((d) => d && existsSync(path.join(d, cmd)));
}
if (onPath("tesseract") && existsSync("/usr/share/tesseract-ocr")) env.JIXIAO_TESSERACT = "1";
else {
  delete env.JIXIAO_TESSERACT;
  skipped.push({
    what: "OCR suites (scanned PDF pages)",
    fix: "apt-get update && apt-get install -y tesseract-ocr tesseract-ocr-chi-sim",
  });
}

// Office-printed PDF suites: LibreOffice (xlsx/docx → PDF) and poppler's pdftoppm.
if (onPath("soffice") && onPath("pdftoppm")) env.JIXIAO_LIBREOFFICE = "1";
else {
  delete env.JIXIAO_LIBREOFFICE;
  skipped.push({
    what: "LibreOffice-printed PDF suites (office PDFs made at test time)",
    fix: "apt-get update && apt-get install -y libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils",
  });
}

// PostgreSQL server suites.
if (!env.TEST_DATABASE_URL && (await portOpen("127.0.0.1", 5432))) {
  env.TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";
}
if (!env.TEST_DATABASE_URL) {
  skipped.push({
    what: "PostgreSQL-server suites (every DB test also runs on embedded PGlite)",
    fix: "apt-get update && apt-get install -y postgresql && pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
  });
}

// Suites over the project's shared corpora (../shared/real-world, next to the repository):
// present on the development machine, absent in a user's fresh clone. JIXIAO_SHARED is the
// folder when it is there; such suites use `test(..., { skip: !process.env.JIXIAO_SHARED && "…" })`.
const shared = env.JIXIAO_SHARED ?? path.resolve(root, "../shared");
if (existsSync(path.join(shared, "real-world"))) env.JIXIAO_SHARED = shared;
else {
  delete env.JIXIAO_SHARED;
  skipped.push({
    what: `suites over the shared real-world corpus (${path.join(shared, "real-world")} not found)`,
    fix: "put the corpus folder beside the repository, or set JIXIAO_SHARED=/path/to/shared",
    optional: true,
  });
}

function banner() {
  if (skipped.length === 0) return;
  const bar = "!".repeat(78);
  console.error(`\n${bar}`);
  for (const s of skipped) console.error(`!! SKIPPED: ${s.what}\n!!   enable with: ${s.fix}`);
  console.error(`${bar}\n`);
}

banner();
if (requireAll && skipped.some((s) => !s.optional)) {
  console.error("JIXIAO_REQUIRE_ALL=1: a skipped suite is a failure.");
  process.exit(1);
}

let files = ["packages", "bench", "scripts", "e2e"].flatMap((d) => walk(path.join(root, d), []));
if (filter.length) files = files.filter((f) => filter.some((x) => f.includes(x)));
files.sort();
if (files.length === 0) {
  console.error("no test files found");
  process.exit(1);
}

// scripts/test-run.mjs runs the files (longest first, JIXIAO_TEST_CONCURRENCY at a time); under
// tsx, so each file's process inherits `--import tsx`.
const r = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts/test-run.mjs"), ...files], {
  stdio: "inherit",
  env,
  cwd: root,
});
banner();
process.exit(r.status ?? 1);
