/**
 * The printable 表12 page: one self-contained HTML file (no scripts, no external assets)
 * with print CSS — A4 landscape, the header row repeated on every page, rows never split,
 * page numbers in the page margin (@page) — ready to publish or to print to PDF.
 * Cells are top-aligned so that the PDF reader can rebuild rows from glyph positions.
 */
import type { TargetDocument } from "@jixiao/core";
import type { ColumnKey } from "../csv/columns.ts";
import { HEADER } from "../csv/columns.ts";
import { type CellValue, departmentText, type FlatRow, flatten, isProjectColumn } from "../csv/flatten.ts";
import { moneyText } from "../csv/write-csv.ts";
import { DEFAULT_TITLE } from "../xlsx/write-xlsx.ts";

const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML.
 * @example escapeHtml("<a&b>") // "&lt;a&amp;b&gt;"
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITY[c]!);
}

const MONEY: ReadonlySet<ColumnKey> = new Set(["budget", "executed", "initialBudget"]);
const WIDTH_MM: Partial<Record<ColumnKey, number>> = {
  name: 22,
  unit: 22,
  category: 14,
  budget: 14,
  goal: 42,
  level1: 13,
  level2: 15,
  indicator: 34,
  nature: 12,
  operator: 12,
  target: 18,
  measure: 11,
  weight: 9,
};

const CSS = `
@page { size: A4 landscape; margin: 12mm 10mm 14mm 10mm;
  @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-size: 9pt; color: #333; } }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", SimSun, "Songti SC", serif;
  font-size: 9pt; color: #000; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 3mm; font-family: "Noto Sans CJK SC", SimHei, sans-serif; }
.meta { display: flex; justify-content: space-between; margin: 0 0 2mm; font-size: 10pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
thead { display: table-header-group; }
th, td { border: 0.6pt solid #000; padding: 1mm 1.2mm; vertical-align: top; word-break: break-all;
  white-space: pre-wrap; line-height: 1.35; }
th { background: #ededed; font-weight: bold; text-align: center; vertical-align: middle; }
td.c { text-align: center; } td.n { text-align: right; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.total td { font-weight: bold; }
.note { margin: 2mm 0 0; white-space: pre-wrap; font-size: 9pt; }
@media screen { body { margin: 12mm; } }
`;

const CENTER: ReadonlySet<ColumnKey> = new Set([
  "category",
  "level1",
  "level2",
  "nature",
  "operator",
  "measure",
  "weight",
]);

function cell(v: CellValue, key: ColumnKey, rowspan: number): string {
  const text = v === null || v === undefined ? "" : typeof v === "number" && MONEY.has(key) ? moneyText(v) : String(v);
  const cls = MONEY.has(key) ? ' class="n"' : CENTER.has(key) ? ' class="c"' : "";
  const span = rowspan > 1 ? ` rowspan="${rowspan}"` : "";
  return `<td${cls}${span}>${escapeHtml(text)}</td>`;
}

/** Length of the run of rows from i that share `key` and stay inside [i, end). */
function runLength(rows: FlatRow[], i: number, end: number, key: (r: FlatRow) => string): number {
  let n = 1;
  while (i + n < end && key(rows[i + n]!) === key(rows[i]!)) n++;
  return n;
}

/**
 * Renders the printable 表12 page of a document.
 * @example table12Html(doc).startsWith("<!doctype html>") // true
 */
export function table12Html(doc: TargetDocument): string {
  const table = flatten(doc);
  const cols = table.columns.filter((k) => !["seq", "title", "department", "fiscalYear", "total", "notes"].includes(k));
  const title = doc.title ?? DEFAULT_TITLE;
  const widths = cols.map((k) => WIDTH_MM[k] ?? 14);
  const sum = widths.reduce((a, b) => a + b, 0);
  const colgroup = widths.map((w) => `<col style="width:${((100 * w) / sum).toFixed(2)}%">`).join("");
  const head = `<tr>${cols.map((k) => `<th>${escapeHtml(HEADER[k])}</th>`).join("")}</tr>`;
  const body: string[] = [];
  const rows = table.rows;
  // Spans: project columns per project; 一级 and 二级 per run inside a project.
  const projectEnd: number[] = [];
  for (let i = 0; i < rows.length; ) {
    const n = runLength(rows, i, rows.length, (r) => String(r.projectIndex));
    for (let j = i; j < i + n; j++) projectEnd[j] = i + n;
    i += n;
  }
  let l1Until = 0;
  let l2Until = 0;
  rows.forEach((row, i) => {
    const first = i === 0 || rows[i - 1]!.projectIndex !== row.projectIndex;
    const tds: string[] = [];
    const end = projectEnd[i]!;
    for (const k of cols) {
      if (isProjectColumn(k)) {
        if (first) tds.push(cell(row.cells[k] ?? null, k, end - i));
      } else if (k === "level1" && row.indicatorIndex !== null) {
        if (i >= l1Until) {
          const n = runLength(rows, i, end, (r) => String(r.cells.level1));
          l1Until = i + n;
          tds.push(cell(row.cells.level1 ?? null, k, n));
        }
      } else if (k === "level2" && row.indicatorIndex !== null) {
        if (i >= l2Until) {
          const n = runLength(rows, i, l1Until, (r) => String(r.cells.level2));
          l2Until = i + n;
          tds.push(cell(row.cells.level2 ?? null, k, n));
        }
      } else tds.push(cell(row.cells[k] ?? null, k, 1));
    }
    body.push(`<tr>${tds.join("")}</tr>`);
  });
  if (doc.total !== undefined) {
    const bi = cols.indexOf("budget");
    const tds = cols.map((_k, i) =>
      i === 0 ? "<td>合计</td>" : i === bi ? `<td class="n">${moneyText(doc.total!)}</td>` : "<td></td>",
    );
    body.push(`<tr class="total">${tds.join("")}</tr>`);
  }
  const meta = [
    doc.department ? `<span>部门：${escapeHtml(departmentText(doc.department))}</span>` : "<span></span>",
    doc.fiscalYear !== undefined ? `<span>年度：${doc.fiscalYear}</span>` : "",
    `<span>单位：${doc.moneyUnit}</span>`,
  ].join("");
  const notes = (doc.notes ?? []).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join("\n");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="generator" content="jixiao">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<div class="meta">${meta}</div>
<table>
<colgroup>${colgroup}</colgroup>
<thead>${head}</thead>
<tbody>
${body.join("\n")}
</tbody>
</table>
${notes}
</body>
</html>
`;
}
