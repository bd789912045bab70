/**
 * Facts computed once per indicator and shared by every rule, so rules stay cheap:
 * no rule re-parses a target or re-cleans a name.
 */
import type { Indicator, Project, TargetDocument } from "../model/document.ts";
import { sumDecimal } from "../model/money.ts";
import { isCostIndicator } from "../model/taxonomy.ts";
import { normalizeUnit, parseTargetCell } from "../model/vocabulary/cell-grammar.ts";
import type { IndicatorFacts } from "./rule.ts";

function isSpace(c: number): boolean {
  return c <= 32 || c === 0x3000 || c === 0xa0;
}

/**
 * The text without whitespace; returns the same string when it has none (the common case).
 * @example squeeze("满意度指 标") // "满意度指标"
 */
export function squeeze(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (isSpace(s.charCodeAt(i))) return s.replace(/[\s\u3000\u00a0]+/g, "");
  }
  return s;
}

/**
 * The target as a number when the cell holds a number with no unit or "%" (an operator
 * written inside, ≥95% or 95%以上, is read by the vocabulary's cell grammar); null otherwise.
 * @example targetNumber("1,000") // 1000
 * @example targetNumber("≥95%") // 95
 */
export function targetNumber(target: string): number | null {
  const cell = parseTargetCell(target);
  return cell.number !== null && (cell.unit === null || cell.unit === "%") ? cell.number.value : null;
}

/** A cell as text, whatever a half-edited document holds (a number, null). */
function text(v: unknown): string {
  return typeof v === "string" ? v : v === null || v === undefined ? "" : String(v);
}

const EMPTY_CELL = parseTargetCell("");

function blankFacts(): IndicatorFacts {
  return {
    cell: EMPTY_CELL,
    num: null,
    unit: "",
    key: "",
    keyHash: 0,
    targetKey: "",
    cost: false,
    budgetCost: false,
    money: null,
    per: null,
    quantitative: false,
  };
}

/** Fills `out` with the facts of one indicator and returns it (reused objects keep review allocation-free). */
export function fillFacts(out: IndicatorFacts, ind: Indicator): IndicatorFacts {
  const unit = ind.unit ? normalizeUnit(text(ind.unit)) : "";
  let money: "万元" | "元" | null = unit === "万元" ? "万元" : unit === "元" ? "元" : null;
  let per: string | null = null;
  if (money === null && unit.length > 2) {
    const slash = unit.indexOf("/");
    const head = slash > 0 ? unit.slice(0, slash) : "";
    if (head === "元" || head === "万元") {
      money = head;
      per = unit.slice(slash + 1) || null;
    }
  }
  const targetKey = squeeze(text(ind.target));
  const cell = parseTargetCell(targetKey);
  // The number counts when the cell prints no unit, the indicator's own ("70人" with unit 人), or %.
  const num =
    cell.number !== null && (cell.unit === null || cell.unit === unit || cell.unit === "%") ? cell.number.value : null;
  out.cell = cell;
  out.num = num;
  out.unit = unit;
  const key = squeeze(text(ind.name));
  let h = key.length;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  out.key = key;
  out.keyHash = h;
  out.targetKey = targetKey;
  out.cost = isCostIndicator(ind);
  out.budgetCost = out.cost && (ind.level2 === "成本指标" || ind.level2 === "经济成本指标");
  out.money = money;
  out.per = per;
  out.quantitative = ind.nature === "正向" || ind.nature === "反向";
  return out;
}

/**
 * Facts of one indicator.
 * @example indicatorFacts(ind).num // 70 for target "70"
 */
export function indicatorFacts(ind: Indicator): IndicatorFacts {
  return fillFacts(blankFacts(), ind);
}

/** Reusable storage for the facts of one project at a time. */
export interface FactsPool {
  objects: IndicatorFacts[];
  view: IndicatorFacts[];
}

export function factsPool(): FactsPool {
  return { objects: [], view: [] };
}

