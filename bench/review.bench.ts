/**
 * Review throughput: every rule of the default policy over ≥ 1M generated indicators
 * (both layouts, generator's departments of 500 projects), beside a bare loop that touches
 * every field of every indicator once, measured in the same run. Target ≥ 1M indicators/s.
 */
import { review, type TargetDocument } from "@jixiao/core";
import { generateDepartment } from "./generator/department.ts";

const MIN_INDICATORS = Number(process.env.JIXIAO_BENCH_INDICATORS ?? 1_000_000);

/** The floor: read each field of each project and indicator once. */
function bareLoop(docs: readonly TargetDocument[]): number {
  let acc = 0;
  for (const doc of docs) {
    for (const p of doc.projects) {
      acc += p.name.length + p.goal.length + p.budget;
      for (const ind of p.indicators) {
        acc +=
          ind.level1.length +
          ind.level2.length +
          ind.name.length +
          ind.nature.length +
          (ind.operator?.length ?? 0) +
          ind.target.length +
          (ind.unit?.length ?? 0) +
          ind.weight;
      }
    }
  }
  return acc;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const v = fn();
  return [v, Number(process.hrtime.bigint() - t0) / 1e9];
}

export default async function (): Promise<void> {
  const docs: TargetDocument[] = [];
  let indicators = 0;
  for (let seed = 1; indicators < MIN_INDICATORS; seed++) {
    // Through JSON, as documents reach review in the server and CLI (flat strings, not the
    // generator's concatenations).
    const doc = JSON.parse(JSON.stringify(generateDepartment(seed, { projects: 500, total: 90 }))) as TargetDocument;
    for (const p of doc.projects) indicators += p.indicators.length;
    docs.push(doc);
  }
  const projects = docs.reduce((n, d) => n + d.projects.length, 0);
  review(docs[0]!);
  bareLoop(docs.slice(0, 1));
  let best = Number.POSITIVE_INFINITY;
  let bare = Number.POSITIVE_INFINITY;
  let findings = 0;
  for (let i = 0; i < 3; i++) {
    const [f, t] = time(() => docs.reduce((n, d) => n + review(d).length, 0));
    findings = f;
    best = Math.min(best, t);
    const [, tb] = time(() => bareLoop(docs));
    bare = Math.min(bare, tb);
  }
  const rate = indicators / best;
  console.log(`indicators: ${indicators.toLocaleString("en")} in ${projects.toLocaleString("en")} projects`);
  console.log(
    `jixiao review (all rules, default policy): ${best.toFixed(3)} s = ${(rate / 1e6).toFixed(2)} M indicators/s (${findings.toLocaleString("en")} findings)`,
  );
  console.log(
    `baseline bare loop touching every field:   ${bare.toFixed(3)} s = ${(indicators / bare / 1e6).toFixed(2)} M indicators/s`,
  );
  console.log(
    `ratio review / bare loop time: ${(best / bare).toFixed(1)}×   target ≥ 1M indicators/s: ${rate >= 1e6 ? "met" : "NOT met"}`,
  );
}
