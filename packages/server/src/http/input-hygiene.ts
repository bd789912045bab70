/**
 * One rule for every string a request carries (body, query, route parameters, uploaded file
 * names): no NUL character and no lone UTF-16 surrogate. PostgreSQL cannot store either, so
 * they used to surface as 500s; now they are a 400 `validation` naming the field, before any
 * handler runs.
 */
import { AppError } from "../errors.ts";
import { requestFieldWords } from "../validation-words.ts";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is refused, or null. */
export function badText(s: string): "nul" | "surrogate" | null {
  if (s.includes("\u0000")) return "nul";
  if (LONE_SURROGATE.test(s)) return "surrogate";
  return null;
}

/** The path of the first bad string inside a value (depth- and size-bounded walk), or null. */
export function findBadText(value: unknown, path = "", depth = 0): { path: string; reason: string } | null {
  if (typeof value === "string") {
    const r = badText(value);
    return r ? { path: path || "/", reason: r } : null;
  }
  if (value === null || typeof value !== "object" || depth > 32) return null;
  if (ArrayBuffer.isView(value)) return null;
  for (const [k, v] of Object.entries(value)) {
    const keyBad = badText(k);
    if (keyBad) return { path: `${path}/${k}`, reason: keyBad };
    const found = findBadText(v, `${path}/${k}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * The 400 for a bad string, naming the field in the UI's words (never its JSON path, which
 * stays in `details.field` with the reason's code).
 * @example refuseBadText("body", { path: "/project/name", reason: "nul" }).messageZh // "名称含有空字符（NUL），请删除后重试"
 */
export function refuseBadText(where: string, found: { path: string; reason: string }): AppError {
  const [field, fieldEn] = requestFieldWords(where, found.path);
  const what = found.reason === "nul" ? "空字符（NUL）" : "无法保存的字符（不成对的代理字符）";
  const whatEn = found.reason === "nul" ? "a NUL character" : "a character that cannot be stored (a lone surrogate)";
  return new AppError(
    "validation",
    `${field}含有${what}，请删除后重试`,
    `${fieldEn} contains ${whatEn}; remove it and retry`,
    { field: `${where}${found.path}`, reason: found.reason },
  );
}

/** Throws 400 when the request's body, query or params hold a bad string. */
export function checkRequestText(req: { body?: unknown; query?: unknown; params?: unknown }): void {
  for (const [where, v] of [
    ["params", req.params],
    ["query", req.query],
    ["body", req.body],
  ] as const) {
    const found = findBadText(v);
    if (found) throw refuseBadText(where, found);
  }
}
