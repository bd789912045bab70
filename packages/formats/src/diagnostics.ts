/**
 * Every code the format readers (and the PDF writer) of @jixiao/formats can report, declared for
 * docs/DIAGNOSTICS.md (scripts/gen-diagnostics-doc.ts). The readers build their diagnostics where
 * they report them; these registries are declarative: severity, words (zh first) and meaning.
 * diagnostics.test.ts scans the package's sources and fails when a code emitted there is missing
 * here, or a code here is emitted nowhere.
 *
 * - input and containers (this file): format detection, decoding, zip guards, JSON, HTML, xlsx,
 *   docx, and the honest-result check every import passes;
 * - the grid reader every table goes through (`{source}.<name>`: diagnostics-grid.ts);
 * - the text importer (`text.*`: diagnostics-text.ts);
 * - the PDF reader (`pdf.*`: diagnostics-pdf.ts).
 */
import { type DiagnosticRegistry, defineDiagnostics } from "@jixiao/core";
import { GRID_READER_DIAGNOSTICS } from "./diagnostics-grid.ts";
import { PDF_DIAGNOSTICS } from "./diagnostics-pdf.ts";
import { TEXT_IMPORT_DIAGNOSTICS } from "./diagnostics-text.ts";

export { GRID_READER_DIAGNOSTICS, PDF_DIAGNOSTICS, TEXT_IMPORT_DIAGNOSTICS };

