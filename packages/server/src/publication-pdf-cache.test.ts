/**
 * A publication's PDF is printed once (workers/exporter.ts caches it per publication): later
 * downloads are the same bytes without a print, with a Content-Length the web app's progress bar
 * reads. A publication never changes — a correction is a new publication, printed on its own;
 * the one it replaced stays in history with the PDF it had.
 * Shown without reaching into the server: after the first print chromium is made unusable, so
 * any later print would answer 503.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DRIVERS } from "./db/test-databases.ts";
import { openTestApp, type TestApp } from "./http/test-app.ts";

for (const driver of DRIVERS) {
  describe(`publication PDF cache (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("printed once, then served from the cache; a correction is printed on its own", async (c) => {
      if (!process.env.JIXIAO_CHROMIUM) {
        c.skip("JIXIAO_CHROMIUM is unset: PDF printing needs Debian's chromium (apt-get install chromium)");
        return;
      }
      const dept = await t.login("dept151");
      const body = { fiscalYear: 2024, deptCode: "151", confirmIncomplete: true };
      const pub = await dept.request("POST", "/api/v1/publications", body);
      assert.equal(pub.statusCode, 201, pub.body);
      const id = pub.json().id;
      const pdf = (pid: number) => t.anonymous.request("GET", `/api/v1/public/publications/${pid}/export.pdf`);

      const first = await pdf(id);
      assert.equal(first.statusCode, 200, first.body.slice(0, 300));
      const bytes = Buffer.from(first.rawPayload);
      assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-");
      assert.equal(Number(first.headers["content-length"]), bytes.length, "the size, for a progress bar");

      const saved = process.env.JIXIAO_CHROMIUM;
      process.env.JIXIAO_CHROMIUM = "/nonexistent/chromium"; // from here on, a print fails with 503
      try {
        const again = await pdf(id);
        assert.equal(again.statusCode, 200, again.body.slice(0, 300));
        assert.ok(Buffer.from(again.rawPayload).equals(bytes), "the same bytes, without printing");

        // A correction replaces it: a new publication, printed for itself (here: cannot be).
        const fixed = await dept.request("POST", "/api/v1/publications", { ...body, reason: "更正预算数" });
        assert.equal(fixed.statusCode, 201, fixed.body);
        const newId = fixed.json().id;
        assert.notEqual(newId, id);
        const fresh = await pdf(newId);
        assert.equal(fresh.statusCode, 503, "the correction is printed, never served another's bytes");
        assert.equal(fresh.json().error.code, "export.pdf-unavailable");

        // The replaced one stays in history, unchanged, with its PDF; withdrawing does not alter it either.
        const old = await pdf(id);
        assert.equal(old.statusCode, 200);
        assert.ok(Buffer.from(old.rawPayload).equals(bytes));
        const w = await dept.request("POST", `/api/v1/publications/${newId}/withdraw`, { reason: "数据有误" });
        assert.equal(w.statusCode, 200, w.body);
        assert.equal((await pdf(newId)).statusCode, 503, "a failed print is not cached");
      } finally {
        if (saved === undefined) delete process.env.JIXIAO_CHROMIUM;
        else process.env.JIXIAO_CHROMIUM = saved;
      }
    });
  });
}
