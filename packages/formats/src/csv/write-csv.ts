/**
 * CSV export: one indicator per row, the project columns repeated on every row (the shape a
 * pandas user loads), 项目序号 to tell projects apart, the document's own fields as repeated
 * columns, UTF-8 with a BOM so Excel opens it as Chinese text, CRLF rows (RFC 4180).
 */
import { formatMoney, round, spreadsheetSafe, type TargetDocument } from "@jixiao/core";
import { type ColumnKey, HEADER } from "./columns.ts";
import { type CellValue, flatten } from "./flatten.ts";

const MONEY_KEYS: ReadonlySet<ColumnKey> = new Set(["budget", "total", "executed", "initialBudget"]);

/** A money amount with two decimals when that is exact, else every digit it has. */
export function moneyText(v: number): string {
  return round(v, 2) === v ? formatMoney(v) : String(v);
}

function field(v: CellValue, key: ColumnKey): string {
  if (v === null || v === undefined) return "";
  // Text cells are spreadsheet-safe (no formula injection); numbers stay numbers.
  const s = typeof v === "number" ? (MONEY_KEYS.has(key) ? moneyText(v) : String(v)) : spreadsheetSafe(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The header text of a column in a document with the given money unit. */
export function headerText(key: ColumnKey, moneyUnit: string): string {
  return key === "budget" ? `${HEADER.budget}（${moneyUnit}）` : HEADER[key];
}

/**
 * Serialises a document as CSV text (without the BOM).
 * @example writeCsvText(doc).split("\r\n")[0].startsWith("项目序号,项目名称") // true
 */
export function writeCsvText(doc: TargetDocument): string {
  const table = flatten(doc, { seq: true, documentColumns: true });
  const lines = [table.columns.map((k) => field(headerText(k, doc.moneyUnit), "name")).join(",")];
  for (const row of table.rows) lines.push(table.columns.map((k) => field(row.cells[k] ?? null, k)).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * Serialises a document as CSV bytes: UTF-8 with a BOM.
 * @example writeCsv(doc).subarray(0, 3) // EF BB BF
 */
export function writeCsv(doc: TargetDocument): Uint8Array {
  const body = new TextEncoder().encode(writeCsvText(doc));
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(body, 3);
  return out;
}
