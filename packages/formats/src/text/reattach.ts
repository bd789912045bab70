/**
 * Re-attaches rows printed inside the previous project's block. A PDF page break can print
 * the first rows of a project — or any of its rows — at the end of the previous project's
 * block, before the next project's header. For each block boundary this chooses how many
 * trailing rows belong to the next project, by three kinds of evidence:
 *
 * - weights: every project's 分值 should add up to the table's common total (e.g. 90);
 * - structure: a 一级 group that reappears after other groups in the same block is out of place;
 * - subject words: the row's name shares words with the next project rather than this one.
 *
 * It minimises a cost over all boundaries at once (dynamic programming) and reports a
 * boundary whose best and second-best choices are too close to call.
 */
import type { RawIndicator } from "./parse-row.ts";
import { bigrams, containment } from "./similarity.ts";

export interface BlockInput {
  name: string;
  goal: string;
  rows: RawIndicator[];
  /** 一级 of each row as resolved in printed order (for the structure evidence). */
  level1s: string[];
}

export interface Boundary {
  /** Index of the block the rows were printed in. */
  from: number;
  /** How many trailing rows of block `from` belong to block `from + 1`. */
  moved: number;
  /** True when an alternative was nearly as good. */
  ambiguous: boolean;
  /** Why: the weight sums before and after, and the subject-word affinities. */
  reason: { sumsBefore: [number, number]; sumsAfter: [number, number]; total: number | null; affinity: number[] };
}

const MAX_SUFFIX = 8;
/** Rows of a block that make up its subject-word profile (with its name and goal). */
const PROFILE_ROWS = 6;
const W_WEIGHT = 10;
const W_REVISIT = 3;
const W_SIM = 2;
const AMBIGUITY_MARGIN = 1;

function scaled(w: number): number {
  return Math.round(w * 1000);
}

/** The common weight total of the projects: the mean when it is a round number, else the mode. */
export function commonTotal(blocks: readonly BlockInput[]): number | null {
  if (blocks.length === 0) return null;
  const sums = blocks.map((b) => b.rows.reduce((s, r) => s + scaled(r.weight), 0));
  const all = sums.reduce((a, b) => a + b, 0);
  if (all % blocks.length === 0) {
    const mean = all / blocks.length;
    if (mean % 5000 === 0 && mean > 0) return mean;
  }
  const counts = new Map<number, number>();
  for (const s of sums) counts.set(s, (counts.get(s) ?? 0) + 1);
  let best: number | null = null;
  let bestN = 1;
  for (const [s, n] of counts) if (n > bestN || (n === bestN && best !== null && s > best)) [best, bestN] = [s, n];
  return best !== null && bestN >= 2 ? best : null;
}

/**
 * Decides, for each boundary between consecutive blocks, how many trailing rows move on.
 * `total` is in thousandths of a point (as returned by commonTotal).
 */
