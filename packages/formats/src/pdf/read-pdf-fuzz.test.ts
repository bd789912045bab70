/**
 * Hostile PDFs: truncated, a broken cross-reference table, a page tree claiming thousands of
 * pages, deeply nested and endless drawing operators, random byte damage. Every one ends in a
 * result with coded diagnostics — never a throw, never past the time limit.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { checkGlyphs } from "./glyph-check.ts";
import type { TextRun } from "./pdf-page.ts";
import { readPdf } from "./read-pdf.ts";

const here = path.dirname(new URL(import.meta.url).pathname);
const sample = new Uint8Array(readFileSync(path.join(here, "../../test-fixtures/pdf/table12-3-libreoffice.pdf")));

/** A minimal PDF: the given page content, the page referenced `copies` times, `/Count` as claimed. */
function tinyPdf(content: string, copies = 1, count = copies): Uint8Array {
  const objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${Array.from({ length: copies }, () => "3 0 R").join(" ")}] /Count ${count} >>`,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

async function survives(bytes: Uint8Array, label: string, limit = 30_000): Promise<void> {
  const started = Date.now();
  const r = await readPdf(bytes, { timeLimitMs: limit, maxPages: 50 });
  assert.ok(Date.now() - started < limit + 15_000, `${label}: took ${Date.now() - started} ms`);
  assert.ok(Array.isArray(r.diagnostics), label);
  for (const d of r.diagnostics) {
    assert.match(d.code, /^[a-z]+\.[a-z0-9-]+$/, `${label}: ${d.code}`);
    assert.ok(d.message && d.messageEn, `${label}: ${d.code} has zh and en words`);
  }
  if (r.value === null)
    assert.ok(
      r.diagnostics.some((d) => d.severity === "error"),
      `${label}: null without an error`,
    );
}

test("truncated PDFs", async () => {
  for (const f of [0.05, 0.3, 0.6, 0.95])
    await survives(sample.subarray(0, Math.floor(sample.length * f)), `cut at ${f}`);
});

test("a corrupted cross-reference table and a missing startxref", async () => {
  const text = Buffer.from(sample).toString("latin1");
  const xref = text.lastIndexOf("startxref");
  await survives(
    new Uint8Array(Buffer.from(`${text.slice(0, xref)}startxref\n99999999\n%%EOF\n`, "latin1")),
    "bad startxref",
  );
  await survives(
    new Uint8Array(Buffer.from(text.replace(/\d{10} 00000 n/g, "0000000017 00000 n"), "latin1")),
    "bad offsets",
  );
  await survives(new Uint8Array(Buffer.from(text.slice(0, xref), "latin1")), "no startxref");
});

test("a page tree claiming 5000 pages: the page limit applies and says so", async () => {
  const r = await readPdf(tinyPdf("0 0 m 10 10 l S", 5000), { maxPages: 40 });
  assert.ok(r.diagnostics.some((d) => d.code === "pdf.too-many-pages"));
  await survives(tinyPdf("", 3, 1_000_000_000), "Count 1e9");
});

test("deeply nested and endless drawing operators", async () => {
  // 6000 levels (producers nest a handful): the page is flagged and its text not extracted —
  // pdf.js's text extraction is quadratic in nesting. (pdf.js's own operator parse is too, and
  // runs in this thread: far deeper nesting costs time the per-file limit cannot interrupt.)
  const nested = await readPdf(tinyPdf(`${"q ".repeat(6000)}0 0 m 100 0 l S${" Q".repeat(6000)}`));
  assert.ok(nested.diagnostics.some((d) => d.code === "pdf.page-too-complex"));
  const r = await readPdf(tinyPdf("0 0 m 100 100 l S\n".repeat(450_000)), { timeLimitMs: 60_000 });
  assert.ok(r.diagnostics.some((d) => d.code === "pdf.page-too-complex" || d.code === "pdf.time-limit"));
});

test("random byte damage (seeded)", async () => {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let k = 0; k < 12; k++) {
    const b = new Uint8Array(sample);
    for (let i = 0; i < 40; i++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
    await survives(b, `damage ${k}`);
  }
});

test("fonts without a usable ToUnicode map are reported, their text kept out", () => {
  const run = (str: string, font: string): TextRun => ({ str, x: 0, y: 0, w: 10, size: 9, font });
  const g = checkGlyphs([run("项目名称", "f1"), run("\ue001\ue002\ue003", "f2"), run("\u0003\u0012\u0007", "f3")]);
  assert.deepEqual(
    g.badFonts.map((f) => f.font),
    ["f2", "f3"],
  );
  assert.deepEqual(
    g.good.map((r) => r.str),
    ["项目名称"],
  );
});
