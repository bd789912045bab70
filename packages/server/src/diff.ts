/**
 * Field-level diff of two JSON values: every leaf that differs, with its path
 * (`indicators[3].target`, `budget`). Arrays compare by index.
 */
export interface Change {
  path: string;
  before: unknown;
  after: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * @example diffValues({ a: 1, b: [1, 2] }, { a: 2, b: [1] }) // [{path:"a",before:1,after:2},{path:"b[1]",before:2,after:undefined}]
 */
export function diffValues(before: unknown, after: unknown, path = ""): Change[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: Change[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      out.push(...diffValues(before[i], after[i], `${path}[${i}]`));
    }
    return out;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const out: Change[] = [];
    for (const k of keys) out.push(...diffValues(before[k], after[k], path ? `${path}.${k}` : k));
    return out;
  }
  if (before === after) return [];
  return [{ path, before, after }];
}
