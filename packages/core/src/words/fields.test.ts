import assert from "node:assert/strict";
import test from "node:test";
import { indicatorRowWords, TABLE_FIELD_WORDS, tablePlaceWords } from "./fields.ts";

test("table field paths read as the printed table's column names", () => {
  assert.deepEqual(tablePlaceWords("indicators[0].weight"), ["第1条指标 · 分值", "Indicator 1 · Weight"]);
  assert.deepEqual(tablePlaceWords("/project/indicators/2/target"), ["第3条指标 · 目标值", "Indicator 3 · Target"]);
  assert.deepEqual(tablePlaceWords("/project/indicators/2"), indicatorRowWords(2));
  assert.deepEqual(tablePlaceWords("indicators[0].name"), ["第1条指标 · 指标名称", "Indicator 1 · Indicator name"]);
  assert.deepEqual(tablePlaceWords("/project/name"), TABLE_FIELD_WORDS.name);
  assert.deepEqual(tablePlaceWords("/project/budget"), TABLE_FIELD_WORDS.budget);
  assert.deepEqual(tablePlaceWords("indicators[1].somethingNew"), [
    "第2条指标 · 其他字段",
    "Indicator 2 · Other field",
  ]);
  assert.equal(tablePlaceWords("/password"), null, "a field of no table is left to the caller's words");
  assert.equal(tablePlaceWords(""), null);
});

test("every field has words in both languages and no word is a code", () => {
  for (const [key, [zh, en]] of Object.entries(TABLE_FIELD_WORDS)) {
    assert.match(zh, /\p{Script=Han}/u, key);
    assert.ok(en.length > 0 && en !== key, key);
  }
});
