import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { memoryIo } from "../io.ts";
import { run } from "./score.ts";

const EXAMPLE = fileURLToPath(new URL("../../../../examples/self-eval-seed.json", import.meta.url));

test("--json prints exactly the documented shape", async () => {
  const io = memoryIo();
  const code = await run([EXAMPLE, "--json"], io);
  assert.equal(code, 0); // the example's only finding is a warning
  const out = JSON.parse(io.stdout);
  assert.deepEqual(Object.keys(out), ["projects"]);
  assert.equal(out.projects.length, 4);
  for (const p of out.projects) {
    assert.deepEqual(Object.keys(p), [
      "name",
      "executionRate",
      "executionScore",
      "indicatorScore",
      "total",
      "grade",
      "indicators",
      "findings",
    ]);
    for (const i of p.indicators) assert.deepEqual(Object.keys(i), ["name", "weight", "score"]);
  }
  const [p0, , p2, p3] = out.projects;
  assert.deepEqual(
    [p0.name, p0.executionRate, p0.executionScore, p0.indicatorScore, p0.total, p0.grade],
    ["退休人员体检费", 92.86, 9.29, 81.3, 90.59, "优"],
  );
  assert.deepEqual(p0.indicators[8], { name: "参加体检的退休人数", weight: 9, score: 8.36 });
  assert.equal(p2.indicators[15].score, null); // not applicable
  assert.equal(p3.findings[0].code, "score.deviation-reason-missing");
  assert.deepEqual(Object.keys(p3.findings[0]), [
    "code",
    "severity",
    "project",
    "projectIndex",
    "indicator",
    "indicatorIndex",
    "field",
    "message",
    "messageEn",
  ]);
});

test("--policy picks a preset", async () => {
  const io = memoryIo();
  await run([EXAMPLE, "--json", "--policy", "execution-steps"], io);
  const out = JSON.parse(io.stdout);
  assert.deepEqual(
    out.projects.map((p: { executionScore: number; total: number; grade: string }) => [
      p.executionScore,
      p.total,
      p.grade,
    ]),
    [
      [7, 88.3, "良"],
      [10, 93.81, "优"],
      [7, 91.48, "优"],
      [5, 91.53, "优"],
    ],
  );
});

test("--policy reads a JSON policy file", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "jixiao-score-"));
  const file = path.join(dir, "policy.json");
  await writeFile(file, JSON.stringify({ extends: "default", name: "五五开", execution: { weight: 50 } }));
  const io = memoryIo();
  await run([EXAMPLE, "--json", "--policy", file], io);
  // P0: 92.86 ÷ 100 × 50 = 46.43
  assert.equal(JSON.parse(io.stdout).projects[0].executionScore, 46.43);

  await writeFile(file, JSON.stringify({ execution: { weight: -1 } }));
  const bad = memoryIo();
  assert.equal(await run([EXAMPLE, "--policy", file], bad), 2);
  assert.match(bad.stderr, /policy\.invalid/);
});

