/**
 * Report downloads (issue 17) on every driver: a project's 自评报告 as Word (document.xml holds the
 * project's name, the engine's total and the 佐证材料 file names) and PDF (pdf.js reads its pages),
 * and a round's department summary (xlsx / Word; PDF when chromium is present); scope and roles.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { inflateRawSync } from "node:zlib";
import { zipEntries } from "@jixiao/formats/zip-guard.ts";
import { DRIVERS } from "./db/test-databases.ts";
import { type Client, openTestApp, type TestApp } from "./http/test-app.ts";

/** One entry of a zip (xlsx, docx) as text, read with the zip guard's directory reader. */
function entryText(bytes: Uint8Array, name: string): string {
  const entries = zipEntries(bytes);
  assert.ok(Array.isArray(entries), "a readable zip");
  const e = entries.find((x) => x.name === name);
  assert.ok(e, `${name} in the zip`);
  const h = e.localHeaderOffset;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = h + 30 + view.readUInt16LE(h + 26) + view.readUInt16LE(h + 28);
  const data = view.subarray(start, start + e.compressedSize);
  return (e.method === 8 ? inflateRawSync(data) : data).toString("utf8");
}

/** The text runs of a Word document body. */
const wordText = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join("")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");

function form(fileName: string, content: Uint8Array) {
  const b = `----rep${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return { body, headers: { "content-type": `multipart/form-data; boundary=${b}` } };
}

async function pdfPages(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  let text = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const c = await (await doc.getPage(i)).getTextContent();
    text += c.items.map((it) => ("str" in it ? it.str : "")).join("");
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text };
}

for (const driver of DRIVERS) {
  describe(`self-evaluation reports (${driver.name})`, () => {
    let t: TestApp;
    let staff: Client;
    let project: { id: number; name: string };
    let total: number;
    before(async () => {
      t = await openTestApp(driver);
      staff = await t.login("unit151001");
      const list = (await staff.request("GET", "/api/v1/projects?fiscalYear=2024&unitCode=151001")).json();
      const p = list.items.find((x: { approvedVersionNo: number | null }) => x.approvedVersionNo !== null);
      project = { id: p.id, name: p.name };
      const se = (await staff.request("GET", `/api/v1/projects/${p.id}/self-evaluation`)).json();
      const saved = await staff.request("PUT", `/api/v1/projects/${p.id}/self-evaluation`, {
        executed: se.table.budget,
        indicators: se.table.indicators.map((i: { target: string }) => ({ actual: i.target })),
        problems: "部分指标完成时间滞后",
        conclusion: "项目总体达到预期",
      });
      assert.equal(saved.statusCode, 200, saved.body);
      total = saved.json().result.total;
      const pdf = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
      const m = form("项目验收单.pdf", pdf);
      const up = await staff.request("POST", `/api/v1/projects/${p.id}/self-evaluation/evidence`, m.body, m.headers);
      assert.equal(up.statusCode, 201, up.body);
    });
    after(async () => t.close());

    test("自评报告 as Word: the project, the engine's total, the problems and the evidence list", async () => {
      const r = await staff.request("GET", `/api/v1/projects/${project.id}/self-evaluation/report.docx`);
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      assert.match(String(r.headers["content-type"]), /wordprocessingml/);
      assert.match(String(r.headers["content-disposition"]), /^attachment; /);
      assert.match(decodeURIComponent(String(r.headers["content-disposition"])), /自评报告\.docx/);
      const text = wordText(entryText(new Uint8Array(r.rawPayload), "word/document.xml"));
      assert.ok(text.includes(project.name), "the project's name");
      assert.ok(text.includes(total.toFixed(2)), `the total ${total.toFixed(2)}`);
      assert.ok(text.includes("项目验收单.pdf"), "the evidence file");
      assert.ok(text.includes("部分指标完成时间滞后"), "the problems");
      assert.ok(text.includes("项目总体达到预期"), "the conclusion");
      // The department's reviewer downloads it too; a neighbouring unit and a foreign region do not.
      const dept = await t.login("dept151");
      assert.equal(
        (await dept.request("GET", `/api/v1/projects/${project.id}/self-evaluation/report.docx`)).statusCode,
        200,
      );
      for (const who of ["unit151002", "f_fin"]) {
        const c = await t.login(who);
        const no = await c.request("GET", `/api/v1/projects/${project.id}/self-evaluation/report.docx`);
        assert.equal(no.statusCode, 404, who);
      }
    });

    test("自评报告 as PDF (chromium): starts with %PDF, pdf.js reads the pages and the name", {
      skip: process.env.JIXIAO_CHROMIUM ? false : "no chromium (JIXIAO_CHROMIUM unset)",
    }, async () => {
      const r = await staff.request("GET", `/api/v1/projects/${project.id}/self-evaluation/report.pdf`);
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      assert.equal(r.headers["content-type"], "application/pdf");
      const bytes = new Uint8Array(r.rawPayload);
      assert.equal(Buffer.from(bytes.subarray(0, 5)).toString("latin1"), "%PDF-");
      const { pages, text } = await pdfPages(bytes);
      assert.ok(pages >= 1, `${pages} pages`);
      // Some CJK fonts map ideographs to Kangxi radical code points (⽬ for 目): NFKC on both sides.
      const squeezed = text.replace(/\s+/g, "").normalize("NFKC");
      assert.ok(
        squeezed.includes(project.name.replace(/\s+/g, "").normalize("NFKC")),
        "the project's name in the PDF text",
      );
      assert.ok(squeezed.includes(total.toFixed(2)), "the total in the PDF text");
      assert.ok(squeezed.includes("项目验收单.pdf".normalize("NFKC")), "the evidence list in the PDF text");
    });

    test("a round's department summary as xlsx and Word (reviewers only)", async () => {
      const finance = await t.login("finance");
      const opened = await finance.request("POST", "/api/v1/evaluation-rounds", {
        fiscalYear: 2024,
        dueDate: "2099-12-31",
      });
      assert.ok([200, 201].includes(opened.statusCode), opened.body);
      const roundId = opened.json().round.id as number;
      const rounds = (await finance.request("GET", `/api/v1/evaluation-rounds/${roundId}`)).json();
      const names = rounds.projects.map((p: { name: string }) => p.name) as string[];
      assert.ok(names.length > 0);

      const xlsx = await finance.request("GET", `/api/v1/evaluation-rounds/${roundId}/summary.xlsx`);
      assert.equal(xlsx.statusCode, 200, xlsx.body.slice(0, 300));
      assert.match(String(xlsx.headers["content-type"]), /spreadsheetml/);
      const bytes = new Uint8Array(xlsx.rawPayload);
      const shared = entryText(bytes, "xl/sharedStrings.xml");
      const sheet = entryText(bytes, "xl/worksheets/sheet1.xml");
      for (const n of names) assert.ok(shared.includes(n) || sheet.includes(n), `${n} in the summary`);

      const docx = await finance.request("GET", `/api/v1/evaluation-rounds/${roundId}/summary.docx`);
      assert.equal(docx.statusCode, 200, docx.body.slice(0, 300));
      const text = wordText(entryText(new Uint8Array(docx.rawPayload), "word/document.xml"));
      assert.ok(text.includes("2024"), "the year in the title");
      assert.ok(
        names.every((n) => text.includes(n)),
        "every project of the round",
      );

      if (process.env.JIXIAO_CHROMIUM) {
        const pdf = await finance.request("GET", `/api/v1/evaluation-rounds/${roundId}/summary.pdf`);
        assert.equal(pdf.statusCode, 200, pdf.body.slice(0, 300));
        assert.ok((await pdfPages(new Uint8Array(pdf.rawPayload))).pages >= 1);
      }
      // A unit's staff may not download a summary; a foreign region does not see the round.
      assert.equal((await staff.request("GET", `/api/v1/evaluation-rounds/${roundId}/summary.xlsx`)).statusCode, 403);
      const foreign = await t.login("f_fin");
      assert.equal((await foreign.request("GET", `/api/v1/evaluation-rounds/${roundId}/summary.xlsx`)).statusCode, 404);
    });
  });
}
