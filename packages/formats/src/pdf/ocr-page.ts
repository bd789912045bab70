import type { Diagnostic } from "@jixiao/core";
import type { PageTables } from "./page-sheet.ts";
import type { PdfPage } from "./pdf-page.ts";

export interface ScanPage {
  page: PdfPage;
  badText: boolean;
}

export async function ocrPages(
  scans: ScanPage[],
  _ms: number,
): Promise<{ pages: PageTables[]; diagnostics: Diagnostic[] }> {
  return { pages: [], diagnostics: [] };
}
