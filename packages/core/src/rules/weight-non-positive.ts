import { atIndicator } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** A 分值 that is zero, negative or not a number. */
export const weightNonPositive: ProjectRule = {
  code: "weight.non-positive",
  severity: "error",
  scope: "project",
  title: { zh: "分值不为正数", en: "Weight not positive" },
  description: {
    zh: "每个三级指标的分值必须是正数。",
    en: "Every indicator's weight (分值) must be a positive number.",
  },
  example: "数量指标 / 参加体检的退休人数 / … / 分值 0。",
  check(ctx) {
    const { indicators } = ctx;
    for (let i = 0; i < indicators.length; i++) {
      const w = indicators[i]!.weight;
      if (w > 0 && Number.isFinite(w)) continue;
      const at = atIndicator(ctx, i);
      ctx.report({
        indicatorIndex: i,
        field: "weight",
        message: `${at.zh}的分值为 ${w}，应为正数。`,
        messageEn: `${at.en} has weight ${w}; it must be positive.`,
      });
    }
  },
};
