/**
 * Money arithmetic shared by the money rules: the sum of a project's absolute cost targets
 * (万元 / 元) and the unit-cost × quantity estimate (元/人 × 人, 元/年 × 人), in the
 * document's money unit, with decimal.js.
 */

import type { MoneyUnit } from "../model/document.ts";
import { Decimal } from "../model/money.ts";
import type { IndicatorFacts, ProjectContext } from "./rule.ts";

function fenPer(unit: MoneyUnit): number {
  return unit === "万元" ? 1_000_000 : 100;
}

/**
 * An amount in 分 (0.01 元). Amounts with at most 2 decimals of 元 (6 of 万元) give exact
 * integers by a float multiply-and-round; finer amounts go through decimal.js (rare).
 * @example toFen(4.3, "万元") // 4300000
 */
export function toFen(value: number, unit: MoneyUnit): number {
  const f = value * fenPer(unit);
  const r = Math.round(f);
  if (Math.abs(f - r) < 1e-4) return r;
  return new Decimal(value).times(fenPer(unit)).toNumber();
}

/**
 * An amount in 分 back in a money unit, for display.
 * @example fromFen(4400000, "万元") // 4.4
 */
export function fromFen(fen: number, unit: MoneyUnit): number {
  return Number.isInteger(fen) ? fen / fenPer(unit) : new Decimal(fen).div(fenPer(unit)).toNumber();
}

/** Budget cost rows (see IndicatorFacts.budgetCost) stated as an absolute amount (万元 / 元) with a numeric target, and their sum in 分. */
export function absoluteCosts(ctx: Pick<ProjectContext, "facts">): { rows: number[]; fen: number } {
  const rows: number[] = [];
  let fen = 0;
  const { facts } = ctx;
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i]!;
    if (!f.budgetCost || f.money === null || f.per !== null || f.num === null) continue;
    rows.push(i);
    fen += toFen(f.num, f.money);
  }
  return { rows, fen };
}

/** "per" units that are periods: 元/年 is paid per head per year, so it multiplies a headcount. */
const PERIODS: ReadonlySet<string> = new Set(["年", "月", "季度", "季", "年度"]);
/** Headcount-like units a per-period rate multiplies. */
const COUNTS: ReadonlySet<string> = new Set(["人", "户", "名", "位", "人次", "家", "个"]);

/** True when a quantity row's unit is what a unit cost's "per" multiplies. */
export function quantityMatches(per: string, unit: string): boolean {
  if (unit === per) return true;
  if ((per === "人" && unit === "名") || (per === "名" && unit === "人")) return true;
  return PERIODS.has(per) && COUNTS.has(unit);
}

/**
 * Length of the longest common substring of two short strings (indicator names), without
 * allocating: for each pair of start positions, extend while equal.
 * @example longestCommon("国家级劳模发放津贴标准", "社保代发的国家级劳模津贴发放人数") // 5
 */
export function longestCommon(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i + best < a.length; i++) {
    for (let j = 0; j + best < b.length; j++) {
      if (a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      let k = 1;
      while (i + k < a.length && j + k < b.length && a.charCodeAt(i + k) === b.charCodeAt(j + k)) k++;
      if (k > best) best = k;
    }
  }
  return best;
}

/** One unit-cost row and the quantity rows it multiplies. */
export interface UnitCostGroup {
  row: number;
  quantities: number[];
}

/**
 * Pairs each unit-cost row (元/人, 元/年 …) with the quantity rows it multiplies. With one
 * unit-cost row every matching quantity goes to it; with several, each quantity goes to the
 * unit cost whose name shares the longest common substring with it. Returns null when the
 * pairing is not certain (a tie, or a unit cost left without any quantity): no estimate then.
 */
export function unitCostGroups(facts: readonly IndicatorFacts[]): UnitCostGroup[] | null {
  const groups: UnitCostGroup[] = [];
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i]!;
    if (f.budgetCost && f.money !== null && f.per !== null && f.num !== null) groups.push({ row: i, quantities: [] });
  }
  if (groups.length === 0) return groups;
  for (let q = 0; q < facts.length; q++) {
    const f = facts[q]!;
    if (f.cost || f.money !== null || !f.quantitative || f.num === null || f.unit === "") continue;
    let best: UnitCostGroup | null = null;
    let bestScore = -1;
    let tie = false;
    for (const g of groups) {
      if (!quantityMatches(facts[g.row]!.per!, f.unit)) continue;
      const score = groups.length === 1 ? 0 : longestCommon(facts[g.row]!.key, f.key);
      if (score > bestScore) {
        best = g;
        bestScore = score;
        tie = false;
      } else if (score === bestScore) tie = true;
    }
    if (best === null) continue;
    if (tie) return null;
    best.quantities.push(q);
  }
  for (const g of groups) if (g.quantities.length === 0) return null;
  return groups;
}

/** Range of the unit-cost estimate in 分: each rate × its smallest quantity, and × the sum of its quantities. */
export function unitCostRange(
  facts: readonly IndicatorFacts[],
  groups: readonly UnitCostGroup[],
): { low: number; high: number } {
  let low = 0;
  let high = 0;
  for (const g of groups) {
    const rate = facts[g.row]!;
    const fen = toFen(rate.num!, rate.money!);
    let min = Number.POSITIVE_INFINITY;
    let sum = 0;
    for (const q of g.quantities) {
      const n = facts[q]!.num!;
      sum += n;
      if (n < min) min = n;
    }
    low += product(fen, min);
    high += product(fen, sum);
  }
  return { low, high };
}

/** fen × quantity, exact for integers within 2^53, else through decimal.js. */
function product(fen: number, qty: number): number {
  const p = fen * qty;
  return Number.isInteger(p) && Number.isSafeInteger(p) && Number.isInteger(qty)
    ? p
    : new Decimal(fen).times(qty).toNumber();
}
