import { atIndicator } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** Whole-cell placeholders left from a template. */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  "XX",
  "xx",
  "X",
  "x",
  "××",
  "ＸＸ",
  "null",
  "NULL",
  "Null",
  "undefined",
  "*",
  "**",
  "***",
  "/",
  "-",
  "--",
  "—",
  "——",
  "?",
  "？",
  "...",
  "…",
  "……",
  "待定",
  "待填",
  "N/A",
  "n/a",
  "NA",
]);

/** Placeholder fragments inside a name: "XX项目完成率". */
function hasPlaceholderPart(s: string): boolean {
  return s.includes("XX") || s.includes("××") || s.includes("ＸＸ") || s.includes("xx");
}

/** A name or target that is a template placeholder ("XX", "null", "*", "待定"), or a name with "XX" in it. */
export const placeholder: ProjectRule = {
  code: "structure.placeholder",
  severity: "error",
  scope: "project",
  title: { zh: "占位符未填写", en: "Placeholder left in a cell" },
  description: {
    zh: "三级指标名称或目标值是模板占位符（XX、null、*、/、待定等），或名称中含 XX，说明表格未填完。",
    en: "An indicator name or target is a template placeholder (XX, null, *, /, 待定…) or a name contains XX: the table was not filled in.",
  },
  example: "产出指标 / 数量指标 / XX人数 / 正向 / 大于等于 / XX / 人。",
  check(ctx) {
    const { facts } = ctx;
    for (let i = 0; i < facts.length; i++) {
      const f = facts[i]!;
      if (f.key !== "" && (PLACEHOLDERS.has(f.key) || hasPlaceholderPart(f.key))) {
        const at = atIndicator(ctx, i);
        ctx.report({
          indicatorIndex: i,
          field: "name",
          message: `${at.zh}：名称「${f.key}」是未填写的占位符。`,
          messageEn: `${at.en}: the name "${f.key}" is an unfilled placeholder.`,
        });
      }
      if (f.targetKey !== "" && PLACEHOLDERS.has(f.targetKey)) {
        const at = atIndicator(ctx, i);
        ctx.report({
          indicatorIndex: i,
          field: "target",
          message: `${at.zh}：目标值「${f.targetKey}」是未填写的占位符。`,
          messageEn: `${at.en}: the target "${f.targetKey}" is an unfilled placeholder.`,
        });
      }
    }
  },
};
