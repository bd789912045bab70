/**
 * Test helper (not a test): compares a document with the hand-read truth of a real-world
 * fixture by the rules of ../shared/real-world/compare_real.py, ported line for line:
 * - a null field in the truth is not checked (a null weight accepts null or 0; a null project name matches any);
 * - texts compared after NFKC with white space removed;
 * - levels without score bands and a trailing 指标 (社会公众或服务对象满意度 = 服务对象满意度, 环境效益 = 生态效益);
 * - operators through synonyms; units with % = 百分比; targets as numbers when both are numbers;
 * - money scaled by each side's moneyUnit (万元 when absent);
 * - an indicator's optional 9th element lists other accepted values per field.
 * Projects are matched by name (equal, then containment, then a null truth name); a single
 * unmatched project on each side is paired. exact is true when every indicator is exact and
 * the project count is right (budgets, totals, codes and extras are problems, not failures).
 */
import type { TargetDocument } from "@jixiao/core";

const FIELDS = ["level1", "level2", "name", "nature", "operator", "target", "unit", "weight"] as const;
type Field = (typeof FIELDS)[number];
type Scalar = string | number | null;

export interface RealTruth {
  total: number | null;
  moneyUnit?: string | null;
  projects: {
    name: string | null;
    unitCode: string | null;
    unitName: string | null;
    budget: number | null;
    weightSum: number | null;
    indicators: (Scalar | Partial<Record<Field, Scalar[]>>)[][];
  }[];
}

export interface RealComparison {
  exactIndicators: number;
  truthIndicators: number;
  projects: number;
  truthProjects: number;
  problems: string[];
  /** E == T and P == Q: what compare_real.py exits 0 on. */
  exact: boolean;
}

function nz(s: unknown): string | null {
  if (s === null || s === undefined) return null;
  const t = String(s).normalize("NFKC").replace(/\s+/g, "");
  return t || null;
}

const BAND = /[(（]\d+(?:\.\d+)?(?:[-~～—–－至]\d+(?:\.\d+)?)?分?[)）]分?/g;
const LEVEL_SYN: Record<string, string> = { 社会公众或服务对象满意度: "服务对象满意度", 环境效益: "生态效益" };

function level(s: unknown): string | null {
  let t = nz(s);
  if (t === null) return null;
  t = t.replace(BAND, "").replace(/指标$/, "");
  return LEVEL_SYN[t] ?? (t || null);
}

const OPS: Record<string, string> = {
  "=": "=",
  等于: "=",
  "≥": "≥",
  ">=": "≥",
  "≧": "≥",
  大于等于: "≥",
  不低于: "≥",
  不少于: "≥",
  以上: "≥",
  "≤": "≤",
  "<=": "≤",
  "≦": "≤",
  小于等于: "≤",
  不高于: "≤",
  不超过: "≤",
  以下: "≤",
  ">": ">",
  大于: ">",
  "<": "<",
  小于: "<",
};

function op(s: unknown): string | null {
  const t = nz(s);
  return t === null ? null : (OPS[t] ?? t);
}

function unit(s: unknown): string | null {
  const t = nz(s);
  return t === "百分比" ? "%" : t;
}

function num(s: unknown): number | null {
  if (s === null || s === undefined) return null;
  const t = String(s).replace(/,/g, "").trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) && !/^[+-]?(inf|infinity|nan)$/i.test(t)) return null;
  const n = Number(t);
  return Number.isNaN(n) && !/nan/i.test(t) ? null : n;
}

function same(field: Field, t: Scalar, g: unknown): boolean {
  if (field === "level1" || field === "level2") return level(t) === level(g);
  if (field === "operator") return op(t) === op(g);
  if (field === "unit") return unit(t) === unit(g);
  if (field === "target") {
    const a = num(t);
    const b = num(g);
    if (a !== null && b !== null) return Math.abs(a - b) < 1e-9;
    return nz(t) === nz(g);
  }
  if (field === "weight") {
    if (t === null) return g === null || g === undefined || g === "" || g === 0 || num(g) === 0;
    const b = num(g);
    return b !== null && Math.abs(b - Number(t)) < 1e-6;
  }
  return nz(t) === nz(g);
}

function fieldOk(field: Field, t: Scalar, g: unknown, accept: Partial<Record<Field, Scalar[]>>): boolean {
  if (t === null && field !== "weight") return true;
  return [t, ...(accept[field] ?? [])].some((x) => same(field, x, g));
}

const SCALE: Record<string, number> = { 万元: 10000, 元: 1, 千元: 1000, 亿元: 1e8 };
const scale = (u: unknown) => SCALE[nz(u) ?? "万元"] ?? 10000;

/**
 * Compares a document with a truth.
 * @example compareReal(truth, doc).exact // true when every indicator is exact
 */
