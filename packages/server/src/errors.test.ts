import assert from "node:assert/strict";
import { test } from "node:test";
import { templateText } from "@jixiao/core";
import { AppError, appError, badTransition, errorBody, notFound, SERVER_ERRORS, stale, statusOf } from "./errors.ts";

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
