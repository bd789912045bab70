import { atIndicator } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** Words that state no measurable output. */
const VAGUE = /较好|较高|较大|有所|明显|进一步|逐步|不断|良好|显著|大幅|稳步|一定程度|基本完成|尽快|努力/;

/** A 产出 target in vague words (较好, 有所提高): output must be measurable. */
export const vagueTarget: ProjectRule = {
  code: "value.vague-target",
  severity: "warning",
  scope: "project",
  title: { zh: "产出指标目标值含糊", en: "Vague output target" },
  description: {
    zh: "产出指标（数量、质量、时效、成本）应可衡量；「较好」「有所提高」「进一步」之类的目标值无法考核。效益指标不在此列。",
    en: "Output indicators (quantity, quality, timeliness, cost) must be measurable; targets like 较好 or 有所提高 cannot be assessed. Benefit indicators are not checked.",
  },
  example: "产出指标 / 质量指标 / 体检质量 / 定性 / 较好。",
  check(ctx) {
    const { indicators, facts } = ctx;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i]!;
      if (facts[i]!.num !== null || (ind.level1 !== "产出指标" && ind.level1 !== "成本指标")) continue;
      const m = VAGUE.exec(facts[i]!.targetKey);
      if (!m) continue;
      const at = atIndicator(ctx, i);
      ctx.report({
        indicatorIndex: i,
        field: "target",
        message: `${at.zh}的目标值「${ind.target}」含糊（「${m[0]}」），产出指标应可量化考核。`,
        messageEn: `${at.en}: target "${ind.target}" is vague ("${m[0]}"); an output target must be measurable.`,
      });
    }
  },
};
