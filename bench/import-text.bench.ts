/**
 * Text import throughput on a generated ≥ 50 MB PDF-extracted 表12 (damaged as in real
 * disclosures), beside the time to merely read the same file and split it into lines,
 * measured in the same run. The ratio is the figure; the target is ≥ 20 MB/s.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readText } from "../packages/formats/src/text/read-text.ts";
import { generateDepartment } from "./generator/department.ts";
import { printText } from "./generator/print-text.ts";

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), "out");
const FILE = path.join(OUT, "department-50mb.txt");
const MIN_BYTES = 50 * 1024 * 1024;

function ensureFile(): void {
  if (existsSync(FILE) && statSync(FILE).size >= MIN_BYTES) return;
  mkdirSync(OUT, { recursive: true });
  const parts: string[] = [];
  let bytes = 0;
  // One department with many projects: print in chunks of 500 projects and concatenate the
  // table bodies so the file is a single table.
  let seed = 1;
  let first = true;
  while (bytes < MIN_BYTES) {
    const doc = generateDepartment(seed++, {
      projects: 500,
      layout: seed % 2 ? "older" : "cost-first-level-2021",
      total: 90,
    });
    let text = printText(doc, seed);
    // Keep the preamble and header once; drop 合计 and footer except at the very end.
    const lines = text.split("\n");
    const body = lines.filter((l) => !l.startsWith("合计") && !l.startsWith("口径说明"));
    text = (first ? body : body.slice(body.findIndex((l) => l.startsWith("项目名称")) + 1)).join("\n");
    first = false;
    parts.push(text);
    bytes += Buffer.byteLength(text);
  }
  parts.push("合计\t\t\t0.00\n口径说明：取值为【项目库管理】-预算项目所填写绩效目标表。\n");
  writeFileSync(FILE, parts.join("\n"));
}

function time<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const v = fn();
  return [v, Number(process.hrtime.bigint() - t0) / 1e9];
}

export default async function (): Promise<void> {
  ensureFile();
  const size = statSync(FILE).size;
  const mb = size / (1024 * 1024);
  // Warm up once, then take the best of 3 for each.
  let baseline = Number.POSITIVE_INFINITY;
  let importing = Number.POSITIVE_INFINITY;
  let indicators = 0;
  let projects = 0;
  for (let i = 0; i < 3; i++) {
    const [, tb] = time(() => readFileSync(FILE, "utf8").split("\n").length);
    baseline = Math.min(baseline, tb);
    const [doc, ti] = time(() => readText(readFileSync(FILE, "utf8")).value);
    importing = Math.min(importing, ti);
    projects = doc?.projects.length ?? 0;
    indicators = doc?.projects.reduce((n, p) => n + p.indicators.length, 0) ?? 0;
  }
  console.log(`file: ${mb.toFixed(1)} MB, ${projects} projects, ${indicators} indicators`);
  console.log(`baseline (read + split into lines): ${baseline.toFixed(3)} s = ${(mb / baseline).toFixed(1)} MB/s`);
  console.log(
    `import (read + parse + repair):     ${importing.toFixed(3)} s = ${(mb / importing).toFixed(1)} MB/s, ${Math.round(indicators / importing).toLocaleString("en")} indicators/s`,
  );
  console.log(
    `ratio import / baseline time: ${(importing / baseline).toFixed(1)}×   (target ≥ 20 MB/s: ${mb / importing >= 20 ? "met" : "NOT met"})`,
  );
}
