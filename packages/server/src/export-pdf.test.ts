/**
 * PDF download of a published 表12 (public, no login): printed by the system's chromium, read
 * back with @jixiao/formats' PDF reader; without chromium a coded 503, never a crash.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { readDocument } from "@jixiao/formats";
import { DRIVERS } from "./db/test-databases.ts";
import { openTestApp, type TestApp } from "./http/test-app.ts";

for (const driver of DRIVERS) {
  describe(`public PDF export (${driver.name})`, () => {
    let t: TestApp;
    let id: number;
    let names: string[];
    before(async () => {
      t = await openTestApp(driver);
      const dept = await t.login("dept151");
      const pub = await dept.request("POST", "/api/v1/publications", { fiscalYear: 2024, deptCode: "151" });
      assert.equal(pub.statusCode, 201, pub.body);
      id = pub.json().id;
      const one = (await t.anonymous.request("GET", `/api/v1/public/publications/${id}`)).json();
      names = one.document.projects.map((p: { name: string }) => p.name);
      assert.ok(names.length >= 4);
    });
    after(async () => t.close());

    test("without a working chromium: 503 export.pdf-unavailable with zh/en words, and the server keeps serving", async () => {
      const saved = process.env.JIXIAO_CHROMIUM;
      process.env.JIXIAO_CHROMIUM = "/nonexistent/chromium"; // a wrong path is reported, never replaced
      try {
        const r = await t.anonymous.request("GET", `/api/v1/public/publications/${id}/export.pdf`);
        assert.equal(r.statusCode, 503, r.body);
        const e = r.json().error;
        assert.equal(e.code, "export.pdf-unavailable");
        assert.match(e.message, /chromium/);
        assert.match(e.messageEn, /chromium/);
        assert.equal(e.details[0].code, "pdf.no-chromium");
        // A "chromium" that dies at launch: the same coded answer, with the reason.
        process.env.JIXIAO_CHROMIUM = "/bin/false";
        const dead = await t.anonymous.request("GET", `/api/v1/public/publications/${id}/export.pdf`);
        assert.equal(dead.statusCode, 503, dead.body);
        assert.equal(dead.json().error.code, "export.pdf-unavailable");
        assert.equal(dead.json().error.details[0].code, "pdf.chromium-failed");
      } finally {
        if (saved === undefined) delete process.env.JIXIAO_CHROMIUM;
        else process.env.JIXIAO_CHROMIUM = saved;
      }
      const csv = await t.anonymous.request("GET", `/api/v1/public/publications/${id}/export.csv`);
      assert.equal(csv.statusCode, 200);
    });

    test("a published 表12 as PDF: %PDF bytes whose tables read back with every project", async (c) => {
      if (!process.env.JIXIAO_CHROMIUM) {
        c.skip("JIXIAO_CHROMIUM is unset: PDF printing needs Debian's chromium (apt-get install chromium)");
        return;
      }
      const r = await t.anonymous.request("GET", `/api/v1/public/publications/${id}/export.pdf`);
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      assert.equal(r.headers["content-type"], "application/pdf");
      assert.match(String(r.headers["content-disposition"]), /attachment; filename\*=UTF-8''2024-151-.*\.pdf/);
      const bytes = new Uint8Array(r.rawPayload);
      assert.equal(new TextDecoder().decode(bytes.subarray(0, 5)), "%PDF-");
      const back = await readDocument(bytes, { fileName: "t.pdf" });
      assert.ok(back.value, JSON.stringify(back.diagnostics.slice(0, 3)));
      assert.deepEqual(
        back.value.projects.map((p) => p.name),
        names,
        "the PDF's table holds the published projects in order",
      );
      assert.equal(back.value.department?.name, "呼和浩特市总工会");
    });
  });
}
