/**
 * The 绩效运行监控表 as one self-contained, printable HTML page (no scripts, no external
 * resources; A4 landscape): the department summary first (each project's money, execution
 * light against 序时进度 and its indicator lights counted), then per project the money and
 * the indicator rows (一级/二级 merged) with 年度指标值 from the approved version, 截至当月实际,
 * 全年预计, 完成进度, the light, 完成可能性, 偏差原因 and 纠偏措施. The indicator header repeats on
 * every printed page (<thead>). Every piece of text from the document is HTML-escaped.
 */
import type { MonitoringDocument, MonitoringResult, ProjectMonitor } from "@jixiao/core";
import { formatMoney, type Light } from "@jixiao/core";
import {
  causeText,
  enteredText,
  LIGHT_COLOUR,
  lightWord,
  MONITORING_SUMMARY_TITLE,
  MONITORING_TITLE,
  monitoredTargetText,
  percentText,
  runSpans,
} from "./monitoring-html-cells.ts";
import { escapeHtml as e } from "./self-eval-html.ts";

export interface MonitoringHtmlOptions {
  /** Page title; defaults to the document's title or 项目支出绩效运行监控表. */
  title?: string;
  /** Include the department summary page (default: when there is more than one project). */
  summary?: boolean;
  /** List the findings under each table on screen (default true); they are never printed. */
  findings?: boolean;
  /** Decisions of the finance bureau to print beside each project (暂缓拨款 / 整改), by project index. */
  decisions?: ReadonlyMap<number, string>;
}

const CSS = `
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "SimSun", "Songti SC", serif; color: #000; margin: 0; padding: 16px; font-size: 11px; }
h1 { font-size: 19px; text-align: center; margin: 0 0 4px; letter-spacing: 2px; }
.sub { text-align: center; margin: 0 0 8px; }
.meta { display: flex; justify-content: space-between; margin: 0 0 4px; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
table + table { border-top: none; }
th, td { border: 1px solid #000; padding: 3px 4px; vertical-align: middle; word-break: break-all; }
th { font-weight: bold; background: #f2f2f2; text-align: center; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.c { text-align: center; }
td.light { text-align: center; font-weight: bold; white-space: nowrap; }
td.red { background: #${LIGHT_COLOUR.red}; } td.yellow { background: #${LIGHT_COLOUR.yellow}; } td.green { background: #${LIGHT_COLOUR.green}; }
section.page { page-break-after: always; break-after: page; margin-bottom: 32px; }
section.page:last-of-type { page-break-after: auto; break-after: auto; }
p.decision { margin: 6px 0 0; font-weight: bold; }
ul.findings { margin: 6px 0 0; padding-left: 18px; color: #8a1c1c; }
ul.findings li.warning { color: #7a5300; }
@media print { ul.findings { display: none; } th { background: none; } }
`;

const money = (n: number | null) => (n === null ? "—" : formatMoney(n));
function lightCell(light: Light | null, title = ""): string {
  const t = title ? ` title="${e(title)}"` : "";
  return `<td class="light${light ? ` ${light}` : ""}"${t}>${e(lightWord(light))}</td>`;
}

function heading(result: MonitoringResult, title: string): string {
  return `<h1>${e(title)}</h1>
<p class="sub">（${e(`${result.fiscalYear}年度 · 截至${result.asOfMonth}月 · 序时进度 ${percentText(result.timeProgress)}`)}）</p>`;
}

function summarySection(
  doc: MonitoringDocument,
  result: MonitoringResult,
  decisions?: ReadonlyMap<number, string>,
): string {
  const rows = result.projects.map(
    (p, i) =>
      `<tr><td class="c">${i + 1}</td><td>${e(p.name)}</td><td>${e(`${p.unitCode}-${p.unitName}`)}</td><td class="num">${money(
        p.budget,
      )}</td><td class="num">${money(p.executed)}</td><td class="num">${e(percentText(p.executionRate))}</td>${lightCell(
        p.executionLight,
        p.executionWorking,
      )}<td class="num">${money(p.forecastExecuted)}</td><td class="c">${p.lights.red}</td><td class="c">${p.lights.yellow}</td><td class="c">${
        p.lights.green
      }</td><td class="c">${p.lights.none}</td><td>${e(decisions?.get(i) ?? "")}</td></tr>`,
  );
  const total = (f: (p: ProjectMonitor) => number | null) => result.projects.reduce((s, p) => s + (f(p) ?? 0), 0);
  return `<section class="page summary">
${heading(result, MONITORING_SUMMARY_TITLE)}
<div class="meta"><span>主管部门：${e(doc.department?.name ?? "")}　监控规则：${e(result.policy)}</span><span>单位：${e(doc.moneyUnit)}</span></div>
<table>
<colgroup><col style="width:4%"><col style="width:20%"><col style="width:14%"><col style="width:8%"><col style="width:8%"><col style="width:7%"><col style="width:6%"><col style="width:9%"><col style="width:4%"><col style="width:4%"><col style="width:4%"><col style="width:4%"><col style="width:8%"></colgroup>
<thead><tr><th rowspan="2">序号</th><th rowspan="2">项目名称</th><th rowspan="2">实施单位</th><th rowspan="2">预算数</th><th rowspan="2">执行数</th><th rowspan="2">执行率</th><th rowspan="2">执行灯</th><th rowspan="2">全年预计执行数</th><th colspan="4">指标灯</th><th rowspan="2">处理意见</th></tr>
<tr><th>红灯</th><th>黄灯</th><th>绿灯</th><th>无灯</th></tr></thead>
<tbody>
${rows.join("\n")}
<tr><td colspan="3" class="c"><b>合计</b></td><td class="num">${formatMoney(total((p) => p.budget))}</td><td class="num">${formatMoney(
    total((p) => p.executed),
  )}</td><td></td><td></td><td class="num">${formatMoney(total((p) => p.forecastExecuted))}</td><td class="c">${total((p) => p.lights.red)}</td><td class="c">${total(
    (p) => p.lights.yellow,
  )}</td><td class="c">${total((p) => p.lights.green)}</td><td class="c">${total((p) => p.lights.none)}</td><td></td></tr>
</tbody>
</table>
</section>`;
}