export function compareReal(truth: RealTruth, out: TargetDocument): RealComparison {
  const tps = truth.projects;
  const T = tps.reduce((n, p) => n + p.indicators.length, 0);
  const projs = out.projects;
  const ts = scale(truth.moneyUnit);
  const os = scale(out.moneyUnit);
  const problems: string[] = [];
  const match = new Map<number, number>();
  const used = new Set<number>();
  for (const rule of ["exact", "contains", "any"] as const) {
    tps.forEach((tp, ti) => {
      if (match.has(ti)) return;
      const tn = nz(tp.name);
      for (let gi = 0; gi < projs.length; gi++) {
        if (used.has(gi)) continue;
        const gn = nz(projs[gi]!.name);
        const ok =
          (rule === "exact" && tn !== null && gn === tn) ||
          (rule === "contains" && tn && gn && (gn.includes(tn) || tn.includes(gn))) ||
          (rule === "any" && tn === null);
        if (ok) {
          match.set(ti, gi);
          used.add(gi);
          break;
        }
      }
    });
  }
  const leftT = tps.map((_, i) => i).filter((i) => !match.has(i));
  const leftG = projs.map((_, i) => i).filter((i) => !used.has(i));
  if (leftT.length === 1 && leftG.length === 1) {
    match.set(leftT[0]!, leftG[0]!);
    used.add(leftG[0]!);
    problems.push(
      `project name ${JSON.stringify(projs[leftG[0]!]!.name)}, want ${JSON.stringify(tps[leftT[0]!]!.name)}`,
    );
  }
  let E = 0;
  tps.forEach((tp, ti) => {
    const label = (tp.name ?? "(project)").slice(0, 14);
    const gi = match.get(ti);
    if (gi === undefined) {
      problems.push(`missing project ${tp.name}`);
      return;
    }
    const g = projs[gi]!;
    if (tp.unitCode !== null && String(g.unitCode ?? "").trim() !== String(tp.unitCode))
      problems.push(`${label}: unitCode ${g.unitCode}, want ${tp.unitCode}`);
    if (tp.unitName !== null) {
      const a = nz(tp.unitName)!;
      const b = nz(g.unitName);
      if (!(b && (b.includes(a) || a.includes(b))))
        problems.push(`${label}: unitName ${g.unitName}, want ${tp.unitName}`);
    }
    if (tp.budget !== null) {
      const gb = num(g.budget);
      if (gb === null || Math.abs(gb * os - tp.budget * ts) > 0.005 + 1e-9 * Math.abs(tp.budget * ts))
        problems.push(`${label}: budget ${g.budget} ${out.moneyUnit}, want ${tp.budget} ${truth.moneyUnit ?? "万元"}`);
    }
    const pool = [...g.indicators];
    if (tp.weightSum !== null) {
      const ws = pool.reduce((n, i) => n + (num(i.weight) ?? 0), 0);
      if (Math.abs(ws - tp.weightSum) > 1e-6) problems.push(`${label}: weights sum ${ws}, want ${tp.weightSum}`);
    }
    for (const r of tp.indicators) {
      const t = Object.fromEntries(FIELDS.map((f, i) => [f, r[i] as Scalar])) as Record<Field, Scalar>;
      const extra = r[8];
      const accept = (extra && typeof extra === "object" ? extra : {}) as Partial<Record<Field, Scalar[]>>;
      const names = new Set([t.name, ...(accept.name ?? [])].filter((x) => x !== null).map(nz));
      const cands = pool.filter((i) => names.has(nz(i.name)));
      if (cands.length === 0) {
        problems.push(`${label}: missing indicator ${t.name}`);
        continue;
      }
      let best = cands[0]!;
      let bad: Field[] | null = null;
      for (const i of cands) {
        const b = FIELDS.filter((f) => !fieldOk(f, t[f], (i as unknown as Record<string, unknown>)[f], accept));
        if (bad === null || b.length < bad.length) {
          best = i;
          bad = b;
        }
        if (b.length === 0) break;
      }
      pool.splice(pool.indexOf(best), 1);
      if (!bad || bad.length === 0) E++;
      else {
        const rec = best as unknown as Record<string, unknown>;
        problems.push(
          `${label}: ${String(t.name).slice(0, 16)}: ${bad.map((f) => `${f} ${JSON.stringify(rec[f])}≠${JSON.stringify(t[f])}`).join("; ")}`,
        );
      }
    }
    if (pool.length)
      problems.push(
        `${label}: ${pool.length} extra indicators (${pool
          .slice(0, 4)
          .map((i) => i.name.slice(0, 10))
          .join(", ")})`,
      );
  });
  projs.forEach((g, gi) => {
    if (!used.has(gi)) problems.push(`extra project ${JSON.stringify(g.name)} (${g.indicators.length} indicators)`);
  });
  if (truth.total !== null && truth.total !== undefined) {
    const gt = num(out.total);
    if (gt === null || Math.abs(gt * os - truth.total * ts) > 0.005 + 1e-9 * Math.abs(truth.total * ts))
      problems.push(`total ${out.total} ${out.moneyUnit}, want ${truth.total} ${truth.moneyUnit ?? "万元"}`);
  }
  return {
    exactIndicators: E,
    truthIndicators: T,
    projects: projs.length,
    truthProjects: tps.length,
    problems,
    exact: E === T && projs.length === tps.length,
  };
}
