/**
 * xlsx import (ExcelJS): every sheet becomes a grid (merged cells carry their master's value
 * and address; percent-formatted numbers read as "95%"), then the grid reader finds the
 * header by its names and maps the layout onto the model. Never throws.
 */
import { type Parsed, round, type TargetDocument } from "@jixiao/core";
import ExcelJS from "exceljs";
import { columnLetters, type GridCell, type GridSheet } from "../table/grid.ts";
import { type GridOptions, readGrid } from "../table/read-grid.ts";
import { checkZip } from "../zip-guard.ts";
import { installFastMerge } from "./fast-merge.ts";

installFastMerge();

function valueText(v: ExcelJS.CellValue): { text: string; num?: number } {
  if (v === null || v === undefined) return { text: "" };
  if (typeof v === "number") return { text: String(v), num: v };
  if (typeof v === "string") return { text: v };
  if (typeof v === "boolean") return { text: v ? "TRUE" : "FALSE" };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return { text: v.richText.map((t) => t.text).join("") };
    if ("result" in v && v.result !== undefined) return valueText(v.result as ExcelJS.CellValue);
    if ("formula" in v || "sharedFormula" in v) return { text: "" };
    if ("text" in v && typeof v.text === "string") return { text: v.text };
    if ("error" in v) return { text: String(v.error) };
  }
  return { text: String(v) };
}

function gridCell(cell: ExcelJS.Cell): GridCell | undefined {
  const source = cell.isMerged ? cell.master : cell;
  const { text, num } = valueText(source.value);
  const merged = cell.isMerged ? cell.master.address : undefined;
  if (text === "" && !merged) return undefined;
  const out: GridCell = { text };
  if (num !== undefined) {
    if (/%/.test(source.numFmt ?? "")) out.text = `${round(num * 100, 10)}%`;
    else out.num = num;
  }
  if (merged) out.merged = merged;
  return out;
}

/** Converts an ExcelJS worksheet into a grid. */
export function sheetGrid(ws: ExcelJS.Worksheet): GridSheet {
  const rows: (GridCell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (GridCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = gridCell(cell);
    });
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const name = ws.name;
  const quoted = /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  return { name, rows, ref: (r, c) => `${quoted}!${columnLetters(c)}${r + 1}` };
}

/**
 * Reads xlsx bytes into a document: every visible sheet with a 表12-like header.
 * @example (await readXlsx(await writeXlsx(doc))).value // deep-equals doc
 */
export async function readXlsx(
  bytes: Uint8Array,
  options: { onProgress?: (f: number) => void; columns?: GridOptions["columns"] } = {},
): Promise<Parsed<TargetDocument>> {
  const zipProblem = checkZip(bytes, undefined, "xlsx"); // zip bombs: sizes and ratios checked before ExcelJS inflates
  if (zipProblem) return { value: null, diagnostics: [zipProblem] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return {
      value: null,
      diagnostics: [
        {
          code: "xlsx.unreadable",
          severity: "error",
          message: `不是可读的 xlsx 文件：${(e as Error).message}`,
          messageEn: `Not a readable xlsx file: ${(e as Error).message}`,
        },
      ],
    };
  }
  options.onProgress?.(0.4);
  const sheets = wb.worksheets.filter((ws) => ws.state !== "hidden" && ws.state !== "veryHidden").map(sheetGrid);
  options.onProgress?.(0.6);
  const progress = options.onProgress;
  return readGrid(sheets, {
    source: "xlsx",
    onProgress: progress ? (f) => progress(0.6 + 0.4 * f) : undefined,
    columns: options.columns,
  });
}
