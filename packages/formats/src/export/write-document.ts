/**
 * One entry for every format jixiao writes: `writeDocument(doc, "xlsx" | "csv" | "html" |
 * "pdf" | "json")` → bytes, or a coded diagnostic when the format cannot be produced here
 * (PDF without chromium). Never throws on a valid document.
 */
import type { Diagnostic, TargetDocument } from "@jixiao/core";
import { writeCsv } from "../csv/write-csv.ts";
import { table12Html } from "../html/table12-html.ts";
import { writeJson } from "../json/read-json.ts";

export const OUTPUT_FORMATS = ["xlsx", "csv", "html", "pdf", "json"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface Written {
  value: Uint8Array | null;
  diagnostics: Diagnostic[];
}

/**
 * The output format named by a file name's extension, if any.
 * @example outputFormatOf("t.xlsx") // "xlsx"
 */
export function outputFormatOf(fileName: string): OutputFormat | null {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  return (OUTPUT_FORMATS as readonly string[]).includes(ext) ? (ext as OutputFormat) : ext === "htm" ? "html" : null;
}

/**
 * Serialises a document in one of the output formats.
 * @example new TextDecoder().decode((await writeDocument(doc, "json")).value!) // the JSON text
 */
export async function writeDocument(doc: TargetDocument, format: OutputFormat): Promise<Written> {
  const utf8 = (s: string) => ({ value: new TextEncoder().encode(s), diagnostics: [] });
  switch (format) {
    case "json":
      return utf8(writeJson(doc));
    case "csv":
      return { value: writeCsv(doc), diagnostics: [] };
    case "html":
      return utf8(table12Html(doc));
    case "xlsx": {
      const { writeXlsx } = await import("../xlsx/write-xlsx.ts");
      return { value: await writeXlsx(doc), diagnostics: [] };
    }
    case "pdf": {
      const { writePdf } = await import("../pdf/write-pdf.ts");
      return writePdf(doc);
    }
  }
}
