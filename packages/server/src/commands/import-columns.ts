/**
 * The column mapping a user sends with a re-read (import wizard): validated against a fixed
 * schema before it reaches the reader. At most 256 overrides, each naming a column by number
 * (0–255) or by header text (≤ 200 characters), optionally a sheet, and the field to read it
 * as (a known column key) or null (not read).
 */
import type { ColumnOverride } from "@jixiao/formats";
import { type ColumnKey, HEADER } from "@jixiao/formats/table/columns.ts";
import { AppError } from "../errors.ts";

/** The column keys a user may map a column to. */
export const MAPPABLE_KEYS: readonly string[] = (Object.keys(HEADER) as ColumnKey[]).filter(
  (k) => !["title", "department", "fiscalYear", "total", "notes"].includes(k),
);

/** A validated override, as the grid reader takes it. */
export type ColumnOverrideInput = ColumnOverride;

/** JSON Schema of the `columns` field (also in the route's OpenAPI description). */
export const COLUMN_OVERRIDES_SCHEMA = {
  type: "array",
  maxItems: 256,
  items: {
    type: "object",
    additionalProperties: false,
    required: ["key"],
    properties: {
      sheet: { type: "string", maxLength: 200 },
      column: { type: "integer", minimum: 0, maximum: 255 },
      header: { type: "string", maxLength: 200 },
      key: { anyOf: [{ type: "string", enum: MAPPABLE_KEYS }, { type: "null" }] },
    },
  },
} as const;

function invalid(zh: string, en: string, at?: number): AppError {
  return new AppError(
    "validation",
    `列对应关系无效：${zh}`,
    `Invalid column mapping: ${en}`,
    at === undefined ? { field: "columns" } : { field: `columns[${at}]` },
  );
}

/**
 * Parses and validates the `columns` multipart field (JSON text). Throws a validation AppError
 * (400) naming the entry; never passes anything unchecked to the reader.
 * @example parseColumnOverrides('[{"column":3,"key":"target"}]') // [{ column: 3, key: "target" }]
 */
export function parseColumnOverrides(text: string | undefined): ColumnOverrideInput[] {
  if (text === undefined || text.trim() === "") return [];
  if (text.length > 100_000) throw invalid("内容过长", "too long");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid("不是 JSON", "not JSON");
  }
  if (!Array.isArray(raw)) throw invalid("应为数组", "expected an array");
  if (raw.length > COLUMN_OVERRIDES_SCHEMA.maxItems) throw invalid("条目过多", "too many entries");
  return raw.map((item: unknown, i): ColumnOverrideInput => {
    if (typeof item !== "object" || item === null || Array.isArray(item))
      throw invalid("条目应为对象", "entry is not an object", i);
    const o = item as Record<string, unknown>;
    for (const k of Object.keys(o))
      if (!["sheet", "column", "header", "key"].includes(k)) throw invalid(`未知属性 ${k}`, `unknown property ${k}`, i);
    const out: { -readonly [K in keyof ColumnOverride]: ColumnOverride[K] } = { key: null };
    if (o.key !== null && (typeof o.key !== "string" || !MAPPABLE_KEYS.includes(o.key)))
      throw invalid("字段不存在", "unknown field", i);
    out.key = o.key as ColumnKey | null;
    if (o.sheet !== undefined) {
      if (typeof o.sheet !== "string" || o.sheet.length > 200) throw invalid("工作表名无效", "bad sheet", i);
      out.sheet = o.sheet;
    }
    if (o.column !== undefined) {
      if (typeof o.column !== "number" || !Number.isInteger(o.column) || o.column < 0 || o.column > 255)
        throw invalid("列号无效", "bad column", i);
      out.column = o.column;
    }
    if (o.header !== undefined) {
      if (typeof o.header !== "string" || o.header.length > 200) throw invalid("表头无效", "bad header", i);
      out.header = o.header;
    }
    if (out.column === undefined && out.header === undefined)
      throw invalid("需指明列号或表头", "name a column or a header", i);
    return out;
  });
}
