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

/** Longest whole-cell placeholder: longer cells skip the set lookup. */
const MAX_PLACEHOLDER = Math.max(...[...PLACEHOLDERS].map((x) => x.length));

/** First characters of the placeholders: most cells are ruled out by their first character. */
const FIRST: ReadonlySet<number> = new Set([...PLACEHOLDERS].map((x) => x.charCodeAt(0)));

/** True when a whole cell is a placeholder. */
function isPlaceholder(s: string): boolean {
  return s.length <= MAX_PLACEHOLDER && FIRST.has(s.charCodeAt(0)) && PLACEHOLDERS.has(s);
}

/** Placeholder fragments inside a name: "XX项目完成率" (XX, xx, ××, ＸＸ), in one pass. */
function hasPlaceholderPart(s: string): boolean {
  for (let i = 0; i + 1 < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c === 88 || c === 120 || c === 0xd7 || c === 0xff38) && s.charCodeAt(i + 1) === c) return true;
  }
  return false;
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
      if (f.key !== "" && (isPlaceholder(f.key) || hasPlaceholderPart(f.key))) {
        const at = atIndicator(ctx, i);
        ctx.report({
          indicatorIndex: i,
          field: "name",
          message: `${at.zh}：名称「${f.key}」是未填写的占位符。`,
          messageEn: `${at.en}: the name "${f.key}" is an unfilled placeholder.`,
        });
      }
      if (f.targetKey !== "" && isPlaceholder(f.targetKey)) {
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