export function planReattachment(blocks: readonly BlockInput[], total: number | null): Boundary[] {
  const n = blocks.length;
  if (n < 2) return [];
  const blockSums = blocks.map((b) => {
    let t = 0;
    for (const r of b.rows) t += scaled(r.weight);
    return t;
  });
  const pre = blocks.map((b, k) => {
    const rows = b.rows;
    const sum: number[] = [0];
    for (const r of rows) sum.push(sum[sum.length - 1]! + scaled(r.weight));
    // revisits[p]: 一级 groups reappearing within the first p rows (a block has only a few 一级).
    const revisits: number[] = [0];
    const seen: string[] = [];
    let prev = "";
    let rv = 0;
    for (const l1 of b.level1s) {
      if (l1 !== prev) {
        if (seen.includes(l1)) rv++;
        else seen.push(l1);
      }
      prev = l1;
      revisits.push(rv);
    }
    let maxS = Math.max(0, Math.min(MAX_SUFFIX, rows.length - 1));
    // A settled boundary — this block and the next add up to the common total and this one has
    // no 一级 group out of place — moves nothing; skipping it keeps large inputs fast.
    if (total !== null && k + 1 < blocks.length && rv === 0 && blockSums[k] === total && blockSums[k + 1] === total)
      maxS = 0;
    return { sum, revisits, maxS, profileCache: null as Set<number> | null };
  });
  // Subject-word profile of a block (its name, goal and first rows), built only when needed.
  const profile = (k: number) => {
    const p = pre[k]!;
    if (p.profileCache) return p.profileCache;
    const b = blocks[k]!;
    const set = bigrams(b.name);
    bigrams(b.goal, set);
    for (let i = 0; i < Math.min(b.rows.length - p.maxS, PROFILE_ROWS); i++) bigrams(b.rows[i]!.name, set);
    p.profileCache = set;
    return set;
  };
  // affinity[k][j]: for the j-th row from the end of block k, similarity to block k+1 minus to block k.
  const affinityOf = (k: number): number[] => {
    const out: number[] = [];
    if (k === n - 1) return out;
    const b = blocks[k]!;
    for (let j = 1; j <= pre[k]!.maxS; j++) {
      const row = b.rows[b.rows.length - j]!;
      out.push(containment(row.name, profile(k + 1)) - containment(row.name, profile(k)));
    }
    return out;
  };
  const sumSuffix = (k: number, s: number) => {
    const p = pre[k]!;
    const len = blocks[k]!.rows.length;
    return p.sum[len]! - p.sum[len - s]!;
  };
  const maxOut = (k: number) => (k === n - 1 ? 0 : pre[k]!.maxS);

  // Per block, indexed by the number s of trailing rows leaving it: what stays (weight, revisits)
  // and what leaves (weight).
  const keptSum: number[][] = [];
  const keptRev: number[][] = [];
  const leaving: number[][] = [];
  for (let k = 0; k < n; k++) {
    const p = pre[k]!;
    const len = blocks[k]!.rows.length;
    const ks: number[] = [];
    const kr: number[] = [];
    const lv: number[] = [];
    for (let t = 0; t <= maxOut(k); t++) {
      ks.push(p.sum[len - t]!);
      kr.push(p.revisits[len - t]!);
      lv.push(p.sum[len]! - p.sum[len - t]!);
    }
    keptSum.push(ks);
    keptRev.push(kr);
    leaving.push(lv);
  }

  /** Runs the DP; returns, per boundary, the best total cost for each number of rows moved. */
  const solve = (affinity: readonly (readonly number[])[]): number[][] => {
    // simIn[k][t]: the similarity bonus of t rows arriving in block k from block k-1.
    const simIn: number[][] = [[0]];
    for (let k = 1; k < n; k++) {
      const a = affinity[k - 1]!;
      const out = [0];
      let acc = 0;
      for (let t = 1; t <= maxOut(k - 1); t++) {
        acc += a[t - 1] ?? 0;
        out.push(W_SIM * acc);
      }
      simIn.push(out);
    }
    const cost = (k: number, sIn: number, sOut: number): number => {
      let c = W_REVISIT * keptRev[k]![sOut]!;
      if (total !== null && keptSum[k]![sOut]! + (k > 0 ? leaving[k - 1]![sIn]! : 0) !== total) c += W_WEIGHT;
      return k > 0 ? c - simIn[k]![sIn]! : c;
    };
    // Forward: f[k][s] = best cost of blocks 0..k with s rows leaving block k.
    const f: number[][] = [];
    for (let k = 0; k < n; k++) {
      const row: number[] = [];
      const mo = maxOut(k);
      const mi = k > 0 ? maxOut(k - 1) : 0;
      for (let s = 0; s <= mo; s++) {
        if (k === 0) row.push(cost(0, 0, s));
        else {
          const prev = f[k - 1]!;
          let best = Number.POSITIVE_INFINITY;
          for (let sIn = 0; sIn <= mi; sIn++) {
            const v = prev[sIn]! + cost(k, sIn, s);
            if (v < best) best = v;
          }
          row.push(best);
        }
      }
      f.push(row);
    }
    // Backward: b[k][s] = best cost of blocks k+1..n-1 given s rows leave block k.
    const b: number[][] = new Array(n);
    b[n - 1] = [0];
    for (let k = n - 2; k >= 0; k--) {
      const row: number[] = [];
      const next = b[k + 1]!;
      const mo = maxOut(k + 1);
      for (let s = 0; s <= maxOut(k); s++) {
        let best = Number.POSITIVE_INFINITY;
        for (let s2 = 0; s2 <= mo; s2++) {
          const v = cost(k + 1, s, s2) + next[s2]!;
          if (v < best) best = v;
        }
        row.push(best);
      }
      b[k] = row;
    }
    const out: number[][] = [];
    for (let k = 0; k < n - 1; k++) {
      const fk = f[k]!;
      const bk = b[k]!;
      out.push(fk.map((v, s) => v + bk[s]!));
    }
    return out;
  };
  const bestOf = (totals: readonly number[]) => {
    let bestS = 0;
    for (let s = 1; s < totals.length; s++) if (totals[s]! < totals[bestS]! - 1e-9) bestS = s;
    return bestS;
  };

  // Weights and structure first. Subject words only break near-ties: a boundary is contested when
  // some other choice is within what the similarity term could swing (each row's affinity is in
  // [-1, 1]), and only contested boundaries pay for computing it.
  let all = solve(blocks.map(() => []));
  const affinity: number[][] = blocks.map(() => []);
  let contested = false;
  for (let k = 0; k < n - 1; k++) {
    const totals = all[k]!;
    const best = bestOf(totals);
    if (totals.some((t, s) => s !== best && t - totals[best]! < W_SIM * (s + best) + AMBIGUITY_MARGIN)) {
      affinity[k] = affinityOf(k);
      contested = true;
    }
  }
  if (contested) all = solve(affinity);

  // Read the optimum boundary by boundary (ties resolved towards moving fewer rows).
  const out: Boundary[] = [];
  for (let k = 0; k < n - 1; k++) {
    const totals = all[k]!;
    const bestS = bestOf(totals);
    const ambiguous = totals.some((t, s) => s !== bestS && t - totals[bestS]! < AMBIGUITY_MARGIN);
    const len = blocks[k]!.rows.length;
    const sumK = pre[k]!.sum[len]!;
    const sumNext = pre[k + 1]!.sum[blocks[k + 1]!.rows.length]!;
    const moved = sumSuffix(k, bestS);
    out.push({
      from: k,
      moved: bestS,
      ambiguous: ambiguous && (bestS > 0 || totals[bestS]! > 0),
      reason: {
        sumsBefore: [sumK / 1000, sumNext / 1000],
        sumsAfter: [(sumK - moved) / 1000, (sumNext + moved) / 1000],
        total: total === null ? null : total / 1000,
        affinity: affinity[k]!.slice(0, bestS),
      },
    });
  }
  return out;
}
