import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { memoryIo } from "../io.ts";
import { main } from "../main.ts";
import { run } from "./monitor.ts";

const EXAMPLE = fileURLToPath(new URL("../../../../examples/monitoring-seed.json", import.meta.url));

test("the example prints the table, the lights and the findings (exit 0: warnings only)", async () => {
  const io = memoryIo();
  assert.equal(await main(["monitor", EXAMPLE], io), 0);
  assert.match(io.stdout, /序时进度 time elapsed 58\.33%/);
  assert.match(io.stdout, /【1】退休人员体检费/);
  assert.match(io.stdout, /执行率 45\.71% {2}执行灯 ●黄（\(3\.2 ÷ 7\) ÷ \(7 ÷ 12\) × 100 = 78\.37 → 黄灯）/);
  assert.match(
    io.stdout,
    /9 \| 产出指标 \/ 数量指标 \/ 参加体检的退休人数 \| ≥70人 \| 20 \| 70 \| 28\.57% \| ●红 \| 有可能 \| 人员保障：/,
  );
  assert.match(io.stdout, /monitor\.execution-forecast-low 全年预计执行率 83\.72% 低于 90%/);
  assert.match(io.stdout, /执行灯 execution 红灯 1 黄灯 2 绿灯 1/);
});

test("--json prints exactly the documented shape", async () => {
  const io = memoryIo();
  await run([EXAMPLE, "--json"], io);
  const out = JSON.parse(io.stdout);
  assert.deepEqual(Object.keys(out), ["policy", "fiscalYear", "asOfMonth", "timeProgress", "projects"]);
  assert.deepEqual([out.policy, out.fiscalYear, out.asOfMonth, out.timeProgress], ["default", 2024, 7, 58.33]);
  for (const p of out.projects) {
    assert.deepEqual(Object.keys(p), [
      "name",
      "unitCode",
      "unitName",
      "budget",
      "executed",
      "executionRate",
      "executionValue",
      "executionLight",
      "forecastExecuted",
      "forecastRate",
      "lights",
      "indicators",
      "findings",
    ]);
    for (const i of p.indicators)
      assert.deepEqual(Object.keys(i), [
        "name",
        "nature",
        "target",
        "unit",
        "actualToDate",
        "forecast",
        "likelihood",
        "progress",
        "value",
        "light",
      ]);
  }
  const p0 = out.projects[0];
  assert.deepEqual([p0.executionRate, p0.executionValue, p0.executionLight], [45.71, 78.37, "yellow"]);
  assert.deepEqual(p0.indicators[8], {
    name: "参加体检的退休人数",
    nature: "正向",
    target: "70",
    unit: "人",
    actualToDate: 20,
    forecast: 70,
    likelihood: "有可能",
    progress: 28.57,
    value: 48.98,
    light: "red",
  });
  assert.deepEqual(
    out.projects.map((p: { executionLight: string }) => p.executionLight),
    ["yellow", "yellow", "green", "red"],
  );
});

test("--month and --policy change the lights; an unexplained red exits 1", async () => {
  let io = memoryIo();
  await run([EXAMPLE, "--json", "--month", "3"], io);
  assert.equal(JSON.parse(io.stdout).projects[0].executionLight, "green");
  io = memoryIo();
  await run([EXAMPLE, "--json", "--policy", "strict"], io);
  assert.equal(JSON.parse(io.stdout).projects[2].executionLight, "green");
  assert.equal(JSON.parse(io.stdout).projects[0].executionLight, "yellow");

  const dir = await mkdtemp(path.join(tmpdir(), "jixiao-monitor-"));
  const doc = JSON.parse(await readFile(EXAMPLE, "utf8"));
  delete doc.projects[0].indicators[8].correctiveAction;
  const file = path.join(dir, "m.json");
  await writeFile(file, JSON.stringify(doc));
  io = memoryIo();
  assert.equal(await run([file], io), 1);
  assert.match(io.stdout, /✖ monitor\.cause-missing #9 参加体检的退休人数：指标为红灯，须填写纠偏措施/);
  const policy = path.join(dir, "p.json");
  await writeFile(policy, JSON.stringify({ thresholds: { red: 20 } }));
  io = memoryIo();
  assert.equal(await run([file, "--policy", policy], io), 0, "red below 20 only: no red left");
});

test("bad usage and unreadable input exit 2 with a message, never a stack", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "jixiao-monitor-"));
  const junk = path.join(dir, "junk.json");
  await writeFile(junk, "{not json");
  const wrong = path.join(dir, "wrong.json");
  await writeFile(wrong, JSON.stringify({ format: "jixiao.monitoring/1", projects: 3 }));
  const cases: Array<[string[], RegExp]> = [
    [[], /缺少文件 missing FILE/],
    [[EXAMPLE, "--month", "13"], /--month 须为 1–12/],
    [[EXAMPLE, "--policy", "nope"], /cannot open nope/],
    [[path.join(dir, "missing.json")], /ENOENT/],
    [[junk], /not JSON/],
    [[wrong], /monitoring\.invalid.*\/round/],
  ];
  for (const [argv, message] of cases) {
    const io = memoryIo();
    assert.equal(await run(argv, io), 2, argv.join(" "));
    assert.match(io.stderr, message);
  }
});

test("--init prints an empty monitoring table for an approved 表12 in any format; it monitors", async () => {
  const seed = fileURLToPath(new URL("../../../../examples/seed-2024-hohhot-union.txt", import.meta.url));
  const io = memoryIo();
  assert.equal(await run([seed, "--init", "--month", "7", "--year", "2024"], io), 0, io.stderr);
  const doc = JSON.parse(io.stdout);
  assert.deepEqual([doc.format, doc.round.fiscalYear, doc.round.asOfMonth], ["jixiao.monitoring/1", 2024, 7]);
  assert.equal(doc.projects.length, 4);
  assert.equal(doc.projects[0].indicators[8].target, "70");
  assert.equal(doc.projects[0].indicators[8].actualToDate, undefined);
  const dir = await mkdtemp(path.join(tmpdir(), "jixiao-monitor-"));
  const file = path.join(dir, "empty.json");
  await writeFile(file, io.stdout);
  const out = memoryIo();
  assert.equal(await run([file], out), 1, "nothing filled in: executed and likelihoods missing are errors");
  assert.match(out.stdout, /monitor\.executed-missing/);
  assert.equal(await run([seed, "--init", "--year", "1"], memoryIo()), 2);
});

test("--xlsx and --html write the 监控表", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "jixiao-monitor-"));
  const xlsx = path.join(dir, "m.xlsx");
  const html = path.join(dir, "m.html");
  const io = memoryIo();
  assert.equal(await run([EXAMPLE, "--xlsx", xlsx, "--html", html], io), 0);
  const bytes = await readFile(xlsx);
  assert.equal(bytes.subarray(0, 2).toString(), "PK");
  assert.match(await readFile(html, "utf8"), /项目支出绩效运行监控汇总表/);
});
