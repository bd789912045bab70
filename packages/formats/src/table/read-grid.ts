/**
 * Grid sheets → document: the one reader behind CSV, xlsx, HTML, Word, PDF and pasted text.
 * Each sheet is cut into blocks at its header rows (a header repeated on every page or every
 * project continues its block); each block is classified (row table, form block, self-
 * evaluation, department-wide, single table), its columns mapped by name and checked by
 * content, and read into projects. Every layout, mapped column and inferred value is logged;
 * the result is checked for honest output. Never throws.
 *
 * @example
 * const sheet = gridFromSpans("t", [[{ text: "三级指标" }, { text: "指标值" }, { text: "分值" }], …]);
 * readGrid([sheet], { source: "html" }).value?.projects.length
 */
import type { Parsed, TargetDocument } from "@jixiao/core";
import { newState } from "./document-state.ts";
import { finishDocument, orderKeys } from "./finish.ts";
import { type GridSheet, isBlankRow } from "./grid.ts";
import type { ColumnOverride } from "./header.ts";
import type { FormFields } from "./read-form.ts";
import { readSheet } from "./read-sheet.ts";
import type { TableReading } from "./reading.ts";
import { say } from "./words.ts";

export interface GridOptions {
  /** Prefix of diagnostic codes: "csv", "xlsx", "html", "docx", "pdf", "text". */
  source: string;
  onProgress?: (fraction: number) => void;
  /** The user's corrections of the column mapping (import wizard). */
  columns?: readonly ColumnOverride[];
}

/** The document, the repair log, and how the table was read. */
export interface GridResult extends Parsed<TargetDocument> {
  reading: TableReading;
}

/**
 * Reads grid sheets into a document. `options.columns` overrides the column mapping.
 * @example readGrid([sheet], { source: "csv" }).reading.blocks[0].layouts // ["row-table"]
 */
export function readGrid(sheets: readonly GridSheet[], options: GridOptions): GridResult {
  const src = options.source;
  const st = newState(src);
  const overrides = options.columns ?? [];
  let headerFound = false;
  let carried: FormFields | null = null;
  sheets.forEach((sheet, si) => {
    const before = st.blocks.length;
    const previous = st.lastMap ?? null;
    const r = readSheet(sheet, st, overrides, carried, previous);
    if (st.blocks.length === before) st.lastMap = undefined; // only the table right before continues
    if (r.found) headerFound = true;
    carried = r.form;
    if (!r.found && !sheet.rows.every((row) => isBlankRow(row)) && !r.form)
      st.diagnostics.push(say(src, "no-header", { sheet: sheet.name }, { cell: sheet.ref(0, 0) }));
    options.onProgress?.((si + 1) / sheets.length);
  });
  if (!headerFound) {
    st.diagnostics.push(say(src, "no-table", {}));
    return {
      value: null,
      diagnostics: st.diagnostics,
      reading: { blocks: st.blocks, moneyUnit: { unit: "万元", from: "default" }, overrides: [...overrides] },
    };
  }
  const moneyUnit = finishDocument(st);
  if (st.notes.length) st.doc.notes = st.notes;
  if (st.doc.fiscalYear === undefined && st.doc.title) {
    const y = /((?:19|20)\d{2})\s*年/.exec(st.doc.title);
    if (y) st.doc.fiscalYear = Number(y[1]);
  }
  return {
    value: orderKeys(st.doc),
    diagnostics: st.diagnostics,
    reading: { blocks: st.blocks, moneyUnit, overrides: [...overrides] },
  };
}
