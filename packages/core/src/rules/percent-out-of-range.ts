import { atIndicator } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** A % target outside 0–100. */
export const percentOutOfRange: ProjectRule = {
  code: "value.percent-out-of-range",
  severity: "error",
  scope: "project",
  title: { zh: "百分比超出 0–100", en: "Percentage outside 0–100" },
  description: {
    zh: "计量单位为 % 的目标值应在 0 到 100 之间（如 292% 多为「≥92%」识别错误）。",
    en: 'A target in % must lie between 0 and 100 (292% is usually a misread "≥92%").',
  },
  example: "质量指标 / 体检覆盖率 / 正向 / 大于等于 / 292 / %。",
  check(ctx) {
    const { facts, indicators } = ctx;
    for (let i = 0; i < facts.length; i++) {
      const f = facts[i]!;
      if (f.num === null || f.unit !== "%") continue;
      if (f.num >= 0 && f.num <= 100) continue;
      const at = atIndicator(ctx, i);
      ctx.report({
        indicatorIndex: i,
        field: "target",
        message: `${at.zh}的目标值 ${indicators[i]!.target}% 超出 0–100% 范围。`,
        messageEn: `${at.en}: target ${indicators[i]!.target}% is outside 0–100%.`,
      });
    }
  },
};
