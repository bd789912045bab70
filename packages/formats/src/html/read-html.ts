/**
 * HTML import: a page's tables (rowspan/colspan, several per page, title and 金额单位 rows
 * inside or above them) become grid sheets for the grid reader. The charset comes from a BOM,
 * else the page's `<meta charset>` / `http-equiv` (GBK, GB2312 and GB18030 read as GB18030),
 * else UTF-8 when valid, else GB18030. Input is bounded (HTML_MAX_BYTES). Never throws.
 */
import type { Diagnostic } from "@jixiao/core";
import { decodeText } from "../decode.ts";
import { type GridSheet, gridFromSpans } from "../table/grid.ts";
import { type GridOptions, type GridResult, readGrid } from "../table/read-grid.ts";
import { extractHtmlTables } from "./read-html-tables.ts";

/** Largest HTML page read (bytes). */
export const HTML_MAX_BYTES = 32 * 1024 * 1024;

/**
 * The charset a page declares in its first 4 KiB, lower-cased; null when none.
 * @example metaCharset(new TextEncoder().encode('<meta charset="gbk">')) // "gbk"
 */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/** True when the bytes are valid UTF-8 holding some non-ASCII text (a page re-saved as UTF-8 keeps its old meta). */
function validUtf8Text(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a page: by its BOM; else by its meta charset (GBK family → GB18030) unless the bytes
 * are valid UTF-8 text (GBK text almost never is); else by what the bytes are.
 */
export function decodeHtml(bytes: Uint8Array): { text: string; diagnostics: Diagnostic[] } {
  const bom =
    (bytes[0] === 0xef && bytes[1] === 0xbb) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  const charset = bom || validUtf8Text(bytes) ? null : metaCharset(bytes);
  if (charset && /^(gbk|gb2312|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/.test(charset)) {
    const text = new TextDecoder("gb18030").decode(bytes);
    return {
      text,
      diagnostics: [
        {
          code: "html.charset",
          severity: "info",
          message: `网页声明编码为 ${charset}，按 GB18030 解码`,
          messageEn: `The page declares charset ${charset}; decoded as GB18030`,
          action: "decoded as GB18030",
        },
      ],
    };
  }
  if (charset && charset !== "utf-8" && charset !== "utf8") {
    try {
      return { text: new TextDecoder(charset).decode(bytes), diagnostics: [] };
    } catch {
      // an unknown label: fall through to detection
    }
  }
  const d = decodeText(bytes);
  return { text: d.text.replace(/^\uFEFF/, ""), diagnostics: d.diagnostics };
}

/**
 * Reads an HTML page into a document through the grid reader.
 * @example readHtml(new TextEncoder().encode("<table>…</table>")).value?.projects
 */
export function readHtml(
  bytes: Uint8Array,
  options: { onProgress?: (f: number) => void; columns?: GridOptions["columns"] } = {},
): GridResult {
  const empty = { blocks: [], moneyUnit: { unit: "万元" as const, from: "default" as const }, overrides: [] };
  if (bytes.length > HTML_MAX_BYTES)
    return {
      value: null,
      reading: empty,
      diagnostics: [
        {
          code: "html.too-large",
          severity: "error",
          message: `网页过大（${bytes.length} 字节，上限 ${HTML_MAX_BYTES}）`,
          messageEn: `The page is too large (${bytes.length} bytes, limit ${HTML_MAX_BYTES})`,
        },
      ],
    };
  const decoded = decodeHtml(bytes);
  const tables = extractHtmlTables(decoded.text);
  options.onProgress?.(0.3);
  const sheets: GridSheet[] = [];
  tables.forEach((t, i) => {
    if (t.rows.length < 2) return;
    const name = `table ${i + 1}`;
    const sheet = gridFromSpans(name, t.rows, (r, c) => `${name} row ${r + 1} col ${c + 1}`);
    sheet.before = t.before;
    sheets.push(sheet);
  });
  if (sheets.length === 0)
    return {
      value: null,
      reading: empty,
      diagnostics: [
        ...decoded.diagnostics,
        {
          code: "html.without-tables",
          severity: "error",
          message: "网页中没有表格",
          messageEn: "The page has no table",
        },
      ],
    };
  const progress = options.onProgress;
  const r = readGrid(sheets, {
    source: "html",
    columns: options.columns,
    onProgress: progress ? (f) => progress(0.3 + 0.7 * f) : undefined,
  });
  return { ...r, diagnostics: [...decoded.diagnostics, ...r.diagnostics] };
}
