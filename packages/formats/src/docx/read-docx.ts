/**
 * Word .docx import: the zip is opened with size and ratio limits (unzip.ts), word/document.xml
 * read for its tables (docx-tables.ts: vMerge, gridSpan, paragraphs around the tables), and
 * the tables handed to the grid reader with the paragraphs before each as its preamble (titles,
 * 金额单位, form lines). Never throws.
 */
import type { Diagnostic } from "@jixiao/core";
import type { GridSheet } from "../table/grid.ts";
import { type GridOptions, type GridResult, readGrid } from "../table/read-grid.ts";
import { extractDocxTables } from "./docx-tables.ts";
import { unzipLimited } from "./unzip.ts";

function fail(code: string, zh: string, en: string): GridResult {
  const d: Diagnostic = { code, severity: "error", message: zh, messageEn: en };
  return {
    value: null,
    diagnostics: [d],
    reading: { blocks: [], moneyUnit: { unit: "万元", from: "default" }, overrides: [] },
  };
}

/**
 * Reads .docx bytes into a document.
 * @example readDocx(bytes).value?.projects[0].indicators.length
 */
export function readDocx(
  bytes: Uint8Array,
  options: { onProgress?: (f: number) => void; columns?: GridOptions["columns"] } = {},
): GridResult {
  const z = unzipLimited(bytes, (n) => n === "word/document.xml");
  if (!z.ok) {
    if (z.reason === "too-large" || z.reason === "ratio")
      return fail(
        "docx.too-large",
        `Word 文件内容过大或压缩比异常（${z.entry}：${z.detail}），拒绝解压`,
        `The Word file's content is too large or compressed suspiciously (${z.entry}: ${z.detail}); not inflated`,
      );
    return fail(
      "docx.unreadable",
      `不是可读的 Word（.docx）文件：${z.detail ?? z.reason}`,
      `Not a readable Word (.docx) file: ${z.detail ?? z.reason}`,
    );
  }
  const xml = z.files["word/document.xml"];
  if (!xml)
    return fail("docx.unreadable", "Word 文件中没有 word/document.xml", "The Word file has no word/document.xml");
  options.onProgress?.(0.3);
  const { tables } = extractDocxTables(new TextDecoder("utf-8").decode(xml));
  const sheets: GridSheet[] = tables.filter((t) => t.rows.length >= 2);
  if (sheets.length === 0) return fail("docx.without-tables", "Word 文件中没有表格", "The Word file has no table");
  const progress = options.onProgress;
  return readGrid(sheets, {
    source: "docx",
    columns: options.columns,
    onProgress: progress ? (f) => progress(0.3 + 0.7 * f) : undefined,
  });
}
