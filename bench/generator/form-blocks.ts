/**
 * The form-block layouts (Hubei, Chongqing and many county templates): one table per project,
 * a form on top (项目名称 / 主管部门及编码 | 实施单位 / 资金总额 / 年度目标, label left, value
 * spanning the rest) and the indicator grid below it, a title line before each block. No 项目类别
 * and no 合计 are printed, so the truth has category "" and no total. Variants: a left label
 * column (`绩 效 指 标` spanning the grid), and 长期/年度 column pairs (the 长期 cells empty, the
 * 年度 ones read; no 性质, 方向 or 分值 columns: operators and units inside the values).
 */
import type { Indicator, TargetDocument } from "@jixiao/core";
import type { Block, Cell, GridRow } from "./grid.ts";
import { mergeColumn, para } from "./grid.ts";
import type { Rng } from "./random.ts";
import { type Field, indicatorCell, type LayoutResult, moneyText, preamble, targetWithOperator } from "./row-table.ts";

interface GridColumn {
  header: string;
  cell(ind: Indicator): Cell;
  /** Merged down runs of equal text (一级, 二级). */
  merge?: boolean;
}

const field =
  (f: Field, merge = false) =>
  (header: string): GridColumn => ({ header, cell: (i) => indicatorCell(f, i, {}), merge });

const PLAIN: GridColumn[] = [
  field("level1", true)("一级指标"),
  field("level2", true)("二级指标"),
  field("indicator")("三级指标"),
  field("nature")("指标性质"),
  field("operator")("指标方向"),
  field("target")("指标值"),
  field("measure")("计量单位"),
  field("weight")("分值"),
];

const LONG_AND_ANNUAL: GridColumn[] = [
  field("level1", true)("一级指标"),
  field("level2", true)("二级指标（长期）"),
  { header: "三级指标（长期）", cell: () => ({ text: "" }) },
  { header: "指标值（长期）", cell: () => ({ text: "" }) },
  field("level2", true)("二级指标（年度）"),
  field("indicator")("三级指标（年度）"),
  { header: "指标值（年度）", cell: (i) => ({ text: targetWithOperator(i) }) },
];

export type FormVariant = "plain" | "label-column" | "long-and-annual";

export function formBlocks(doc: TargetDocument, r: Rng, variant: FormVariant = "plain"): LayoutResult {
  const truth = structuredClone(doc);
  delete truth.total;
  for (const p of truth.projects) {
    p.category = "";
    if (variant === "long-and-annual") for (const i of p.indicators) i.weight = null;
  }
  const grid = variant === "long-and-annual" ? LONG_AND_ANNUAL : PLAIN;
  const label = variant === "label-column" ? r.pick(["绩效指标", "绩 效 指 标", "绩效项目指标表"]) : null;
  const budgetLabel = r.pick(["资金总额（万元）", "项目总预算（万元）", "年度资金总额（万元）"]);
  const goalLabel = r.pick(["年度目标", "年度绩效目标"]);
  const deptLabel = r.pick(["主管部门及编码", "主管部门"]);
  const lead = label ? 1 : 0;
  const w = grid.length + lead;
  const half = Math.floor((w - 2) / 2);
  const blocks: Block[] = [...preamble(truth, "项目支出绩效目标表").filter((_, i) => i > 0)];
  const dept = truth.department;
  for (const p of truth.projects) {
    blocks.push(para(`项目支出绩效目标表（${truth.fiscalYear}年度）`));
    const rows: GridRow[] = [];
    const wide = (text: string, value: string, num?: number): GridRow => [
      { text },
      { text: value, colSpan: w - 1, ...(num === undefined ? {} : { num }) },
      ...new Array<null>(w - 2).fill(null),
    ];
    rows.push(wide("项目名称", p.name));
    rows.push([
      { text: deptLabel },
      { text: `[${dept?.code ?? ""}]${dept?.name ?? ""}`, colSpan: half },
      ...new Array<null>(half - 1).fill(null),
      { text: "实施单位" },
      { text: `${p.unitCode}-${p.unitName}`, colSpan: w - 2 - half },
      ...new Array<null>(w - 3 - half).fill(null),
    ]);
    rows.push(wide(budgetLabel, moneyText(p.budget), p.budget));
    rows.push(wide(goalLabel, p.goal));
    const head = rows.length;
    const left = (first: boolean): (Cell | null)[] =>
      label ? [first ? { text: label, rowSpan: p.indicators.length + 1 } : null] : [];
    rows.push([...left(true), ...grid.map((c) => ({ text: c.header }))]);
    for (const ind of p.indicators) rows.push([...left(false), ...grid.map((c) => c.cell(ind))]);
    grid.forEach((c, k) => {
      if (!c.merge) return;
      const col = k + lead;
      // A 二级 run never crosses a new 一级 cell.
      mergeColumn(rows, col, head + 1, rows.length, k === 0 ? undefined : (row) => rows[row]?.[lead] !== null);
    });
    blocks.push({ kind: "table", rows });
  }
  return { truth, printed: { title: "项目支出绩效目标表", blocks } };
}
