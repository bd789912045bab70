/**
 * Facts computed once per indicator and shared by every rule, so rules stay cheap:
 * no rule re-parses a target or re-cleans a name.
 */
import type { Indicator, Project, TargetDocument } from "../model/document.ts";
import { parseNumber, sumDecimal } from "../model/money.ts";
import { isCostIndicator } from "../model/taxonomy.ts";
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
 * The target as a number: a plain number, optionally followed by "%"; null otherwise.
 * Plain ASCII numbers take a fast path; separators and full-width digits go through parseNumber.
 * @example targetNumber("1,000") // 1000
 */
export function targetNumber(target: string): number | null {
  let s = target;
  const n = s.length;
  if (n === 0) return null;
  if (s.charCodeAt(n - 1) === 37 /* % */ || s.charCodeAt(n - 1) === 0xff05 /* ％ */) s = s.slice(0, n - 1);
  let plain = s.length > 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (!(c === 46 || ((c === 45 || c === 43) && i === 0))) {
      plain = false;
      break;
    }
  }
  if (plain && digits > 0) {
    const v = Number(s);
    return Number.isFinite(v) ? v : null;
  }
  return parseNumber(s);
}

const ABSOLUTE_MONEY: Record<string, "万元" | "元"> = { 万元: "万元", 元: "元" };

/** Facts of one indicator. */
export function indicatorFacts(ind: Indicator): IndicatorFacts {
  const unit = ind.unit ? squeeze(ind.unit) : "";
  let money: "万元" | "元" | null = ABSOLUTE_MONEY[unit] ?? null;
  let per: string | null = null;
  if (money === null && unit.length > 2) {
    const slash = unit.indexOf("/");
    const head = slash > 0 ? unit.slice(0, slash) : "";
    if (head === "元" || head === "万元") {
      money = head;
      per = unit.slice(slash + 1) || null;
    }
  }
  return {
    num: targetNumber(squeeze(ind.target)),
    unit,
    key: squeeze(ind.name),
    targetKey: squeeze(ind.target),
    cost: isCostIndicator(ind),
    money,
    per,
    quantitative: ind.nature === "正向" || ind.nature === "反向",
  };
}

/** Facts of every indicator of a project, in order. */
export function projectFacts(project: Project): IndicatorFacts[] {
  const out = new Array<IndicatorFacts>(project.indicators.length);
  for (let i = 0; i < project.indicators.length; i++) out[i] = indicatorFacts(project.indicators[i]!);
  return out;
}

const YEAR_RE = /(20\d\d)\s*年/g;

/**
 * Years mentioned in a text as "20xx年".
 * @example yearsIn("2024年12月前完成") // [2024]
 */
export function yearsIn(text: string): number[] {
  if (text.indexOf("年") < 0) return [];
  const out: number[] = [];
  for (const m of text.matchAll(YEAR_RE)) out.push(Number(m[1]));
  return out;
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
      for (const y of yearsIn(ind.target)) counts.set(y, (counts.get(y) ?? 0) + 1);
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
 * Exact sum of weights: integer thousandths when every weight has at most 3 decimals (fast
 * path), else decimal.js. Returns the sum as a number with no float drift.
 * @example sumWeights([2.5, 2.5, 0.1, 0.2]) // 5.3
 */
export function sumWeights(weights: readonly number[]): number {
  let milli = 0;
  for (let i = 0; i < weights.length; i++) {
    const m = weights[i]! * 1000;
    const r = Math.round(m);
    if (Math.abs(m - r) > 1e-6 || !Number.isFinite(m)) return sumDecimal(weights);
    milli += r;
  }
  return milli / 1000;
}
