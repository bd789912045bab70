import { atIndicator } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** The same text used for two indicators of different 二级 (e.g. 社会效益 and 可持续影响). */
export const sameTextDifferentLevel2: ProjectRule = {
  code: "consistency.same-text-different-level2",
  severity: "warning",
  scope: "project",
  title: { zh: "同一指标文字用于不同二级指标", en: "Same indicator text under different second levels" },
  description: {
    zh: "同一项目中，同一段三级指标文字同时出现在两个不同的二级指标下：至少一处分类错误或照抄。",
    en: "The same indicator text is used under two different second-level indicators of a project: at least one is misfiled or copied.",
  },
  example: "社会效益「发挥劳动模范示范引领作用」与可持续影响「发挥劳动模范示范引领作用」。",
  check(ctx) {
    const { facts, indicators } = ctx;
    if (facts.length < 2) return;
    for (let i = 1; i < facts.length; i++) {
      const { key, keyHash } = facts[i]!;
      if (key === "") continue;
      let first = -1;
      for (let j = 0; j < i; j++) {
        if (facts[j]!.keyHash === keyHash && facts[j]!.key === key) {
          first = j;
          break;
        }
      }
      if (first < 0) continue;
      const a = indicators[first]!;
      const b = indicators[i]!;
      if (a.level1 === b.level1 && a.level2 === b.level2) continue;
      const at = atIndicator(ctx, i);
      ctx.report({
        indicatorIndex: i,
        field: "name",
        message: `${at.zh}同时用于「${a.level2}」（第 ${first + 1} 行）和「${b.level2}」。`,
        messageEn: `${at.en} is used both under "${a.level2}" (row ${first + 1}) and "${b.level2}".`,
      });
    }
  },
};
