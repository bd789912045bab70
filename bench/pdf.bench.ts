/**
 * PDF import against a peer: generated departments printed by real producers (LibreOffice
 * from xlsx and docx, chromium from HTML; scripts/make-pdf-fixtures.ts), read by jixiao and by
 * pdfplumber's table extraction (Python; its cells mapped through the same grid layer).
 * Prints indicators exact and time per file for both. Without soffice/chromium it reads the
 * committed fixtures; without pdfplumber it says why and runs jixiao alone.
 *
 *   npm run bench -- pdf                 (JIXIAO_BENCH_PDF_COUNT departments per producer, default 3;
 *                                         JIXIAO_BENCH_PDF_SCANNED scanned ones, default 1;
 *                                         JIXIAO_PYTHON the Python with pdfplumber, default python3 —
 *                                         e.g. a venv: JIXIAO_PYTHON=/tmp/ppvenv/bin/python)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TargetDocument } from "@jixiao/core";
import { readPdf } from "../packages/formats/src/pdf/read-pdf.ts";
import { chromiumPath } from "../packages/formats/src/pdf/write-pdf.ts";
import type { GridCell, GridSheet } from "../packages/formats/src/table/grid.ts";
import { readGrid } from "../packages/formats/src/table/read-grid.ts";
import { makeFixture, type Producer } from "../scripts/make-pdf-fixtures.ts";
import { compareDocuments } from "./generator/compare.ts";

/** The Python that runs pdfplumber (a venv's python, say); python3 on the PATH by default. */
const PYTHON = process.env.JIXIAO_PYTHON || "python3";

interface Sample {
  producer: string;
  file: string;
  truth: TargetDocument;
}

const PLUMBER = `
import json, sys, time
import pdfplumber
out = []
for f in sys.argv[1:]:
    t = time.perf_counter()
    rows = []
    with pdfplumber.open(f) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows.extend(table)
    out.append({"file": f, "ms": (time.perf_counter() - t) * 1000, "rows": rows})
print(json.dumps(out, ensure_ascii=False))
`;

function hasCommand(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: "ignore", timeout: 20_000 }).status === 0;
}

async function samples(dir: string): Promise<Sample[]> {
  const count = Number(process.env.JIXIAO_BENCH_PDF_COUNT) || 3;
  const out: Sample[] = [];
  const soffice = hasCommand("soffice", ["--version"]);
  const chromium = chromiumPath() !== null;
  const plan: Array<[string, Producer]> = [];
  if (soffice) plan.push(["table12", "libreoffice"], ["table12", "libreoffice-docx"], ["sichuan", "libreoffice-docx"]);
  if (chromium)
    plan.push(
      ["table12", "chromium"],
      ["column-order", "chromium"],
      // Web pages styled as CMSs do: collapsed borders (open at page breaks), and no borders.
      ["table12", "chromium-collapsed"],
      ["table12", "chromium-borderless"],
    );
  // Scanned (chromium print rasterised at 150 dpi, read by tesseract): about a minute each, so
  // JIXIAO_BENCH_PDF_SCANNED departments (default 1); pdfplumber reads no images (0 %).
  const scans = Number(process.env.JIXIAO_BENCH_PDF_SCANNED ?? 1);
  const ocr = chromium && scans > 0 && hasCommand("pdftocairo", ["-v"]) && hasCommand("tesseract", ["--version"]);
  if (ocr) plan.push(["table12", "scanned"]);
  // calc's print of a sheet without borders (text geometry, rows one line height apart); last, so
  // the producers above keep their seeds.
  if (soffice) plan.push(["table12", "libreoffice-borderless"], ["column-order", "libreoffice-borderless"]);
  if (plan.length === 0) {
    console.log("soffice and chromium absent: reading the committed fixtures only");
    const fx = path.join(import.meta.dirname, "../packages/formats/test-fixtures/pdf");
    for (const f of readdirSync(fx).filter((f) => f.endsWith(".truth.json") && !f.includes("scanned"))) {
      const pdf = path.join(fx, f.replace(".truth.json", ".pdf"));
      out.push({
        producer: f.split("-").slice(2).join("-").replace(".truth.json", ""),
        file: pdf,
        truth: JSON.parse(readFileSync(path.join(fx, f), "utf8")),
      });
    }
    return out;
  }
  for (const [layout, producer] of plan)
    for (let n = 0; n < (producer === "scanned" ? scans : count); n++) {
      const seed = 1000 + n * 7 + plan.indexOf(plan.find((p) => p[0] === layout && p[1] === producer)!) * 101;
      const f = await makeFixture(seed, layout, producer);
      const file = path.join(dir, `${f.name}.pdf`);
      writeFileSync(file, f.pdf);
      out.push({ producer: `${producer} ${layout}`, file, truth: f.truth });
    }
  return out;
}

