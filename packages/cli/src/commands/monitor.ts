/**
 * `jixiao monitor FILE [--json] [--month N] [--policy NAME|FILE] [--lang zh|en] [--xlsx OUT] [--html OUT] [--pdf OUT]`:
 * 绩效运行监控. Reads a monitoring table (`jixiao.monitoring/1`, docs/FORMAT.md "Monitoring"),
 * computes the execution light and every indicator's light against 序时进度 under a monitoring
 * policy, and prints the table, the lights and the findings — or, with --json, the documented
 * shape (monitorJson). Exit: 0 monitored, 1 monitored with error findings, 2 unreadable input or bad usage.
 * `jixiao monitor --init TABLE [--month N] [--year Y]` prints an empty monitoring table for an
 * approved 表12 in any format jixiao reads (the targets copied, nothing filled in).
 */
import { readFile, stat, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  DEVIATION_CAUSE_EN,
  LIGHT_WORD,
  LIKELIHOOD_EN,
  type Light,
  MONITORING_PRESETS,
  type MonitoringDocument,
  type MonitoringPolicy,
  type MonitoringResult,
  monitorDocument,
  monitoringFromApproved,
  monitoringPreset,
  parseMonitoringDocument,
  parseMonitoringPolicy,
} from "@jixiao/core";
import { readCommandArgs } from "../command-args.ts";
import type { Io } from "../io.ts";
import { formatDiagnostics, loadDocument } from "../load.ts";

export const summary = "绩效运行监控（执行灯与指标灯）· mid-year monitoring: execution and indicator lights";

const HELP = `用法 Usage: jixiao monitor FILE [--json] [--month N] [--policy NAME|FILE] [--lang zh|en] [--xlsx OUT.xlsx] [--html OUT.html] [--pdf OUT.pdf]
  读取绩效运行监控表（jixiao.monitoring/1，见 docs/FORMAT.md），按序时进度计算预算执行灯和每个指标的红黄绿灯，列出问题。
  Reads a monitoring table (jixiao.monitoring/1, docs/FORMAT.md), lights budget execution and every indicator against
  the time elapsed, and lists the findings.
  --month   截至月份 1–12（默认取监控表中的月份）/ as-of month (default: the table's)
  --policy  ${Object.keys(MONITORING_PRESETS).join(" | ")} (默认 default) 或 JSON 监控规则文件 / or a JSON policy file
  --json    {"policy","fiscalYear","asOfMonth","timeProgress","projects":[{"name","unitCode","unitName","budget","executed",
            "executionRate","executionValue","executionLight","forecastExecuted","forecastRate","lights",
            "indicators":[{"name","nature","target","unit","actualToDate","forecast","likelihood","progress","value","light"}],"findings":[...]}]}
  --xlsx    另存绩效运行监控表 xlsx（每个项目一张工作表，另有汇总表）/ also write the 监控表 as xlsx
  --html    另存可打印的监控表 HTML / also write the printable 监控表 as HTML
  --pdf     另存监控表 PDF（需要 chromium）/ also write it as PDF (needs chromium)
  --init    FILE 为已批复的目标表（任意格式）：输出待填的监控表 JSON / FILE is an approved target table in any
            format: print an empty monitoring table for it (--month, default 7; --year, default the table's)
  Exit: 0 monitored, 1 monitored with error findings, 2 unreadable input or bad usage.
`;

/** Largest monitoring file read (bytes): the JSON of LIMITS-sized tables fits well within. */
const MAX_BYTES = 64 * 1024 * 1024;

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      month: { type: "string" },
      policy: { type: "string", default: "default" },
      lang: { type: "string", default: "zh" },
      xlsx: { type: "string" },
      html: { type: "string" },
      pdf: { type: "string" },
      init: { type: "boolean" },
      year: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