export const INPUT_DIAGNOSTICS = defineDiagnostics("@jixiao/formats", "input and containers", {
  "input.empty": {
    severity: "error",
    zh: "输入为空",
    en: "Input is empty",
    about: "The file or paste holds nothing.",
  },
  "input.legacy-office": {
    severity: "error",
    zh: "这是旧版 Office 文件（.xls 或 .doc）：请在 Excel/WPS/Word 中另存为 .xlsx 或 .docx 后再导入",
    en: "This is a legacy Office file (.xls or .doc): save it as .xlsx or .docx in Excel, WPS or Word, then import it",
    about: "A binary .xls/.doc (OLE compound file) is not read; save it in the current format first.",
  },
  "input.binary": {
    severity: "error",
    zh: "输入是二进制数据，不是可识别的表格格式",
    en: "Input is binary, not a recognised table format",
    about: "Bytes that are none of the formats jixiao reads (xlsx, docx, PDF, HTML, CSV, JSON, text).",
  },
  "input.unsupported": {
    severity: "error",
    zh: "暂不支持读取 {format} 格式",
    en: "Reading {format} is not supported yet",
    about: "A format recognised but without a reader.",
  },
  "input.unreadable": {
    severity: "error",
    zh: "无法读取输入：{reason}",
    en: "Could not read the input: {reason}",
    about: "The reader failed on damaged input; nothing is imported.",
  },
  "decode.gb18030": {
    severity: "info",
    zh: "输入不是 UTF-8，已按 GBK/GB18030 解码",
    en: "Input is not UTF-8; decoded as GBK/GB18030",
    about: "Text that is not valid UTF-8 is read as GB18030 (what Chinese Windows and older sites write).",
  },
  "json.syntax": {
    severity: "error",
    zh: "JSON 语法错误：{reason}",
    en: "JSON syntax error: {reason}",
    about: "The JSON does not parse; nothing is read (a document that parses but breaks the schema is `json.schema`).",
  },
  "html.charset": {
    severity: "info",
    zh: "网页声明编码为 {charset}，按 GB18030 解码",
    en: "The page declares charset {charset}; decoded as GB18030",
    about: "A page declaring GBK/GB2312 is decoded as GB18030 (a superset).",
  },
  "html.too-large": {
    severity: "error",
    zh: "网页过大（{bytes} 字节，上限 {limit}）",
    en: "The page is too large ({bytes} bytes, limit {limit})",
    about: "A web page over the reader's size limit is not parsed.",
  },
  "html.without-tables": {
    severity: "error",
    zh: "网页中没有表格",
    en: "The page has no table",
    about:
      "The page has no <table> at all; nothing is read (a page whose tables have no 表12 header is `html.no-table`, from the grid reader).",
  },
  "xlsx.unreadable": {
    severity: "error",
    zh: "不是可读的 xlsx 文件：{reason}",
    en: "Not a readable xlsx file: {reason}",
    about: "The workbook's zip or XML is damaged (or it is no workbook); nothing is read.",
  },
  "docx.unreadable": {
    severity: "error",
    zh: "不是可读的 Word（.docx）文件：{reason}",
    en: "Not a readable Word (.docx) file: {reason}",
    about: "The document's zip is damaged or has no word/document.xml; nothing is read.",
  },
  "docx.too-large": {
    severity: "error",
    zh: "Word 文件内容过大或压缩比异常（{entry}：{detail}），拒绝解压",
    en: "The Word file's content is too large or compressed suspiciously ({entry}: {detail}); not inflated",
    about: "A .docx whose content would inflate past the size or ratio limits (a zip bomb guard).",
  },
  "docx.without-tables": {
    severity: "error",
    zh: "Word 文件中没有表格",
    en: "The Word file has no table",
    about:
      "The document has no table of at least two rows; nothing is read (tables without a 表12 header are `docx.no-table`, from the grid reader).",
  },
  "zip.unreadable": {
    severity: "error",
    zh: "压缩包结构损坏，无法读取",
    en: "The zip container is damaged",
    about:
      "The zip directory or an entry is damaged; reported as `<format>.unreadable` for the container read (e.g. `xlsx.unreadable`).",
  },
  "zip.zip64": {
    severity: "error",
    zh: "不支持 ZIP64 压缩包",
    en: "ZIP64 archives are not accepted",
    about:
      "ZIP64 containers are refused before inflating (no office file needs one). Refused for its size: HTTP 413 upstream.",
  },
  "zip.too-many-entries": {
    severity: "error",
    zh: "压缩包内文件过多（{entries} 个，上限 {limit}）",
    en: "Too many entries in the zip ({entries}, limit {limit})",
    about: "More entries than the container limit. Refused for its size: HTTP 413 upstream.",
  },
  "zip.too-large": {
    severity: "error",
    zh: "压缩包内文件 {entry} 解压后过大（超过 {limit}），已拒绝",
    en: "Entry {entry} inflates beyond {limit}: refused",
    about:
      "An entry, or the whole container, would inflate past the size limit. Refused for its size: HTTP 413 upstream.",
  },
  "zip.ratio": {
    severity: "error",
    zh: "压缩包内文件 {entry} 压缩比异常（{ratio} 倍，上限 {limit} 倍），疑为压缩炸弹，已拒绝",
    en: "Entry {entry} expands {ratio}× (limit {limit}×): refused as a possible zip bomb",
    about:
      "An entry compressed far beyond what office files are (a zip bomb). Refused for its size: HTTP 413 upstream.",
  },
  "zip.size-mismatch": {
    severity: "error",
    zh: "压缩包内文件 {entry} 实际大小超过其声明，已拒绝",
    en: "Entry {entry} inflates beyond its declared size: refused",
    about: "An entry inflates to more than its header declares (a forged header). Refused: HTTP 413 upstream.",
  },
  "import.project-no-indicators": {
    severity: "error",
    zh: "项目「{project}」没有读到任何指标",
    en: 'Project "{project}" has no indicators read',
    about: "The check every import passes: a project read with no indicator, not already reported by the reader.",
  },
  "import.name-empty": {
    severity: "error",
    zh: "项目「{project}」第 {index} 个指标没有名称",
    en: 'Project "{project}", indicator {index}: no name',
    about: "The check every import passes: an indicator with an empty name, not already reported by the reader.",
  },
  "import.target-empty": {
    severity: "error",
    zh: "项目「{project}」指标「{name}」没有目标值",
    en: 'Project "{project}", indicator "{name}": no target',
    about: "The check every import passes: an indicator with an empty target, not already reported by the reader.",
  },
});

/** Every registry of @jixiao/formats, in the order of docs/DIAGNOSTICS.md. */
export const FORMAT_DIAGNOSTICS: readonly DiagnosticRegistry[] = [
  INPUT_DIAGNOSTICS,
  GRID_READER_DIAGNOSTICS,
  TEXT_IMPORT_DIAGNOSTICS,
  PDF_DIAGNOSTICS,
];
