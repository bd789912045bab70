// The real tables of other offices (../shared/real-world) printed to PDF the ways offices print
// them — Word files by LibreOffice writer, workbooks by LibreOffice calc, web pages by chromium —
// then imported and compared with each table's hand-read truth (real-world-compare.ts: every
// indicator exact, the project count right). Skips loudly without the shared corpus
// (JIXIAO_SHARED), LibreOffice (JIXIAO_LIBREOFFICE) or chromium (JIXIAO_CHROMIUM); scripts/test.mjs
// sets them when present.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { decodeText } from "../decode.ts";
import { readDocument } from "../read-document.ts";
import { compareReal, type RealTruth } from "../real-world-compare.ts";
import { printHtmlToPdf } from "./write-pdf.ts";

const shared = process.env.JIXIAO_SHARED;
const DIR = shared ? path.join(shared, "real-world") : "";
const office = process.env.JIXIAO_LIBREOFFICE === "1";
const chromium = Boolean(process.env.JIXIAO_CHROMIUM);
if (!shared) console.warn("\n*** SKIPPED real-world PDFs: JIXIAO_SHARED unset (../shared/real-world absent) ***\n");
else if (!office || !chromium)
  console.warn(
    `\n*** SKIPPED real-world PDFs of ${[!office && "LibreOffice (JIXIAO_LIBREOFFICE)", !chromium && "chromium (JIXIAO_CHROMIUM)"].filter(Boolean).join(" and ")}: not installed ***\n`,
  );

/** LibreOffice converts `src` to `to`; the output's path in a fresh folder (`dirs` collects it). */
function soffice(src: string, to: string, dirs: string[], infilter?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-rwpdf-"));
  dirs.push(dir);
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      ...(infilter ? [`--infilter=${infilter}`] : []),
      "--convert-to",
      to,
      "--outdir",
      dir,
      src,
    ],
    { stdio: "ignore", timeout: 180_000 },
  );
  return path.join(dir, `${path.basename(src).replace(/\.[^.]+$/, "")}.${to.split(":")[0]}`);
}

async function chromiumPdf(html: string): Promise<Uint8Array> {
  const r = await printHtmlToPdf(html);
  assert.ok(r.value, r.diagnostics.map((d) => d.messageEn).join("; "));
  return r.value;
}

type Make = (src: string, dirs: string[]) => Promise<Uint8Array>;
const writer: Make = async (src, dirs) => readFileSync(soffice(src, "pdf", dirs));
const calc: Make = async (src, dirs) => readFileSync(soffice(src, "pdf", dirs));
const browser: Make = async (src) => chromiumPdf(decodeText(readFileSync(src)).text);
/** A Word file as a web page (LibreOffice's HTML export), printed by chromium. */
const wordPage: Make = async (src, dirs) => chromiumPdf(readFileSync(soffice(src, "html", dirs), "utf8"));
/** A web page saved as a workbook (calc's HTML import), printed by calc. */
const pageWorkbook: Make = async (src, dirs) =>
  readFileSync(soffice(soffice(src, "xlsx", dirs, "HTML (StarCalc)"), "pdf", dirs));

const CASES: Array<{
  file: string;
  producer: string;
  make: Make;
  needs: "office" | "chromium" | "both";
  todo?: string;
}> = [
  { file: "ezhou_2022/ezhou_2022.docx", producer: "LibreOffice writer", make: writer, needs: "office" },
  { file: "nanhua_selfeval/nanhua_selfeval.docx", producer: "LibreOffice writer", make: writer, needs: "office" },
  { file: "mata_jingyan_2023/mata_jingyan_2023.xlsx", producer: "LibreOffice calc", make: calc, needs: "office" },
  { file: "qingshan_edu_2020/qingshan_edu_2020.html", producer: "chromium", make: browser, needs: "chromium" },
  // GBK page, borders collapsed, no repeated header: page 2 starts with a row drawn open at the top.
  { file: "mata_jingyan_2023/mata_jingyan_2023.html", producer: "chromium", make: browser, needs: "chromium" },
  { file: "ezhou_2022/ezhou_2022.docx", producer: "writer → HTML → chromium", make: wordPage, needs: "both" },
  { file: "nanhua_selfeval/nanhua_selfeval.docx", producer: "writer → HTML → chromium", make: wordPage, needs: "both" },
  {
    file: "qingshan_edu_2020/qingshan_edu_2020.html",
    producer: "calc (HTML → xlsx → PDF)",
    make: pageWorkbook,
    needs: "office",
    // calc's HTML import drops the borders and prints the wide sheet tiled over four pages
    // (columns continued on the next page). The strips are joined (pdf.pages-tiled, one band
    // doubtful), but the print itself loses column B — 1,300 pt wide, wider than the paper, so its
    // centred texts (一级指标, the project's name and code) fall outside every page — and its rows
    // stand one line height apart without borders, which text geometry does not cut into rows yet.
    todo: "calc's print drops the page-wide 一级 column, and its borderless rows are not separated yet",
  },
];

for (const c of CASES) {
  const missing =
    (!shared && "JIXIAO_SHARED unset") ||
    (c.needs !== "chromium" && !office && "LibreOffice absent (JIXIAO_LIBREOFFICE)") ||
    (c.needs !== "office" && !chromium && "chromium absent (JIXIAO_CHROMIUM)");
  test(`real-world ${c.file} printed by ${c.producer}: every indicator exact`, {
    skip: missing || undefined,
    todo: c.todo,
  }, async () => {
    const dirs: string[] = [];
    try {
      const pdf = await c.make(path.join(DIR, c.file), dirs);
      const truth = JSON.parse(readFileSync(path.join(DIR, path.dirname(c.file), "truth.json"), "utf8")) as RealTruth;
      const r = await readDocument(pdf, { fileName: "printed.pdf" });
      assert.ok(r.value, JSON.stringify(r.diagnostics.filter((d) => d.severity === "error")));
      const cmp = compareReal(truth, r.value);
      assert.ok(
        cmp.exact,
        `${cmp.exactIndicators}/${cmp.truthIndicators} exact, ${cmp.projects}/${cmp.truthProjects} projects\n${cmp.problems.join("\n")}`,
      );
      // Every page says which method read it.
      assert.ok(r.diagnostics.some((d) => d.code === "pdf.page-read"));
      assert.deepEqual(
        r.diagnostics.filter((d) => d.severity === "error"),
        [],
      );
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });
}
