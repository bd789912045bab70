/**
 * Which shape a pasted text has, from a sample of its first lines:
 * - `printed`: the PDF-extracted 表12 (tabs or runs of spaces, project rows marked by a
 *   `151001-单位名称` cell right after the project name) — read by the line passes;
 * - `pipes`: a web copy of an HTML table as `| a | b |` rows;
 * - `tabs`: cells separated by tabs (copied from a spreadsheet or a browser table);
 * - `aligned`: columns aligned by runs of spaces (`pdftotext -layout`);
 * - `cell-per-line`: one cell per line (copied from a web page).
 * Every shape but `printed` goes to the grid reader when a header row is found in it.
 */
import { matchHeader, TABLE12_HEADER } from "@jixiao/core";
import { UNIT_CELL } from "./vocab.ts";

export type TextShape = "printed" | "pipes" | "tabs" | "aligned" | "cell-per-line";

/** Words for the repair log. */
export const SHAPE_WORDS: Record<TextShape, { zh: string; en: string }> = {
  printed: { zh: "PDF 提取的表12 文本", en: "PDF-extracted 表12 text" },
  pipes: { zh: "竖线分隔的网页表格（| a | b |）", en: "a web table copied as | a | b | rows" },
  tabs: {
    zh: "制表符分隔的表格（从电子表格或网页复制）",
    en: "tab-separated cells (copied from a spreadsheet or a browser)",
  },
  aligned: { zh: "按空格对齐的版式文本（pdftotext -layout）", en: "columns aligned by spaces (pdftotext -layout)" },
  "cell-per-line": { zh: "每行一个单元格（从网页复制）", en: "one cell per line (copied from a web page)" },
};

const SAMPLE_CHARS = 256 * 1024;
const SAMPLE_LINES = 3000;
/** A run of two or more spaces (or an ideographic space) between two non-spaces. */
const GAP = /\S(?: {2,}|\u3000+)\S/;

function pipeCount(line: string): number {
  let n = 0;
  for (let i = line.indexOf("|"); i >= 0; i = line.indexOf("|", i + 1)) n++;
  return n;
}

/** Cells of a line as the printed-表12 passes split them (tabs, else runs of spaces). */
function roughCells(line: string, tabs: boolean): string[] {
  return (tabs ? line.split("\t") : line.split(/ {2,}|\u3000+/)).map((c) => c.trim()).filter((c) => c !== "");
}

/** Number of distinct column keys the cells of a line name (a header row names four or more). */
export function headerKeys(cells: readonly string[]): number {
  return keysOf(cells).size;
}

function keysOf(cells: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const c of cells) {
    if (c.length > 24) continue;
    const m = matchHeader(c);
    if (m) keys.add(m.key);
  }
  return keys;
}

/**
 * True when cells are the header of an indicator grid: four or more column names, among them
 * the indicator's (三级指标, or 一级/二级 with 指标值) — not the form fields above a grid.
 * @example isGridHeader(["一级指标", "二级指标", "三级指标", "指标值"]) // true
 */
export function isGridHeader(cells: readonly string[]): boolean {
  const k = keysOf(cells);
  return k.size >= 4 && (k.has("indicator") || ((k.has("level1") || k.has("level2")) && k.has("target")));
}

const PRINTED_KEYS = TABLE12_HEADER.map((h) => matchHeader(h)?.key ?? "").join(",");

/** True when a header row names the printed 表12's columns in its order (whatever the spelling). */
export function isPrintedHeader(cells: readonly string[]): boolean {
  const keys = cells.filter((c) => c !== "").map((c) => matchHeader(c)?.key ?? "?");
  return keys.join(",") === PRINTED_KEYS;
}

/**
 * The shape of a text (see the module comment).
 * @example detectShape("| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n| 产出指标 | 数量指标 | 人数 | 5 |") // "pipes"
 */
export function detectShape(src: string): TextShape {
  const sample = src.length > SAMPLE_CHARS ? src.slice(0, SAMPLE_CHARS) : src;
  const lines = sample.split("\n", SAMPLE_LINES).map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  let nonEmpty = 0;
  let piped = 0;
  let tabbed = 0;
  let gapped = 0;
  for (const l of lines) {
    if (!/\S/.test(l)) continue;
    nonEmpty++;
    if (pipeCount(l) >= 2) piped++;
    if (l.indexOf("\t") >= 0) tabbed++;
    else if (GAP.test(l)) gapped++;
  }
  if (nonEmpty === 0) return "printed";
  if (piped >= nonEmpty * 0.6) return "pipes";
  const tabs = tabbed >= nonEmpty * 0.3;
  if (tabs || gapped >= nonEmpty * 0.3) {
    // The printed 表12: its header's columns in its order (any spelling), or no header at all,
    // and a `code-unit` cell right after the project name on some row. Any other header (other
    // columns, another order, 实际完成值, 长期/年度 pairs, no 分值) is a table for the grid reader.
    let header: string[] | null = null;
    let unitRow = false;
    for (const l of lines) {
      const cells = roughCells(l, tabs);
      if (!header && isGridHeader(cells)) header = cells;
      for (let t = 1; t <= 2 && t < cells.length && !unitRow; t++) {
        const c0 = cells[t]!.charCodeAt(0);
        if (c0 >= 48 && c0 <= 57 && UNIT_CELL.test(cells[t]!)) unitRow = true;
      }
      if (header && unitRow) break;
    }
    if (unitRow && (!header || isPrintedHeader(header))) return "printed";
    return tabs ? "tabs" : "aligned";
  }
  // Mostly one cell per line: a header spelled one name per line.
  let run = 0;
  for (const l of lines) {
    const t = l.trim();
    if (t === "") continue;
    if (t.length <= 24 && matchHeader(t)) {
      if (++run >= 4) return "cell-per-line";
    } else run = 0;
  }
  return "printed";
}
