import { spreadsheetSafe } from "@jixiao/core/model/spreadsheet-safe.ts";

/**
 * RFC 4180 CSV with a BOM so that Excel opens Chinese text correctly; text cells are
 * spreadsheet-safe (a leading = + - @ tab or CR cannot run as a formula), numbers stay numbers.
 */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? "" : typeof v === "number" ? String(v) : spreadsheetSafe(String(v));
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