/**
 * Facts of every indicator of a project, in order. With a pool, the returned array and its
 * objects are reused by the next call: use them before computing the next project's.
 */
export function projectFacts(project: Project, pool: FactsPool = factsPool()): IndicatorFacts[] {
  const inds = project.indicators;
  const { objects, view } = pool;
  while (objects.length < inds.length) objects.push(blankFacts());
  view.length = inds.length;
  for (let i = 0; i < inds.length; i++) view[i] = fillFacts(objects[i]!, inds[i]!);
  return view;
}

/**
 * Years mentioned in a text as "20xx年" (spaces allowed before 年).
 * @example yearsIn("2024年12月前完成") // [2024]
 */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf("年", from);
    if (at < 0) return out;
    from = at + 1;
    let j = at - 1;
    while (j >= 0 && text.charCodeAt(j) === 32) j--;
    if (j < 3) continue;
    let ok = text.charCodeAt(j - 3) === 50 && text.charCodeAt(j - 2) === 48;
    for (let k = j - 1; ok && k <= j; k++) {
      const c = text.charCodeAt(k);
      ok = c >= 48 && c <= 57;
    }
    const before = j >= 4 ? text.charCodeAt(j - 4) : -1;
    if (ok && !(before >= 48 && before <= 57)) out.push(Number(text.slice(j - 3, j + 1)));
  }
}

/**
 * The fiscal year in force: the policy's, else the document's, else the year most 时效
 * targets name (ties: the earliest). null when nothing states one.
 */
export function fiscalYearOf(doc: TargetDocument, policyYear: number | null): number | null {
  if (policyYear !== null) return policyYear;
  if (doc.fiscalYear !== undefined) return doc.fiscalYear;
  const counts = new Map<number, number>();
  for (const p of doc.projects) {
    for (const ind of p.indicators) {
      if (ind.level2 !== "时效指标") continue;
      for (const y of yearsIn(text(ind.target))) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== null && y < best)) {
      best = y;
      bestCount = c;
    }
  }
  return best;
}

/**
 * Exact sum of the printed weights of indicators (only those whose 一级 is in `level1`, when
 * given; a weight not printed, null, adds nothing): integer thousandths when every weight has
 * at most 3 decimals (fast path), else decimal.js.
 * @example sumWeights([{ level1: "产出指标", weight: 2.5 }, { level1: "效益指标", weight: 0.1 }]) // 2.6
 */
export function sumWeights(
  indicators: readonly { level1: string; weight: number | null }[],
  level1?: readonly string[],
): number {
  let milli = 0;
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i]!;
    if (ind.weight === null || ind.weight === undefined) continue;
    if (level1 && !level1.includes(ind.level1)) continue;
    const m = ind.weight * 1000;
    const r = Math.round(m);
    if (!(Math.abs(m - r) <= 1e-6)) {
      const ws: number[] = [];
      for (const x of indicators) if (x.weight != null && (!level1 || level1.includes(x.level1))) ws.push(x.weight);
      return sumDecimal(ws);
    }
    milli += r;
  }
  return milli / 1000;
}

/** True when an indicator's weight is printed (a number, whatever its value); null/absent is not. */
export function weightPrinted(ind: { weight: number | null | undefined }): boolean {
  return ind.weight !== null && ind.weight !== undefined;
}

/**
 * False when the document has indicators and none prints a weight: the table has no 分值
 * column. The review then says so once (weight.not-printed) instead of once per row.
 * @example printsWeights({ projects: [{ indicators: [{ weight: null }] }] }) // false
 */
export function printsWeights(doc: {
  projects: readonly { indicators: readonly { weight: number | null }[] }[];
}): boolean {
  let any = false;
  for (const p of doc.projects) {
    for (const ind of p.indicators) {
      if (weightPrinted(ind)) return true;
      any = true;
    }
  }
  return !any;
}
