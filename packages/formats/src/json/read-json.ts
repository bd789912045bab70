/**
 * Reads the JSON exchange format `jixiao.targets/1`: parse, then validate against the
 * schema. Bad input yields coded diagnostics and a null value; never throws.
 */
import { type Parsed, type TargetDocument, validateDocument } from "@jixiao/core";

/**
 * Parses and validates a jixiao.targets/1 JSON text.
 * @example readJson('{"format":"jixiao.targets/1","moneyUnit":"万元","projects":[]}').value?.projects // []
 */
export function readJson(text: string): Parsed<TargetDocument> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return {
      value: null,
      diagnostics: [
        {
          code: "json.syntax",
          severity: "error",
          message: `JSON 语法错误：${(e as Error).message}`,
          messageEn: `JSON syntax error: ${(e as Error).message}`,
        },
      ],
    };
  }
  return validateDocument(data);
}

/**
 * Serialises a document as pretty JSON (2-space indent, trailing newline).
 * @example writeJson({ format: "jixiao.targets/1", moneyUnit: "万元", projects: [] }).endsWith("\n") // true
 */
export function writeJson(doc: TargetDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
