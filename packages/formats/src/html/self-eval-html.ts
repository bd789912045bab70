/**
 * The 项目支出绩效自评表 as one self-contained, printable HTML page (no scripts, no external
 * resources): per project 年初预算数 / 全年预算数 / 全年执行数 / 执行率 and its score, then the
 * indicator rows with 年度指标值, 实际完成值, 分值, 得分 and 偏差原因分析, then the total and grade.
 * Every piece of text from the document is HTML-escaped.
 */
import type { DocumentScore, FundingSplit, Indicator, ProjectScore, TargetDocument } from "@jixiao/core";
import { formatMoney } from "@jixiao/core";
import { FUNDING_HEADERS, fundingRows } from "../export/self-eval-report/funding.ts";
import { moneyText, percentText } from "../export/self-eval-report/numbers.ts";

/**
 * Escapes text for HTML element content and attribute values.
 * @example escapeHtml('<a href="x">') // "&lt;a href=&quot;x&quot;&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export interface SelfEvalHtmlOptions {
  /** Page title; defaults to the document's title or 项目支出绩效自评表. */
  title?: string;
  /** List the scoring findings under each table (default true); they are not printed. */
  findings?: boolean;
  /**
   * The funding split per project (by project index): when given, the 项目资金 block prints
   * 年度资金总额 / 本年财政拨款 / 上年结转 / 其他资金 × 年初预算数 / 全年预算数 / 全年执行数 (+ 分值,
   * 执行率, 得分 on the total line) as the official 项目支出绩效自评表 does; absent = the one-line block.
   */
  funding?: ReadonlyArray<FundingSplit | null | undefined>;
}

const CSS = `
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "SimSun", "Songti SC", serif; color: #000; margin: 0; padding: 16px; font-size: 12px; }
h1 { font-size: 20px; text-align: center; margin: 0 0 4px; letter-spacing: 2px; }
.sub { text-align: center; margin: 0 0 8px; }
.meta { display: flex; justify-content: space-between; margin: 0 0 4px; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 3px 4px; vertical-align: middle; word-break: break-all; }
th { font-weight: bold; background: #f2f2f2; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.c { text-align: center; }
tr.total td { font-weight: bold; }
section.project { page-break-after: always; break-after: page; margin-bottom: 32px; }
section.project:last-of-type { page-break-after: auto; break-after: auto; }
ul.findings { margin: 6px 0 0; padding-left: 18px; color: #8a1c1c; }
ul.findings li.warning { color: #7a5300; }
@media print { ul.findings { display: none; } th { background: none; } }
`;

const e = escapeHtml;
const num = (n: number | null): string => (n === null ? "—" : String(n));

/**
 * 年度指标值 as printed: operator, value and unit (定性 as written).
 * @example targetText({ nature: "正向", operator: "≥", target: "95", unit: "%" }) // "≥95%"
 */
export function targetText(ind: Indicator): string {
  if (ind.nature === "定性") return ind.target;
  return `${ind.operator ?? ""}${ind.target}${ind.unit ?? ""}`;
}

/**
 * 实际完成值 as printed: the value with its unit, the 定性 grade in brackets, 不适用.
 * @example actualText({ nature: "定性", actual: "已完成", grade: "达成" }) // "已完成（达成）"
 */
export function actualText(ind: Indicator): string {
  if (ind.notApplicable) return "不适用";
  const a = ind.actual === undefined ? "" : String(ind.actual);
  const unit = ind.nature !== "定性" && typeof ind.actual === "number" && ind.unit ? ind.unit : "";
  return ind.grade ? `${a}${unit}（${ind.grade}）` : `${a}${unit}`;
}

/** Row spans for runs of equal consecutive keys: [span at run start, 0 inside a run]. */
function spans(keys: string[]): number[] {
  const out = new Array<number>(keys.length).fill(0);
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i === keys.length || keys[i] !== keys[start]) {
      out[start] = i - start;
      start = i;
    }
  }
  return out;
}

/** The 项目资金 rows: one line of amounts, or the funding split's four lines. */
function moneyRows(p: ProjectScore, unit: string, funding: FundingSplit | null | undefined): string {
  const rate = p.executionRate === null ? "—" : `${p.executionRate.toFixed(2)}%`;
  if (!funding) {
    return `<tr><th rowspan="2">项目资金<br>（${e(unit)}）</th><th>年初预算数</th><th>全年预算数</th><th>全年执行数</th><th>分值</th><th colspan="2">执行率</th><th>得分</th></tr>
<tr><td class="num">${formatMoney(p.initialBudget)}</td><td class="num">${formatMoney(p.budget)}</td><td class="num">${
      p.executed === null ? "—" : formatMoney(p.executed)
    }</td><td class="num">${e(String(p.executionWeight))}</td><td class="num" colspan="2">${e(rate)}</td><td class="num">${e(
      String(p.executionScore),
    )}</td></tr>`;
  }
  const head = `<tr><th rowspan="5">项目资金<br>（${e(unit)}）</th><th></th>${FUNDING_HEADERS.map((h) => `<th>${h}</th>`).join("")}</tr>`;
  const lines = fundingRows(funding, p).map((r) => {
    const dash = (v: string | null) => `<td class="num">${v === null ? "—" : e(v)}</td>`;
    return `<tr class="funding-${r.key}"><th>${e(r.label)}</th><td class="num">${e(moneyText(r.initial))}</td><td class="num">${e(
      moneyText(r.full),
    )}</td><td class="num">${e(moneyText(r.executed))}</td>${dash(r.weight === null ? null : String(r.weight))}${dash(
      r.key === "total" ? percentText(r.rate) : null,
    )}${dash(r.score === null ? null : String(r.score))}</tr>`;
  });
  return [head, ...lines].join("\n");
}

