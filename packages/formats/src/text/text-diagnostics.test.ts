// The repair log's one table: every code has a severity and words in both languages, a code's
// words take its arguments, and the log caps each code.
import assert from "node:assert/strict";
import { test } from "node:test";
import { MAX_DIAGNOSTICS_PER_CODE, RepairLog, TEXT_WORDS, textDiagnostic } from "./text-diagnostics.ts";

test("every code is text.* with a severity and non-empty zh and en words", () => {
  const sample = {
    before: "a b",
    after: "ab",
    amount: "1",
    note: "注：x",
    text: "x",
    to: "name",
    by: 1,
    name: "n",
    project: "p",
    level1: "产出指标",
    level2: "数量指标",
    code: "151",
    year: 2024,
    sum: 1,
    total: 2,
    nature: "正向",
    zh: "理由",
    en: "reason",
    cells: 2,
    operator: "≥",
    target: "95",
    unit: "%",
    row: 3,
    dropped: 4,
    shape: "pipes",
    zhShape: "竖线",
  };
  for (const [code, words] of Object.entries(TEXT_WORDS)) {
    assert.match(code, /^text\.[a-z0-9-]+$/);
    assert.ok(["error", "warning", "info"].includes(words.severity), code);
    const zh = (words.zh as (a: unknown) => string)(sample);
    const en = (words.en as (a: unknown) => string)(sample);
    assert.ok(zh.length > 0 && en.length > 0, code);
    assert.match(zh, /[\u4e00-\u9fff]/, `${code}: Chinese words`);
  }
});

test("a diagnostic keeps the reader's key order and takes extra fields", () => {
  const d = textDiagnostic("text.cells-shifted", { by: 2 }, { line: 7 });
  assert.deepEqual(Object.keys(d), ["code", "severity", "message", "messageEn", "line", "action"]);
  assert.equal(d.message, "本行单元格错位 2 列，已按内容识别");
  const moved = textDiagnostic(
    "text.row-reattached",
    { name: "x", to: "B", moved: { from: "A", why: "w", whyEn: "w", index: 1 } },
    { severity: "info", line: 3 },
  );
  assert.equal(moved.severity, "info");
  assert.equal(moved.action, "moved to project 1");
  assert.equal(textDiagnostic("text.row-reattached", { name: "x", to: "A" }).action, "attached to the first project");
});

test("the log caps each code and still counts what it drops", () => {
  const log = new RepairLog();
  for (let i = 0; i < MAX_DIAGNOSTICS_PER_CODE + 50; i++) log.add("text.header-repeated", {}, { line: i });
  log.add("text.header-missing", {});
  assert.equal(log.diagnostics.filter((d) => d.code === "text.header-repeated").length, MAX_DIAGNOSTICS_PER_CODE);
  assert.equal(log.room("text.header-repeated"), false);
  assert.equal(log.diagnostics.at(-1)?.code, "text.header-missing");
});
