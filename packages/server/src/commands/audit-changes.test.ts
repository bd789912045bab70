import assert from "node:assert/strict";
import { test } from "node:test";
import { auditChanges, pathWords, valueWords } from "./audit-changes.ts";
import { AUDIT_ACTION_WORDS, actionWords } from "./audit-words.ts";

test("paths and values read in words", () => {
  assert.deepEqual(pathWords("indicators[0].weight"), ["第1条指标 · 分值", "Indicator 1 · Weight"]);
  assert.deepEqual(pathWords("project.budget"), ["项目 · 预算数", "Project · Budget"]);
  assert.deepEqual(pathWords("mystery"), ["其他字段", "Other field"]);
  assert.deepEqual(valueWords("approved", "status"), ["已批复", "Approved"]);
  assert.deepEqual(valueWords("approved", "reason"), ["approved", "approved"], "only coded fields are translated");
  assert.deepEqual(valueWords(true, "disabled"), ["是", "Yes"]);
  assert.deepEqual(valueWords([{ a: 1 }, { b: 2 }], "lights"), ["2 项", "2 item(s)"]);
  assert.deepEqual(valueWords({ x: { y: 1 } }, "chain"), ["（多项内容）", "(several values)"]);
});

test("an entry's before/after becomes one row per changed field", () => {
  const rows = auditChanges(
    "workflow.approve",
    { status: "submitted", versionNo: 1, level: 1 },
    { status: "approved", versionNo: 1, level: 0 },
  );
  assert.deepEqual(
    rows.map((r) => [r.field, r.before, r.after]),
    [
      ["状态", "已提交", "已批复"],
      ["审核层级", "1", "0"],
    ],
  );
  // A created project reads as its name, budget, goal and indicator count, not every cell.
  const created = auditChanges("project.create", null, {
    status: "draft",
    project: { name: "体检费", budget: 7, goal: "保障体检", indicators: [{}, {}, {}], unitCode: "151001" },
  });
  assert.deepEqual(
    created.map((r) => [r.field, r.after]),
    [
      ["状态", "草稿"],
      ["项目 · 名称", "体检费"],
      ["项目 · 预算数", "7"],
      ["项目 · 年度绩效目标", "保障体检"],
      ["项目 · 指标", "3 项"],
    ],
  );
  // A table edit lists the cells its stored diff names.
  const edit = auditChanges(
    "table.update",
    { versionNo: 1 },
    {
      versionNo: 1,
      changes: [{ path: "indicators[2].target", before: "95", after: "98" }],
    },
  );
  assert.deepEqual(
    edit.map((r) => [r.field, r.before, r.after]),
    [["第3条指标 · 目标值", "95", "98"]],
  );
});

test("every action has words, and an unknown one is never shown as its code", () => {
  for (const [code, [zh, en]] of Object.entries(AUDIT_ACTION_WORDS)) {
    assert.match(zh, /[\u4e00-\u9fff]/, code);
    assert.ok(en.length > 0 && !en.includes("."), code);
  }
  assert.deepEqual(actionWords("brand.new-action"), ["其他操作", "Other action"]);
});

test("a monitoring round's policy reads as the preset's name and its settings as words", () => {
  const rows = auditChanges("monitoring.open", null, {
    policy: "default",
    policySettings: { thresholds: { red: 60, green: 80 } },
  });
  assert.deepEqual(
    rows.map((r) => [r.field, r.after]),
    [
      ["监控规则", "默认规则"],
      ["监控规则设置 · 亮灯阈值 · 红灯", "60"],
      ["监控规则设置 · 亮灯阈值 · 绿灯", "80"],
    ],
  );
});

test("every action the server writes to the audit log has words", async () => {
  const { readdir, readFile } = await import("node:fs/promises");
  const { join } = await import("node:path");
  const root = join(import.meta.dirname, "..");
  const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  const used = new Set<string>();
  for (const f of files) {
    for (const m of (await readFile(join(root, f), "utf8")).matchAll(/\baction: "([a-zA-Z]+\.[a-zA-Z-]+)"/g))
      used.add(m[1] ?? "");
  }
  assert.ok(used.size > 20, `found ${used.size} audited actions`);
  const missing = [...used].filter((a) => !(a in AUDIT_ACTION_WORDS));
  assert.deepEqual(missing, [], "actions without words in audit-words.ts");
});
