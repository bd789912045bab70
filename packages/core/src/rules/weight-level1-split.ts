import { fmt, inProject } from "./describe.ts";
import { sumWeights, weightPrinted } from "./facts.ts";
import type { ProjectRule } from "./rule.ts";

/** When the policy sets a first-level split (e.g. 产出 50 / 效益 30 / 满意度 10), a group off it. */
export const weightLevel1Split: ProjectRule = {
  code: "weight.level1-split",
  severity: "warning",
  scope: "project",
  title: { zh: "一级指标分值分配不符合政策", en: "First-level split differs from the policy" },
  description: {
    zh: "政策规定一级指标分值分配时（如产出 50、效益 30、满意度 10），某一组一级指标的分值合计与规定不符。默认政策不规定分配。",
    en: "When the policy sets a first-level split (e.g. output 50, benefit 30, satisfaction 10), a group's weights differ from it. The default policy sets none.",
  },
  example: "政策 split-50-30-10 下，效益指标合计 20 分。",
  check(ctx) {
    const split = ctx.policy.level1Split;
    if (!split || ctx.indicators.length === 0 || !ctx.weightsPrinted || !ctx.indicators.some(weightPrinted)) return;
    const { indicators } = ctx;
    for (const share of split) {
      const sum = sumWeights(indicators, share.level1);
      if (sum === share.points) continue;
      const at = inProject(ctx);
      const label = share.level1.join("+");
      ctx.report({
        field: "weight",
        message: `${at.zh}的${label}分值合计 ${fmt(sum, 3)} 分，政策规定 ${share.points} 分。`,
        messageEn: `${at.en}: ${label} weights add to ${fmt(sum, 3)}, the policy sets ${share.points}.`,
      });
    }
  },
};
