/**
 * A report model (report-model.ts) as one self-contained printable HTML page: A4 print CSS,
 * header rows repeated on every printed page, rows never cut in half, charts as inline SVG.
 * No scripts, no external resources; every text is HTML-escaped. chromium prints it to PDF.
 */
import { escapeHtml as e } from "../../html/self-eval-html.ts";
import type { Block, Cell, ChartBlock, Report, TableBlock } from "./report-model.ts";

const css = (orientation: Report["orientation"]) => `
@page { size: A4 ${orientation}; margin: 16mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; color: #000; margin: 0 auto; max-width: ${
  orientation === "portrait" ? "182mm" : "269mm"
}; padding: 12px 0; font-size: 10.5pt; line-height: 1.6; }
h1 { font-family: "Noto Sans CJK SC", "SimHei", "Heiti SC", sans-serif; font-size: 18pt; text-align: center; margin: 0 0 2px; letter-spacing: 2px; }
p.sub { text-align: center; margin: 0 0 12px; }
h2 { font-family: "Noto Sans CJK SC", "SimHei", "Heiti SC", sans-serif; font-size: 12pt; margin: 14px 0 6px; break-after: avoid; page-break-after: avoid; }
p { margin: 4px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
p.indent { text-indent: 2em; }
p.field { margin: 2px 0; }
p.field b { display: inline-block; min-width: 5em; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 6px 0 10px; font-size: 9.5pt; line-height: 1.4; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 3px 4px; vertical-align: middle; overflow-wrap: anywhere; white-space: pre-wrap; }
th { font-weight: bold; background: #eee; text-align: center; }
td.r { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.c { text-align: center; }
td.b { font-weight: bold; }
figure { margin: 8px 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { text-align: center; font-size: 9.5pt; margin-top: 2px; }
svg text { font-family: "Noto Sans CJK SC", "SimHei", sans-serif; }
`;

function cellHtml(c: Cell, inHead: boolean): string {
  const tag = inHead || c.head ? "th" : "td";
  const cls = [c.align === "right" ? "r" : c.align === "center" ? "c" : "", c.bold ? "b" : ""]
    .filter(Boolean)
    .join(" ");
  const attrs = `${c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ""}${c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ""}${
    cls && tag === "td" ? ` class="${cls}"` : ""
  }`;
  return `<${tag}${attrs}>${e(c.text)}</${tag}>`;
}

function tableHtml(t: TableBlock): string {
  const cols = `<colgroup>${t.columns.map((c) => `<col style="width:${c.width}%">`).join("")}</colgroup>`;
  const headRows = t.rows.slice(0, t.headerRows);
  const bodyRows = t.rows.slice(t.headerRows);
  const thead = headRows.length
    ? `<thead>${headRows.map((r) => `<tr>${r.map((c) => cellHtml(c, true)).join("")}</tr>`).join("")}</thead>`
    : "";
  const tbody = `<tbody>${bodyRows.map((r) => `<tr>${r.map((c) => cellHtml(c, false)).join("")}</tr>`).join("\n")}</tbody>`;
  return `<table data-table="${e(t.id)}">${cols}${thead}\n${tbody}</table>`;
}

/** Horizontal bars, one per label, value printed at the bar's end; 0..max scale, integer ticks. */
export function barChartSvg(chart: Pick<ChartBlock, "title" | "bars">): string {
  const W = 520;
  const left = 70;
  const right = 50;
  const bar = 22;
  const gap = 10;
  const top = 10;
  const h = top + chart.bars.length * (bar + gap) + 24;
  const max = Math.max(1, ...chart.bars.map((b) => b.value));
  const plot = W - left - right;
  const ticks = Math.min(max, 5);
  const parts: string[] = [];
  for (let k = 0; k <= ticks; k++) {
    const v = Math.round((max * k) / ticks);
    const x = left + (plot * v) / max;
    parts.push(
      `<line x1="${x.toFixed(1)}" y1="${top - 4}" x2="${x.toFixed(1)}" y2="${h - 20}" stroke="#ccc" stroke-width="0.5"/>`,
      `<text x="${x.toFixed(1)}" y="${h - 6}" font-size="10" text-anchor="middle" fill="#333">${v}</text>`,
    );
  }
  chart.bars.forEach((b, i) => {
    const y = top + i * (bar + gap);
    const w = (plot * b.value) / max;
    parts.push(
      `<text x="${left - 8}" y="${y + bar / 2 + 4}" font-size="12" text-anchor="end">${e(b.label)}</text>`,
      `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${bar}" fill="#3b6ea8"><title>${e(b.label)}：${b.value}</title></rect>`,
      `<text x="${(left + w + 6).toFixed(1)}" y="${y + bar / 2 + 4}" font-size="11">${b.value}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${e(chart.title)}" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}">${parts.join("")}</svg>`;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case "title":
      return `<h1>${e(b.text)}</h1>`;
    case "subtitle":
      return `<p class="sub">${e(b.text)}</p>`;
    case "heading":
      return `<h2>${e(b.text)}</h2>`;
    case "paragraph":
      return `<p${b.indent ? ' class="indent"' : ""}>${e(b.text)}</p>`;
    case "field":
      return `<p class="field"><b>${e(b.label)}：</b>${e(b.value)}</p>`;
    case "table":
      return tableHtml(b);
    case "chart":
      return `<figure data-chart="grades">${barChartSvg(b)}<figcaption>${e(b.title)}</figcaption></figure>\n${tableHtml(b.table)}`;
  }
}

/**
 * The printable page of a report.
 * @example renderReportHtml(buildSelfEvalReport(input)).startsWith("<!DOCTYPE html>") // true
 */
export function renderReportHtml(report: Report): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="jixiao">
<title>${e(report.title)}</title>
<style>${css(report.orientation)}</style>
</head>
<body>
${report.blocks.map(blockHtml).join("\n")}
</body>
</html>
`;
}
