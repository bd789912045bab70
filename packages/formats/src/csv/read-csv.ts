/**
 * CSV import: decodes UTF-8 (BOM or not), UTF-16 or GBK/GB18030, splits RFC 4180 records
 * (quoted fields with commas, quotes and line breaks; comma, tab or semicolon separated),
 * then reads the rows as a grid. Never throws.
 */
import { fromSpreadsheetSafe, type Parsed, type TargetDocument } from "@jixiao/core";
import { decodeText } from "../decode.ts";
import type { GridSheet } from "../table/grid.ts";
import { columnLetters } from "../table/grid.ts";
import { type GridOptions, readGrid } from "../table/read-grid.ts";

/**
 * Splits CSV text into records of fields.
 * @example parseCsv('a,"b,c"\r\n1,2') // [["a","b,c"],["1","2"]]
 */
export function parseCsv(text: string, separator = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let fieldText = "";
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          fieldText += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      fieldText += ch;
      i++;
      continue;
    }
    if (ch === '"' && fieldText === "") {
      quoted = true;
      i++;
    } else if (ch === separator) {
      row.push(fieldText);
      fieldText = "";
      i++;
    } else if (ch === "\r" || ch === "\n") {
      row.push(fieldText);
      rows.push(row);
      row = [];
      fieldText = "";
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      fieldText += ch;
      i++;
    }
  }
  if (fieldText !== "" || row.length > 0) {
    row.push(fieldText);
    rows.push(row);
  }
  return rows;
}

export { columnLetters };

function guessSeparator(text: string): string {
  const first = text.slice(0, text.search(/\r?\n/) >>> 0 || text.length);
  const counts = [",", "\t", ";"].map((s) => [s, first.split(s).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![0];
}

/**
 * Reads CSV bytes (any of the encodings above) into a document.
 * @example readCsv(writeCsv(doc)).value // deep-equals doc
 */
export function readCsv(
  bytes: Uint8Array,
  options: { fileName?: string; onProgress?: (f: number) => void; columns?: GridOptions["columns"] } = {},
): Parsed<TargetDocument> {
  const decoded = decodeText(bytes);
  const text = decoded.text.replace(/^\uFEFF/, "");
  const records = parseCsv(text, guessSeparator(text));
  const name = (options.fileName ?? "csv").split(/[\\/]/).pop() ?? "csv";
  const sheet: GridSheet = {
    name,
    rows: records.map((rec) => rec.map((t) => ({ text: fromSpreadsheetSafe(t) }))),
    ref: (r, c) => `${name}!${columnLetters(c)}${r + 1}`,
  };
  const r = readGrid([sheet], { source: "csv", onProgress: options.onProgress, columns: options.columns });
  return { value: r.value, diagnostics: [...decoded.diagnostics, ...r.diagnostics] };
}
