/**
 * `jixiao score FILE [--json] [--policy NAME|FILE] [--html OUT.html] [--xlsx OUT.xlsx] [--lang zh|en]`: self-evaluation (绩效自评).
 * Scores every project's actuals against its targets under a scoring policy (a preset name or
 * a JSON policy file) and prints the 自评表 — each indicator with target, actual, weight, score
 * and deviation reason, then the totals and findings — or, with --json, the scores as
 * `{"projects": [{"name", "executionRate", "executionScore", "indicatorScore", "total", "grade",
 * "indicators": [{"name", "weight", "score"}], "findings": [...]}]}`.
 * Exit: 0 scored, 1 scored with error findings, 2 unreadable input or bad usage.
 */
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  type DocumentScore,
  formatMoney,
  type Indicator,
  parseScoringPolicy,
  SCORING_PRESETS,
  type ScoringPolicy,
  scoreDocument,
  scoringPreset,
  type TargetDocument,
} from "@jixiao/core";
import { renderSelfEvalHtml } from "@jixiao/formats";
import { readCommandArgs } from "../command-args.ts";
import type { Io } from "../io.ts";
import { formatDiagnostics, loadDocument } from "../load.ts";

export const summary = "绩效自评打分（自评表）· score actuals against targets (self-evaluation)";

const HELP = `用法 Usage: jixiao score FILE [--json] [--policy NAME|FILE] [--html OUT.html] [--xlsx OUT.xlsx] [--lang zh|en]
  按评分规则为每个项目打分：预算执行率得分 + 指标得分 = 总分，并给出等级与问题清单。
  Scores each project's actuals against its targets: execution + indicators = total, grade, findings.
  --policy  ${Object.keys(SCORING_PRESETS).join(" | ")} (默认 default) 或 JSON 评分规则文件 / or a JSON policy file
  --json    {"projects":[{"name","executionRate","executionScore","indicatorScore","total","grade","indicators":[{"name","weight","score"}],"findings":[...]}]}
  --html    另存可打印的项目支出绩效自评表 HTML / also write the printable 自评表 as HTML ("-" = stdout)
  --xlsx    另存项目支出绩效自评表 xlsx（每个项目一张工作表）/ also write the 自评表 as xlsx, one sheet per project ("-" = stdout)
  Exit: 0 scored, 1 scored with error findings, 2 unreadable input or bad usage.
`;

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      policy: { type: "string", default: "default" },
      html: { type: "string" },
      xlsx: { type: "string" },
      lang: { type: "string", default: "zh" },
      help: { type: "boolean", short: "h" },
    },
  });
}

