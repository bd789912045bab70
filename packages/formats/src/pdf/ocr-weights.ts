/**
 * Recognised 分值 checked by the department's weight total. Recognition drops a decimal point
 * (2.5 → 25, 11.5 → 115) or reads a small number as ideographs (17 → 王了), and a number cell
 * cannot tell. But a department gives its projects' indicators the same total (100, or 90 with
 * the budget's own 10 apart): when most projects' weights, as read, share one sum (at least
 * two, more than half of those read in full), a project off it whose doubtful weights can be read one way only that meets it — a
 * decimal point put back, the one unread weight as the rest of the total — is repaired. The
 * candidates keep to the step the sure weights are printed in (0.5, 1). A repaired weight stays
 * flagged; a project with several ways to meet the sum, or none, is left as read.
 */
import type { TargetDocument } from "@jixiao/core";
import { commonTotal } from "./ocr-checks.ts";

/** A weight changed: project, indicator, as read (null: unread) and as repaired. */
export interface WeightRepair {
  pi: number;
  ii: number;
  from: number | null;
  to: number;
}

const EPS = 1e-6;
const STEPS = [1, 0.5, 0.25, 0.1, 0.05, 0.01];
const multiple = (v: number, step: number) => Math.abs(v / step - Math.round(v / step)) < EPS;

/** Readings of a doubtful weight: as read, and with a decimal point put back into its digits. */
function readings(v: number, step: number): number[] {
  const out = [v];
  const digits = String(v);
  if (/^\d{2,}$/.test(digits))
    for (let k = 1; k < digits.length; k++) {
      const x = Number(`${digits.slice(0, k)}.${digits.slice(k)}`);
      if (x > 0 && multiple(x, step)) out.push(x);
    }
  return out;
}

/**
 * Repairs doubtful weights of `doc` in place. `doubtful` holds "project:indicator" keys of
 * weights read unsurely, `unread` those of weights not read as a number (left empty).
 * @example repairWeights(doc, new Set(["2:4"]), new Set()) // [{ pi: 2, ii: 4, from: 25, to: 2.5 }]
 */
export function repairWeights(doc: TargetDocument, doubtful: Set<string>, unread: Set<string>): WeightRepair[] {
  const key = (pi: number, ii: number) => `${pi}:${ii}`;
  const sure = doc.projects.flatMap((p, pi) =>
    p.indicators.flatMap((ind, ii) =>
      typeof ind.weight === "number" && !doubtful.has(key(pi, ii)) && !unread.has(key(pi, ii)) ? [ind.weight] : [],
    ),
  );
  if (!sure.length) return [];
  const step = STEPS.find((s) => sure.every((w) => multiple(w, s))) ?? 0.01;
  // The total most projects share, as read (a misread weight moves its project off it).
  const total = commonTotal(doc);
  if (total === null) return [];

  const repairs: WeightRepair[] = [];
  doc.projects.forEach((p, pi) => {
    const open = p.indicators.flatMap((ind, ii) =>
      doubtful.has(key(pi, ii)) && typeof ind.weight === "number" ? [ii] : [],
    );
    const empty = p.indicators.flatMap((ind, ii) => (unread.has(key(pi, ii)) && ind.weight == null ? [ii] : []));
    if ((!open.length && !empty.length) || empty.length > 1) return;
    const fixed = p.indicators.reduce(
      (n, ind, ii) => n + (open.includes(ii) || empty.includes(ii) ? 0 : (ind.weight ?? 0)),
      0,
    );
    const options = open.map((ii) => readings(p.indicators[ii]!.weight!, step));
    if (options.reduce((n, o) => n * o.length, 1) > 256) return;
    const found: number[][] = [];
    const walk = (k: number, chosen: number[], sum: number) => {
      if (k < options.length) {
        for (const v of options[k]!) walk(k + 1, [...chosen, v], sum + v);
        return;
      }
      const rest = total - sum;
      if (empty.length ? rest > EPS && multiple(rest, step) : Math.abs(rest) < EPS)
        found.push(empty.length ? [...chosen, rest] : chosen);
    };
    walk(0, [], fixed);
    // As read already meets the total, or more than one way does: nothing to repair.
    if (found.length !== 1) return;
    const pick = found[0]!;
    open.forEach((ii, k) => {
      const ind = p.indicators[ii]!;
      if (Math.abs(pick[k]! - ind.weight!) < EPS) return;
      repairs.push({ pi, ii, from: ind.weight!, to: pick[k]! });
      ind.weight = pick[k]!;
    });
    if (empty.length) {
      const to = Number(pick[open.length]!.toFixed(4));
      repairs.push({ pi, ii: empty[0]!, from: null, to });
      p.indicators[empty[0]!]!.weight = to;
    }
  });
  return repairs;
}
