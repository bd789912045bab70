import { LEVEL1, LEVEL2_BY_LAYOUT } from "../model/taxonomy.ts";
import { atIndicator } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** Valid 二级 per 一级 in either layout (the union of LEVEL2_BY_LAYOUT). */
const VALID: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  LEVEL1.map((l1) => [l1, new Set(Object.values(LEVEL2_BY_LAYOUT).flatMap((tree) => [...(tree[l1] ?? [])]))]),
);

/** A 二级指标 that belongs to no layout under its 一级 (e.g. 效益指标/数量指标). */
export const invalidLevel2: ProjectRule = {
  code: "structure.invalid-level2",
  severity: "error",
  scope: "project",
  title: { zh: "二级指标与一级指标不匹配", en: "Second-level indicator not valid for its first level" },
  description: {
    zh: "二级指标必须属于其一级指标（旧框架或 2021 框架均可），如产出指标下只能是数量、质量、时效（旧框架还有成本）指标。",
    en: "The second level must belong to its first level in either layout, e.g. 产出指标 → 数量/质量/时效 (and 成本 in the older layout).",
  },
  example: "效益指标 / 数量指标 / 受益人数。",
  check(ctx) {
    const { indicators } = ctx;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i]!;
      const valid = VALID.get(ind.level1);
      if (!valid || valid.has(ind.level2)) continue;
      const at = atIndicator(ctx, i);
      ctx.report({
        indicatorIndex: i,
        field: "level2",
        message: `${at.zh}的二级指标「${ind.level2}」不属于一级指标「${ind.level1}」。`,
        messageEn: `${at.en}: second-level "${ind.level2}" does not belong under "${ind.level1}".`,
      });
    }
  },
};