function plumberSheet(rows: (string | null)[][]): GridSheet {
  return {
    name: "pdfplumber",
    rows: rows.map((r) =>
      r.map((c): GridCell | undefined => (c === null || c === "" ? undefined : { text: c.replace(/\n/g, "") })),
    ),
    ref: (r, c) => `R${r + 1}C${c + 1}`,
  };
}

export default async function (): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "jixiao-pdf-bench-"));
  try {
    const set = await samples(dir);
    let plumber: Map<string, { ms: number; rows: (string | null)[][] }> | null = null;
    let why = "";
    try {
      execFileSync(PYTHON, ["-c", "import pdfplumber"], { stdio: "ignore" });
      const script = path.join(dir, "plumber.py");
      writeFileSync(script, PLUMBER);
      const json = execFileSync(PYTHON, [script, ...set.map((s) => s.file)], {
        encoding: "utf8",
        maxBuffer: 256 << 20,
      });
      plumber = new Map(
        (JSON.parse(json) as Array<{ file: string; ms: number; rows: (string | null)[][] }>).map((x) => [x.file, x]),
      );
    } catch (e) {
      why = (e as Error).message.split("\n")[0] ?? "";
      console.log(
        `pdfplumber unavailable (${why}); install with: pip install --user pdfplumber, or point JIXIAO_PYTHON at a Python that has it`,
      );
    }
    const byProducer = new Map<
      string,
      { files: number; ind: number; jx: number; jxMs: number; pl: number; plMs: number }
    >();
    for (const s of set) {
      const t = performance.now();
      const r = await readPdf(new Uint8Array(readFileSync(s.file)));
      const jxMs = performance.now() - t;
      const jx = compareDocuments(s.truth, r.value);
      const row = byProducer.get(s.producer) ?? { files: 0, ind: 0, jx: 0, jxMs: 0, pl: 0, plMs: 0 };
      row.files++;
      row.ind += jx.indicators;
      row.jx += jx.exact;
      row.jxMs += jxMs;
      const p = plumber?.get(s.file);
      if (p) {
        const g = readGrid([plumberSheet(p.rows)], { source: "pdf" });
        row.pl += compareDocuments(s.truth, g.value).exact;
        row.plMs += p.ms;
      }
      byProducer.set(s.producer, row);
    }
    const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
    console.log("producer                     files  indicators  jixiao exact   ms/file  pdfplumber exact   ms/file");
    const total = { files: 0, ind: 0, jx: 0, jxMs: 0, pl: 0, plMs: 0 };
    for (const [k, v] of byProducer) {
      for (const f of Object.keys(total) as (keyof typeof total)[]) total[f] += v[f];
      console.log(
        `${k.padEnd(28)} ${String(v.files).padStart(5)} ${String(v.ind).padStart(11)}  ${pct(v.jx, v.ind).padStart(12)} ${(v.jxMs / v.files).toFixed(0).padStart(9)}  ${plumber ? pct(v.pl, v.ind).padStart(16) : "n/a".padStart(16)} ${plumber ? (v.plMs / v.files).toFixed(0).padStart(9) : "n/a".padStart(9)}`,
      );
    }
    console.log(
      `${"all".padEnd(28)} ${String(total.files).padStart(5)} ${String(total.ind).padStart(11)}  ${pct(total.jx, total.ind).padStart(12)} ${(total.jxMs / Math.max(1, total.files)).toFixed(0).padStart(9)}  ${plumber ? pct(total.pl, total.ind).padStart(16) : "n/a".padStart(16)} ${plumber ? (total.plMs / Math.max(1, total.files)).toFixed(0).padStart(9) : "n/a".padStart(9)}`,
    );
    console.log(
      "(pdfplumber time: its extract_tables per file inside Python; jixiao: readPdf per file in this process)",
    );
  } finally {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}