function projectSection(
  doc: MonitoringDocument,
  result: MonitoringResult,
  i: number,
  showFindings: boolean,
  decision: string | undefined,
): string {
  const p = result.projects[i]!;
  const project = doc.projects[i]!;
  const month = result.asOfMonth;
  const inds = project.indicators;
  const l1 = runSpans(inds.map((x) => x.level1));
  const l2 = runSpans(inds.map((x) => `${x.level1}\u0000${x.level2}`));
  const rows = inds.map((ind, j) => {
    const r = p.indicators[j]!;
    const c1 = l1[j] ? `<td class="c" rowspan="${l1[j]}">${e(ind.level1)}</td>` : "";
    const c2 = l2[j] ? `<td class="c" rowspan="${l2[j]}">${e(ind.level2)}</td>` : "";
    return `<tr>${c1}${c2}<td>${e(ind.name)}</td><td class="c">${e(monitoredTargetText(ind))}</td><td class="c">${e(
      enteredText(r.actualToDate, ind.unit),
    )}</td><td class="c">${e(enteredText(r.forecast, ind.unit))}</td><td class="num">${e(
      r.progress === null ? "—" : percentText(r.progress),
    )}</td>${lightCell(r.light, r.working)}<td class="c">${e(r.likelihood ?? "")}</td><td>${e(causeText(r))}</td><td>${e(
      r.correctiveAction ?? "",
    )}</td></tr>`;
  });
  const findings =
    showFindings && p.findings.length
      ? `<ul class="findings">${p.findings
          .map(
            (f) =>
              `<li class="${e(f.severity)}">${f.indicator === null ? "" : `${e(f.indicator)}：`}${e(f.message)}</li>`,
          )
          .join("")}</ul>`
      : "";
  return `<section class="page project">
${heading(result, MONITORING_TITLE)}
<div class="meta"><span>监控规则：${e(result.policy)}</span><span>单位：${e(doc.moneyUnit)}</span></div>
<table>
<colgroup><col style="width:12%"><col style="width:11%"><col style="width:11%"><col style="width:11%"><col style="width:11%"><col style="width:11%"><col style="width:11%"><col style="width:11%"><col style="width:11%"></colgroup>
<tbody>
<tr><th>项目名称</th><td colspan="8">${e(p.name)}</td></tr>
<tr><th>主管部门</th><td colspan="3">${e(doc.department?.name ?? "")}</td><th>实施单位</th><td colspan="4">${e(`${p.unitCode}-${p.unitName}`)}</td></tr>
<tr><th rowspan="2">项目资金<br>（${e(doc.moneyUnit)}）</th><th>年初预算数</th><th>调整后预算数</th><th>截至${month}月执行数</th><th>执行率</th><th>序时进度</th><th>执行灯</th><th>全年预计执行数</th><th>全年预计执行率</th></tr>
<tr><td class="num">${money(p.initialBudget)}</td><td class="num">${money(p.adjustedBudget)}</td><td class="num">${money(
    p.executed,
  )}</td><td class="num">${e(percentText(p.executionRate))}</td><td class="num">${e(percentText(result.timeProgress))}</td>${lightCell(
    p.executionLight,
    p.executionWorking,
  )}<td class="num">${money(p.forecastExecuted)}</td><td class="num">${e(percentText(p.forecastRate))}</td></tr>
<tr><th>年度总体目标</th><td colspan="8">${e(project.goal ?? "")}</td></tr>
</tbody>
</table>
<table>
<colgroup><col style="width:7%"><col style="width:8%"><col style="width:14%"><col style="width:9%"><col style="width:9%"><col style="width:8%"><col style="width:7%"><col style="width:6%"><col style="width:7%"><col style="width:13%"><col style="width:12%"></colgroup>
<thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>截至${month}月实际完成值</th><th>全年预计完成值</th><th>完成进度</th><th>监控灯</th><th>完成可能性</th><th>偏差原因</th><th>纠偏措施</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
${decision ? `<p class="decision">财政部门处理意见：${e(decision)}</p>` : ""}
${findings}
</section>`;
}

/**
 * Renders a monitoring document and its result as a printable HTML page.
 * @example renderMonitoringHtml(doc, monitorDocument(doc, DEFAULT_MONITORING_POLICY)).startsWith("<!DOCTYPE html>") // true
 */
export function renderMonitoringHtml(
  doc: MonitoringDocument,
  result: MonitoringResult,
  options: MonitoringHtmlOptions = {},
): string {
  const title = options.title ?? doc.title ?? MONITORING_TITLE;
  const showFindings = options.findings ?? true;
  const withSummary = options.summary ?? result.projects.length > 1;
  const sections = [
    ...(withSummary ? [summarySection(doc, result, options.decisions)] : []),
    ...result.projects.map((_, i) => projectSection(doc, result, i, showFindings, options.decisions?.get(i))),
  ];
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="jixiao">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
${sections.join("\n")}
</body>
</html>
`;
}
