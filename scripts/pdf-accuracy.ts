/**
 * One PDF read against the truth it was printed from, counted as the accuracy scripts count it
 * (scripts/ocr-accuracy.ts for scans, scripts/borderless-accuracy.ts for prints without
 * borders): indicators exact; wrong but flagged (a warning or error names the indicator); wrong
 * and NOT flagged (SILENT); missing (a truth indicator no row was read for), LOST when no
 * project-wide warning names its project; exact ones flagged all the same (alarms); and
 * UNFLAGGED — truth indicators not read exactly whose name no flagged indicator of any project
 * carries (a row read into the wrong or an extra project). The PDF and its truth are cached in a
 * folder, so a second run only reads.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TargetDocument } from "@jixiao/core";
import { compareDocuments, indicatorKey } from "../bench/generator/compare.ts";
import { readPdf } from "../packages/formats/src/pdf/read-pdf.ts";

export interface Measured {
  name: string;
  pages: number;
  indicators: number;
  exact: number;
  flagged: number;
  silent: number;
  missing: number;
  lost: number;
  projects: string;
  alarms: number;
  unflagged: number;
  ms: number;
  /** What --verbose prints: each wrong indicator beside the truth's, field errors, errors. */
  details: string[];
}

/** Reads `cache/name.pdf` (made by `make` when absent, with its truth) and counts the reading. */
export async function measure(
  cache: string,
  name: string,
  make: () => Promise<{ pdf: Uint8Array; truth: TargetDocument }>,
): Promise<Measured> {
  const pdfFile = path.join(cache, `${name}.pdf`);
  const truthFile = path.join(cache, `${name}.truth.json`);
  if (!existsSync(pdfFile) || !existsSync(truthFile)) {
    const f = await make();
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
  const wrongSet = new Set(c.wrong.map(([p, i]) => `${p}:${i}`));
  const alarms = [...flaggedSet].filter((k) => !wrongSet.has(k)).length;
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
  const details: string[] = [];
  for (const [p, i] of c.wrong) {
    const gi = r.value!.projects[p]!.indicators[i]!;
    const tp = truth.projects[p];
    const want = tp?.indicators.find((x) => x.name === gi.name) ?? tp?.indicators[i];
    const mark = silent.some(([a, b]) => a === p && b === i) ? "SILENT " : "flagged";
    details.push(`   ${mark} p${p} i${i} got  ${indicatorKey(gi)}`);
    if (want) details.push(`                  want ${indicatorKey(want)}`);
  }
  for (const e of c.fieldErrors) details.push(`   field ${e}`);
  for (const d of r.diagnostics.filter((d) => d.severity === "error" || d.code === "pdf.ocr-weights-off"))
    details.push(`   error ${d.code} ${d.messageEn}`);
  return {
    name,
    pages,
    indicators: c.indicators,
    exact: c.exact,
    flagged: c.wrong.length - silent.length,
    silent: silent.length,
    missing,
    lost,
    projects: `${r.value?.projects.length ?? 0}/${truth.projects.length}`,
    alarms,
    unflagged,
    ms,
    details,
  };
}

/** The table the scripts print: a header, a line per file, and the totals. */
export class AccuracyTable {
  private readonly rows: Measured[] = [];
  constructor(private readonly nameWidth: number) {}

  header(): string {
    return `${"file".padEnd(this.nameWidth)} pages  indicators  exact  flagged  SILENT  missing  LOST  projects  alarms  UNFLAGGED     s`;
  }

  add(m: Measured): string {
    this.rows.push(m);
    const n = (x: number, w: number) => String(x).padStart(w);
    return `${m.name.padEnd(this.nameWidth)} ${n(m.pages, 5)} ${n(m.indicators, 11)} ${n(m.exact, 6)} ${n(m.flagged, 8)} ${n(m.silent, 7)} ${n(m.missing, 8)} ${n(m.lost, 5)} ${m.projects.padStart(9)} ${n(m.alarms, 7)} ${n(m.unflagged, 10)} ${(m.ms / 1000).toFixed(0).padStart(5)}`;
  }

  summary(): string {
    const sum = (k: keyof Measured) => this.rows.reduce((s, m) => s + (m[k] as number), 0);
    const ind = sum("indicators");
    const pct = (a: number) => `${((100 * a) / Math.max(1, ind)).toFixed(1)}%`;
    const files = this.rows.length;
    return `all: ${files} files, ${ind} indicators: ${sum("exact")} exact (${pct(sum("exact"))}), ${sum("flagged")} flagged, ${sum("silent")} wrong and not flagged, ${sum("missing")} missing (${sum("lost")} of them not flagged), ${sum("alarms")} exact ones flagged; ${sum("unflagged")} truth indicators not read exactly and flagged nowhere; ${(sum("ms") / 1000 / Math.max(1, files)).toFixed(0)} s/file`;
  }
}
