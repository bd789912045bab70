/**
 * The committed PDF fixtures (packages/formats/test-fixtures/pdf, made by
 * scripts/make-pdf-fixtures.ts and scripts/make-pdf-nohead.ts) for the tests: a PDF and, where
 * one was written, the truth it was printed from. Test support, not part of the reader.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { TargetDocument } from "@jixiao/core";

export const PDF_FIXTURES_DIR = path.join(import.meta.dirname, "../../test-fixtures/pdf");

/** The fixture PDFs that have a truth file beside them (file names, `.pdf` included). */
export function fixturesWithTruth(): string[] {
  return readdirSync(PDF_FIXTURES_DIR).filter(
    (f) => f.endsWith(".pdf") && existsSync(path.join(PDF_FIXTURES_DIR, f.replace(/\.pdf$/, ".truth.json"))),
  );
}

/** A fixture's truth; `name` with or without `.pdf`. */
export function fixtureTruth(name: string): TargetDocument {
  const base = name.replace(/\.pdf$/, "");
  return JSON.parse(readFileSync(path.join(PDF_FIXTURES_DIR, `${base}.truth.json`), "utf8")) as TargetDocument;
}

/** A fixture's bytes and truth; `name` with or without `.pdf`. */
export function loadFixture(name: string): { pdf: Uint8Array; truth: TargetDocument } {
  const base = name.replace(/\.pdf$/, "");
  return { pdf: new Uint8Array(readFileSync(path.join(PDF_FIXTURES_DIR, `${base}.pdf`))), truth: fixtureTruth(base) };
}
