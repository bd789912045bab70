/**
 * `jixiao self-eval-report FILE [--format docx|pdf|html] [-o OUT] [--project N|NAME] [--policy NAME|FILE]
 *  [--details FILE.json] [--department NAME] [--year YYYY]`: the 项目支出绩效自评报告 (issue 17).
 * Reads the same table `jixiao score` reads (any format: the targets with the actuals), scores it
 * under the policy, and writes each chosen project's report: Word, PDF (system chromium) or HTML.
 * --details adds what a table does not hold: {"problems", "conclusion", "funding", "evidence": [{"fileName", "size", "indicatorName"}]}.
 * Exit: 0 written, 1 written but scoring found errors (or PDF impossible), 2 unreadable input or bad usage.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  parseScoringPolicy,
  SCORING_PRESETS,
  type ScoringPolicy,
  scoreDocument,
  scoringPreset,
  type TargetDocument,
} from "@jixiao/core";
import type { SelfEvalReportInput } from "@jixiao/formats";
import { readCommandArgs } from "../command-args.ts";
import type { Io } from "../io.ts";
import { formatDiagnostics, loadDocument } from "../load.ts";

export const summary = "项目支出绩效自评报告（docx/pdf/html）· write the self-evaluation report";

const FORMATS = ["docx", "pdf", "html"] as const;
type Format = (typeof FORMATS)[number];

const HELP = `用法 Usage: jixiao self-eval-report FILE [--format docx|pdf|html] [-o OUT] [--project N|NAME]
         [--policy NAME|FILE] [--details FILE.json] [--department NAME] [--year YYYY] [--lang zh|en]
  读取与 jixiao score 相同的表（含实际完成值），按评分规则打分，写出项目支出绩效自评报告：
  基本情况、绩效目标完成情况（评分表）、偏差原因分析、主要问题及整改措施、自评结论、佐证材料清单。
  Reads the table jixiao score reads, scores it and writes the self-evaluation report of each project.
  --format   docx（默认）| pdf（系统 chromium 打印）| html；省略时按 -o 的扩展名 / default from -o's extension
  -o OUT     输出文件（"-" 或省略 = 标准输出）；多个项目时写成 OUT-1.docx、OUT-2.docx… / several projects: OUT-1.docx, …
  --project  第 N 个项目（从 1 起）或项目名称；省略 = 全部项目 / the N-th project (from 1) or its name; default all
  --policy   ${Object.keys(SCORING_PRESETS).join(" | ")}（默认 default）或 JSON 评分规则文件 / or a JSON policy file
  --details  JSON：{"problems","conclusion","funding":{total,fiscal,carryover,other},"evidence":[{"fileName","size","indicatorName"}]}
  --department / --year  主管部门与年度（默认取自表格）/ department and fiscal year (default: the table's)
  Exit: 0 written, 1 written but scoring found errors or PDF could not be printed, 2 unreadable input or bad usage.
`;

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", short: "f" },
      output: { type: "string", short: "o" },
      project: { type: "string", short: "p" },
      policy: { type: "string", default: "default" },
      details: { type: "string" },
      department: { type: "string" },
      year: { type: "string" },
      lang: { type: "string", default: "zh" },
      help: { type: "boolean", short: "h" },
    },
  });
}

type Details = Pick<SelfEvalReportInput, "problems" | "conclusion" | "funding"> & {
  evidence?: SelfEvalReportInput["evidence"];
};

async function readJson(file: string, what: string, io: Io): Promise<unknown> {
  try {
    return JSON.parse((await readFile(file, "utf8")).replace(/^\uFEFF/, ""));
  } catch (e) {
    io.err(`jixiao self-eval-report: 无法读取${what} cannot read ${file}: ${(e as Error).message}\n`);
    return undefined;
  }
}

async function loadPolicy(spec: string, io: Io): Promise<ScoringPolicy | null> {
  const preset = scoringPreset(spec);
  if (preset) return preset;
  const data = await readJson(spec, "评分规则", io);
  if (data === undefined) return null;
  const parsed = parseScoringPolicy(data);
  if (!parsed.value) io.err(formatDiagnostics(parsed.diagnostics));
  return parsed.value;
}

/** The --details file, checked for shape (strings, an object of funding lines, an evidence list). */
function checkDetails(data: unknown): Details | string {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return "不是 JSON 对象 / not a JSON object";
  const d = data as Record<string, unknown>;
  for (const k of ["problems", "conclusion"] as const)
    if (d[k] !== undefined && typeof d[k] !== "string") return `${k} 应为文本 / must be a string`;
  if (d.funding !== undefined) {
    const f = d.funding as Record<string, unknown>;
    if (typeof f !== "object" || f === null) return "funding 应为对象 / must be an object";
    for (const k of ["total", "fiscal", "carryover", "other"])
      if (typeof f[k] !== "object" || f[k] === null) return `funding.${k} 应为对象 / must be an object`;
  }
  if (d.evidence !== undefined) {
    if (!Array.isArray(d.evidence)) return "evidence 应为数组 / must be an array";
    for (const e of d.evidence as Record<string, unknown>[])
      if (typeof e?.fileName !== "string" || typeof e.size !== "number")
        return "evidence 每项需要 fileName 与 size / every item needs fileName and size";
  }
  return d as Details;
}

