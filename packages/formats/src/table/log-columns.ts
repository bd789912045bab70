/**
 * The repair log's lines about how columns were read: each mapped column (`.column-mapped`,
 * `.column-override`) and each named column not read (`.column-ignored`, `.label-column`), in
 * words a reviewer reads (zh, en).
 */
import type { ColumnKey } from "@jixiao/core";
import type { DocumentState } from "./document-state.ts";
import type { MappedColumn } from "./header.ts";
import { say } from "./words.ts";

export const KEY_WORDS: Partial<Record<ColumnKey, [string, string]>> = {
  seq: ["序号", "sequence"],
  name: ["项目名称", "project name"],
  unit: ["单位", "unit"],
  unitCode: ["单位编码", "unit code"],
  department: ["主管部门", "department"],
  category: ["项目类别", "category"],
  budget: ["预算数", "budget"],
  goal: ["年度目标", "goal"],
  level1: ["一级指标", "一级 (level 1)"],
  level2: ["二级指标", "二级 (level 2)"],
  indicator: ["三级指标（指标名称）", "三级 (indicator name)"],
  nature: ["指标性质", "nature"],
  operator: ["指标方向", "operator"],
  polarity: ["指标方向性", "direction"],
  target: ["目标值", "target"],
  measure: ["计量单位", "unit of measure"],
  weight: ["分值", "weight"],
  standard: ["绩效标准", "standard"],
  executed: ["全年执行数", "executed"],
  initialBudget: ["年初预算数", "initial budget"],
  actual: ["实际完成值", "actual"],
  grade: ["完成等级", "grade"],
  score: ["得分", "score"],
  notApplicable: ["不适用", "not applicable"],
  deviationReason: ["偏差原因", "deviation reason"],
};

const NOTE_WORDS: Record<NonNullable<MappedColumn["note"]>, [string, string]> = {
  "long-term": ["长期指标，读取年度列", "long-term; the annual column is read"],
  duplicate: ["重复的列", "a duplicate column"],
  "group-label": ["分组标签", "a group label"],
  "level-labels": ["只含层级标签", "holds only level labels"],
  empty: ["整列为空", "the column is empty"],
  "other-content": ["内容不是指标性质或方向", "it holds neither natures nor operators"],
};

/** Logs how each column of a block was read. */
export function logColumns(mapped: readonly MappedColumn[], st: DocumentState): void {
  for (const m of mapped) {
    if (m.key) {
      const [zh, en] = KEY_WORDS[m.key] ?? [m.key, m.key];
      const name = m.how === "override" ? "column-override" : "column-mapped";
      st.diagnostics.push(
        say(st.src, name, { where: m.ref, header: m.header, zh, en }, { cell: m.ref, action: `column ${m.key}` }),
      );
    } else if (m.note) {
      const [zh, en] = NOTE_WORDS[m.note];
      const name = m.note === "level-labels" ? "label-column" : "column-ignored";
      st.diagnostics.push(say(st.src, name, { where: m.ref, header: m.header, zh, en }, { cell: m.ref }));
    }
  }
}
