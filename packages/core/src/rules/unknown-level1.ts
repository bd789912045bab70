import { LEVEL1 } from "../model/taxonomy.ts";
import { atIndicator } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

const KNOWN: ReadonlySet<string> = new Set(LEVEL1);

/** A 一级指标 that is none of 产出/成本/效益/满意度. */
export const unknownLevel1: ProjectRule = {
  code: "structure.unknown-level1",
  severity: "error",
  scope: "project",
  title: { zh: "一级指标无效", en: "Unknown first-level indicator" },
  description: {
    zh: "一级指标只能是产出指标、成本指标、效益指标、满意度指标之一。",
    en: "A first-level indicator must be one of 产出指标, 成本指标, 效益指标, 满意度指标.",
  },
  example: "一级指标填为「管理指标」。",
  check(ctx) {
    const { indicators } = ctx;
    for (let i = 0; i < indicators.length; i++) {
      const l1 = indicators[i]!.level1;
      if (KNOWN.has(l1)) continue;
      const at = atIndicator(ctx, i);
      ctx.report({
        indicatorIndex: i,
        field: "level1",
        message: `${at.zh}的一级指标「${l1}」不是产出、成本、效益、满意度指标之一。`,
        messageEn: `${at.en}: first-level "${l1}" is not one of 产出/成本/效益/满意度指标.`,
      });
    }
  },
};
