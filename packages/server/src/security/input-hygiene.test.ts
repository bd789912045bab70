/**
 * Issue 13, failure 10 (input): a NUL byte or a lone surrogate in any string (login username,
 * `?q=%00`, names, comments, file names) gave 500. One rule on every request string now answers
 * 400 `validation` naming the field in the UI's words, and nothing is written.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "../db/test-databases.ts";
import { badText, findBadText } from "../http/input-hygiene.ts";
import { buildProject, type Client, multipart, openTestApp, type TestApp } from "../http/test-app.ts";

test("badText finds NUL and lone surrogates, and accepts every well-formed string", () => {
  assert.equal(badText("a\u0000b"), "nul");
  assert.equal(badText("\ud800"), "surrogate");
  assert.equal(badText("x\udc00y"), "surrogate");
  assert.equal(badText("预算 😀 ok"), null);
  assert.deepEqual(findBadText({ a: [{ b: "ok" }, { c: "\u0000" }] }), { path: "/a/1/c", reason: "nul" });
});

for (const driver of DRIVERS) {
  describe(`NUL and lone surrogates are 400, never 500 (${driver.name})`, () => {
    let t: TestApp;
    let admin: Client;
    let projectId: number;
    before(async () => {
      t = await openTestApp(driver);
      admin = await t.login("admin");
      const list = (await admin.request("GET", "/api/v1/projects?fiscalYear=2024")).json();
      projectId = list.items[0].id;
    });
    after(async () => t.close());

    const expect400 = (r: { statusCode: number; json(): { error: { code: string } } }, what: string) => {
      assert.equal(r.statusCode, 400, what);
      assert.equal(r.json().error.code, "validation", what);
    };

    test("login username, query, JSON names and comments, raw JSON escapes, file names", async () => {
      for (const bad of ["ad\u0000min", "ad\ud800min"]) {
        expect400(await t.anonymous.request("POST", "/api/v1/auth/login", { username: bad, password: "x" }), "login");
        expect400(
          await admin.request("GET", `/api/v1/projects?fiscalYear=2024&q=${encodeURIComponent("a\u0000")}`),
          "q",
        );
        expect400(
          await admin.request("POST", `/api/v1/projects/${projectId}/comments`, { cell: "budget", body: `看${bad}` }),
          "comment",
        );
        expect400(
          await admin.request("POST", "/api/v1/projects", {
            fiscalYear: 2024,
            project: buildProject({ name: `项目${bad}` }),
          }),
          "project name",
        );
      }
      // A lone surrogate written as a JSON escape (what a client sends on the wire).
      const raw = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { "content-type": "application/json" },
        payload: '{"username":"a\\ud800","password":"x"}',
      });
      expect400({ statusCode: raw.statusCode, json: () => raw.json() }, "raw escape");
      // The message names the field in the UI's words; the JSON path is only in the details.
      const named = (
        await t.anonymous.request("POST", "/api/v1/auth/login", { username: "a\u0000", password: "x" })
      ).json();
      assert.equal(named.error.message, "用户名含有空字符（NUL），请删除后重试");
      assert.deepEqual(named.error.details, { field: "body/username", reason: "nul" });
      // A body that is not JSON reads in words, never Fastify's English; its code is a detail.
      const notJson = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { "content-type": "application/json" },
        payload: '{"username":',
      });
      assert.equal(notJson.statusCode, 400);
      assert.equal(notJson.json().error.message, "提交的内容不是有效的 JSON");
      assert.doesNotMatch(notJson.json().error.messageEn, /Bad request|FST_/);
      assert.equal(notJson.json().error.details.reason, "FST_ERR_CTP_INVALID_JSON_BODY");
      const m = multipart("a\u0000.txt", "项目名称");
      expect400(await admin.request("POST", "/api/v1/imports/preview?fiscalYear=2024", m.body, m.headers), "file name");
      const comments = (await admin.request("GET", `/api/v1/projects/${projectId}/comments`)).json();
      assert.ok(!JSON.stringify(comments).includes("\\u0000"));
    });
  });
}
