import { atIndicator } from "./describe.ts";
import { yearsIn } from "./facts.ts";
import type { ProjectRule } from "./rule.ts";

/** A 时效 target naming a year other than the fiscal year. */
export const deadlineOutsideYear: ProjectRule = {
  code: "consistency.deadline-outside-year",
  severity: "warning",
  scope: "project",
  title: { zh: "完成时限不在预算年度内", en: "Deadline outside the fiscal year" },
  description: {
    zh: "时效指标的目标（如「2024年12月前完成」）应落在预算年度内。预算年度取政策设定、文档年度，或多数时效指标所写的年份。",
    en: "A timeliness target (e.g. 2024年12月前完成) must fall in the fiscal year: the policy's, the document's, or else the year most timeliness targets name.",
  },
  example: "2024 年度表格中：时效指标 / 体检完成时间 / 定性 / 2023年12月前完成。",
  check(ctx) {
    const fy = ctx.fiscalYear;
    if (fy === null) return;
    const { indicators, facts } = ctx;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i]!;
      if (ind.level2 !== "时效指标") continue;
      for (const y of yearsIn(facts[i]!.targetKey)) {
        if (y === fy) continue;
        const at = atIndicator(ctx, i);
        ctx.report({
          indicatorIndex: i,
          field: "target",
          message: `${at.zh}的时限「${ind.target}」不在预算年度 ${fy} 年内。`,
          messageEn: `${at.en}: deadline "${ind.target}" is outside the fiscal year ${fy}.`,
        });
        break;
      }
    }
  },
};
