import assert from "node:assert/strict";
import { test } from "node:test";
import type { TargetDocument } from "@jixiao/core";
import { generateDepartment } from "../../../../bench/generator/department.ts";
import { table12Html } from "../html/table12-html.ts";
import { readDocument } from "../read-document.ts";
import { readPdf, repairRadicals } from "./read-pdf.ts";
import { printHtmlToPdf, writePdf } from "./write-pdf.ts";

test("repairRadicals maps radical code points back to ideographs, leaves full-width punctuation", () => {
  assert.equal(repairRadicals("项⽬名称：第1⻚，⼾"), "项目名称：第1页，户");
});

test("garbage after %PDF gives a coded error", async () => {
  const r = await readPdf(new TextEncoder().encode("%PDF-1.7 nonsense"));
  assert.equal(r.value, null);
  assert.equal(r.diagnostics[0]!.code, "pdf.unreadable");
});

const chromium = process.env.JIXIAO_CHROMIUM;

async function roundTrip(doc: TargetDocument): Promise<void> {
  const pdf = await writePdf(doc);
  assert.ok(pdf.value, JSON.stringify(pdf.diagnostics));
  let progressed = 0;
  const back = await readDocument(pdf.value, { fileName: "t.pdf", onProgress: () => progressed++ });
  assert.deepEqual(
    back.diagnostics.filter((d) => d.severity !== "info"),
    [],
  );
  assert.deepStrictEqual(back.value, doc);
  assert.ok(back.diagnostics.some((d) => d.code === "pdf.page-read" && /ruling lines/.test(d.messageEn ?? "")));
  assert.ok(progressed > 0);
}

test("HTML export printed by chromium, several pages, reads back as the truth", {
  skip: !chromium && "JIXIAO_CHROMIUM unset: needs Debian's chromium (apt-get install chromium fonts-noto-cjk)",
}, async () => {
  for (const seed of [7, 11]) {
    const doc = generateDepartment(seed, { projects: 6 });
    await roundTrip(doc);
  }
});

test("PDF without a 合计 row: notes still read as notes; 2021 layout; a table over several pages", {
  skip: !chromium && "JIXIAO_CHROMIUM unset: needs Debian's chromium (apt-get install chromium fonts-noto-cjk)",
}, async () => {
  const doc = generateDepartment(23, { projects: 5, layout: "cost-first-level-2021" });
  delete doc.total;
  doc.notes = [
    "口径说明：取值为【项目库管理】-预算项目所填写绩效目标表。",
    "注：本表金额单位为万元，分值合计为九十分。",
  ];
  await roundTrip(doc);
});

test("two tables on one page (a title and a header each) read as one document", {
  skip: !chromium && "JIXIAO_CHROMIUM unset: needs Debian's chromium (apt-get install chromium fonts-noto-cjk)",
}, async () => {
  const doc = generateDepartment(5, { projects: 2 });
  delete doc.total;
  delete doc.notes;
  for (const p of doc.projects) p.indicators = p.indicators.slice(0, 3);
  const first = table12Html({ ...doc, projects: doc.projects.slice(0, 1) });
  const second = /<body[^>]*>([\s\S]*)<\/body>/.exec(table12Html({ ...doc, projects: doc.projects.slice(1) }))![1];
  const pdf = await printHtmlToPdf(first.replace("</body>", `${second}</body>`));
  assert.ok(pdf.value);
  const r = await readPdf(pdf.value);
  assert.ok(r.diagnostics.some((d) => d.code === "pdf.page-read" && /\(2 tables\)/.test(d.messageEn ?? "")));
  assert.deepEqual(
    r.value?.projects.map((p) => p.indicators),
    doc.projects.map((p) => p.indicators),
  );
});
