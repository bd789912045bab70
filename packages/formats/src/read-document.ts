/**
 * One entry for every format jixiao reads: sniffs the format from the file name and the
 * content, then hands the bytes to that format's reader. Never throws on bad input.
 */
import type { Diagnostic, Parsed, TargetDocument } from "@jixiao/core";
import { readCsv } from "./csv/read-csv.ts";
import { decodeText, looksBinary } from "./decode.ts";
import { zipEntryNames } from "./docx/unzip.ts";
import { honestResultCheck } from "./honest-result.ts";
import { readJson } from "./json/read-json.ts";
import type { ColumnOverride } from "./table/header.ts";
import type { TableReading } from "./table/reading.ts";
import { readText } from "./text/read-text.ts";

export type InputFormat = "text" | "json" | "xlsx" | "csv" | "pdf" | "html" | "docx";

export interface ReadOptions {
  fileName?: string;
  /** Called with a fraction in [0, 1] during long reads. */
  onProgress?: (fraction: number) => void;
  /** Column mapping corrections for the grid reader (csv, xlsx, html, docx). */
  columns?: readonly ColumnOverride[];
  /**
   * Read a PDF in its own worker thread, terminated at the file's time limit (pdf.time-limit):
   * for callers that read on their own thread (the CLI). The server's pool already isolates.
   */
  isolate?: boolean;
}

/** docx or xlsx, told apart by the entries of the zip (word/document.xml vs xl/workbook.xml). */
function zipKind(bytes: Uint8Array, ext: string): "docx" | "xlsx" {
  const names = zipEntryNames(bytes);
  if (names?.includes("word/document.xml")) return "docx";
  if (names?.some((n) => n.startsWith("xl/"))) return "xlsx";
  return ext === "docx" ? "docx" : "xlsx";
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|table)\b/i;

/**
 * Guesses the format of an input from its magic bytes, then its extension, then its text.
 * @example sniffFormat(new TextEncoder().encode("{}"), "a.json") // "json"
 */
export function sniffFormat(bytes: Uint8Array, fileName = ""): InputFormat | "binary" | "empty" {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  if (bytes.length === 0) return "empty";
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return "pdf"; // %PDF
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return zipKind(bytes, ext); // PK zip
  if (ext === "json") return "json";
  if (ext === "html" || ext === "htm" || ext === "shtml" || ext === "xhtml") return "html";
  if (ext === "csv") return "csv";
  if (looksBinary(bytes)) return "binary";
  // Content sniffing for text without a telling extension.
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  while (start < bytes.length && (bytes[start] === 0x20 || bytes[start] === 0x0a || bytes[start] === 0x0d)) start++;
  if (bytes[start] === 0x7b) return "json"; // {
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 4096));
  if (HTML_START.test(head.replace(/^\uFEFF/, ""))) return "html";
  const firstLine = head.split(/\r?\n/)[0] ?? "";
  if (!head.includes("\t") && firstLine.split(",").length >= 8 && /项目名称/.test(firstLine)) return "csv";
  return "text";
}

/** What a reader returns; grid-based readers (csv, xlsx, html, docx, pdf) add how the table was read. */
export interface ReadResult extends Parsed<TargetDocument> {
  reading?: TableReading;
}

type Reader = (bytes: Uint8Array, options: ReadOptions) => Promise<ReadResult>;

const READERS: Partial<Record<InputFormat, Reader>> = {
  text: async (bytes, o) => {
    const decoded = decodeText(bytes);
    const r = readText(decoded.text, { onProgress: o.onProgress, ...(o.columns ? { columns: o.columns } : {}) });
    const diagnostics = [...decoded.diagnostics, ...r.diagnostics];
    return r.reading ? { value: r.value, diagnostics, reading: r.reading } : { value: r.value, diagnostics };
  },
  json: async (bytes) => readJson(decodeText(bytes).text),
  csv: async (bytes, o) => readCsv(bytes, o),
  xlsx: async (bytes, o) => (await import("./xlsx/read-xlsx.ts")).readXlsx(bytes, o),
  html: async (bytes, o) => (await import("./html/read-html.ts")).readHtml(bytes, o),
  docx: async (bytes, o) => (await import("./docx/read-docx.ts")).readDocx(bytes, o),
  pdf: async (bytes, { isolate, ...o }) =>
    isolate
      ? (await import("./pdf/read-pdf-within.ts")).readPdfWithin(bytes, o)
      : (await import("./pdf/read-pdf.ts")).readPdf(bytes, o),
};

/** Registers the reader of a format (used by the xlsx, csv and pdf modules). */
export function readerFor(format: InputFormat): Reader | undefined {
  return READERS[format];
}

/** The OLE2 compound-file signature of .xls/.doc (Office 97–2003). */
function isLegacyOffice(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return sig.every((b, i) => bytes[i] === b);
}

function unreadable(code: string, zh: string, en: string): Parsed<TargetDocument> {
  const d: Diagnostic = { code, severity: "error", message: zh, messageEn: en };
  return { value: null, diagnostics: [d] };
}

/**
 * Reads any supported input into a document plus diagnostics (the repair log).
 * `value` is null when the input is unreadable.
 */
export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const format = sniffFormat(bytes, options.fileName);
  if (format === "empty") return unreadable("input.empty", "输入为空", "Input is empty");
  if (format === "binary" && isLegacyOffice(bytes))
    return unreadable(
      "input.legacy-office",
      "这是旧版 Office 文件（.xls 或 .doc）：请在 Excel/WPS/Word 中另存为 .xlsx 或 .docx 后再导入",
      "This is a legacy Office file (.xls or .doc): save it as .xlsx or .docx in Excel, WPS or Word, then import it",
    );
  if (format === "binary")
    return unreadable(
      "input.binary",
      "输入是二进制数据，不是可识别的表格格式",
      "Input is binary, not a recognised table format",
    );
  const reader = READERS[format];
  if (!reader)
    return unreadable("input.unsupported", `暂不支持读取 ${format} 格式`, `Reading ${format} is not supported yet`);
  try {
    const r = await reader(bytes, options);
    if (r.value) r.diagnostics.push(...honestResultCheck(r.value, r.diagnostics));
    return r;
  } catch (e) {
    return unreadable(
      "input.unreadable",
      `无法读取输入：${(e as Error).message}`,
      `Could not read the input: ${(e as Error).message}`,
    );
  }
}
