import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { FINDING_KEYS, RULES } from "@jixiao/core";
import { buildDocument, buildProject, projectWith } from "@jixiao/core/rules/test-helpers.ts";
import { writeJson } from "@jixiao/formats";
import { memoryIo } from "../io.ts";
import { run } from "./check.ts";

async function fixture(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "jixiao-check-"));
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

const clean = () => writeJson(buildDocument([buildProject()]));
const broken = () => writeJson(buildDocument([buildProject(), projectWith(1, { operator: "≤" }, { name: "体检费" })]));

test("check --json prints exactly the documented keys and exits 1 on an error finding", async () => {
  const io = memoryIo();
  const code = await run([await fixture("t.json", broken()), "--json"], io);
  assert.equal(code, 1);
  const out = JSON.parse(io.stdout) as { findings: Record<string, unknown>[] };
  assert.deepEqual(Object.keys(out), ["findings"]);
  assert.equal(out.findings.length, 1);
  assert.deepEqual(Object.keys(out.findings[0]!), [...FINDING_KEYS]);
  assert.deepEqual(
    { ...out.findings[0], message: undefined, messageEn: undefined },
    {
      code: "value.direction-contradiction",
      severity: "error",
      project: "体检费",
      projectIndex: 1,
      indicator: "退休人员体检覆盖率",
      indicatorIndex: 1,
      field: "operator",
      message: undefined,
      messageEn: undefined,
    },
  );
});

test("check prints findings grouped by project with the cell, in zh or en; 0 when clean", async () => {
  const file = await fixture("t.json", broken());
  const zh = memoryIo();
  await run([file], zh);
  assert.match(
    zh.stdout,
    /项目 2: 体检费\n {2}error {3}value\.direction-contradiction\n {10}#2 退休人员体检覆盖率 · 指标方向/,
  );
  assert.match(zh.stdout, /共 1 个问题：错误 1/);
  const en = memoryIo();
  await run([file, "--lang", "en"], en);
  assert.match(en.stdout, /Project 2: 体检费[\s\S]*#2 退休人员体检覆盖率 · operator[\s\S]*contradict/);
  const ok = memoryIo();
  assert.equal(await run([await fixture("ok.json", clean()), "--json"], ok), 0);
  assert.deepEqual(JSON.parse(ok.stdout), { findings: [] });
});

test("check --policy takes a preset or a JSON file; warnings alone exit 0", async () => {
  const file = await fixture("ok.json", clean());
  const io80 = memoryIo();
  assert.equal(await run([file, "--json", "--policy", "indicators-80"], io80), 1);
  assert.equal(JSON.parse(io80.stdout).findings[0].code, "weight.sum");
  const policy = await fixture(
    "p.json",
    JSON.stringify({ extends: "indicators-80", rules: { "weight.sum": "warning" } }),
  );
  const io = memoryIo();
  assert.equal(await run([file, "--json", "--policy", policy], io), 0);
  assert.equal(JSON.parse(io.stdout).findings[0].severity, "warning");
});

test("check exits 2 on unreadable input, a bad policy, or no file", async () => {
  assert.equal(await run(["/nonexistent/x.json"], memoryIo()), 2);
  assert.equal(await run([await fixture("bad.json", "{not json")], memoryIo()), 2);
  const io = memoryIo();
  assert.equal(await run([await fixture("ok.json", clean()), "--policy", "no-such-policy"], io), 2);
  assert.match(io.stderr, /policy\.not-found/);
  const badJson = memoryIo();
  assert.equal(await run([await fixture("ok.json", clean()), "--policy", await fixture("p.json", "{")], badJson), 2);
  assert.match(badJson.stderr, /policy\.bad-json/);
  const badValue = memoryIo();
  const policy = await fixture("p.json", JSON.stringify({ weightTotal: "ninety" }));
  assert.equal(await run([await fixture("ok.json", clean()), "--policy", policy], badValue), 2);
  assert.match(badValue.stderr, /policy\.bad-value/);
  assert.equal(await run([], memoryIo()), 2);
});

test("check --list-rules lists every rule with its severity under the policy", async () => {
  const io = memoryIo();
  const policy = await fixture(
    "p.json",
    JSON.stringify({ rules: { "value.vague-target": "off", "weight.sum": "info" } }),
  );
  assert.equal(await run(["--list-rules", "--policy", policy], io), 0);
  const lines = io.stdout.trim().split("\n");
  assert.equal(lines.length, RULES.length);
  assert.match(io.stdout, /value\.vague-target\s+off\s+产出指标目标值含糊/);
  assert.match(io.stdout, /weight\.sum\s+info\s/);
  assert.match(io.stdout, /value\.direction-contradiction\s+error\s/);
});
