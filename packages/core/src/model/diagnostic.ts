/**
 * Diagnostics: errors as values. Parsers return `{ value, diagnostics }` and never
 * throw on bad input; rules return findings of the same shape plus a location.
 */

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  /** Stable code, e.g. `text.split-word-joined`. */
  code: string;
  severity: Severity;
  /** Chinese message. */
  message: string;
  /** English message. */
  messageEn: string;
  /** 1-based source line, when the input is line-based. */
  line?: number;
  /** Cell reference such as `Sheet1!H12`, when the input is a sheet. */
  cell?: string;
  /** Index of the project the diagnostic is about, in the resulting document. */
  projectIndex?: number;
  /** Index of the indicator inside its project. */
  indicatorIndex?: number;
  /** What the importer did about it (repair log), in English. */
  action?: string;
}

/** The result of reading something that may be damaged. */
export interface Parsed<T> {
  /** null when the input could not be read at all. */
  value: T | null;
  diagnostics: Diagnostic[];
}

/**
 * True when any diagnostic is an error.
 * @example hasErrors([{ code: "x", severity: "error", message: "", messageEn: "" }]) // true
 */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
