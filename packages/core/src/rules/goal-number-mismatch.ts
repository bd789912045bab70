import { readNumberAt } from "../model/vocabulary/numbers.ts";
import { longestCommon } from "./cost-math.ts";
import { inProject } from "./describe.ts";
import { squeeze } from "./facts.ts";
import type { ProjectRule } from "./rule.ts";

/** Counting units after a number in a goal (two-character units 人次, 公里 are tried first). */
const UNITS1: ReadonlySet<string> = new Set([..."名人位户家个项所套台辆场期篇册件座亩吨"]);

/** Counting units that mean the same thing. */
const SAME_UNIT: Record<string, string> = { 名: "人", 位: "人" };

function norm(unit: string): string {
  return SAME_UNIT[unit] ?? unit;
}

function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

/** The counting unit starting at `i`, or "". */
function unitAt(goal: string, i: number): string {
  const c0 = goal.charCodeAt(i);
  const c1 = goal.charCodeAt(i + 1);
  if (c0 === 0x4eba && c1 === 0x6b21) return "人次";
  if (c0 === 0x516c && c1 === 0x91cc) return "公里";
  const ch = goal.charAt(i);
  return UNITS1.has(ch) ? ch : "";
}

/** A count stated in a goal: "79名" → { value: 79, unit: "名", start, end }. */
export interface GoalCount {
  text: string;
  value: number;
  unit: string;
  /** Where the number starts and the unit ends, in the goal. */
  start: number;
  end: number;
}

/**
 * Counts in a goal text: a number (read by the vocabulary: separators, full-width digits)
 * followed by a counting unit (名, 人, 户, 个, 项, 期, 公里, 人次…).
 * @example goalCounts("通过对79名退休人员进行体检")[0]?.value // 79
 */
export function goalCounts(goal: string): GoalCount[] {
  const out: GoalCount[] = [];
  let i = 0;
  while (i < goal.length) {
    if (!isDigit(goal.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    const n = readNumberAt(goal, i);
    i = n ? n.end : i + 1;
    if (!n) continue;
    const unit = unitAt(goal, i);
    if (unit === "") continue;
    const end = i + unit.length;
    out.push({ text: goal.slice(start, end), value: n.value, unit, start, end });
    i = end;
  }
  return out;
}

/** Punctuation that ends the words a count is about. */
const CLAUSE_END = /[，。；;、,：:！？!?（）()]/;
const CONTEXT = 12;

/**
 * The words a count is about, on both sides: up to 12 characters before the number (from
 * the clause start or the previous count) and after the unit (to the clause end or the next count).
 * @example countContext("完成农村公路养护30公里", goalCounts("完成农村公路养护30公里"), 0).before // "完成农村公路养护"
 */
export function countContext(goal: string, counts: readonly GoalCount[], k: number): { before: string; after: string } {
  const m = counts[k]!;
  let from = Math.max(k > 0 ? counts[k - 1]!.end : 0, m.start - CONTEXT);
  for (let j = m.start - 1; j >= from; j--) {
    if (CLAUSE_END.test(goal[j]!)) {
      from = j + 1;
      break;
    }
  }
  let to = Math.min(k + 1 < counts.length ? counts[k + 1]!.start : goal.length, m.end + CONTEXT);
  for (let j = m.end; j < to; j++) {
    if (CLAUSE_END.test(goal[j]!)) {
      to = j;
      break;
    }
  }
  return { before: goal.slice(from, m.start), after: goal.slice(m.end, to) };
}

/** A number in the goal (79名) that no indicator of that unit states (70 人). */
export const goalNumberMismatch: ProjectRule = {
  code: "consistency.goal-number-mismatch",
  severity: "warning",
  scope: "project",
  title: { zh: "绩效目标中的数字与指标不符", en: "Number in the goal contradicts the indicators" },
  description: {
    zh: "年度绩效目标写明的数量（如「79名退休人员」）与同一计量单位的定量指标目标值都不相同（也不等于它们之和），且紧随其后的文字与某个指标名称相近。目标中另有同单位数量与指标一致时（目标同时写了总体和对象），不判断。",
    en: "A count stated in the annual goal (e.g. 79名退休人员) equals neither any quantitative indicator in that unit nor their sum, and the words after it resemble an indicator's name. Skipped when another count of that unit in the goal does agree (the goal names a wider population too).",
  },
  example: "目标「通过对79名退休人员进行体检」，指标「参加体检的退休人数」70 人。",
  check(ctx) {
    const goal = squeeze(ctx.project.goal ?? "");
    if (goal === "") return;
    const counts = goalCounts(goal);
    if (counts.length === 0) return;
    const { facts, indicators } = ctx;
    // Units some goal count agrees with: the goal then also names a wider population
    // ("全市3000名职工中的120名困难职工"), and the other counts of that unit are context.
    const agreedUnits = new Set<string>();
    const misses: { k: number; candidates: number[] }[] = [];
    for (let k = 0; k < counts.length; k++) {
      const m = counts[k]!;
      const unit = norm(m.unit);
      const candidates: number[] = [];
      let sum = 0;
      let agrees = false;
      for (let i = 0; i < facts.length; i++) {
        const f = facts[i]!;
        if (!f.quantitative || f.num === null || f.money !== null || norm(f.unit) !== unit) continue;
        candidates.push(i);
        sum += f.num;
        if (f.num === m.value) agrees = true;
      }
      if (candidates.length === 0) continue;
      if (agrees || Math.abs(sum - m.value) < 1e-9) agreedUnits.add(unit);
      else misses.push({ k, candidates });
    }
    for (const { k, candidates } of misses) {
      const m = counts[k]!;
      if (agreedUnits.has(norm(m.unit))) continue;
      // The indicator the count is about: the one whose name shares most with the words around
      // it — the counted noun comes after the number (79名退休人员) as often as before (举办培训12期).
      const { before, after } = countContext(goal, counts, k);
      let best = candidates[0]!;
      let bestScore = -1;
      for (const i of candidates) {
        const key = facts[i]!.key;
        const score = Math.max(longestCommon(key, after), longestCommon(key, before));
        if (score > bestScore) {
          best = i;
          bestScore = score;
        }
      }
      if (bestScore < 2) continue;
      const values = candidates.map(
        (i) => `「${indicators[i]!.name}」${indicators[i]!.target}${indicators[i]!.unit ?? ""}`,
      );
      const at = inProject(ctx);
      ctx.report({
        indicatorIndex: best,
        field: "target",
        message: `${at.zh}的绩效目标写「${m.text}」，但指标为 ${values.join("、")}，数字不一致。`,
        messageEn: `${at.en}: the goal says "${m.text}" but the indicators say ${values.join(", ")}.`,
      });
    }
  },
};