async function loadPolicy(spec: string, io: Io): Promise<ScoringPolicy | null> {
  const preset = scoringPreset(spec);
  if (preset) return preset;
  let text: string;
  try {
    text = await readFile(spec, "utf8");
  } catch {
    io.err(
      `jixiao score: 未知评分规则 unknown policy "${spec}" (presets: ${Object.keys(SCORING_PRESETS).join(", ")}; or a JSON file)\n`,
    );
    return null;
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    io.err(`jixiao score: 评分规则文件不是 JSON / policy file is not JSON: ${(e as Error).message}\n`);
    return null;
  }
  const parsed = parseScoringPolicy(data);
  if (!parsed.value) {
    io.err(formatDiagnostics(parsed.diagnostics));
    return null;
  }
  return parsed.value;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const read = readCommandArgs("score", argv, io, HELP, parse);
  if (typeof read === "number") return read;
  const { args } = read;
  const file = read.file!;
  const xlsx = args.values.xlsx;
  if (xlsx === "-" && (args.values.html === "-" || !io.outBytes)) {
    io.err(`jixiao score: --xlsx - 需要单独的二进制标准输出 / needs a binary stdout of its own (give a file name)\n`);
    return 2;
  }
  const policy = await loadPolicy(args.values.policy, io);
  if (!policy) return 2;
  const loaded = await loadDocument(file, io);
  const lang = args.values.lang === "en" ? "en" : "zh";
  // Import repairs (info) are not the point here; problems reading the file are.
  io.err(
    formatDiagnostics(
      loaded.diagnostics.filter((d) => d.severity !== "info"),
      lang,
    ),
  );
  if (!loaded.value) {
    io.err(`jixiao score: ${loaded.headline}\n`);
    return 2;
  }
  const result = scoreDocument(loaded.value, policy);
  const html = args.values.html;
  if (html && html !== "-") await writeFile(html, renderSelfEvalHtml(loaded.value, result));
  if (xlsx) {
    const { writeSelfEvalXlsx } = await import("@jixiao/formats/xlsx/write-self-eval-xlsx.ts");
    const bytes = await writeSelfEvalXlsx(loaded.value, result);
    if (xlsx === "-") io.outBytes?.(bytes);
    else await writeFile(xlsx, bytes);
  }
  if (html === "-") io.out(renderSelfEvalHtml(loaded.value, result));
  else if (xlsx === "-") {
    // stdout holds the workbook
  } else if (args.values.json) io.out(`${JSON.stringify(scoreJson(result), null, 2)}\n`);
  else io.out(renderSelfEvaluation(loaded.value, result, lang));
  return result.findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** The `--json` shape, exactly as documented. */
export function scoreJson(result: DocumentScore) {
  return {
    projects: result.projects.map((p) => ({
      name: p.name,
      executionRate: p.executionRate,
      executionScore: p.executionScore,
      indicatorScore: p.indicatorScore,
      total: p.total,
      grade: p.grade,
      indicators: p.indicators.map((i) => ({ name: i.name, weight: i.weight, score: i.score })),
      findings: p.findings,
    })),
  };
}

function targetText(ind: Indicator): string {
  if (ind.nature === "定性") return ind.target;
  return `${ind.operator ?? ""}${ind.target}${ind.unit ?? ""}`;
}

function actualText(ind: Indicator): string {
  if (ind.notApplicable) return "不适用";
  const a = ind.actual === undefined ? "—" : String(ind.actual);
  const unit = ind.nature !== "定性" && typeof ind.actual === "number" && ind.unit ? ind.unit : "";
  return ind.grade ? `${a}${unit}（${ind.grade}）` : `${a}${unit}`;
}

const num = (n: number | null) => (n === null ? "—" : String(n));

/** Human 自评表: per project, its money, each indicator row, the totals and the findings. */
export function renderSelfEvaluation(doc: TargetDocument, result: DocumentScore, lang: "zh" | "en" = "zh"): string {
  const unit = doc.moneyUnit;
  const out: string[] = [`项目支出绩效自评表 · 评分规则 policy: ${result.policy}`];
  result.projects.forEach((p, i) => {
    const project = doc.projects[i]!;
    out.push(
      "",
      `【${i + 1}】${p.name}（${project.unitCode} ${project.unitName}）`,
      `  年初预算数 ${formatMoney(p.initialBudget)}  全年预算数 ${formatMoney(p.budget)}  全年执行数 ${
        p.executed === null ? "—" : formatMoney(p.executed)
      }（${unit}）  执行率 ${p.executionRate === null ? "—" : `${p.executionRate.toFixed(2)}%`}  得分 ${p.executionScore} / ${p.executionWeight}`,
      "  # | 一级指标 / 二级指标 / 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 计算 | 偏差原因",
    );
    p.indicators.forEach((s, j) => {
      const ind = project.indicators[j]!;
      out.push(
        `  ${j + 1} | ${ind.level1} / ${ind.level2} / ${ind.name} | ${targetText(ind)} | ${actualText(ind)} | ${s.weight} | ${num(
          s.score,
        )} | ${s.working} | ${s.deviationReason ?? ""}`,
      );
    });
    out.push(
      `  指标得分 ${p.indicatorScore} / ${p.indicatorTotal}${p.rescaled ? `（不适用指标已剔除：${p.indicatorWorking}）` : ""}  总分 ${
        p.total
      }  等级 ${p.grade}`,
    );
    for (const f of p.findings) {
      const where = f.indicatorIndex === null ? "" : `#${f.indicatorIndex + 1} ${f.indicator}：`;
      out.push(`  ${f.severity === "error" ? "✖" : "!"} ${f.code} ${where}${lang === "en" ? f.messageEn : f.message}`);
    }
  });
  return `${out.join("\n")}\n`;
}