function projectSection(
  doc: TargetDocument,
  p: ProjectScore,
  policy: string,
  showFindings: boolean,
  funding: FundingSplit | null | undefined,
): string {
  const project = doc.projects[p.projectIndex]!;
  const unit = doc.moneyUnit;
  const inds = project.indicators;
  const l1 = spans(inds.map((i) => i.level1));
  const l2 = spans(inds.map((i) => `${i.level1}\u0000${i.level2}`));
  const weightTotal = p.executionWeight + p.indicators.reduce((s, i) => s + (i.weight ?? 0), 0);
  const rows = inds.map((ind, j) => {
    const s = p.indicators[j]!;
    const c1 = l1[j] ? `<td class="c" rowspan="${l1[j]}">${e(ind.level1Label ?? ind.level1)}</td>` : "";
    const c2 = l2[j] ? `<td class="c" rowspan="${l2[j]}">${e(ind.level2Label ?? ind.level2)}</td>` : "";
    return `<tr>${c1}${c2}<td>${e(ind.name)}</td><td class="c">${e(targetText(ind))}</td><td class="c">${e(
      actualText(ind),
    )}</td><td class="num">${e(ind.weight === null ? "" : String(ind.weight))}</td><td class="num" title="${e(s.working)}">${e(num(s.score))}</td><td>${e(
      ind.deviationReason ?? "",
    )}</td></tr>`;
  });
  const findings =
    showFindings && p.findings.length
      ? `<ul class="findings">${p.findings
          .map(
            (f) =>
              `<li class="${e(f.severity)}">${e(f.code)}${f.indicator === null ? "" : ` · ${e(f.indicator)}`}：${e(f.message)}</li>`,
          )
          .join("")}</ul>`
      : "";
  const rescaled = p.rescaled ? `（不适用指标已剔除，指标得分 ${e(p.indicatorWorking)}）` : "";
  return `<section class="project">
<h1>项目支出绩效自评表</h1>
<p class="sub">（${e(doc.fiscalYear ? `${doc.fiscalYear}年度` : "年度")}）</p>
<div class="meta"><span>评分规则：${e(policy)}（预算执行率 ${e(String(p.executionWeight))} 分 + 指标 ${e(
    String(p.indicatorTotal),
  )} 分）</span><span>单位：${e(unit)}</span></div>
<table>
<colgroup><col style="width:9%"><col style="width:10%"><col style="width:20%"><col style="width:12%"><col style="width:14%"><col style="width:6%"><col style="width:7%"><col style="width:22%"></colgroup>
<tbody>
<tr><th>项目名称</th><td colspan="7">${e(p.name)}</td></tr>
<tr><th>主管部门</th><td colspan="3">${e(doc.department?.name ?? "")}</td><th>实施单位</th><td colspan="3">${e(
    `${project.unitCode}-${project.unitName}`,
  )}</td></tr>
${moneyRows(p, unit, funding)}
<tr><th>年度总体目标</th><td colspan="7">${e(project.goal)}</td></tr>
<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因分析及改进措施</th></tr>
${rows.join("\n")}
<tr class="total"><td colspan="5">总分${rescaled}</td><td class="num">${e(String(weightTotal))}</td><td class="num">${e(
    String(p.total),
  )}</td><td class="c">${e(p.grade)}</td></tr>
</tbody>
</table>
${findings}
</section>`;
}

/**
 * Renders the self-evaluation of a document as a printable HTML page.
 * @example renderSelfEvalHtml(doc, scoreDocument(doc)).startsWith("<!DOCTYPE html>") // true
 */
export function renderSelfEvalHtml(
  doc: TargetDocument,
  result: DocumentScore,
  options: SelfEvalHtmlOptions = {},
): string {
  const title = options.title ?? doc.title ?? "项目支出绩效自评表";
  const showFindings = options.findings ?? true;
  const sections = result.projects.map((p) =>
    projectSection(doc, p, result.policy, showFindings, options.funding?.[p.projectIndex]),
  );
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="jixiao">
<meta name="jixiao-policy" content="${e(result.policy)}">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
${sections.join("\n")}
</body>
</html>
`;
}
