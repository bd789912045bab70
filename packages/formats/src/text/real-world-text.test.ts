// The text containers of the real tables in ../shared/real-world: each folder's as-found.txt
// (what a web copy of the published page gives) and, where a PDF is given, its
// `pdftotext -layout` output, read by readText and checked against the folder's truth.json with
// the corpus's own checker (compare_real.py). Skips loudly without ../shared, python3 or pdftotext.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { readText } from "./read-text.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../../shared/real-world");
const HAVE_SHARED = existsSync(path.join(ROOT, "compare_real.py"));
const HAVE_PYTHON = spawnSync("python3", ["--version"]).status === 0;
const HAVE_PDFTOTEXT = spawnSync("pdftotext", ["-v"]).status === 0;
if (!HAVE_SHARED) console.warn(`SKIPPED real-world text tests: ${ROOT} not found`);
else if (!HAVE_PYTHON) console.warn("SKIPPED real-world text tests: python3 not found (compare_real.py needs it)");
if (HAVE_SHARED && !HAVE_PDFTOTEXT) console.warn("SKIPPED pdftotext -layout real-world tests: pdftotext not found");

/** Runs compare_real.py on a reading; returns its last line (E/T indicators exact, P/Q projects, N problems). */
function compare(folder: string, text: string): { line: string; ok: boolean } {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-real-"));
  try {
    const out = path.join(dir, "out.json");
    writeFileSync(out, JSON.stringify(readText(text).value ?? {}));
    const r = spawnSync("python3", [path.join(ROOT, "compare_real.py"), path.join(ROOT, folder, "truth.json"), out], {
      encoding: "utf8",
    });
    const line = r.stdout.trim().split("\n").at(-1) ?? "";
    return { line, ok: r.status === 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const folders = HAVE_SHARED ? readdirSync(ROOT).filter((f) => existsSync(path.join(ROOT, f, "as-found.txt"))) : [];

/** As-found texts that are tables (pipes, one cell per line); a text flattened to one line with no cell separators is not. */
function isTable(text: string): boolean {
  return text.split("\n").filter((l) => l.trim() !== "").length > 5;
}

for (const folder of folders) {
  const text = readFileSync(path.join(ROOT, folder, "as-found.txt"), "utf8");
  const what = isTable(text)
    ? "reads exact against truth.json"
    : "is no table (one flattened line): an error, not a guess";
  test(`real world ${folder}: as-found.txt (web copy) ${what}`, { skip: !HAVE_PYTHON && "python3 not found" }, () => {
    const { line, ok } = compare(folder, text);
    console.log(`${folder} as-found.txt: ${line}`);
    if (isTable(text)) assert.ok(ok, `${folder}: ${line}`);
    else
      assert.ok(
        readText(text).diagnostics.some((d) => d.severity === "error"),
        `${folder}: unreadable, and says so`,
      );
  });
}

for (const folder of folders)
  for (const pdf of readdirSync(path.join(ROOT, folder)).filter((f) => f.endsWith(".pdf")))
    test(`real world ${folder}: pdftotext -layout of ${pdf} reads exact against truth.json`, {
      skip: (!HAVE_PYTHON && "python3 not found") || (!HAVE_PDFTOTEXT && "pdftotext not found"),
    }, () => {
      const text = execFileSync("pdftotext", ["-layout", path.join(ROOT, folder, pdf), "-"], { encoding: "utf8" });
      const { line, ok } = compare(folder, text);
      console.log(`${folder} ${pdf} (pdftotext -layout): ${line}`);
      assert.ok(ok, `${folder}: ${line}`);
    });
