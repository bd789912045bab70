// Public surface of @jixiao/formats: import/export of every format jixiao speaks.

export * from "./csv/read-csv.ts";
export * from "./csv/write-csv.ts";
export * from "./decode.ts";
export * from "./export/write-document.ts";
export { renderSelfEvalHtml, type SelfEvalHtmlOptions } from "./html/self-eval-html.ts";
export * from "./html/table12-html.ts";
export * from "./json/read-json.ts";
export * from "./read-document.ts";
export * from "./text/read-text.ts";