async function readJson(file: string, what: string, io: Io): Promise<{ ok: true; data: unknown } | { ok: false }> {
  try {
    const s = await stat(file);
    if (s.size > MAX_BYTES) {
      io.err(`jixiao monitor: ${what}过大 too large: ${file} (${s.size} > ${MAX_BYTES} bytes)\n`);
      return { ok: false };
    }
    const text = await readFile(file, "utf8");
    return { ok: true, data: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(
      code
        ? `jixiao monitor: 无法打开${what} cannot open ${file} (${code})\n`
        : `jixiao monitor: ${what}不是 JSON / not JSON: ${(e as Error).message}\n`,
    );
    return { ok: false };
  }
}

async function loadPolicy(spec: string, io: Io): Promise<MonitoringPolicy | null> {
  const preset = monitoringPreset(spec);
  if (preset) return preset;
  const read = await readJson(spec, "监控规则文件 policy file ", io);
  if (!read.ok) return null;
  const parsed = parseMonitoringPolicy(read.data);
  if (!parsed.value) io.err(formatDiagnostics(parsed.diagnostics));
  return parsed.value;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const read = readCommandArgs("monitor", argv, io, HELP, parse);
  if (typeof read === "number") return read;
  const { args } = read;
  const lang = args.values.lang === "en" ? "en" : "zh";
  let month: number | undefined;
  if (args.values.month !== undefined) {
    month = Number(args.values.month);
    if (!/^\d{1,2}$/.test(args.values.month) || month < 1 || month > 12) {
      io.err(`jixiao monitor: --month 须为 1–12 / must be 1–12, got "${args.values.month}"\n`);
      return 2;
    }
  }
  if (args.values.init) return init(read.file!, month ?? 7, args.values.year, io, lang);
  const policy = await loadPolicy(args.values.policy, io);
  if (!policy) return 2;
  const data = await readJson(read.file!, "监控表 monitoring table ", io);
  if (!data.ok) return 2;
  const parsed = parseMonitoringDocument(data.data);
  if (!parsed.value) {
    io.err(formatDiagnostics(parsed.diagnostics, lang));
    return 2;
  }
  const doc = parsed.value;
  if (month !== undefined) doc.round = { ...doc.round, asOfMonth: month };
  const result = monitorDocument(doc, policy);
  if (args.values.xlsx) {
    const { writeMonitoringXlsx } = await import("@jixiao/formats/xlsx/write-monitoring-xlsx.ts");
    await writeFile(args.values.xlsx, await writeMonitoringXlsx(doc, result));
  }
  if (args.values.html || args.values.pdf) {
    const { renderMonitoringHtml } = await import("@jixiao/formats/html/monitoring-html.ts");
    const html = renderMonitoringHtml(doc, result);
    if (args.values.html) await writeFile(args.values.html, html);
    if (args.values.pdf) {
      const { printHtmlToPdf } = await import("@jixiao/formats/pdf/write-pdf.ts");
      const pdf = await printHtmlToPdf(html);
      if (!pdf.value) {
        io.err(formatDiagnostics(pdf.diagnostics, lang));
        return 2;
      }
      await writeFile(args.values.pdf, pdf.value);
    }
  }
  if (args.values.json) io.out(`${JSON.stringify(monitorJson(result), null, 2)}\n`);
  else io.out(renderMonitoring(doc, result, lang));
  return result.findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** `--init`: an empty monitoring table for an approved target table in any format. */
async function init(file: string, month: number, year: string | undefined, io: Io, lang: "zh" | "en"): Promise<number> {
  const loaded = await loadDocument(file, io);
  io.err(
    formatDiagnostics(
      loaded.diagnostics.filter((d) => d.severity === "error"),
      lang,
    ),
  );
  if (!loaded.value) {
    io.err(`jixiao monitor: ${loaded.headline}\n`);
    return 2;
  }
  const fiscalYear = year === undefined ? (loaded.value.fiscalYear ?? new Date().getFullYear()) : Number(year);
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1900 || fiscalYear > 2999) {
    io.err(`jixiao monitor: --year 须为年份 / must be a year, got "${year}"\n`);
    return 2;
  }
  const doc = monitoringFromApproved(loaded.value, { fiscalYear, asOfMonth: month, scope: "department" });
  io.out(`${JSON.stringify(doc, null, 2)}\n`);
  return 0;
}

/** The `--json` shape, exactly as documented in docs/FORMAT.md ("Monitoring"). */
export function monitorJson(result: MonitoringResult) {
  return {
    policy: result.policy,
    fiscalYear: result.fiscalYear,
    asOfMonth: result.asOfMonth,
    timeProgress: result.timeProgress,
    projects: result.projects.map((p) => ({
      name: p.name,
      unitCode: p.unitCode,
      unitName: p.unitName,
      budget: p.budget,
      executed: p.executed,
      executionRate: p.executionRate,
      executionValue: p.executionValue,
      executionLight: p.executionLight,
      forecastExecuted: p.forecastExecuted,
      forecastRate: p.forecastRate,
      lights: p.lights,
      indicators: p.indicators.map((i) => ({
        name: i.name,
        nature: i.nature,
        target: i.target,
        unit: i.unit,
        actualToDate: i.actualToDate,
        forecast: i.forecast,
        likelihood: i.likelihood,
        progress: i.progress,
        value: i.value,
        light: i.light,
      })),
      findings: p.findings,
    })),
  };
}

const DOT: Record<Light, string> = { red: "●红", yellow: "●黄", green: "●绿" };
const lightText = (l: Light | null, lang: "zh" | "en") =>
  l === null ? "—" : lang === "en" ? `${DOT[l]} ${l}` : DOT[l];
const pct = (n: number | null) => (n === null ? "—" : `${n}%`);
const val = (v: string | number | null) => (v === null || v === "" ? "—" : String(v));

/** Human 监控表: the round, per project its money and execution light, each indicator row, the findings. */
export function renderMonitoring(doc: MonitoringDocument, result: MonitoringResult, lang: "zh" | "en" = "zh"): string {
  const en = lang === "en";
  const unit = doc.moneyUnit;
  const out: string[] = [
    `${doc.title ?? "项目支出绩效运行监控表"} · ${result.fiscalYear}年 截至${result.asOfMonth}月 as of month ${result.asOfMonth}` +
      ` · 序时进度 time elapsed ${pct(result.timeProgress)} · 监控规则 policy: ${result.policy}`,
  ];
  const all = { red: 0, yellow: 0, green: 0, none: 0 };
  result.projects.forEach((p, i) => {
    for (const k of ["red", "yellow", "green", "none"] as const) all[k] += p.lights[k];
    out.push(
      "",
      `【${i + 1}】${p.name}（${p.unitCode} ${p.unitName}）`,
      `  年初预算数 ${p.initialBudget}  调整后预算数 ${val(p.adjustedBudget)}  执行数 ${val(p.executed)}（${unit}）  执行率 ${pct(
        p.executionRate,
      )}  执行灯 ${lightText(p.executionLight, lang)}（${p.executionWorking}）  全年预计执行数 ${val(p.forecastExecuted)}（${pct(p.forecastRate)}）`,
      "  # | 一级 / 二级 / 三级指标 | 年度指标值 | 截至当月实际 | 全年预计 | 进度 | 灯 | 完成可能性 | 偏差原因 | 纠偏措施",
    );
    p.indicators.forEach((r, j) => {
      const ind = doc.projects[i]!.indicators[j]!;
      const target =
        r.nature === "定性"
          ? r.target
          : `${r.operator ?? ""}${r.target}${r.unit && /^[\d.]+$/.test(r.target) ? r.unit : ""}`;
      const likely = r.likelihood === null ? "—" : en ? LIKELIHOOD_EN[r.likelihood] : r.likelihood;
      const cause =
        r.deviationCause === null
          ? ""
          : `${en ? DEVIATION_CAUSE_EN[r.deviationCause] : r.deviationCause}${r.deviationText ? `：${r.deviationText}` : ""}`;
      out.push(
        `  ${j + 1} | ${ind.level1} / ${ind.level2} / ${r.name} | ${target} | ${val(r.actualToDate)} | ${val(r.forecast)} | ${pct(
          r.progress,
        )} | ${lightText(r.light, lang)} | ${likely} | ${cause} | ${r.correctiveAction ?? ""}`,
      );
    });
    out.push(
      `  指标灯 lights: ${LIGHT_WORD.red} ${p.lights.red}  ${LIGHT_WORD.yellow} ${p.lights.yellow}  ${LIGHT_WORD.green} ${p.lights.green}  无灯 none ${p.lights.none}`,
    );
    for (const f of p.findings) {
      const where = f.indicatorIndex === null ? "" : `#${f.indicatorIndex + 1} ${f.indicator}：`;
      out.push(`  ${f.severity === "error" ? "✖" : "!"} ${f.code} ${where}${en ? f.messageEn : f.message}`);
    }
  });
  out.push(
    "",
    `合计 total: ${result.projects.length} 个项目 projects · 执行灯 execution ${["red", "yellow", "green"]
      .map((l) => `${LIGHT_WORD[l as Light]} ${result.projects.filter((p) => p.executionLight === l).length}`)
      .join(
        " ",
      )} · 指标灯 indicators ${LIGHT_WORD.red} ${all.red} ${LIGHT_WORD.yellow} ${all.yellow} ${LIGHT_WORD.green} ${all.green} 无灯 ${all.none}`,
  );
  return `${out.join("\n")}\n`;
}
