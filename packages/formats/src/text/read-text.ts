/**
 * The text importer: PDF-extracted 表12 text in → a document and a repair log.
 *
 * It reads by meaning, in passes, one file each:
 * 1. lines → cells (split-cells.ts): tabs, or runs of spaces; words split at a wrap joined;
 * 2. each line classified and read (classify-line.ts): title/部门/单位 lines, the header
 *    (repeats dropped), project rows (the cell `151001-单位名称` marks them), indicator rows
 *    read by vocabulary (parse-row.ts), wrapped lines, 合计, footer;
 * 3. rows printed in the previous project's block re-attached (reattach.ts plans, attach-rows.ts
 *    applies) and 一级/二级 resolved through merged cells (assign-levels.ts);
 * 4. the group of re-attached rows printed with no level guessed (guess-group.ts);
 * 5. the document inferred: layout, department code, fiscal year, total (infer-document.ts).
 * Every repair goes to the log, whose codes and words live in one table (text-diagnostics.ts).
 * Text of another shape (detect-shape.ts: pipes, tabs, one cell per line, pdftotext -layout)
 * whose header names its columns becomes grid sheets for the grid reader (read-pasted.ts); the
 * result then also says how the table was read (`reading`, for the import wizard).
 * Never throws; what it cannot resolve it reports.
 */
import { FORMAT_ID, type Parsed, type TargetDocument } from "@jixiao/core";
import type { ColumnOverride } from "../table/header.ts";
import type { TableReading } from "../table/reading.ts";
import { attachRows } from "./attach-rows.ts";
import { LineClassifier } from "./classify-line.ts";
import { detectShape } from "./detect-shape.ts";
import { detectLayout, inferDocument } from "./infer-document.ts";
import { readPasted } from "./read-pasted.ts";
import { CellSplitter } from "./split-cells.ts";
import { RepairLog } from "./text-diagnostics.ts";

export interface ReadTextOptions {
  onProgress?: (fraction: number) => void;
  /** For a pasted table read by the grid reader: the user's corrections of the column mapping. */
  columns?: readonly ColumnOverride[];
}

const PROGRESS_EVERY = 20000;

/**
 * Reads PDF-extracted 表12 text.
 * @example readText("单位：万元\n项目名称\t项目单位\t项目类别\t预算数\t一级指标\n").value?.moneyUnit // "万元"
 */
export function readText(
  text: string,
  options: ReadTextOptions = {},
): Parsed<TargetDocument> & { reading?: TableReading } {
  const log = new RepairLog();
  const doc: TargetDocument = { format: FORMAT_ID, moneyUnit: "万元", projects: [] };
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Pasted tables of other shapes (pipes, tabs, one cell per line, pdftotext -layout) with a
  // recognisable header go to the grid reader; the printed 表12 stays on the passes below.
  const shape = detectShape(src);
  if (shape !== "printed") {
    const pasted = readPasted(src, shape, options);
    if (pasted) return pasted;
  }
  const cells = new CellSplitter(src.indexOf("\t") >= 0, log);
  const lines = new LineClassifier(doc, log);

  let lineNo = 0;
  let pos = 0;
  const len = src.length;
  while (pos <= len) {
    let nl = src.indexOf("\n", pos);
    if (nl < 0) nl = len;
    let raw = src.slice(pos, nl);
    pos = nl + 1;
    lineNo++;
    if (options.onProgress && lineNo % PROGRESS_EVERY === 0) options.onProgress(Math.min(1, pos / Math.max(1, len)));
    if (raw.length > 0 && raw.charCodeAt(raw.length - 1) === 13) raw = raw.slice(0, -1);
    if (raw.length === 0 || !/\S/.test(raw)) {
      if (nl === len) break;
      continue;
    }
    const tokens = cells.split(raw, lineNo);
    if (tokens.length > 0) lines.read(tokens, raw, lineNo);
  }
  options.onProgress?.(1);

  if (lines.blocks.length === 0) {
    log.add("text.no-projects", {});
    return { value: null, diagnostics: log.diagnostics };
  }
  if (!lines.moneyUnitSeen) log.add("text.money-unit-missing", {});
  if (lines.headerSeen === 0) log.add("text.header-missing", {});
  if (lines.tableNo && !doc.title) doc.title = lines.tableNo;
  attachRows(doc, lines.blocks, lines.orphans, detectLayout(lines.blocks), log);
  inferDocument(doc, src, lines.notes, log);
  return { value: doc, diagnostics: log.diagnostics };
}
