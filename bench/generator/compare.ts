/**
 * Compares a document read back with the truth it was printed from: project fields in
 * order, indicators matched exactly (every field) within their project, order aside
 * (a re-attached row's position inside its group cannot be known from the print).
 */
import type { Indicator, TargetDocument } from "@jixiao/core";

export function indicatorKey(i: Indicator): string {
  return JSON.stringify([
    i.level1,
    i.level2,
    i.level1Label ?? null,
    i.level2Label ?? null,
    i.name,
    i.nature,
    i.operator,
    i.target,
    i.unit,
    i.weight ?? null,
    i.actual ?? null,
    i.score ?? null,
  ]);
}

export interface Comparison {
  indicators: number;
  exact: number;
  /** Indicators read back that match no truth indicator: [projectIndex, indicatorIndex]. */
  wrong: [number, number][];
  /** Header/project-level fields that differ. */
  fieldErrors: string[];
  /** Truth indicators nobody read back, per truth project: [projectIndex, count]. */
  missing: [number, number][];
}

export function compareDocuments(truth: TargetDocument, got: TargetDocument | null): Comparison {
  const total = truth.projects.reduce((n, p) => n + p.indicators.length, 0);
  if (!got)
    return {
      indicators: total,
      exact: 0,
      wrong: [],
      fieldErrors: ["document is null"],
      missing: truth.projects.map((p, k): [number, number] => [k, p.indicators.length]),
    };
  const fieldErrors: string[] = [];
  for (const f of ["moneyUnit", "fiscalYear", "total"] as const)
    if (truth[f] !== got[f]) fieldErrors.push(`${f}: ${truth[f]} ≠ ${got[f]}`);
  if (JSON.stringify(truth.department) !== JSON.stringify(got.department)) fieldErrors.push("department");
  if (truth.projects.length !== got.projects.length)
    fieldErrors.push(`projects: ${truth.projects.length} ≠ ${got.projects.length}`);
  let exact = 0;
  const wrong: [number, number][] = [];
  const missing: [number, number][] = [];
  truth.projects.forEach((tp, k) => {
    const gp = got.projects[k];
    if (!gp) {
      missing.push([k, tp.indicators.length]);
      return;
    }
    for (const f of ["name", "unitCode", "unitName", "category", "budget", "goal"] as const)
      if (tp[f] !== gp[f]) fieldErrors.push(`project ${k} ${f}: ${tp[f]} ≠ ${gp[f]}`);
    const pool = new Map<string, number>();
    for (const i of tp.indicators) pool.set(indicatorKey(i), (pool.get(indicatorKey(i)) ?? 0) + 1);
    gp.indicators.forEach((gi, j) => {
      const key = indicatorKey(gi);
      const n = pool.get(key) ?? 0;
      if (n > 0) {
        pool.set(key, n - 1);
        exact++;
      } else wrong.push([k, j]);
    });
    if (gp.indicators.length < tp.indicators.length) missing.push([k, tp.indicators.length - gp.indicators.length]);
  });
  return { indicators: total, exact, wrong, fieldErrors, missing };
}
