/**
 * What the importer did about each repair-log code, in words. The readers' repair log carries
 * an English `action` for the command line; the web shows these labels instead (by code), and
 * nothing for a code that needs none (its message says it all).
 */
import { type Lang, say, type Words } from "./say.ts";

export const REPAIR_WORDS: Record<string, Words> = {
  "text.split-word-joined": ["合并被拆开的词", "Joined a split word"],
  "text.header-repeated": ["删除重复表头", "Dropped a repeated header"],
  "text.total-read": ["读取合计行", "Read the total row"],
  "text.footer-read": ["保留为表注", "Kept as a note"],
  "text.preamble-skipped": ["跳过表前文字", "Skipped text before the table"],
  "text.cells-shifted": ["按内容识别错位单元格", "Read shifted cells by meaning"],
  "text.continuation-joined": ["续行并入上一行", "Joined a wrapped line"],
  "text.row-reattached": ["移到所属项目", "Moved to its project"],
  "text.department-code-inferred": ["推定部门编码", "Inferred the department code"],
  "text.fiscal-year-inferred": ["推定预算年度", "Inferred the fiscal year"],
  "text.nature-missing": ["推定指标性质", "Inferred the nature"],
  "text.nature-inferred": ["推定指标性质", "Inferred the nature"],
  "text.name-joined": ["合并指标名称", "Joined the name cells"],
  "text.name-missing": ["以上级指标作名称", "Used the label as the name"],
  "text.target-joined": ["合并目标值", "Joined the target cells"],
  "text.operator-in-value": ["拆出指标方向", "Split the operator out"],
  "text.unit-in-value": ["拆出计量单位", "Split the unit out"],
  "text.level1-corrected": ["按二级指标改正一级指标", "Corrected level 1 from level 2"],
  "text.level1-inferred": ["推定一级指标", "Inferred level 1"],
  "text.level2-missing": ["推定二级指标", "Assumed level 2"],
  "text.shape-detected": ["识别粘贴格式", "Recognised the paste"],
  "text.after-table-skipped": ["跳过表后文字", "Skipped text after the table"],
  "text.rows-realigned": ["按内容对齐本行", "Realigned the row"],
};

/**
 * The repair done for a code, or "" when the code has no separate action.
 * @example repairWords("text.row-reattached", "zh") // "移到所属项目"
 */
export function repairWords(code: string, action: string | undefined, lang: Lang): string {
  const w = REPAIR_WORDS[code];
  if (w) return say(w, lang);
  return action ? say(["已自动处理", "Repaired"], lang) : "";
}
