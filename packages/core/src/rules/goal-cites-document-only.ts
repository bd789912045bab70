import { inProject } from "./describe.ts";
import { squeeze } from "./facts.ts";
import type { ProjectRule } from "./rule.ts";

const TITLE = /《[^》]*》/g;
/** A document number: 呼财发【2020】152号, 财预〔2021〕101号. */
const DOC_NUMBER = /[\u4e00-\u9fa5A-Za-z]*[〔【[［(（]\d{4}[〕】\]］)）]第?\d+号/g;
/** Words that only frame a citation. */
const FILLER =
  /根据|依据|按照|参照|遵照|执行|落实|关于|印发|文件|通知|精神|要求|规定|办法|的|有关|及|和|[，。、；：,.;:（）()“”"'\d]/g;

/**
 * What is left of a goal once citations and the words around them are removed.
 * @example goalWithoutCitations("呼财发【2020】152号文件《关于…的通知》") // { cited: true, rest: "" }
 */
export function goalWithoutCitations(goal: string): { cited: boolean; rest: string } {
  const g = squeeze(goal);
  const noTitle = g.replace(TITLE, "");
  const noNumber = noTitle.replace(DOC_NUMBER, "");
  const cited = noTitle.length !== g.length || noNumber.length !== noTitle.length;
  return { cited, rest: noNumber.replace(FILLER, "") };
}

/** A goal that only cites a document and states no target. */
export const goalCitesDocumentOnly: ProjectRule = {
  code: "consistency.goal-cites-document-only",
  severity: "error",
  scope: "project",
  title: { zh: "绩效目标只引用文件", en: "Goal only cites a document" },
  description: {
    zh: "年度绩效目标只写了依据的文件（文号、文件名），没有说明要完成什么、达到什么效果。",
    en: "The annual goal only cites a document (number, title) and states nothing to achieve.",
  },
  example: "体检费：「呼财发【2020】152号文件《关于财政供养人员体检经费安排和使用的通知》」。",
  check(ctx) {
    const goal = ctx.project.goal ?? "";
    if (goal.indexOf("号") < 0 && goal.indexOf("《") < 0) return;
    const { cited, rest } = goalWithoutCitations(goal);
    if (!cited || rest.length >= 4) return;
    const at = inProject(ctx);
    ctx.report({
      field: "goal",
      message: `${at.zh}的年度绩效目标只引用了文件（「${goal.trim()}」），没有写明要达到的目标。`,
      messageEn: `${at.en}: the annual goal only cites a document ("${goal.trim()}") and states no target.`,
    });
  },
};
