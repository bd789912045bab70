/**
 * Text import throughput on a generated ≥ 50 MB PDF-extracted 表12 (damaged as in real
 * disclosures), beside the time to merely read the same file and split it into lines,
 * measured in the same run. The ratio is the figure; the target is ≥ 20 MB/s. Every timing runs in
 * a fresh process (as one `jixiao import` does), so one run's garbage does not bill the next.
 */
import { execFileSync } from "node:child_process";
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

/**
 * One measurement in a fresh process, as a user's `jixiao import` runs: the child reads the file
 * and either only splits it into lines (baseline) or imports it, timing that part itself.
 */
function measure(kind: "baseline" | "import"): { seconds: number; cpu: number; projects: number; indicators: number } {
  const out = execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), kind, FILE], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split("\n").at(-1)!);
}

function runChild(kind: string, file: string): void {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let projects = 0;
  let indicators = 0;
  if (kind === "baseline") readFileSync(file, "utf8").split("\n");
  else {
    const doc = readText(readFileSync(file, "utf8")).value;
    projects = doc?.projects.length ?? 0;
    indicators = doc?.projects.reduce((n, p) => n + p.indicators.length, 0) ?? 0;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  // CPU time (user + system, all threads) beside wall time: on a loaded shared machine wall
  // time mostly measures the neighbours.
  const cpu = (c.user + c.system) / 1e6;
  console.log(JSON.stringify({ seconds, cpu, projects, indicators }));
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
  const line = (what: string, seconds: number, indicators?: number) =>
    `${what.padEnd(44)} ${seconds.toFixed(3)} s = ${(mb / seconds).toFixed(1)} MB/s${indicators ? `, ${Math.round(indicators / seconds).toLocaleString("en")} indicators/s` : ""}`;
  // Cold: each run in a fresh process, as one `jixiao import` runs (JIT warm-up included).
  let coldBase = Number.POSITIVE_INFINITY;
  let cold = Number.POSITIVE_INFINITY;
  let coldBaseCpu = Number.POSITIVE_INFINITY;
  let coldCpu = Number.POSITIVE_INFINITY;
  let indicators = 0;
  let projects = 0;
  for (let i = 0; i < 3; i++) {
    const b = measure("baseline");
    coldBase = Math.min(coldBase, b.seconds);
    coldBaseCpu = Math.min(coldBaseCpu, b.cpu);
    const r = measure("import");
    cold = Math.min(cold, r.seconds);
    coldCpu = Math.min(coldCpu, r.cpu);
    projects = r.projects;
    indicators = r.indicators;
  }
  // Warm: in this process after a first run, as a long-running server imports (best of 3).
  let warmBase = Number.POSITIVE_INFINITY;
  let warm = Number.POSITIVE_INFINITY;
  readText(readFileSync(FILE, "utf8"));
  for (let i = 0; i < 3; i++) {
    warmBase = Math.min(warmBase, time(() => readFileSync(FILE, "utf8").split("\n").length)[1]);
    warm = Math.min(warm, time(() => readText(readFileSync(FILE, "utf8")).value !== null)[1]);
  }
  console.log(`file: ${mb.toFixed(1)} MB, ${projects} projects, ${indicators} indicators`);
  console.log(line("cold baseline (read + split into lines)", coldBase));
  console.log(line("cold import (fresh process per run)", cold, indicators));
  console.log(line("cold baseline, CPU time", coldBaseCpu));
  console.log(line("cold import, CPU time", coldCpu, indicators));
  console.log(line("warm baseline (read + split into lines)", warmBase));
  console.log(line("warm import (same process, after a first run)", warm, indicators));
  console.log(
    `ratio import / baseline time: cold ${(cold / coldBase).toFixed(1)}×, warm ${(warm / warmBase).toFixed(1)}×`,
  );
  console.log(
    `target ≥ 20 MB/s: cold ${mb / cold >= 20 ? "met" : "NOT met"}, warm ${mb / warm >= 20 ? "met" : "NOT met"}`,
  );
}

const [, , childKind, childFile] = process.argv;
if (childKind && childFile && process.argv[1] === fileURLToPath(import.meta.url)) runChild(childKind, childFile);
