// The import preview's column mapping over HTTP: the reading comes back (layouts, columns, marked
// cells), a corrected mapping sent with the file is validated and passed to the reader, and the
// commit takes the re-read document. The table is generated, so its truth is known.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { generateDepartment } from "../../../bench/generator/department.ts";
import { TABLE12 } from "../../../bench/generator/layouts.ts";
import { renderHtml } from "../../../bench/generator/render-markup.ts";
import { printRows } from "../../../bench/generator/row-table.ts";
import { DRIVERS } from "./db/test-databases.ts";
import { openTestApp, type TestApp } from "./http/test-app.ts";

/** multipart/form-data with an optional `columns` field before the `file`. */
function upload(fileName: string, content: Uint8Array, columns?: string) {
  const b = `----jixiao${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  if (columns !== undefined)
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="columns"\r\n\r\n${columns}\r\n`));
  parts.push(
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/html\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${b}--\r\n`),
  );
  return { body: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${b}` } };
}

const truth = generateDepartment(77, { projects: 2, layout: "older", total: 90 });
truth.fiscalYear = 2024;
const html = renderHtml(
  printRows(
    truth,
    "项目绩效目标表",
    TABLE12.map(([field, header]) => ({ field, header: field === "target" ? "考核要求" : header })),
    {},
  ),
);

interface Reading {
  columns: { sheet: string; column: number; header: string; key: string | null; how: string }[];
  marks: { projectIndex: number; indicatorIndex?: number; field: string | null; kind: string }[];
  layouts: { zh: string }[];
  overrides: unknown[];
}

for (const driver of DRIVERS) {
  describe(`import column mapping (${driver.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(driver);
    });
    after(async () => t.close());

    test("the preview says how it read the table; a corrected mapping re-reads it; the commit takes the re-read", async () => {
      const admin = await t.login("admin");
      const m = upload("t.html", html);
      const first = await admin.request("POST", "/api/v1/imports/preview?fiscalYear=2024", m.body, m.headers);
      assert.equal(first.statusCode, 200, first.body);
      const p1 = first.json() as { reading: Reading; document: typeof truth };
      const col = p1.reading.columns.find((c) => c.header === "考核要求");
      assert.ok(col, "the unknown column is listed");
      assert.equal(col.key, null);
      assert.ok(p1.reading.layouts.length > 0);
      assert.ok(p1.document.projects.every((p) => p.indicators.every((i) => i.target === "")));
      assert.ok(p1.reading.marks.some((k) => k.field === "target" && k.kind === "doubtful"));

      const columns = JSON.stringify([{ sheet: col.sheet, column: col.column, key: "target" }]);
      const m2 = upload("t.html", html, columns);
      const second = await admin.request("POST", "/api/v1/imports/preview?fiscalYear=2024", m2.body, m2.headers);
      assert.equal(second.statusCode, 200, second.body);
      const p2 = second.json() as { previewId: string; reading: Reading; document: typeof truth };
      const col2 = p2.reading.columns.find((c) => c.header === "考核要求");
      assert.equal(col2?.key, "target");
      assert.equal(col2?.how, "override");
      assert.equal(p2.reading.overrides.length, 1);
      assert.deepEqual(
        p2.document.projects.map((p) => p.indicators.map((i) => i.target)),
        truth.projects.map((p) => p.indicators.map((i) => i.target)),
      );
      assert.ok(!p2.reading.marks.some((k) => k.field === "target"));

      const commit = await admin.request("POST", `/api/v1/imports/${p2.previewId}/commit`, {});
      assert.equal(commit.statusCode, 201, commit.body);
      const created = commit.json().created as { id: number; name: string }[];
      assert.equal(created.length, truth.projects.length);
      const d = (await admin.request("GET", `/api/v1/projects/${created[0]!.id}`)).json();
      const tp = truth.projects.find((p) => p.name === d.name)!;
      assert.deepEqual(
        d.table.indicators.map((i: { target: string }) => i.target),
        tp.indicators.map((i) => i.target),
      );
    });

    test("a bad mapping is refused (400) before anything is read or kept", async () => {
      const admin = await t.login("admin");
      for (const columns of ["not json", '[{"column":3,"key":"nope"}]', '[{"column":999,"key":"target"}]', "{}"]) {
        const m = upload("t.html", html, columns);
        const r = await admin.request("POST", "/api/v1/imports/preview?fiscalYear=2024", m.body, m.headers);
        assert.equal(r.statusCode, 400, `${columns}: ${r.body}`);
        assert.equal(r.json().error.code, "validation");
      }
    });
  });
}
