import { atIndicator } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/**
 * A 分值 that is zero, negative, not a number, or left empty in a table that prints weights
 * elsewhere. A table that prints no weight at all is weight.not-printed's, said once.
 */
export const weightNonPositive: ProjectRule = {
  code: "weight.non-positive",
  severity: "error",
  scope: "project",
  title: { zh: "分值不为正数", en: "Weight not positive" },
  description: {
    zh: "每个三级指标的分值必须是正数；表格列出分值时，空着的分值也在此列（整张表都没有分值时另见「表格未列出分值」）。",
    en: "Every indicator's weight (分值) must be a positive number; in a table that prints weights, an empty one counts too (a table with no weights at all is reported once, by weight.not-printed).",
  },
  example: "数量指标 / 参加体检的退休人数 / … / 分值 0。",
  check(ctx) {
    const { indicators } = ctx;
    if (!ctx.weightsPrinted) return;
    for (let i = 0; i < indicators.length; i++) {
      const w = indicators[i]!.weight;
      if (w === null || w === undefined) {
        const at = atIndicator(ctx, i);
        ctx.report({
          indicatorIndex: i,
          field: "weight",
          message: `${at.zh}没有填分值，应为正数。`,
          messageEn: `${at.en} has no weight; it must be a positive number.`,
        });
        continue;
      }
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
