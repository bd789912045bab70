// Public surface of @jixiao/formats: import/export of every format jixiao speaks.

export * from "./csv/read-csv.ts";
export * from "./csv/write-csv.ts";
export * from "./decode.ts";
export * from "./diagnostics.ts";
export { readDocx } from "./docx/read-docx.ts";
// The report writers (docx, exceljs, chromium) load from "@jixiao/formats/export/self-eval-report/index.ts";
// only their input types here, so importing the package stays light.
export type {
  DepartmentSummaryInput,
  DepartmentSummaryRow,
  EvidenceItem,
  SelfEvalReportInput,
} from "./export/self-eval-report/types.ts";
export * from "./export/write-document.ts";
export { readHtml } from "./html/read-html.ts";
export { renderSelfEvalHtml, type SelfEvalHtmlOptions } from "./html/self-eval-html.ts";
export * from "./html/table12-html.ts";
export * from "./json/read-json.ts";
export * from "./read-document.ts";
export { type GridCell, type GridSheet, gridFromSpans, type SpanCell } from "./table/grid.ts";
export type { ColumnOverride, MappedColumn } from "./table/header.ts";
export { type GridOptions, type GridResult, readGrid } from "./table/read-grid.ts";
export type { BlockReading, LayoutClass, TableReading } from "./table/reading.ts";
export * from "./text/read-text.ts";
