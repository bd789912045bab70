// Every real table in ../shared/real-world/ (HTML UTF-8 and GBK, Word .docx, xlsx, the
// LibreOffice-printed PDF), read through readDocument and compared with its hand-read truth by
// the rules of compare_real.py (real-world-compare.ts): every indicator exact, the project count
// right, and nothing that makes `jixiao import` exit 1. Skips loudly when ../shared is absent.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { readDocument } from "./read-document.ts";
import { compareReal, type RealTruth } from "./real-world-compare.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const DIR = path.resolve(ROOT, "../shared/real-world");
const CONTAINERS = /\.(html?|docx|xlsx|pdf)$/i;

const present = existsSync(DIR);
if (!present)
  console.warn(
    `\n*** SKIPPED real-world tables: ${DIR} is absent (the shared corpus lives beside the repository) ***\n`,
  );

const cases = present
  ? readdirSync(DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(DIR, d.name, "truth.json")))
      .flatMap((d) =>
        readdirSync(path.join(DIR, d.name))
          .filter((f) => CONTAINERS.test(f))
          .map((f) => ({ folder: d.name, file: f })),
      )
  : [];

test("the real-world corpus is there and holds every container kind", {
  skip: !present && "../shared/real-world absent",
}, () => {
  const kinds = new Set(cases.map((c) => path.extname(c.file).toLowerCase()));
  for (const k of [".html", ".docx", ".xlsx", ".pdf"]) assert.ok(kinds.has(k), `no ${k} fixture`);
});

for (const { folder, file } of cases) {
  test(`real-world ${folder}/${file}: every indicator exact`, async () => {
    const full = path.join(DIR, folder, file);
    const truth = JSON.parse(readFileSync(path.join(DIR, folder, "truth.json"), "utf8")) as RealTruth;
    const r = await readDocument(readFileSync(full), { fileName: full });
    assert.ok(r.value, JSON.stringify(r.diagnostics.filter((d) => d.severity === "error")));
    const c = compareReal(truth, r.value);
    assert.ok(
      c.exact,
      `${c.exactIndicators}/${c.truthIndicators} indicators exact, ${c.projects}/${c.truthProjects} projects\n${c.problems.join("\n")}`,
    );
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    assert.deepEqual(errors, [], "an exact reading has no error-severity diagnostics");
    // The reading is logged: a layout and the mapped columns.
    assert.ok(r.diagnostics.some((d) => d.code.endsWith(".layout")));
    assert.ok(
      r.reading &&
        r.reading.blocks.length > 0 &&
        r.reading.blocks.every((b) => b.columns.some((m) => m.key === "indicator")),
    );
  });
}

test("the comparison is not vacuous: one changed target, level or missing project is caught", {
  skip: !present && "../shared/real-world absent",
}, async () => {
  const c = cases.find((x) => x.file.endsWith(".html"))!;
  const full = path.join(DIR, c.folder, c.file);
  const truth = JSON.parse(readFileSync(path.join(DIR, c.folder, "truth.json"), "utf8")) as RealTruth;
  const doc = (await readDocument(readFileSync(full), { fileName: full })).value!;
  const changed = structuredClone(doc);
  const ind = changed.projects[0]!.indicators.find((i) => i.nature !== "定性")!;
  ind.target = String(Number(ind.target) + 1);
  const a = compareReal(truth, changed);
  assert.equal(a.exact, false);
  assert.equal(a.exactIndicators, a.truthIndicators - 1);
  const relabelled = structuredClone(doc);
  relabelled.projects[0]!.indicators[0]!.level1 = "满意度指标（10分）";
  relabelled.projects[0]!.indicators[0]!.level2 = "服务对象满意度";
  assert.equal(compareReal(truth, relabelled).exact, false);
  assert.equal(compareReal(truth, { ...doc, projects: doc.projects.slice(1) }).exact, false);
});

/** Converts a file with LibreOffice into `to` (a filter name) in a temp folder; the output's bytes. */
async function convert(src: string, to: string, ext: string, infilter?: string): Promise<Uint8Array> {
  const { execFile } = await import("node:child_process");
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-lo-"));
  await new Promise<void>((resolve, reject) =>
    execFile(
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
      { timeout: 120_000 },
      (e) => (e ? reject(e) : resolve()),
    ),
  );
  return readFileSync(path.join(dir, `${path.basename(src).replace(/\.[^.]+$/, "")}.${ext}`));
}

const CROSS: [file: string, to: string, ext: string, infilter?: string][] = [
  ["nanhua_selfeval/nanhua_selfeval.docx", "html", "html"],
  ["ezhou_2022/ezhou_2022.docx", "html", "html"],
  ["mata_jingyan_2023/mata_jingyan_2023.xlsx", "html", "html"],
  ["qingshan_edu_2020/qingshan_edu_2020.html", "docx:MS Word 2007 XML", "docx"],
  ["qingshan_edu_2020/qingshan_edu_2020.html", "xlsx", "xlsx", "HTML (StarCalc)"],
  ["mata_jingyan_2023/mata_jingyan_2023.html", "xlsx", "xlsx", "HTML (StarCalc)"],
  ["nanhua_selfeval/nanhua_selfeval.docx", "pdf", "pdf"],
  ["ezhou_2022/ezhou_2022.docx", "pdf", "pdf"],
];
const office = process.env.JIXIAO_LIBREOFFICE === "1";
if (present && !office)
  console.warn(
    "\n*** SKIPPED real-world cross-container tests: LibreOffice (soffice) not found (JIXIAO_LIBREOFFICE unset) ***\n",
  );

for (const [file, to, ext, infilter] of CROSS) {
  test(`real-world ${file} converted by LibreOffice to ${ext}: every indicator exact`, {
    skip: (!present && "../shared/real-world absent") || (!office && "LibreOffice absent"),
  }, async () => {
    const bytes = await convert(path.join(DIR, file), to, ext, infilter);
    const truth = JSON.parse(readFileSync(path.join(DIR, path.dirname(file), "truth.json"), "utf8")) as RealTruth;
    const r = await readDocument(bytes, { fileName: `converted.${ext}` });
    assert.ok(r.value, JSON.stringify(r.diagnostics.filter((d) => d.severity === "error")));
    const c = compareReal(truth, r.value);
    assert.ok(c.exact, `${c.exactIndicators}/${c.truthIndicators} exact\n${c.problems.join("\n")}`);
  });
}
