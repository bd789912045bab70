/**
 * The form-block layout (Hubei, Chongqing and many county templates): one table per
 * project, a form on top (项目名称 / 主管部门及编码 | 实施单位 / 资金总额 / 年度目标, label
 * left, value spanning the rest) and the indicator grid below it, a title line before each
 * block. No 项目类别 and no 合计 are printed, so the truth has category "" and no total.
 */
import type { TargetDocument } from "@jixiao/core";
import type { Block, GridRow } from "./grid.ts";
import { mergeColumn, para } from "./grid.ts";
import type { Rng } from "./random.ts";
import { type CellStyle, type Field, indicatorCell, type LayoutResult, moneyText, preamble } from "./row-table.ts";

const GRID: [Field, string][] = [
  ["level1", "一级指标"],
  ["level2", "二级指标"],
  ["indicator", "三级指标"],
  ["nature", "指标性质"],
  ["operator", "指标方向"],
  ["target", "指标值"],
  ["measure", "计量单位"],
  ["weight", "分值"],
];

export function formBlocks(doc: TargetDocument, r: Rng): LayoutResult {
  const truth = structuredClone(doc);
  delete truth.total;
  for (const p of truth.projects) p.category = "";
  const budgetLabel = r.pick(["资金总额（万元）", "项目总预算（万元）", "年度资金总额（万元）"]);
  const goalLabel = r.pick(["年度目标", "年度绩效目标"]);
  const deptLabel = r.pick(["主管部门及编码", "主管部门"]);
  const style: CellStyle = {};
  const w = GRID.length;
  const blocks: Block[] = [...preamble(truth, "项目支出绩效目标表").filter((_, i) => i > 0)];
  const dept = truth.department;
  for (const p of truth.projects) {
    blocks.push(para(`项目支出绩效目标表（${truth.fiscalYear}年度）`));
    const rows: GridRow[] = [];
    const wide = (label: string, value: string, num?: number): GridRow => [
      { text: label },
      { text: value, colSpan: w - 1, ...(num === undefined ? {} : { num }) },
      ...new Array<null>(w - 2).fill(null),
    ];
    rows.push(wide("项目名称", p.name));
    rows.push([
      { text: deptLabel },
      { text: `[${dept?.code ?? ""}]${dept?.name ?? ""}`, colSpan: 3 },
      null,
      null,
      { text: "实施单位" },
      { text: `${p.unitCode}-${p.unitName}`, colSpan: 3 },
      null,
      null,
    ]);
    rows.push(wide(budgetLabel, moneyText(p.budget), p.budget));
    rows.push(wide(goalLabel, p.goal));
    const head = rows.length;
    rows.push(GRID.map(([, h]) => ({ text: h })));
    for (const ind of p.indicators) rows.push(GRID.map(([f]) => indicatorCell(f, ind, style)));
    mergeColumn(rows, 0, head + 1, rows.length);
    mergeColumn(rows, 1, head + 1, rows.length, (k) => rows[k]?.[0] !== null);
    blocks.push({ kind: "table", rows });
  }
  return { truth, printed: { title: "项目支出绩效目标表", blocks } };
}
