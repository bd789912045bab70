import assert from "node:assert/strict";
import test from "node:test";
import type { Project } from "../api/types.ts";
import { fieldName, placeWords, valueWords } from "./fields.ts";
import { repairWords } from "./repairs.ts";
import { ruleTitle } from "./rules.ts";
import { severityWords } from "./severities.ts";
import { statusWords, versionWords } from "./statuses.ts";

const table = {
  name: "p",
  indicators: [{ name: "退休人员体检覆盖率", target: "100", unit: "%" }],
} as unknown as Project;

test("field paths read as the table's column names", () => {
  assert.equal(placeWords("indicators[0].weight", undefined, "zh"), "第1条指标 · 分值");
  assert.equal(placeWords("indicators[0].target", table, "zh"), "第1条指标「退休人员体检覆盖率」 · 目标值");
  assert.equal(placeWords("indicators[3]", undefined, "en"), "Indicator 4");
  assert.equal(placeWords("budget", table, "zh"), "预算数");
  assert.equal(placeWords("goal", table, "en"), "Annual goal");
  assert.equal(placeWords("somethingNew", table, "zh"), "其他字段", "an unknown field is never shown as its key");
  assert.equal(fieldName("weight", "en"), "Weight");
});

test("values as words, never JSON", () => {
  assert.equal(valueWords(null, "zh"), "（空）");
  assert.equal(valueWords(false, "en"), "No");
  assert.equal(valueWords(12.5, "zh"), "12.5");
  assert.equal(valueWords(table.indicators[0], "zh"), "退休人员体检覆盖率（100%）");
  assert.equal(valueWords([1, 2], "zh"), "2 项");
  assert.doesNotMatch(valueWords({ a: 1 }, "zh"), /[{}"]/);
});

test("statuses, versions, severities, rules and repairs in words", () => {
  assert.equal(versionWords(1, "approved", "zh"), "第1版 · 已批复");
  assert.equal(versionWords(2, "returned", "en"), "v2 · Returned");
  assert.equal(statusWords("nonsense", "zh"), "其他状态");
  assert.equal(severityWords("warning", "zh"), "警告");
  assert.equal(ruleTitle("consistency.goal-cites-document-only", "zh"), "绩效目标只引用文件");
  assert.equal(ruleTitle("no.such-rule", "en"), "Other finding");
  assert.equal(repairWords("text.row-reattached", "moved to project 2", "zh"), "移到所属项目");
  assert.equal(repairWords("text.something-new", "did a thing", "zh"), "已自动处理");
  assert.equal(repairWords("text.line-unread", undefined, "zh"), "");
});
