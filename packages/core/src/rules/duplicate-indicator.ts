import { atIndicator } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** The same 三级指标 twice under the same 二级 of one project. */
export const duplicateIndicator: ProjectRule = {
  code: "structure.duplicate-indicator",
  severity: "warning",
  scope: "project",
  title: { zh: "三级指标重复", en: "Indicator listed twice" },
  description: {
    zh: "同一项目同一二级指标下，同名三级指标出现两次（计分重复）。不同二级指标下的同名指标见 consistency.same-text-different-level2。",
    en: "The same indicator name appears twice under the same second level of a project (scored twice). Same name under different second levels: see consistency.same-text-different-level2.",
  },
  example: "数量指标下两行「参加体检的退休人数」。",
  check(ctx) {
    const { facts, indicators } = ctx;
    if (facts.length < 2) return;
    for (let i = 1; i < facts.length; i++) {
      const { key, keyHash } = facts[i]!;
      if (key === "") continue;
      const ind = indicators[i]!;
      let first = -1;
      for (let j = 0; j < i; j++) {
        const other = indicators[j]!;
        if (
          facts[j]!.keyHash === keyHash &&
          facts[j]!.key === key &&
          other.level2 === ind.level2 &&
          other.level1 === ind.level1
        ) {
          first = j;
          break;
        }
      }
      if (first < 0) continue;
      const at = atIndicator(ctx, i);
      ctx.report({
        indicatorIndex: i,
        field: "name",
        message: `${at.zh}在${ind.level2}下重复出现（第 ${first + 1} 行已有）。`,
        messageEn: `${at.en} appears twice under ${ind.level2} (first at row ${first + 1}).`,
      });
    }
  },
};
