import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { scoreDocument, type TargetDocument } from "@jixiao/core";
import { strFromU8, unzipSync } from "fflate";
import { memoryIo } from "../io.ts";
import { main } from "../main.ts";
import { run } from "./self-eval-report.ts";

const EXAMPLE = fileURLToPath(new URL("../../../../examples/self-eval-seed.json", import.meta.url));
const doc = JSON.parse(await readFile(EXAMPLE, "utf8")) as TargetDocument;
const scores = scoreDocument(doc).projects;

const wordText = (bytes: Uint8Array) =>
  [...strFromU8(unzipSync(bytes)["word/document.xml"]!).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join("");

test("one project as Word, with the details file: the engine's total, the problems and the evidence", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "jixiao-report-"));
  const details = path.join(dir, "details.json");
  await writeFile(
    details,
    JSON.stringify({
      problems: "部分退休人员未参检",
      conclusion: "总体较好",
      funding: {
        total: { initial: 4.3, full: 4.3, executed: 2.58 },
        fiscal: { initial: 4.3, full: 4.3, executed: 2.58 },
        carryover: {},
        other: {},
      },
      evidence: [{ fileName: "体检合同.pdf", size: 4096 }],
    }),
  );
  const out = path.join(dir, "report.docx");
  const io = memoryIo();
  const code = await run([EXAMPLE, "--project", "4", "--details", details, "--year", "2025", "-o", out], io);
  assert.equal(code, 0, io.stderr);
  const p = scores[3]!;
  assert.match(
    io.stderr,
    new RegExp(`wrote .*report\\.docx \\(docx, \\d+ bytes\\): ${p.name} 总分 ${p.total} ${p.grade}`),
  );
  const text = wordText(await readFile(out));
  assert.ok(text.includes("项目支出绩效自评报告"));
  assert.ok(text.includes(`（2025年度）`));
  assert.ok(text.includes(`经自评，本项目总分 ${p.total.toFixed(2)} 分，自评等级为“${p.grade}”。`));
  assert.ok(text.includes("部分退休人员未参检") && text.includes("总体较好") && text.includes("体检合同.pdf"));
  assert.ok(text.includes("其中：本年财政拨款"));
});

test("HTML to stdout by project name; every project to numbered files with -o", async () => {
  const io = memoryIo();
  assert.equal(await run([EXAMPLE, "--project", scores[0]!.name, "--format", "html"], io), 0);
  assert.ok(io.stdout.startsWith("<!DOCTYPE html>"));
  assert.ok(io.stdout.includes("（2024年度）"), "the table's own fiscal year");
  assert.ok(io.stdout.includes(scores[0]!.total.toFixed(2)));

  const dir = await mkdtemp(path.join(tmpdir(), "jixiao-reports-"));
  const all = memoryIo();
  assert.equal(await run([EXAMPLE, "--year", "2025", "-o", path.join(dir, "r.html")], all), 0, all.stderr);
  assert.deepEqual((await readdir(dir)).sort(), ["r-1.html", "r-2.html", "r-3.html", "r-4.html"]);
  for (const [i, p] of scores.entries()) {
    const html = await readFile(path.join(dir, `r-${i + 1}.html`), "utf8");
    assert.ok(html.includes(`本项目总分 ${p.total.toFixed(2)} 分`), p.name);
  }
});

test("bad usage answers 2 with words: format, project, several projects to stdout, year, details", async () => {
  const cases: [string[], RegExp][] = [
    [[EXAMPLE, "--format", "odt", "--year", "2025"], /--format docx\|pdf\|html/],
    [[EXAMPLE, "--project", "9", "--year", "2025", "--format", "html"], /no project 9 \(1–4\)/],
    [[EXAMPLE, "--project", "没有这个", "--year", "2025", "--format", "html"], /no project named/],
    [[EXAMPLE, "--format", "html", "--year", "2025"], /several projects/],
    [[EXAMPLE, "--policy", "no-such-policy", "--format", "html", "--year", "2025"], /unknown policy/],
    [["/no/such/file.json", "--project", "1", "--format", "html", "--year", "2025"], /Cannot open/],
  ];
  for (const [argv, message] of cases) {
    const io = memoryIo();
    assert.equal(await run(argv, io), 2, argv.join(" "));
    assert.match(io.stderr, message);
  }
  const dir = await mkdtemp(path.join(tmpdir(), "jixiao-details-"));
  // A table without a fiscal year needs --year.
  const noYear = path.join(dir, "no-year.json");
  await writeFile(noYear, JSON.stringify({ ...doc, fiscalYear: undefined }));
  const y = memoryIo();
  assert.equal(await run([noYear, "--project", "1", "--format", "html"], y), 2);
  assert.match(y.stderr, /give --year/);
  const bad = path.join(dir, "bad.json");
  await writeFile(bad, JSON.stringify({ evidence: [{ fileName: 1 }] }));
  const io = memoryIo();
  assert.equal(await run([EXAMPLE, "--project", "1", "--format", "html", "--year", "2025", "--details", bad], io), 2);
  assert.match(io.stderr, /fileName and size/);
  // Binary to a stdout that takes no bytes.
  const text = memoryIo();
  assert.equal(await run([EXAMPLE, "--project", "1", "--year", "2025"], text), 2);
  assert.match(text.stderr, /docx is binary: give -o OUT/);
});

test("the command is registered: jixiao --help lists it", async () => {
  const io = memoryIo();
  await main(["--help"], io);
  assert.match(io.stdout, /self-eval-report .*自评报告/);
});
