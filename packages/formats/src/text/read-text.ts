// (being written) PDF-extracted 表12 text importer.
import type { Parsed, TargetDocument } from "@jixiao/core";
export interface ReadTextOptions { onProgress?: (fraction: number) => void }
export function readText(_text: string, _o: ReadTextOptions = {}): Parsed<TargetDocument> {
  return { value: null, diagnostics: [] };
}