test("human output is the 自评表: targets, actuals, weights, scores, reasons, totals", async () => {
  const io = memoryIo();
  assert.equal(await run([EXAMPLE], io), 0);
  const t = io.stdout;
  assert.match(t, /评分规则 policy: default/);
  assert.match(
    t,
    /年初预算数 7\.00 {2}全年预算数 7\.00 {2}全年执行数 6\.50（万元） {2}执行率 92\.86% {2}得分 9\.29 \/ 10/,
  );
  assert.match(
    t,
    /9 \| 产出指标 \/ 数量指标 \/ 参加体检的退休人数 \| ≥70人 \| 65人 \| 9 \| 8\.36 \| 9 × 65 ÷ 70 = 8\.36 \| 实际参检 65 人/,
  );
  assert.match(t, /指标得分 81\.3 \/ 90 {2}总分 90\.59 {2}等级 优/);
  assert.match(t, /指标得分 84\.48 \/ 90（不适用指标已剔除：70\.4 × 90 ÷ 75 = 84\.48）/);
  assert.match(t, /! score\.deviation-reason-missing #13 职工满意度：得分 9\.79 低于分值 10/);
  const en = memoryIo();
  await run([EXAMPLE, "--lang", "en"], en);
  assert.match(en.stdout, /The score 9\.79 is below the weight 10/);
});

test("error findings exit 1; bad usage and unreadable input exit 2", async () => {
  const doc = JSON.parse(await readFile(EXAMPLE, "utf8"));
  delete doc.projects[0].executed;
  const dir = await mkdtemp(path.join(tmpdir(), "jixiao-score-"));
  const file = path.join(dir, "doc.json");
  await writeFile(file, JSON.stringify(doc));
  const io = memoryIo();
  assert.equal(await run([file, "--json"], io), 1);
  assert.equal(JSON.parse(io.stdout).projects[0].findings[0].code, "score.executed-missing");

  assert.equal(await run([], memoryIo()), 2);
  assert.equal(await run([EXAMPLE, "--policy", "nope"], memoryIo()), 2);
  assert.equal(await run([path.join(dir, "missing.json")], memoryIo()), 2);
  assert.equal(await run([EXAMPLE, "--bogus"], memoryIo()), 2);
  const help = memoryIo();
  assert.equal(await run(["--help"], help), 0);
  assert.match(help.stdout, /execution-steps/);
});

test("--html writes the printable 自评表 (or to stdout with -)", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "jixiao-score-"));
  const out = path.join(dir, "self-eval.html");
  const io = memoryIo();
  assert.equal(await run([EXAMPLE, "--html", out, "--policy", "execution-20"], io), 0);
  const html = await readFile(out, "utf8");
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /评分规则：execution-20/);
  assert.match(io.stdout, /项目支出绩效自评表 · 评分规则 policy: execution-20/);
  const dash = memoryIo();
  await run([EXAMPLE, "--html", "-"], dash);
  assert.match(dash.stdout, /^<!DOCTYPE html>/);
  assert.equal((dash.stdout.match(/<section class="project">/g) ?? []).length, 4);
});

test("--xlsx writes the 自评表 workbook (one sheet per project), or to a binary stdout with -", async () => {
  const { default: ExcelJS } = await import("exceljs");
  const { scoreDocument } = await import("@jixiao/core");
  const doc = JSON.parse(await readFile(EXAMPLE, "utf8"));
  const engine = scoreDocument(doc); // the default policy, as the command uses
  const dir = await mkdtemp(path.join(tmpdir(), "jixiao-score-"));
  const out = path.join(dir, "self-eval.xlsx");
  const io = memoryIo();
  assert.equal(await run([EXAMPLE, "--xlsx", out, "--json"], io), 0);
  assert.equal(JSON.parse(io.stdout).projects.length, 4); // --json still printed
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  assert.equal(wb.worksheets.length, 4);
  engine.projects.forEach((p, i) => {
    const ws = wb.worksheets[i]!;
    const totalRow = 10 + p.indicators.length;
    assert.equal(ws.getCell("B4").value, p.name);
    assert.deepEqual(
      [ws.getCell("H7").value, ws.getCell(`G${totalRow}`).value, ws.getCell(`H${totalRow}`).value],
      [p.executionScore, p.total, p.grade],
    );
  });

  const chunks: Uint8Array[] = [];
  const bin = { ...memoryIo(), outBytes: (b: Uint8Array) => chunks.push(b) };
  assert.equal(await run([EXAMPLE, "--xlsx", "-"], bin), 0);
  assert.equal(Buffer.from(chunks[0]!).subarray(0, 2).toString(), "PK");
  assert.equal(bin.stdout, ""); // nothing but the workbook on stdout
  const noBinary = memoryIo();
  assert.equal(await run([EXAMPLE, "--xlsx", "-"], noBinary), 2);
  assert.match(noBinary.stderr, /binary stdout/);
});
