/**
 * Field-level diff and three-way merge of a project's target table, for the editor's
 * conflict handling (someone saved first: show the diff, merge or reload — never lose
 * typing) and the reviewer's side-by-side view.
 */
import type { Indicator, Project } from "@jixiao/core/model/document.ts";

export const PROJECT_FIELDS = ["name", "category", "budget", "goal"] as const;
export const INDICATOR_FIELDS = ["level1", "level2", "name", "nature", "operator", "target", "unit", "weight"] as const;

export type ProjectField = (typeof PROJECT_FIELDS)[number];
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

export interface FieldChange {
  /** null for a project-level field. */
  indicatorIndex: number | null;
  field: string;
  before: unknown;
  after: unknown;
  /** "added"/"removed" for a whole indicator row. */
  kind: "changed" | "added" | "removed";
}

type Editable = Pick<Project, ProjectField> & { indicators: Indicator[] };

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/**
 * Changes from `a` to `b`, aligned by indicator position.
 * @example diffProjects(p, {...p, budget: 8}) // [{indicatorIndex:null, field:"budget", before:7, after:8, kind:"changed"}]
 */
export function diffProjects(a: Editable, b: Editable): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of PROJECT_FIELDS) {
    if (!same(a[f], b[f])) out.push({ indicatorIndex: null, field: f, before: a[f], after: b[f], kind: "changed" });
  }
  const n = Math.max(a.indicators.length, b.indicators.length);
  for (let i = 0; i < n; i++) {
    const x = a.indicators[i];
    const y = b.indicators[i];
    if (x && !y) out.push({ indicatorIndex: i, field: "name", before: x.name, after: null, kind: "removed" });
    else if (!x && y) out.push({ indicatorIndex: i, field: "name", before: null, after: y.name, kind: "added" });
    else if (x && y) {
      for (const f of INDICATOR_FIELDS) {
        if (!same(x[f], y[f])) out.push({ indicatorIndex: i, field: f, before: x[f], after: y[f], kind: "changed" });
      }
    }
  }
  return out;
}

export interface MergeResult<T extends Editable> {
  merged: T;
  /** Fields both sides changed differently; `merged` keeps mine for these. */
  conflicts: { indicatorIndex: number | null; field: string; mine: unknown; theirs: unknown }[];
}

/**
 * Three-way merge: my edits and theirs against the version I started from. A field only
 * one side changed takes that side's value; a field both changed differently is a
 * conflict and keeps mine (so no typing is lost).
 */
export function mergeProjects<T extends Editable>(base: Editable, mine: T, theirs: Editable): MergeResult<T> {
  const conflicts: MergeResult<T>["conflicts"] = [];
  const pick = (idx: number | null, field: string, b: unknown, m: unknown, t: unknown): unknown => {
    if (same(m, t)) return m;
    if (same(m, b)) return t;
    if (same(t, b)) return m;
    conflicts.push({ indicatorIndex: idx, field, mine: m, theirs: t });
    return m;
  };
  const merged = { ...mine, indicators: [] as Indicator[] } as T;
  const rec = merged as unknown as Record<string, unknown>;
  for (const f of PROJECT_FIELDS) rec[f] = pick(null, f, base[f], mine[f], theirs[f]);
  const n = Math.max(base.indicators.length, mine.indicators.length, theirs.indicators.length);
  for (let i = 0; i < n; i++) {
    const b = base.indicators[i];
    const m = mine.indicators[i];
    const t = theirs.indicators[i];
    if (m && t && b) {
      const row = { ...t, ...m } as Indicator;
      const r = row as unknown as Record<string, unknown>;
      for (const f of INDICATOR_FIELDS) r[f] = pick(i, f, b[f], m[f], t[f]);
      merged.indicators.push(row);
    } else if (m && t) {
      // Both added a row here: keep both, mine first.
      merged.indicators.push(m);
      if (!same(JSON.stringify(m), JSON.stringify(t))) merged.indicators.push(t);
    } else if (m && !t) {
      // They removed it; keep it only if I changed it, else honour the removal.
      if (!b || diffProjects({ ...base, indicators: [b] }, { ...base, indicators: [m] }).length > 0)
        merged.indicators.push(m);
    } else if (t && !m) {
      if (!b)
        merged.indicators.push(t); // they added a row
      else if (diffProjects({ ...base, indicators: [b] }, { ...base, indicators: [t] }).length > 0) {
        conflicts.push({ indicatorIndex: i, field: "name", mine: null, theirs: t.name });
        merged.indicators.push(t);
      }
    }
  }
  return { merged, conflicts };
}
