/**
 * An audit entry's before/after as a field table in words: one row per field that differs,
 * the field named as the screen names it (`indicators[0].weight` → 第1条指标 · 分值), values as
 * words (statuses, roles, 是/否, （空）) — never raw JSON.
 */
import { AUDIT_VALUE_WORDS, fieldWords } from "./audit-words.ts";

type W = readonly [zh: string, en: string];

/** One row of the field table. */
export interface AuditChange {
  /** The field path, for programs (not shown). */
  path: string;
  field: string;
  fieldEn: string;
  before: string;
  beforeEn: string;
  after: string;
  afterEn: string;
}

/** Fields whose values are codes with words (statuses, roles, scopes, lights). */
const CODED_VALUES = new Set(["status", "role", "scope", "executionLight", "decision", "policy", "extends"]);
const MAX_ROWS = 200;
const MAX_TEXT = 300;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isProjectTable(v: unknown): v is { name?: unknown; budget?: unknown; goal?: unknown; indicators: unknown[] } {
  return isObject(v) && Array.isArray(v.indicators) && "name" in v;
}

/** Leaves of a value by path; a project's table reads as its name, budget, goal and indicator count. */
function flatten(v: unknown, path: string, out: Map<string, unknown>, depth = 0): void {
  if (isProjectTable(v)) {
    const at = (k: string) => (path ? `${path}.${k}` : k);
    out.set(at("name"), v.name);
    out.set(at("budget"), v.budget);
    out.set(at("goal"), v.goal);
    out.set(at("indicators"), v.indicators);
    return;
  }
  if (isObject(v) && depth < 3) {
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) continue;
      flatten(x, path ? `${path}.${k}` : k, out, depth + 1);
    }
    return;
  }
  out.set(path, v);
}

/**
 * A path in words.
 * @example pathWords("indicators[0].weight") // ["第1条指标 · 分值", "Indicator 1 · Weight"]
 */
export function pathWords(path: string): W {
  const zh: string[] = [];
  const en: string[] = [];
  for (const seg of path.split(".")) {
    const m = /^(\w+)((?:\[\d+\])*)$/.exec(seg);
    if (!m) {
      zh.push("其他字段");
      en.push("Other field");
      continue;
    }
    const key = m[1]!;
    const indexes = [...(m[2] ?? "").matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]) + 1);
    if (key === "indicators" && indexes.length) {
      zh.push(`第${indexes[0]}条指标`);
      en.push(`Indicator ${indexes[0]}`);
      continue;
    }
    const w = fieldWords(key);
    zh.push(indexes.length ? `${w[0]}第${indexes[0]}项` : w[0]);
    en.push(indexes.length ? `${w[1]} ${indexes[0]}` : w[1]);
  }
  return [zh.join(" · "), en.join(" · ")];
}

const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);

/**
 * A value in words.
 * @example valueWords("approved", "status") // ["已批复", "Approved"]
 * @example valueWords(null, "reason") // ["（空）", "(empty)"]
 */
export function valueWords(v: unknown, key: string): W {
  if (v === null || v === undefined || v === "") return ["（空）", "(empty)"];
  if (typeof v === "boolean") return v ? ["是", "Yes"] : ["否", "No"];
  if (typeof v === "number") return [String(v), String(v)];
  if (typeof v === "string") {
    const w = CODED_VALUES.has(key) ? AUDIT_VALUE_WORDS[v] : undefined;
    return w ?? [clip(v), clip(v)];
  }
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === "string" || typeof x === "number") && v.length <= 10) {
      const s = clip(v.join("、"));
      return [s, clip(v.join(", "))];
    }
    return [`${v.length} 项`, `${v.length} item(s)`];
  }
  if (isObject(v) && typeof v.name === "string") return [clip(v.name), clip(v.name)];
  return ["（多项内容）", "(several values)"];
}

const lastKey = (path: string) => /(\w+)(?:\[\d+\])*$/.exec(path)?.[1] ?? "";

function row(path: string, before: unknown, after: unknown): AuditChange {
  const [field, fieldEn] = pathWords(path);
  const key = lastKey(path);
  const [b, bEn] = valueWords(before, key);
  const [a, aEn] = valueWords(after, key);
  return { path, field, fieldEn, before: b, beforeEn: bEn, after: a, afterEn: aEn };
}

/**
 * The field table of an entry. A table edit lists the cells it changed (its stored diff);
 * every other entry compares its before and after field by field.
 */
export function auditChanges(action: string, before: unknown, after: unknown): AuditChange[] {
  if (action === "table.update" && isObject(after) && Array.isArray(after.changes)) {
    return (after.changes as { path?: unknown; before?: unknown; after?: unknown }[])
      .filter((c) => typeof c.path === "string")
      .slice(0, MAX_ROWS)
      .map((c) => row(c.path as string, c.before, c.after));
  }
  const b = new Map<string, unknown>();
  const a = new Map<string, unknown>();
  flatten(before ?? {}, "", b);
  flatten(after ?? {}, "", a);
  const out: AuditChange[] = [];
  for (const path of new Set([...b.keys(), ...a.keys()])) {
    if (!path || path === "changes") continue;
    if (JSON.stringify(b.get(path)) === JSON.stringify(a.get(path))) continue;
    out.push(row(path, b.get(path), a.get(path)));
    if (out.length >= MAX_ROWS) break;
  }
  return out;
}
