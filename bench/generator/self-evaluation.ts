/**
 * The self-evaluation layout (项目支出绩效自评表): 年度指标值 with the operator and unit
 * inside (≥95%), 实际完成值, 分值, 得分 and 偏差原因分析及改进措施, no 指标性质 column (nature
 * inferred) and no 项目类别. The truth gains the actuals and scores.
 */
import type { Indicator, TargetDocument } from "@jixiao/core";
import type { Rng } from "./random.ts";
import { type Field, type LayoutResult, printRows, targetWithOperator } from "./row-table.ts";

const COLUMNS: [Field, string][] = [
  ["name", "项目名称"],
  ["unit", "项目单位"],
  ["budget", "预算数"],
  ["goal", "年度绩效目标"],
  ["level1", "一级指标"],
  ["level2", "二级指标"],
  ["indicator", "三级指标"],
  ["target", "年度指标值"],
  ["actual", "实际完成值"],
  ["weight", "分值"],
  ["score", "得分"],
  ["deviation", "偏差原因分析及改进措施"],
];

const REASONS = ["受天气影响部分工作延后", "部分对象因外出未参加", "资金到位较晚，进度滞后", "采购流程延长"];

function withActual(r: Rng, ind: Indicator, year: number): Indicator {
  const out: Indicator = { ...ind };
  const short = r.chance(0.15);
  if (ind.nature === "定性") {
    out.actual = /月/.test(ind.target) ? `${year}年${r.int(6, 12)}月完成` : short ? "基本达成" : "达成预期目标";
  } else {
    const t = Number(ind.target);
    const dec = (ind.target.split(".")[1] ?? "").length;
    const f = 10 ** dec;
    const delta = short ? -Math.max(1 / f, Math.round(t * 0.1 * f) / f) : 0;
    const v = ind.operator === "≤" || ind.operator === "<" ? t - delta : t + delta;
    out.actual = Math.round(v * f) / f;
  }
  const weight = ind.weight ?? 0;
  out.score = short ? Math.round(weight * 0.8 * 10) / 10 : weight;
  if (short) out.deviationReason = r.pick(REASONS);
  return out;
}

export function selfEvaluation(doc: TargetDocument, r: Rng): LayoutResult {
  const truth = structuredClone(doc);
  truth.title = "项目支出绩效自评表";
  for (const p of truth.projects) {
    p.category = "";
    p.indicators = p.indicators.map((i) => withActual(r, i, truth.fiscalYear ?? 2024));
  }
  const columns = COLUMNS.map(([field, header]) => ({ field, header }));
  return { truth, printed: printRows(truth, "项目支出绩效自评表", columns, { target: targetWithOperator }) };
}
