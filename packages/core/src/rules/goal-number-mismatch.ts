import { longestCommon } from "./cost-math.ts";
import { inProject } from "./describe.ts";
import { squeeze } from "./facts.ts";
import type { ProjectRule } from "./rule.ts";

/** A count in the goal text: a number followed by a counting unit. */
const COUNT_RE = /(\d+(?:\.\d+)?)(人次|名|人|位|户|家|个|项|所|套|台|辆|场|期|篇|册|件|座|亩|吨|公里)/g;

/** Counting units that mean the same thing. */
const SAME_UNIT: Record<string, string> = { 名: "人", 位: "人" };

function norm(unit: string): string {
  return SAME_UNIT[unit] ?? unit;
}

/** A number in the goal (79名) that no indicator of that unit states (70 人). */
export const goalNumberMismatch: ProjectRule = {
  code: "consistency.goal-number-mismatch",
  severity: "warning",
  scope: "project",
  title: { zh: "绩效目标中的数字与指标不符", en: "Number in the goal contradicts the indicators" },
  description: {
    zh: "年度绩效目标写明的数量（如「79名退休人员」）与同一计量单位的定量指标目标值都不相同（也不等于它们之和）。",
    en: "A count stated in the annual goal (e.g. 79名退休人员) equals neither any quantitative indicator in that unit nor their sum.",
  },
  example: "目标「通过对79名退休人员进行体检」，指标「参加体检的退休人数」70 人。",
  check(ctx) {
    const goal = squeeze(ctx.project.goal ?? "");
    if (goal === "") return;
    let any = false;
    for (let i = 0; i < goal.length; i++) {
      const c = goal.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        any = true;
        break;
      }
    }
    if (!any) return;
    const { facts, indicators } = ctx;
    for (const m of goal.matchAll(COUNT_RE)) {
      const value = Number(m[1]);
      const unit = norm(m[2]!);
      const candidates: number[] = [];
      let sum = 0;
      let agrees = false;
      for (let i = 0; i < facts.length; i++) {
        const f = facts[i]!;
        if (!f.quantitative || f.num === null || f.money !== null || norm(f.unit) !== unit) continue;
        candidates.push(i);
        sum += f.num;
        if (f.num === value) agrees = true;
      }
      if (candidates.length === 0 || agrees || Math.abs(sum - value) < 1e-9) continue;
      const context = goal.slice(m.index + m[0].length, m.index + m[0].length + 12);
      let best = candidates[0]!;
      let bestScore = -1;
      for (const i of candidates) {
        const s = longestCommon(facts[i]!.key, context);
        if (s > bestScore) {
          best = i;
          bestScore = s;
        }
      }
      const values = candidates.map(
        (i) => `「${indicators[i]!.name}」${indicators[i]!.target}${indicators[i]!.unit ?? ""}`,
      );
      const at = inProject(ctx);
      ctx.report({
        indicatorIndex: best,
        field: "target",
        message: `${at.zh}的绩效目标写「${m[0]}」，但指标为 ${values.join("、")}，数字不一致。`,
        messageEn: `${at.en}: the goal says "${m[0]}" but the indicators say ${values.join(", ")}.`,
      });
    }
  },
};