/** Indexes of the chosen projects, or an error text. */
function chooseProjects(doc: TargetDocument, spec: string | undefined): number[] | string {
  if (spec === undefined) return doc.projects.map((_, i) => i);
  if (/^\d+$/.test(spec)) {
    const i = Number(spec) - 1;
    return i >= 0 && i < doc.projects.length
      ? [i]
      : `没有第 ${spec} 个项目 / no project ${spec} (1–${doc.projects.length})`;
  }
  const i = doc.projects.findIndex((p) => p.name === spec);
  return i >= 0 ? [i] : `没有名为“${spec}”的项目 / no project named "${spec}"`;
}

/** OUT for one of several reports: OUT-n before the extension. */
function numbered(out: string, n: number): string {
  const ext = path.extname(out);
  return `${out.slice(0, out.length - ext.length)}-${n}${ext}`;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const read = readCommandArgs("self-eval-report", argv, io, HELP, parse);
  if (typeof read === "number") return read;
  const { args } = read;
  const file = read.file!;
  const fail = (text: string) => {
    io.err(`jixiao self-eval-report: ${text}\n`);
    return 2;
  };
  const out = args.values.output === "-" ? undefined : args.values.output;
  const fromExt = out ? path.extname(out).slice(1).toLowerCase() : "";
  const format = (args.values.format ??
    ((FORMATS as readonly string[]).includes(fromExt) ? fromExt : "docx")) as Format;
  if (!FORMATS.includes(format)) return fail(`--format ${FORMATS.join("|")}（收到 got "${format}"）`);
  if (!out && format !== "html" && !io.outBytes)
    return fail(`${format} 是二进制格式，请用 -o 指定输出文件 / ${format} is binary: give -o OUT`);
  const lang = args.values.lang === "en" ? "en" : "zh";

  const policy = await loadPolicy(args.values.policy, io);
  if (!policy) return fail(`未知评分规则 unknown policy "${args.values.policy}"`);
  let details: Details = {};
  if (args.values.details) {
    const data = await readJson(args.values.details, "补充信息", io);
    if (data === undefined) return 2;
    const checked = checkDetails(data);
    if (typeof checked === "string") return fail(`--details ${args.values.details}: ${checked}`);
    details = checked;
  }
  const loaded = await loadDocument(file, io);
  io.err(
    formatDiagnostics(
      loaded.diagnostics.filter((d) => d.severity !== "info"),
      lang,
    ),
  );
  if (!loaded.value) return fail(loaded.headline);
  const doc = loaded.value;
  const year = args.values.year ? Number(args.values.year) : doc.fiscalYear;
  if (!year || !Number.isInteger(year))
    return fail("表格未写年度，请用 --year 指定 / the table names no fiscal year: give --year");
  const chosen = chooseProjects(doc, args.values.project);
  if (typeof chosen === "string") return fail(chosen);
  if (chosen.length === 0) return fail("表格中没有项目 / the table has no projects");
  if (chosen.length > 1 && !out)
    return fail(
      `有 ${chosen.length} 个项目：请用 --project 选一个，或用 -o 写成多个文件 / several projects: give --project or -o`,
    );

  const writers = await import("@jixiao/formats/export/self-eval-report/index.ts");
  const result = scoreDocument(doc, policy);
  let code = 0;
  for (const i of chosen) {
    const input: SelfEvalReportInput = {
      project: doc.projects[i]!,
      score: result.projects[i]!,
      policyName: result.policy,
      department: args.values.department ?? doc.department?.name ?? "",
      fiscalYear: year,
      moneyUnit: doc.moneyUnit,
      evidence: details.evidence ?? [],
      ...(details.problems !== undefined ? { problems: details.problems } : {}),
      ...(details.conclusion !== undefined ? { conclusion: details.conclusion } : {}),
      ...(details.funding !== undefined ? { funding: details.funding } : {}),
    };
    let bytes: Uint8Array;
    if (format === "docx") bytes = await writers.selfEvalReportDocx(input);
    else if (format === "html") bytes = new TextEncoder().encode(writers.selfEvalReportHtml(input));
    else {
      const pdf = await writers.selfEvalReportPdf(input);
      if (!pdf.value) {
        io.err(formatDiagnostics(pdf.diagnostics, lang));
        return 1;
      }
      bytes = pdf.value;
    }
    if (out) {
      const target = chosen.length > 1 ? numbered(out, i + 1) : out;
      await writeFile(target, bytes);
      io.err(
        `已写出 wrote ${target} (${format}, ${bytes.length} bytes): ${input.score.name} 总分 ${input.score.total} ${input.score.grade}\n`,
      );
    } else if (format === "html") io.out(new TextDecoder().decode(bytes));
    else io.outBytes!(bytes);
    if (input.score.findings.some((f) => f.severity === "error")) code = 1;
  }
  return code;
}
