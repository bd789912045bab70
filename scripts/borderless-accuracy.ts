/**
 * Borderless calc prints' accuracy as a class (issue 11, text geometry): makes
 * "libreoffice-borderless" fixtures of generated departments (scripts/make-pdf-fixtures.ts: the
 * department's xlsx without cell borders printed by calc) over chosen seeds and layouts, reads each
 * with readPdf and prints, per file, indicators exact / wrong but flagged / wrong and NOT flagged /
 * missing, as scripts/ocr-accuracy.ts does for scans. The target: no wrong indicator unflagged.
 *
 *   npx tsx scripts/borderless-accuracy.ts [--seeds 2501,2502] [--layouts table12,column-order]
 *                                          [--producer libreoffice-borderless] [--cache DIR] [--verbose]
 *
 * PDFs are cached in DIR (default $TMPDIR/jixiao-borderless-accuracy) so a second run only reads.
 * A wrong indicator counts as flagged when a warning or error names its project and indicator
 * (pdf.layout-guessed names the cell and the indicators of the rows it spans); a missing one when
 * a warning names its project, else it is "lost". "alarms": exact indicators flagged all the same.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TargetDocument } from "@jixiao/core";
import { compareDocuments, indicatorKey } from "../bench/generator/compare.ts";
import { readPdf } from "../packages/formats/src/pdf/read-pdf.ts";
import { makeFixture, type Producer } from "./make-pdf-fixtures.ts";

if (process.argv.includes("--help")) {
  console.log(
    "npx tsx scripts/borderless-accuracy.ts [--seeds 2501,2502] [--layouts table12,column-order] [--producer libreoffice-borderless] [--cache DIR] [--verbose]",
  );
  process.exit(0);
}
const arg = (name: string, fallback: string) => {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 && process.argv[k + 1] ? process.argv[k + 1]! : fallback;
};
const seeds = arg("seeds", "2501,2502,2503,2504,2505,2506").split(",").map(Number);
const layouts = arg("layouts", "table12,column-order").split(",");
const producer = arg("producer", "libreoffice-borderless") as Producer;
const cache = arg("cache", path.join(tmpdir(), "jixiao-borderless-accuracy"));
const verbose = process.argv.includes("--verbose");
mkdirSync(cache, { recursive: true });

const total = {
  files: 0,
  ind: 0,
  exact: 0,
  flagged: 0,
  silent: 0,
  missing: 0,
  lost: 0,
  alarms: 0,
  unflagged: 0,
  ms: 0,
};
console.log(
  "file                                         pages  indicators  exact  flagged  SILENT  missing  LOST  projects  alarms  UNFLAGGED     s",
);
for (const layout of layouts)
  for (const seed of seeds) {
    const name = `${layout}-${seed}-${producer}`;
    const pdfFile = path.join(cache, `${name}.pdf`);
    const truthFile = path.join(cache, `${name}.truth.json`);
    if (!existsSync(pdfFile) || !existsSync(truthFile)) {
      const f = await makeFixture(seed, layout, producer);
      writeFileSync(pdfFile, f.pdf);
      writeFileSync(truthFile, JSON.stringify(f.truth));
    }
    const pdf = new Uint8Array(readFileSync(pdfFile));
    const truth = JSON.parse(readFileSync(truthFile, "utf8")) as TargetDocument;
    const pages = (
      Buffer.from(pdf)
        .toString("latin1")
        .match(/\/Type\s*\/Page\b/g) ?? []
    ).length;
    const t = performance.now();
    // Accuracy, not speed: a generous limit so a loaded machine does not cut the read off.
    const r = await readPdf(pdf, { timeLimitMs: Number(process.env.JIXIAO_PDF_TIME_LIMIT_MS) || 900_000 });
    const ms = performance.now() - t;
    const c = compareDocuments(truth, r.value);
    const flags = r.diagnostics.filter(
      (d) => d.severity !== "info" && d.projectIndex !== undefined && d.indicatorIndex !== undefined,
    );
    const flaggedSet = new Set(flags.map((d) => `${d.projectIndex}:${d.indicatorIndex}`));
    const silent = c.wrong.filter(([p, i]) => !flaggedSet.has(`${p}:${i}`));
    const missing = c.missing.reduce((n, [, k]) => n + k, 0);
    // Missing rows are flagged when a project-wide warning names the project (not a cell of it).
    const projectFlag = new Set(
      r.diagnostics
        .filter((d) => d.severity !== "info" && d.projectIndex !== undefined && d.indicatorIndex === undefined)
        .filter((d) => d.code !== "pdf.ocr-low-confidence" && d.code !== "pdf.layout-guessed")
        .map((d) => d.projectIndex),
    );
    const lost = c.missing.reduce((n, [p, k]) => n + (projectFlag.has(p) ? 0 : k), 0);
    const got = r.value?.projects.length ?? 0;
    const wrongSet = new Set(c.wrong.map(([p, i]) => `${p}:${i}`));
    const alarms = [...flaggedSet].filter((k) => !wrongSet.has(k)).length;
    // Truth indicators not read exactly and flagged nowhere: no flagged indicator of that name in
    // any project read (a row read into the wrong or an extra project), no project-wide warning.
    const flaggedNames = new Set(
      [...flaggedSet].map((k) => {
        const [p, i] = k.split(":").map(Number);
        return r.value?.projects[p!]?.indicators[i!]?.name;
      }),
    );
    let unflagged = 0;
    truth.projects.forEach((tp, k) => {
      const pool = new Map<string, number>();
      for (const gi of r.value?.projects[k]?.indicators ?? [])
        pool.set(indicatorKey(gi), (pool.get(indicatorKey(gi)) ?? 0) + 1);
      for (const ti of tp.indicators) {
        const n = pool.get(indicatorKey(ti)) ?? 0;
        if (n > 0) pool.set(indicatorKey(ti), n - 1);
        else if (!flaggedNames.has(ti.name) && !projectFlag.has(k)) unflagged++;
      }
    });
    console.log(
      `${name.padEnd(44)} ${String(pages).padStart(5)} ${String(c.indicators).padStart(11)} ${String(c.exact).padStart(6)} ${String(c.wrong.length - silent.length).padStart(8)} ${String(silent.length).padStart(7)} ${String(missing).padStart(8)} ${String(lost).padStart(5)} ${`${got}/${truth.projects.length}`.padStart(9)} ${String(alarms).padStart(7)} ${String(unflagged).padStart(10)} ${(ms / 1000).toFixed(0).padStart(5)}`,
    );
    if (verbose) {
      for (const [p, i] of c.wrong) {
        const gi = r.value!.projects[p]!.indicators[i]!;
        const tp = truth.projects[p];
        const want = tp?.indicators.find((x) => x.name === gi.name) ?? tp?.indicators[i];
        const mark = silent.some(([a, b]) => a === p && b === i) ? "SILENT " : "flagged";
        console.log(`   ${mark} p${p} i${i} got  ${indicatorKey(gi)}`);
        if (want) console.log(`                  want ${indicatorKey(want)}`);
      }
      for (const e of c.fieldErrors) console.log(`   field ${e}`);
      for (const d of r.diagnostics.filter((d) => d.severity === "error" || d.code === "pdf.ocr-weights-off"))
        console.log(`   error ${d.code} ${d.messageEn}`);
    }
    total.files++;
    total.ind += c.indicators;
    total.exact += c.exact;
    total.flagged += c.wrong.length - silent.length;
    total.silent += silent.length;
    total.missing += missing;
    total.lost += lost;
    total.alarms += alarms;
    total.unflagged += unflagged;
    total.ms += ms;
  }
const pct = (a: number) => `${((100 * a) / Math.max(1, total.ind)).toFixed(1)}%`;
console.log(
  `all: ${total.files} files, ${total.ind} indicators: ${total.exact} exact (${pct(total.exact)}), ${total.flagged} flagged, ${total.silent} wrong and not flagged, ${total.missing} missing (${total.lost} of them not flagged), ${total.alarms} exact ones flagged; ${total.unflagged} truth indicators not read exactly and flagged nowhere; ${(total.ms / 1000 / Math.max(1, total.files)).toFixed(0)} s/file`,
);
