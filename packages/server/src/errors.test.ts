import assert from "node:assert/strict";
import { test } from "node:test";
import { templateText } from "@jixiao/core";
import {
  AppError,
  appError,
  badTransition,
  errorBody,
  notFound,
  SERVER_ERRORS,
  schemaFailureWords,
  stale,
  statusOf,
  validationError,
} from "./errors.ts";

test("every server error code has an HTTP status and words in both languages", () => {
  for (const [code, def] of Object.entries(SERVER_ERRORS.codes)) {
    const status = Number(def.facts?.status);
    assert.ok(status >= 400 && status < 600, `${code}: status ${status}`);
    assert.equal(statusOf(code), status);
    assert.ok(templateText(def.zh).length > 0 && templateText(def.en).length > 0, code);
    assert.match(templateText(def.zh), /[\u4e00-\u9fff]/, `${code}: Chinese words`);
    assert.ok(def.about, `${code}: what it means`);
  }
  assert.equal(statusOf("no.such-code"), 400);
});

test("builders fill the registry's templates", () => {
  assert.deepEqual(errorBody(notFound("project", "项目")).error, {
    code: "project.not-found",
    message: "项目不存在",
    messageEn: "Project not found",
  });
  assert.deepEqual(errorBody(stale(7)).error.details, { rowVersion: 7 });
  assert.equal(badTransition("draft", "approve").message, "Cannot approve a table in status draft");
  assert.equal(appError("workflow.blocked", { count: 2 }).messageZh.startsWith("表中有 2 处"), true);
  const specific = new AppError("validation", "缺少文件", "No file uploaded", { field: "file" });
  assert.equal(statusOf(specific.code), 400);
});

test("schema failures read in the UI's words, never the pattern or the JSON path", () => {
  const u = validationError([
    { instancePath: "/username", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_.-]{2,50}$" } },
  ]);
  assert.equal(u.messageZh, "用户名只能包含字母、数字、下划线、点和连字符，2–50 个字符");
  assert.equal(u.code, "validation");
  assert.equal(statusOf(u.code), 400);
  assert.deepEqual(errorBody(u).error.details, [
    { instancePath: "/username", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_.-]{2,50}$" } },
  ]);
  assert.equal(schemaFailureWords({ keyword: "required", params: { missingProperty: "password" } }).zh, "请填写密码");
  assert.equal(
    schemaFailureWords({ instancePath: "/name", keyword: "maxLength", params: { limit: 200 } }).zh,
    "名称最多 200 个字符",
  );
  assert.equal(
    schemaFailureWords({ instancePath: "/fiscalYear", keyword: "minimum", params: { limit: 2000 } }).en,
    "The fiscal year may not be below 2000",
  );
  for (const kw of [
    "pattern",
    "required",
    "minLength",
    "maxLength",
    "type",
    "enum",
    "format",
    "additionalProperties",
  ]) {
    const w = schemaFailureWords({ instancePath: "/whatever/0/field", keyword: kw, params: { limit: 3 } });
    for (const text of [w.zh, w.en]) {
      assert.doesNotMatch(text, /\/|\^|\$|must|whatever|\{/, `${kw}: ${text}`);
    }
  }
});

test("refused transitions and commands naming a field speak in words", () => {
  const e = badTransition("approved", "edit");
  assert.equal(e.messageZh, "当前状态（已批复）不能执行“修改”");
  assert.deepEqual(e.details, { status: "approved", action: "edit" });
  assert.equal(appError("validation", { detail: "reason" }).messageZh, "原因缺失或无效");
  assert.equal(appError("validation", { detail: "自由文字" }).messageZh, "请求无效：自由文字");
});
