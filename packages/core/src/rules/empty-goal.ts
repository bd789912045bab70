import { inProject } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** A project with no 年度绩效目标. */
export const emptyGoal: ProjectRule = {
  code: "structure.empty-goal",
  severity: "error",
  scope: "project",
  title: { zh: "年度绩效目标为空", en: "Empty annual goal" },
  description: {
    zh: "项目必须填写年度绩效目标。",
    en: "Every project needs its annual performance goal (年度绩效目标).",
  },
  example: "年度绩效目标一栏空白。",
  check(ctx) {
    const goal = ctx.project.goal ?? "";
    for (let i = 0; i < goal.length; i++) {
      const c = goal.charCodeAt(i);
      if (c > 32 && c !== 0x3000 && c !== 0xa0) return;
    }
    const at = inProject(ctx);
    ctx.report({ field: "goal", message: `${at.zh}没有填写年度绩效目标。`, messageEn: `${at.en} has no annual goal.` });
  },
};
