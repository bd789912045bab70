import { atIndicator } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** A row with an empty 三级指标 name or an empty 目标值. */
export const emptyCell: ProjectRule = {
  code: "structure.empty-cell",
  severity: "error",
  scope: "project",
  title: { zh: "指标名称或目标值为空", en: "Empty indicator name or target" },
  description: {
    zh: "每行三级指标都要有名称和目标值（定性指标写文字目标，定量指标写数值）。",
    en: "Every row needs a name and a target (text for 定性, a number for 正向/反向).",
  },
  example: "产出指标 / 数量指标 / （空） / 正向 / 大于等于 / 70 / 人。",
  check(ctx) {
    const { facts } = ctx;
    for (let i = 0; i < facts.length; i++) {
      const f = facts[i]!;
      if (f.key === "") {
        const at = atIndicator(ctx, i);
        ctx.report({
          indicatorIndex: i,
          field: "name",
          message: `${at.zh}：第 ${i + 1} 行三级指标名称为空。`,
          messageEn: `${at.en}: row ${i + 1} has no indicator name.`,
        });
      }
      if (f.targetKey === "") {
        const at = atIndicator(ctx, i);
        ctx.report({
          indicatorIndex: i,
          field: "target",
          message: `${at.zh}的目标值为空。`,
          messageEn: `${at.en} has no target.`,
        });
      }
    }
  },
};
