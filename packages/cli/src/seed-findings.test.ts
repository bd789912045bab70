/**
 * Every finding the review yields on the real seed (the published 表12 of 呼和浩特市总工会,
 * PDF-extracted), imported by the text importer and reviewed under the default policy.
 * Each entry is justified: a finding on a well-formed row would be a bug in a rule, not
 * something to list here.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { run } from "./commands/check.ts";
import { memoryIo } from "./io.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const SEED = path.resolve(root, "examples/seed-2024-hohhot-union.txt");

interface Row {
  code: string;
  severity: string;
  project: string | null;
  indicator: string | null;
  field: string;
  message: string;
  messageEn: string;
}

const EXPECTED: [code: string, project: string, indicator: string | null, field: string][] = [
  // The goal says "通过对79名退休人员进行体检" while both headcounts (参加体检的退休人数,
  // 退休人员总人数) say 70 人; and 1000 元/人 × 70 人 = 7 万元 = the budget, so 79 is the odd one.
  ["consistency.goal-number-mismatch", "退休人员体检费", "退休人员总人数", "target"],
  // Allowance standards × headcounts: 6000 × (14+1) + 3600 × (148+6) + 720 × (778+24) 元
  // = 122.18 万元, short of the budget 128.85 万元 (5.2%, beyond the 1% tolerance).
  ["money.unit-cost-vs-budget", "呼市地区各级劳动模范荣誉津贴", "市级劳模发放津贴标准", "target"],
  // "发挥劳动模范示范引领作用" is both the 社会效益 and the 可持续影响 indicator (15 points each).
  ["consistency.same-text-different-level2", "呼市地区各级劳动模范荣誉津贴", "发挥劳动模范示范引领作用", "name"],
  // The goal is only "呼财发【2020】152号文件《关于财政供养人员体检经费安排和使用的通知》": no target.
  ["consistency.goal-cites-document-only", "体检费", null, "goal"],
  // Cost targets 体检项目成本 ≤ 4.3 万元 + 体检预约体检成本 ≤ 0.1 万元 = 4.4 万元 > budget 4.30.
  ["money.cost-exceeds-budget", "体检费", "体检预约体检成本", "target"],
  // 保障职工身体健康提高单位生态效益 is 正向 (higher is better) with 小于等于.
  ["value.direction-contradiction", "体检费", "保障职工身体健康提高单位生态效益", "operator"],
];

test("the seed yields exactly the justified findings, and nothing on its well-formed rows", {
  skip: !existsSync(SEED) && `seed not found at ${SEED}`,
}, async () => {
  const io = memoryIo();
  const code = await run([SEED, "--json"], io);
  const { findings } = JSON.parse(io.stdout) as { findings: Row[] };
  assert.deepEqual(
    findings.map((f) => [f.code, f.project, f.indicator, f.field]),
    EXPECTED,
  );
  assert.equal(code, 1, "error-severity findings make check exit 1");
  const byCode = new Map(findings.map((f) => [f.code, f]));
  assert.match(byCode.get("consistency.goal-number-mismatch")!.message, /79名.*70人/);
  assert.match(byCode.get("money.unit-cost-vs-budget")!.message, /122\.18 万元，少于预算 128\.85 万元/);
  assert.match(byCode.get("money.cost-exceeds-budget")!.message, /4\.4 万元，超过预算 4\.3 万元/);
  assert.match(byCode.get("value.direction-contradiction")!.message, /正向.*小于等于/);
  assert.match(byCode.get("consistency.goal-cites-document-only")!.messageEn, /only cites a document/);
});
