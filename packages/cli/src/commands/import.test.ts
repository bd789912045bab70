// `jixiao import`: the seed to JSON on stdout with the repair log on stderr; -o; --log json;
// exit 2 with a one-line message on unreadable input.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const BIN = path.join(ROOT, "packages/cli/bin/jixiao.js");
const SEED = path.resolve(ROOT, "examples/seed-2024-hohhot-union.txt");

async function jixiao(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

test("import the seed: JSON document on stdout, repair log on stderr, exit 0", async () => {
  const r = await jixiao(["import", SEED]);
  assert.equal(r.code, 0);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.format, "jixiao.targets/1");
  assert.equal(doc.projects.length, 4);
  assert.equal(
    doc.projects.reduce((n: number, p: { indicators: unknown[] }) => n + p.indicators.length, 0),
    59,
  );
  assert.match(r.stderr, /text\.row-reattached/);
  assert.match(r.stderr, /text\.header-repeated/);
});

test("import -o writes the file; --log json prints machine-readable diagnostics", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-"));
  const out = path.join(dir, "seed.json");
  const r = await jixiao(["import", SEED, "-o", out, "--log", "json"]);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, "");
  assert.equal(JSON.parse(readFileSync(out, "utf8")).projects.length, 4);
  const log = JSON.parse(r.stderr);
  assert.ok(
    log.diagnostics.some((d: { code: string; line: number }) => d.code === "text.header-repeated" && d.line === 28),
  );
});

test("the JSON written by import reads back through import unchanged", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-"));
  const a = path.join(dir, "a.json");
  await jixiao(["import", SEED, "-o", a]);
  const r = await jixiao(["import", a]);
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout), JSON.parse(readFileSync(a, "utf8")));
});

test("unreadable input: exit 2 and a one-line human message", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-"));
  const garbage = path.join(dir, "garbage.txt");
  writeFileSync(garbage, Buffer.from([0, 1, 2, 3, 255, 254, 0, 7]));
  const r = await jixiao(["import", garbage]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, "");
  const last = r.stderr.trim().split("\n").at(-1)!;
  assert.match(last, /^jixiao import: .*(binary|二进制)/);
  const missing = await jixiao(["import", path.join(dir, "nope.txt")]);
  assert.equal(missing.code, 2);
  const empty = path.join(dir, "empty.txt");
  writeFileSync(empty, "");
  assert.equal((await jixiao(["import", empty])).code, 2);
});

test("bad usage exits 2", async () => {
  assert.equal((await jixiao(["import"])).code, 2);
  assert.equal((await jixiao(["no-such-command"])).code, 2);
});
