import assert from "node:assert/strict";
import { test } from "node:test";
import type { Indicator } from "@jixiao/core/model/document.ts";
import { blankIndicator, insertRow, removeRow, setCell } from "./edit.ts";

const row = (level1: string, level2: string, name: string): Indicator => ({ ...blankIndicator(level1, level2), name });
const rows = [row("产出指标", "数量指标", "a"), row("产出指标", "数量指标", "b"), row("效益指标", "社会效益", "c")];

test("setCell on a merged 一级 cell renames the whole block, on a plain cell only that row", () => {
  const r = setCell(rows, 0, "level1", "成本指标");
  assert.deepEqual(
    r.map((x) => x.level1),
    ["成本指标", "成本指标", "效益指标"],
  );
  const s = setCell(rows, 1, "target", "70");
  assert.deepEqual(
    s.map((x) => x.target),
    ["", "70", ""],
  );
  assert.equal(rows[1]!.target, ""); // immutable
});

test("setCell keeps types: weight numeric, empty operator null, 定性 drops the operator", () => {
  assert.equal(setCell(rows, 0, "weight", "7.5")[0]!.weight, 7.5);
  assert.equal(setCell(rows, 0, "operator", "")[0]!.operator, null);
  const q = setCell(rows, 0, "nature", "定性")[0]!;
  assert.equal(q.nature, "定性");
  assert.equal(q.operator, null);
});

test("insertRow puts a new row at the end of its block, removeRow drops one", () => {
  const r = insertRow(rows, row("产出指标", "数量指标", "new"));
  assert.deepEqual(
    r.map((x) => x.name),
    ["a", "b", "new", "c"],
  );
  const s = insertRow(rows, row("满意度指标", "服务对象满意度", "z"));
  assert.deepEqual(
    s.map((x) => x.name),
    ["a", "b", "c", "z"],
  );
  assert.deepEqual(
    removeRow(rows, 1).map((x) => x.name),
    ["a", "c"],
  );
});

test("a weight cell is read by the core vocabulary: empty is not filled in (null), text is not a number", () => {
  assert.equal(setCell(rows, 0, "weight", "")[0]!.weight, null);
  assert.equal(setCell(rows, 0, "weight", null)[0]!.weight, null);
  assert.equal(setCell(rows, 0, "weight", "１０")[0]!.weight, 10);
  assert.equal(setCell(rows, 0, "weight", " 7.5 ")[0]!.weight, 7.5);
  assert.ok(Number.isNaN(setCell(rows, 0, "weight", "十")[0]!.weight));
});
