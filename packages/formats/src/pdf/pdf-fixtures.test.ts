/**
 * PDFs as real producers print them (packages/formats/test-fixtures/pdf, made by
 * scripts/make-pdf-fixtures.ts): LibreOffice (xlsx and docx), chromium, and a scanned copy.
 * Targets (issue 11): ≥ 99% of indicators exact on vector PDFs; ≥ 95% on scanned pages, and
 * every indicator not read exactly is flagged.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { compareDocuments } from "../../../../bench/generator/compare.ts";
import { readDocument } from "../read-document.ts";
import { writeXlsx } from "../xlsx/write-xlsx.ts";
import { readPdf } from "./read-pdf.ts";
import { fixturesWithTruth, fixtureTruth, loadFixture, PDF_FIXTURES_DIR } from "./test-fixture.ts";

const here = path.dirname(new URL(import.meta.url).pathname);
const fixtures = fixturesWithTruth();
const truth = fixtureTruth;
const load = loadFixture;

for (const f of fixtures.filter((f) => !f.includes("scanned") && !f.includes("borderless"))) {
  test(`${f}: ≥ 99% of indicators exact, read by its ruling lines`, async () => {
    const { pdf, truth } = load(f);
    const r = await readPdf(pdf);
    const c = compareDocuments(truth, r.value);
    assert.ok(c.exact / c.indicators >= 0.99, `${c.exact}/${c.indicators} exact; ${c.fieldErrors.join("; ")}`);
    assert.equal(r.value?.projects.length, truth.projects.length);
    assert.ok(r.diagnostics.some((d) => d.code === "pdf.page-read" && /ruling lines/.test(d.messageEn ?? "")));
    assert.deepEqual(
      r.diagnostics.filter((d) => d.severity === "error"),
      [],
    );
  });
}

const tesseract = process.env.JIXIAO_TESSERACT === "1";
for (const f of fixtures.filter((f) => f.includes("scanned"))) {
  // Recognised once, checked by both tests below (a scan takes about a minute on 2 cores).
  let read: ReturnType<typeof recognise> | undefined;
  const ocr = () => {
    read ??= recognise();
    return read;
  };
  const recognise = async () => {
    const { pdf, truth } = load(f);
    // Accuracy, not speed, is checked here: on a loaded machine the OCR may pass the 120 s a
    // file is given by default (then pdf.ocr-incomplete leaves cells empty).
    const r = await readPdf(pdf, { timeLimitMs: 900_000 });
    const c = compareDocuments(truth, r.value);
    const flagged = new Set(
      r.diagnostics
        .filter((d) => d.severity !== "info" && d.projectIndex !== undefined && d.indicatorIndex !== undefined)
        .map((d) => `${d.projectIndex}:${d.indicatorIndex}`),
    );
    const unflagged = c.wrong.filter(([p, i]) => !flagged.has(`${p}:${i}`));
    console.log(
      `# ${f}: ${c.exact}/${c.indicators} indicators exact, ${c.wrong.length - unflagged.length} of ${c.wrong.length} others flagged`,
    );
    return { r, c, unflagged };
  };
  const noTesseract = !tesseract && "JIXIAO_TESSERACT unset: needs Debian's tesseract-ocr tesseract-ocr-chi-sim";
  test(`${f}: scanned pages are cut at the image's table lines and recognised cell by cell, doubtful ones flagged`, {
    skip: noTesseract,
  }, async () => {
    const { r, c, unflagged } = await ocr();
    assert.ok(r.diagnostics.some((d) => d.code === "pdf.page-read" && /scanned/.test(d.messageEn ?? "")));
    assert.equal(r.value?.projects.length, truth(f).projects.length);
    // Measured 2026-12-02 (chromium print at ≈ 10.5 pt, 4 pages scanned at 150 dpi): 26/27
    // exact, the other one flagged (confidence < 90). The lines above the table are recognised
    // too: 年度 comes from there.
    assert.equal(r.value?.fiscalYear, truth(f).fiscalYear);
    assert.ok(c.exact >= 24, `${c.exact}/${c.indicators} exact: fewer than measured`);
    assert.deepEqual(unflagged, [], "every indicator not read exactly is flagged");
  });
  test(`${f}: ≥ 95% of indicators exact, every other one flagged (issue 11 target)`, {
    skip: noTesseract,
  }, async () => {
    const { c, unflagged } = await ocr();
    assert.ok(c.exact / c.indicators >= 0.95, `${c.exact}/${c.indicators}`);
    assert.equal(unflagged.length, 0);
  });
  test(`${f}: without tesseract, one error names the scanned pages and the apt command`, async () => {
    const saved = process.env.JIXIAO_TESSERACT_BIN;
    process.env.JIXIAO_TESSERACT_BIN = "/nonexistent/tesseract";
    try {
      const r = await readPdf(load(f).pdf);
      const d = r.diagnostics.find((x) => x.code === "pdf.ocr-unavailable");
      assert.ok(d, JSON.stringify(r.diagnostics));
      assert.equal(d.severity, "error");
      assert.match(d.message, /第 1.* 页是扫描图像/);
      assert.match(d.messageEn ?? "", /apt-get install tesseract-ocr tesseract-ocr-chi-sim/);
    } finally {
      if (saved === undefined) delete process.env.JIXIAO_TESSERACT_BIN;
      else process.env.JIXIAO_TESSERACT_BIN = saved;
    }
  });
}

const seedPath = [
  path.join(here, "../../../../examples/seed-2024-hohhot-union.txt"),
  path.join(here, "../../../../../shared/seeds/000_39a11263a16bd7ed.txt"),
].find(existsSync);
test("the seed → xlsx export → LibreOffice PDF → import: the same 4 projects and 59 indicators", {
  skip: !seedPath && "seed not found (examples/seed-2024-hohhot-union.txt or ../shared/seeds): skipped",
}, async () => {
  const seed = await readDocument(new Uint8Array(readFileSync(seedPath!)), { fileName: "seed.txt" });
  assert.ok(seed.value);
  let pdf: Uint8Array;
  if (process.env.JIXIAO_LIBREOFFICE === "1") {
    const { sofficePdf } = await import("../../../../scripts/make-pdf-fixtures.ts");
    pdf = sofficePdf(await writeXlsx(seed.value), "xlsx");
  } else {
    console.log("# JIXIAO_LIBREOFFICE unset: reading the committed LibreOffice print of the seed");
    pdf = new Uint8Array(readFileSync(path.join(PDF_FIXTURES_DIR, "seed-libreoffice.pdf")));
  }
  const back = await readPdf(pdf);
  assert.equal(back.value?.projects.length, 4, "a project cut by the page break stays one project");
  const c = compareDocuments(seed.value, back.value);
  assert.equal(c.indicators, 59);
  assert.equal(c.exact, 59, `${c.fieldErrors.join("; ")}`);
});

const mata = path.join(here, "../../../../../shared/real-world/mata_jingyan_2023");
test("real-world: the LibreOffice-printed 马踏镇 table imports exactly against its truth", {
  skip: !existsSync(mata) && "../shared/real-world absent: skipped",
}, async () => {
  const r = await readPdf(new Uint8Array(readFileSync(path.join(mata, "mata_jingyan_2023-libreoffice.pdf"))));
  const out = path.join(process.env.TMPDIR ?? "/tmp", `jixiao-mata-${process.pid}.json`);
  (await import("node:fs")).writeFileSync(out, JSON.stringify(r.value));
  const report = execFileSync("python3", [path.join(mata, "../compare_real.py"), path.join(mata, "truth.json"), out], {
    encoding: "utf8",
  });
  assert.match(report, /13\/13 indicators exact, 2\/2 projects/);
});

test("pages turned by /Rotate 90, 180, 270 read the same (the page is turned until its text runs right)", async () => {
  const f = "table12-3-libreoffice.pdf";
  const { pdf, truth } = load(f);
  const text = Buffer.from(pdf).toString("latin1");
  assert.match(text, /\/Type\s*\/Page\b/);
  for (const rotate of [90, 180, 270]) {
    // pdf.js rebuilds the cross-reference table the insertion shifts.
    const turned = new Uint8Array(
      Buffer.from(text.replace(/\/Type\s*\/Page\b/g, `/Type/Page/Rotate ${rotate}`), "latin1"),
    );
    const r = await readPdf(turned);
    const c = compareDocuments(truth, r.value);
    assert.equal(c.exact, c.indicators, `/Rotate ${rotate}: ${c.exact}/${c.indicators}`);
  }
});

for (const f of fixtures.filter((f) => f.includes("chromium-borderless"))) {
  test(`${f}: a print without borders is read by text positions — merged cells centred over their rows, cells cut by page breaks — ≥ 99% exact, every other indicator flagged`, async () => {
    const { pdf, truth } = load(f);
    const r = await readPdf(pdf);
    const c = compareDocuments(truth, r.value);
    const flagged = new Set(
      r.diagnostics
        .filter((d) => d.severity !== "info" && d.projectIndex !== undefined && d.indicatorIndex !== undefined)
        .map((d) => `${d.projectIndex}:${d.indicatorIndex}`),
    );
    // Measured 2026-12-03 (3 pages, 2 projects, one cut by the page break): 32/32 exact.
    assert.ok(c.exact / c.indicators >= 0.99, `${c.exact}/${c.indicators} exact; ${c.fieldErrors.join("; ")}`);
    assert.deepEqual(
      c.wrong.filter(([p, i]) => !flagged.has(`${p}:${i}`)),
      [],
      "every indicator not read exactly is flagged",
    );
    assert.equal(r.value?.projects.length, truth.projects.length);
    assert.ok(r.diagnostics.some((d) => d.code === "pdf.page-read" && /text positions/.test(d.messageEn ?? "")));
    // Nothing was recognised from pixels here: a doubtful cell is a guessed extent, said as such.
    assert.deepEqual(
      r.diagnostics.filter((d) => d.code.startsWith("pdf.ocr")),
      [],
    );
    assert.deepEqual(
      r.diagnostics.filter((d) => d.severity === "error"),
      [],
    );
  });
}

// A workbook with its cell borders cleared, printed by calc (makeFixture(3, "table12",
// "libreoffice-borderless")): no ruling lines, small print (the sheet fitted to the paper's
// width, ≈ 5.6 pt, columns a point apart), rows barely apart (a one-line row ≈ 1.25 line steps)
// and merged cells centred in their range. 0/30 before the columns' narrow gaps and wrap
// continuation were read, 28/30 (the other two flagged) before the fourth session's calc
// borderless fixes (page-number footer, 合计 row, split labels); 30/30 since (2026-12-03): the
// issue's ≥ 99 % target.
test("table12-3-libreoffice-borderless.pdf: calc's print of a sheet without borders is read by text positions — ≥ 99% exact, every other indicator flagged", async () => {
  const { pdf, truth } = load("table12-3-libreoffice-borderless.pdf");
  const r = await readPdf(pdf);
  const c = compareDocuments(truth, r.value);
  const flagged = new Set(
    r.diagnostics
      .filter((d) => d.severity !== "info" && d.projectIndex !== undefined && d.indicatorIndex !== undefined)
      .map((d) => `${d.projectIndex}:${d.indicatorIndex}`),
  );
  assert.equal(c.indicators, 30);
  assert.ok(c.exact / c.indicators >= 0.99, `${c.exact}/${c.indicators} exact; ${c.fieldErrors.join("; ")}`);
  assert.deepEqual(
    c.wrong.filter(([p, i]) => !flagged.has(`${p}:${i}`)),
    [],
    "every indicator not read exactly is flagged",
  );
  assert.equal(r.value?.projects.length, truth.projects.length);
  assert.ok(r.diagnostics.some((d) => d.code === "pdf.page-read" && /text positions/.test(d.messageEn ?? "")));
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity === "error"),
    [],
  );
});

// The same producer over two pages, columns in another order: calc prints the header again on
// page 2 (a cut project's centred text over it) and a cut merged cell's text centred in the whole
// cell on both pages, clipped. Every indicator exact since 2026-12-03 (was 48/64).
test("column-order-5-libreoffice-borderless.pdf: calc's borderless print over two pages, header repeated and cut cells printed on both — every indicator exact", async () => {
  const { pdf, truth } = load("column-order-5-libreoffice-borderless.pdf");
  const r = await readPdf(pdf);
  const c = compareDocuments(truth, r.value);
  assert.equal(c.indicators, 64);
  assert.equal(c.exact, c.indicators, `${c.exact}/${c.indicators} exact; ${c.fieldErrors.join("; ")}`);
  assert.deepEqual(
    r.value?.projects.map((p) => p.name),
    truth.projects.map((p) => p.name),
  );
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity === "error"),
    [],
  );
});
