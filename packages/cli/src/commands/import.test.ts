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

/** A small HTML page: a form block over an indicator grid, rows given as cell texts. */
function page(rows: string[][]): string {
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>
<p>项目支出绩效目标表</p><table border="1">${tr}</table></body></html>`;
}

test("an HTML table reads (exit 0) and a table read with a blank target exits 1 naming the cell", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-"));
  const good = path.join(dir, "good.html");
  const head = [
    ["项目名称", "道路养护", "", ""],
    ["项目总预算", "120万元", "", ""],
    ["一级指标", "二级指标", "三级指标", "指标值"],
  ];
  writeFileSync(good, page([...head, ["产出指标", "数量指标", "养护里程", "≥30公里"]]));
  const ok = await jixiao(["import", good]);
  assert.equal(ok.code, 0, ok.stderr);
  const doc = JSON.parse(ok.stdout);
  assert.equal(doc.projects[0].name, "道路养护");
  assert.equal(doc.projects[0].budget, 120);
  assert.deepEqual(
    [doc.projects[0].indicators[0].operator, doc.projects[0].indicators[0].target, doc.projects[0].indicators[0].unit],
    ["≥", "30", "公里"],
  );
  assert.match(ok.stderr, /html\.layout/);

  const bad = path.join(dir, "bad.html");
  writeFileSync(
    bad,
    page([...head, ["产出指标", "数量指标", "养护里程", "≥30公里"], ["产出指标", "质量指标", "验收合格率", ""]]),
  );
  const r = await jixiao(["import", bad, "--log", "json"]);
  assert.equal(r.code, 1);
  assert.equal(JSON.parse(r.stdout).projects[0].indicators.length, 2, "the document is still written");
  const log = JSON.parse(r.stderr);
  const err = log.diagnostics.find((d: { code: string }) => d.code === "html.target-empty");
  assert.ok(err, r.stderr);
  assert.equal(err.cell, "table 1 row 5 col 4");
});

test("import --help documents the exit codes, exit 1 included", async () => {
  const r = await jixiao(["import", "--help"]);
  assert.equal(r.code, 0);
  const help = r.stdout + r.stderr;
  assert.match(help, /\n\s+1\s+结果有错误级诊断/);
  assert.match(help, /html|docx/i);
});
