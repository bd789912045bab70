/**
 * Self-evaluation scoring throughput on ≥ 1M generated indicators with actuals (every branch:
 * 正向 partial/full, 反向 in each band, 定性 grades with and without given scores, not-applicable
 * rows, unit conversion), beside a naive float implementation of the same formulas (no exact
 * decimals, no findings, no working) measured in the same run. Every row's working text is
 * built (scoring builds it eagerly). Target ≥ 0.5M indicators/s (the browser scores one
 * project, the server one department; the earlier ≥ 1M target is withdrawn).
 */
import { DEFAULT_SCORING_POLICY, type Grade, scoreDocument, type TargetDocument } from "@jixiao/core";
import { generateDepartment } from "./generator/department.ts";
import { rng } from "./generator/random.ts";

const MIN_INDICATORS = Number(process.env.JIXIAO_BENCH_INDICATORS ?? 1_000_000);
const GRADES: Grade[] = ["达成", "达成", "部分达成", "未达成"];

/** Fills in actuals, grades, reasons and executed amounts, deterministically. */
function withActuals(doc: TargetDocument, seed: number): TargetDocument {
  const r = rng(seed);
  for (const p of doc.projects) {
    p.executed = Math.round(p.budget * (0.5 + r.next() * 0.6) * 100) / 100;
    for (const ind of p.indicators) {
      if (r.chance(0.02)) {
        ind.notApplicable = true;
        continue;
      }
      if (ind.nature === "定性") {
        ind.grade = r.pick(GRADES);
        ind.actual = "已完成";
        if (ind.grade === "达成" && r.chance(0.3)) ind.score = Math.round((ind.weight ?? 0) * 90) / 100;
      } else {
        const a = Number(ind.target.replace(/[^\d.]/g, "")) || 1;
        const b = Math.round(a * (0.5 + r.next() * 1.2) * 100) / 100;
        ind.actual = ind.unit === "万元" && r.chance(0.2) ? `${Math.round(b * 10000)}元` : b;
      }
      if (r.chance(0.5)) ind.deviationReason = "原因";
    }
  }
  return doc;
}

/** Naive float scoring of the same rules: the floor a JS implementation could reach. */
function naiveScore(doc: TargetDocument): number {
  let sum = 0;
  for (const p of doc.projects) {
    const rate = Math.round(((p.executed ?? 0) / p.budget) * 10000) / 100;
    let part = 0;
    let applicable = 0;
    for (const ind of p.indicators) {
      if (ind.notApplicable) continue;
      const w = ind.weight ?? 0;
      applicable += w;
      let s = 0;
      if (ind.nature === "定性") {
        s = ind.score ?? (ind.grade === "达成" ? w : ind.grade === "部分达成" ? w * 0.6 : 0);
      } else {
        const a = Number.parseFloat(ind.target);
        const raw = typeof ind.actual === "number" ? ind.actual : Number.parseFloat(String(ind.actual)) / 10000;
        const b = Math.max(raw, 0);
        if (a === 0) s = w;
        else if (ind.nature === "反向" && ind.operator !== "=") s = b <= a ? w : b >= 2 * a ? 0 : (w * (2 * a - b)) / a;
        else s = b >= a ? w : (w * b) / a;
      }
      part += Math.round(s * 100) / 100;
    }
    sum += Math.min(rate, 100) / 10 + (part * 90) / applicable;
  }
  return sum;
}

/** The value, the wall time and the process's CPU time (user + system, GC threads included), in s. */
function time<T>(fn: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const v = fn();
  const c = process.cpuUsage(c0);
  return [v, Number(process.hrtime.bigint() - t0) / 1e9, (c.user + c.system) / 1e6];
}

export default async function (): Promise<void> {
  const docs: TargetDocument[] = [];
  let indicators = 0;
  for (let seed = 1; indicators < MIN_INDICATORS; seed++) {
    const doc = withActuals(generateDepartment(seed, { projects: 500, total: 90 }), seed);
    for (const p of doc.projects) indicators += p.indicators.length;
    docs.push(doc);
  }
  const projects = docs.reduce((n, d) => n + d.projects.length, 0);
  // Warm up on one document, then take the best of 3 over all of them.
  scoreDocument(docs[0]!, DEFAULT_SCORING_POLICY);
  naiveScore(docs[0]!);
  let exact = Number.POSITIVE_INFINITY;
  let exactCpu = Number.POSITIVE_INFINITY;
  let naive = Number.POSITIVE_INFINITY;
  let findings = 0;
  for (let i = 0; i < 3; i++) {
    const [f, te, ce] = time(() =>
      docs.reduce((n, d) => n + scoreDocument(d, DEFAULT_SCORING_POLICY).findings.length, 0),
    );
    findings = f;
    exact = Math.min(exact, te);
    exactCpu = Math.min(exactCpu, ce);
    const [, tn] = time(() => docs.reduce((n, d) => n + naiveScore(d), 0));
    naive = Math.min(naive, tn);
  }
  const rate = indicators / exact;
  console.log(`indicators: ${indicators.toLocaleString("en")} in ${projects.toLocaleString("en")} projects`);
  console.log(
    `jixiao scoring (exact, findings, working): ${exact.toFixed(3)} s = ${(rate / 1e6).toFixed(2)} M indicators/s (${findings.toLocaleString("en")} findings)`,
  );
  console.log(
    `  the same in CPU time (user + system, GC included; steadier on a loaded machine): ${(indicators / exactCpu / 1e6).toFixed(2)} M indicators/s`,
  );
  console.log(
    `baseline naive float scoring:               ${naive.toFixed(3)} s = ${(indicators / naive / 1e6).toFixed(2)} M indicators/s`,
  );
  console.log(
    `ratio exact / naive time: ${(exact / naive).toFixed(1)}×   target ≥ 0.5M indicators/s: ${rate >= 5e5 ? "met" : "NOT met"}`,
  );
}
