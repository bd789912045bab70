import assert from "node:assert/strict";
import { test } from "node:test";
import { zipSync } from "fflate";
import { readDocument, sniffFormat } from "../read-document.ts";
import { readDocx } from "./read-docx.ts";
import { unzipLimited, ZIP_LIMITS } from "./unzip.ts";

type Cell = string | { t: string; span?: number; v?: "restart" | "continue" };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
function para(text: string): string {
  // Text split over two runs, as Word writes it after an edit.
  const half = Math.ceil(text.length / 2);
  return `<w:p><w:r><w:t>${esc(text.slice(0, half))}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${esc(text.slice(half))}</w:t></w:r></w:p>`;
}
function cell(c: Cell): string {
  const x = typeof c === "string" ? { t: c } : c;
  const pr = `${x.span ? `<w:gridSpan w:val="${x.span}"/>` : ""}${x.v ? (x.v === "restart" ? '<w:vMerge w:val="restart"/>' : "<w:vMerge/>") : ""}`;
  return `<w:tc><w:tcPr>${pr}</w:tcPr>${para(x.t)}</w:tc>`;
}
function docx(paragraphs: string[], rows: Cell[][]): Uint8Array {
  const body = `${paragraphs.map(para).join("")}<w:tbl>${rows.map((r) => `<w:tr>${r.map(cell).join("")}</w:tr>`).join("")}</w:tbl>`;
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync({
    "[Content_Types].xml": new TextEncoder().encode("<Types/>"),
    "word/document.xml": new TextEncoder().encode(xml),
  });
}

test("Word: vMerge restart/continue, gridSpan, runs joined, a form in the table; sniffed as docx not xlsx", async () => {
  const bytes = docx(
    ["某县项目支出绩效目标表", "金额单位：万元"],
    [
      ["项目名称", { t: "乡村道路亮化", span: 3 }],
      ["主管部门", "某县住建局", "实施单位", "某县路灯所"],
      ["资金总额", { t: "45.6", span: 3 }],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      [{ t: "产出指标", v: "restart" }, { t: "数量指标", v: "restart" }, "新装路灯", "≥300盏"],
      [{ t: "", v: "continue" }, { t: "", v: "continue" }, "覆盖行政村", "12个"],
      [{ t: "", v: "continue" }, "质量指标", "亮灯率", "≥98%"],
    ],
  );
  assert.equal(sniffFormat(bytes, "x.docx"), "docx");
  assert.equal(sniffFormat(bytes, "misnamed.xlsx"), "docx", "told apart by the zip's entries, not the name");
  const r = await readDocument(bytes, { fileName: "x.docx" });
  const p = r.value!.projects[0]!;
  assert.deepEqual([p.name, p.unitName, p.budget], ["乡村道路亮化", "某县路灯所", 45.6]);
  assert.deepEqual(
    p.indicators.map((i) => [i.level1, i.level2, i.name, i.operator, i.target, i.unit]),
    [
      ["产出指标", "数量指标", "新装路灯", "≥", "300", "盏"],
      ["产出指标", "数量指标", "覆盖行政村", null, "12", "个"],
      ["产出指标", "质量指标", "亮灯率", "≥", "98", "%"],
    ],
  );
  assert.equal(r.value!.title, "某县项目支出绩效目标表");
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity === "error"),
    [],
  );
});

test("zip-bomb defence: a suspicious ratio is refused before inflating; a lying size cannot grow the output", () => {
  const zeros = new Uint8Array(8 * 1024 * 1024);
  const bomb = zipSync({ "word/document.xml": zeros }, { level: 9 });
  assert.ok(bomb.length * ZIP_LIMITS.ratio < zeros.length, "the test archive really is a bomb");
  const r = readDocx(bomb);
  assert.equal(r.value, null);
  assert.equal(r.diagnostics[0]!.code, "docx.too-large");

  // An entry whose central directory claims 16 bytes but inflates to more: the output stays 16 bytes.
  const text = new TextEncoder().encode("<w:document>".padEnd(4000, "x"));
  const z = zipSync({ "word/document.xml": text });
  const dv = new DataView(z.buffer, z.byteOffset, z.byteLength);
  for (let i = z.length - 22; i >= 0; i--) {
    if (dv.getUint32(i, true) === 0x02014b50) {
      dv.setUint32(i + 24, 16, true); // uncompressed size in the central directory
      break;
    }
  }
  const u = unzipLimited(z, () => true);
  assert.ok(u.ok);
  assert.equal(u.files["word/document.xml"]!.length, 16);
});

test("not a zip, a zip without a document, a document without a table: coded errors", () => {
  assert.equal(readDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9])).diagnostics[0]!.code, "docx.unreadable");
  const noDoc = zipSync({ "word/other.xml": new Uint8Array([60]) });
  assert.equal(readDocx(noDoc).diagnostics[0]!.code, "docx.unreadable");
  const noTable = zipSync({
    "word/document.xml": new TextEncoder().encode(
      '<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>只有文字</w:t></w:r></w:p></w:body></w:document>',
    ),
  });
  assert.equal(readDocx(noTable).diagnostics[0]!.code, "docx.without-tables");
});

test("a legacy .doc/.xls (OLE2) is refused with words saying what to do", async () => {
  const ole = new Uint8Array(1024);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const r = await readDocument(ole, { fileName: "目标表.doc" });
  assert.equal(r.value, null);
  assert.equal(r.diagnostics[0]!.code, "input.legacy-office");
  assert.match(r.diagnostics[0]!.messageEn, /\.docx/);
});

test("Word: ≥ inserted as a Symbol-font character and text-box fallbacks read once", () => {
  const row = (cells: string[]) => `<w:tr>${cells.map((c) => `<w:tc>${c}</w:tc>`).join("")}</w:tr>`;
  const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const xml = `<w:document xmlns:w="w" xmlns:mc="mc"><w:body>${p("项目名称：河道治理")}<w:tbl>
${row([p("三级指标"), p("指标值"), p("分值")])}
${row([p("治理长度"), `<w:p><w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r><w:r><w:t>8公里</w:t></w:r></w:p>`, p("60")])}
${row([`<w:p><w:r><mc:AlternateContent><mc:Choice><w:t>水质达标率</w:t></mc:Choice><mc:Fallback><w:t>水质达标率</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`, p("100%"), p("40")])}
</w:tbl></w:body></w:document>`;
  const r = readDocx(zipSync({ "word/document.xml": new TextEncoder().encode(xml) }));
  const p0 = r.value!.projects[0]!;
  assert.equal(p0.name, "河道治理");
  assert.deepEqual(
    p0.indicators.map((i) => [i.name, i.operator, i.target, i.unit]),
    [
      ["治理长度", "≥", "8", "公里"],
      ["水质达标率", null, "100", "%"],
    ],
  );
});
