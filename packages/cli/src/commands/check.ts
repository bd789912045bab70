/**
 * `jixiao check FILE [--json] [--policy NAME|FILE] [--lang zh|en]`: reviews a table (any
 * format `jixiao import` reads) and prints the findings, grouped by project, each pointing
 * at its cell. Exit 1 when any finding is an error, 0 otherwise, 2 on unreadable input.
 */
import { parseArgs } from "node:util";
import {
  activeRules,
  FINDING_KEYS,
  type Finding,
  type ReviewPolicy,
  RULES,
  review,
  type TargetDocument,
} from "@jixiao/core";
import { readCommandArgs } from "../command-args.ts";
import type { Io } from "../io.ts";
import { formatDiagnostics, loadDocument } from "../load.ts";
import { loadReviewPolicy } from "../review-policy-file.ts";

export const summary = "审核绩效目标表，列出问题 · review a table and list its findings";

const HELP = `用法 Usage: jixiao check FILE [--json] [--policy NAME|FILE] [--lang zh|en]
       jixiao check --list-rules [--policy NAME|FILE] [--lang zh|en]
  审核 FILE（jixiao import 能读的任何格式），按项目列出问题及所在单元格。
  Reviews FILE and lists the findings by project, each with the cell it points at.
  --policy  预置政策 default | cost-first-level-2021 | indicators-80 | split-50-30-10，或 JSON 政策文件
  --list-rules  列出规则及其在该政策下的级别 / list the rules and their severity under the policy
  --json    输出 {"findings":[{code,severity,project,projectIndex,indicator,indicatorIndex,field,message,messageEn}]}
  Exit: 0 no error findings, 1 error findings, 2 unreadable input or bad usage.
`;

const FIELD_ZH: Record<string, string> = {
  name: "三级指标",
  level1: "一级指标",
  level2: "二级指标",
  nature: "指标性质",
  operator: "指标方向",
  target: "目标值",
  unit: "计量单位",
  weight: "分值",
  goal: "年度绩效目标",
  budget: "预算数",
  indicators: "指标",
  total: "合计",
};

export async function run(argv: string[], io: Io): Promise<number> {
  const read = readCommandArgs("check", argv, io, HELP, parse, {
    fileOptional: (a) => Boolean(a.values["list-rules"]),
  });
  if (typeof read === "number") return read;
  const { args, file } = read;
  const lang = args.values.lang === "en" ? "en" : "zh";
  const policy = await loadReviewPolicy(args.values.policy);
  if (policy.diagnostics.length > 0) io.err(formatDiagnostics(policy.diagnostics, lang));
  if (!policy.value) {
    io.err(`jixiao check: 无法使用政策 unusable policy ${args.values.policy}\n`);
    return 2;
  }
  if (args.values["list-rules"]) {
    io.out(formatRules(policy.value, lang));
    return 0;
  }
  if (!file) return 2;
  const loaded = await loadDocument(file, io);
  if (!loaded.value) {
    io.err(formatDiagnostics(loaded.diagnostics, lang));
    io.err(`jixiao check: ${loaded.headline}\n`);
    return 2;
  }
  const findings = review(loaded.value, policy.value);
  if (args.values.json) io.out(`${JSON.stringify({ findings: findings.map(ordered) })}\n`);
  else io.out(formatFindings(loaded.value, findings, lang));
  return findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** The finding with exactly the documented keys, in order. */
function ordered(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of FINDING_KEYS) out[k] = f[k];
  return out;
}

/** Human output: one block per project, one line per finding with the cell it points at. */
export function formatFindings(doc: TargetDocument, findings: readonly Finding[], lang: "zh" | "en"): string {
  const lines: string[] = [];
  const groups = new Map<number | null, Finding[]>();
  for (const f of findings) {
    const g = groups.get(f.projectIndex);
    if (g) g.push(f);
    else groups.set(f.projectIndex, [f]);
  }
  const order = [...groups.keys()].sort((a, b) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER));
  for (const p of order) {
    const title =
      p === null
        ? lang === "en"
          ? "Document"
          : "整张表"
        : `${lang === "en" ? "Project" : "项目"} ${p + 1}: ${doc.projects[p]?.name ?? ""}`;
    lines.push(title);
    for (const f of groups.get(p)!) {
      const field = lang === "en" ? f.field : (FIELD_ZH[f.field] ?? f.field);
      const cell = f.indicatorIndex === null ? field : `#${f.indicatorIndex + 1} ${f.indicator ?? ""} · ${field}`;
      lines.push(`  ${f.severity.padEnd(7)} ${f.code}`);
      lines.push(`          ${cell}`);
      lines.push(`          ${lang === "en" ? f.messageEn : f.message}`);
    }
    lines.push("");
  }
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  lines.push(
    lang === "en"
      ? `${findings.length} finding(s): ${count("error")} error, ${count("warning")} warning, ${count("info")} info`
      : `共 ${findings.length} 个问题：错误 ${count("error")}，警告 ${count("warning")}，提示 ${count("info")}`,
  );
  return `${lines.join("\n")}\n`;
}

/** One line per rule: code, severity under the policy (or "off"), title. */
export function formatRules(policy: ReviewPolicy, lang: "zh" | "en"): string {
  const on = new Map(activeRules(policy).map((a) => [a.rule.code, a.severity]));
  const lines = RULES.map((r) => {
    const sev = on.get(r.code) ?? "off";
    return `${r.code.padEnd(40)} ${sev.padEnd(7)} ${lang === "en" ? r.title.en : r.title.zh}`;
  });
  return `${lines.join("\n")}\n`;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      "list-rules": { type: "boolean" },
      policy: { type: "string" },
      lang: { type: "string", default: "zh" },
      help: { type: "boolean", short: "h" },
    },
  });
}
