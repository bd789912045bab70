import assert from "node:assert/strict";
import test from "node:test";
import { TABLE_FIELD_WORDS } from "@jixiao/core";
import { refuseBadText } from "./http/input-hygiene.ts";
import { fieldAtPath, requestFailureWords, requestFieldWords, schemaFailureWords } from "./validation-words.ts";

/** A JSON path, a Fastify code or ajv's English: none belongs in a message. */
const CODE_LIKE = /\/\w|\[\d+\]|FST_|must |body\/|Bad request/;

test("a field in a table names its row and column as the printed table does", () => {
  assert.deepEqual(fieldAtPath("/project/indicators/0/weight"), ["第1条指标 · 分值", "Indicator 1 · Weight"]);
  assert.deepEqual(fieldAtPath("/project/budget"), TABLE_FIELD_WORDS.budget);
  assert.deepEqual(fieldAtPath("/username"), ["用户名", "The user name"]);
  assert.equal(fieldAtPath("/nonesuch"), null);
  const w = schemaFailureWords({
    instancePath: "/project/indicators/2",
    keyword: "required",
    params: { missingProperty: "target" },
  });
  assert.equal(w.zh, "请填写第3条指标 · 目标值");
  assert.equal(w.en, "Indicator 3 · Target is required");
  assert.equal(
    schemaFailureWords({ instancePath: "/project/indicators/0/weight", keyword: "minimum", params: { limit: 0 } }).zh,
    "第1条指标 · 分值不能小于 0",
  );
});

test("a bad string is refused naming the field in words; the path stays in the details", () => {
  const e = refuseBadText("body", { path: "/project/indicators/1/name", reason: "nul" });
  assert.equal(e.messageZh, "第2条指标 · 指标名称含有空字符（NUL），请删除后重试");
  assert.deepEqual(e.details, { field: "body/project/indicators/1/name", reason: "nul" });
  const q = refuseBadText("query", { path: "/q", reason: "surrogate" });
  assert.match(q.messageZh, /^搜索词含有/);
  assert.equal(refuseBadText("file", { path: "/filename", reason: "nul" }).message.startsWith("The file name"), true);
  for (const where of ["body", "query", "params", "file"]) {
    const r = refuseBadText(where, { path: "/", reason: "nul" });
    for (const text of [r.messageZh, r.message]) assert.doesNotMatch(text, CODE_LIKE, text);
  }
  assert.deepEqual(requestFieldWords("body", "/"), ["提交的内容", "The request"]);
});

test("requests the HTTP layer refuses read in words, never Fastify's English", () => {
  assert.equal(requestFailureWords("FST_ERR_CTP_INVALID_JSON_BODY").zh, "提交的内容不是有效的 JSON");
  for (const code of ["FST_ERR_CTP_EMPTY_JSON_BODY", "FST_FILES_LIMIT", "SOMETHING_NEW", undefined]) {
    const w = requestFailureWords(code);
    for (const text of [w.zh, w.en]) assert.doesNotMatch(text, CODE_LIKE, text);
  }
});
