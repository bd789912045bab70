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
          (ind.weight ?? 0);
      }
    }
  }
  return acc;
}

/** Wall time and CPU time (user + system) of one call; CPU time is what a shared, loaded machine cannot inflate. */
function time<T>(fn: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const v = fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return [v, wall, (c.user + c.system) / 1e6];
}

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
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
  const best = { wall: Number.POSITIVE_INFINITY, cpu: Number.POSITIVE_INFINITY };
  const bare = { wall: Number.POSITIVE_INFINITY, cpu: Number.POSITIVE_INFINITY };
  let findings = 0;
  for (let i = 0; i < 3; i++) {
    // Yield first, so the garbage collector finishes the marking that generating 1M indicators
    // started (its finalisation runs as an event-loop task): otherwise that debt is billed to
    // whatever allocates next, here the review, and not to the bare loop.
    await settle();
    const [f, w, c] = time(() => docs.reduce((n, d) => n + review(d).length, 0));
    findings = f;
    best.wall = Math.min(best.wall, w);
    best.cpu = Math.min(best.cpu, c);
    await settle();
    const [, bw, bc] = time(() => bareLoop(docs));
    bare.wall = Math.min(bare.wall, bw);
    bare.cpu = Math.min(bare.cpu, bc);
  }
  const m = (t: number) => (indicators / t / 1e6).toFixed(2);
  console.log(`indicators: ${indicators.toLocaleString("en")} in ${projects.toLocaleString("en")} projects`);
  console.log(
    `jixiao review (all rules, default policy): wall ${best.wall.toFixed(3)} s = ${m(best.wall)} M/s, cpu ${best.cpu.toFixed(3)} s = ${m(best.cpu)} M/s (${findings.toLocaleString("en")} findings)`,
  );
  console.log(
    `baseline bare loop touching every field:   wall ${bare.wall.toFixed(3)} s = ${m(bare.wall)} M/s, cpu ${bare.cpu.toFixed(3)} s = ${m(bare.cpu)} M/s`,
  );
  const rate = indicators / best.cpu;
  console.log(
    `ratio review / bare loop (cpu): ${(best.cpu / bare.cpu).toFixed(1)}×   target ≥ 1M indicators/s (cpu): ${rate >= 1e6 ? "met" : "NOT met"}`,
  );
}
