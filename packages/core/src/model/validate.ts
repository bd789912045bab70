/**
 * Validates an unknown value against the `jixiao.targets/1` schema, returning coded
 * diagnostics that point at the offending JSON path. Never throws.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Diagnostic, Parsed } from "./diagnostic.ts";
import { defineDiagnostics } from "./diagnostic-registry.ts";
import type { TargetDocument } from "./document.ts";
import { TARGETS_SCHEMA } from "./schema.ts";

const ajv = new Ajv2020({ allErrors: true, strict: false });
const check = ajv.compile(TARGETS_SCHEMA);

/** Codes of checking a document against the exchange-format schema. */
export const DOCUMENT_DIAGNOSTICS = defineDiagnostics("@jixiao/core", "exchange format", {
  "json.schema": {
    severity: "error",
    zh: "JSON 不符合 jixiao.targets/1 格式：{path} {problem}",
    en: "JSON does not match jixiao.targets/1: {path} {problem}",
    about: "A jixiao.targets/1 document breaks the schema (docs/FORMAT.md) at the JSON path shown; it is not read.",
  },
});

/**
 * Checks a parsed JSON value against the exchange-format schema.
 * @example validateDocument({ format: "jixiao.targets/1", moneyUnit: "万元", projects: [] }).value !== null // true
 */
export function validateDocument(input: unknown): Parsed<TargetDocument> {
  if (check(input)) return { value: input as unknown as TargetDocument, diagnostics: [] };
  const diagnostics: Diagnostic[] = (check.errors ?? [])
    .slice(0, 50)
    .map((e) =>
      DOCUMENT_DIAGNOSTICS.diagnostic(
        "json.schema",
        { path: e.instancePath || "/", problem: e.message ?? "" },
        { cell: e.instancePath || "/" },
      ),
    );
  return { value: null, diagnostics };
}
