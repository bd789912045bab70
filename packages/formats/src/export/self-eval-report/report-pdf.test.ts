/**
 * The 自评报告 and department summary as PDF, printed by the system's chromium: a real PDF whose
 * text (read back with pdf.js) holds the project name and the engine's total. Skipped loudly
 * without chromium, like every PDF test (scripts/test.mjs sets JIXIAO_CHROMIUM when it exists).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { scoreDocument, type TargetDocument } from "@jixiao/core";
import { repairRadicals } from "../../pdf/radicals.ts";
import { departmentSummaryPdf, selfEvalReportPdf } from "./index.ts";
import { scoreText } from "./numbers.ts";

const chromium = process.env.JIXIAO_CHROMIUM;
const SKIP = !chromium && "JIXIAO_CHROMIUM unset: needs Debian's chromium (apt-get install chromium fonts-noto-cjk)";

const example = JSON.parse(
  readFileSync(new URL("../../../../../examples/self-eval-seed.json", import.meta.url), "utf8"),
) as TargetDocument;

/**
 * Every page's text, as pdf.js reads it, white space dropped (CJK runs split anywhere) and the
 * Kangxi radical code points some CJK fonts map ideographs to read back as the ideographs.
 */
async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    out.push(content.items.map((it) => ("str" in it ? it.str : "")).join(""));
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text: repairRadicals(out.join("\n")).replace(/\s+/g, "") };
}

test("the 自评报告 PDF starts with %PDF and reads back with the project name and total", { skip: SKIP }, async () => {
  const result = scoreDocument(example);
  const score = result.projects[3]!;
  const r = await selfEvalReportPdf({
    project: example.projects[3]!,
    score,
    policyName: result.policy,
    department: "呼和浩特市总工会",
    fiscalYear: 2025,
    evidence: [{ fileName: "体检合同.pdf", size: 2048 }],
  });
  assert.deepEqual(r.diagnostics, []);
  const bytes = r.value!;
  assert.equal(new TextDecoder().decode(bytes.subarray(0, 5)), "%PDF-");
  const { text, pages } = await pdfText(bytes);
  assert.ok(pages >= 1);
  assert.ok(text.includes("项目支出绩效自评报告"));
  assert.ok(text.includes(score.name), "project name");
  assert.ok(text.includes(`总分${scoreText(score.total)}分`), `total ${score.total}`);
  assert.ok(text.includes("六、佐证材料清单") && text.includes("体检合同.pdf"));
});

test("the department summary PDF holds every project's score and the chart's caption", { skip: SKIP }, async () => {
  const result = scoreDocument(example);
  const r = await departmentSummaryPdf({
    title: "呼和浩特市总工会",
    fiscalYear: 2025,
    rows: result.projects.map((p, i) => ({
      name: p.name,
      orgName: example.projects[i]!.unitName,
      budget: p.budget,
      score: p.total,
      grade: p.grade,
    })),
  });
  assert.deepEqual(r.diagnostics, []);
  const { text } = await pdfText(r.value!);
  for (const p of result.projects) assert.ok(text.includes(scoreText(p.total)), p.name);
  assert.ok(text.includes("退休人员体检费"));
  assert.ok(text.includes("自评等级分布"));
});

test("without chromium: no bytes and the coded pdf.no-chromium diagnostic", async () => {
  const saved = process.env.JIXIAO_CHROMIUM;
  process.env.JIXIAO_CHROMIUM = "/nonexistent/chromium";
  try {
    const r = await departmentSummaryPdf({ title: "t", fiscalYear: 2025, rows: [] });
    assert.equal(r.value, null);
    assert.deepEqual(
      r.diagnostics.map((d) => d.code),
      ["pdf.no-chromium"],
    );
  } finally {
    if (saved === undefined) delete process.env.JIXIAO_CHROMIUM;
    else process.env.JIXIAO_CHROMIUM = saved;
  }
});
