/**
 * The layouts of performance-target tables seen in other offices' publications, as
 * generator rules: each takes a generated department (the truth of bench/generator/
 * department.ts) and returns what the layout prints plus the truth a perfect reader must
 * return for it (a table that prints no 分值 has weights null; one in 元 has budgets in 元;
 * a form without 项目类别 has category ""). docs/LAYOUTS.md lists them.
 */
import { type Indicator, sumDecimal, type TargetDocument } from "@jixiao/core";
import { formBlocks } from "./form-blocks.ts";
import type { Rng } from "./random.ts";
import {
  type CellStyle,
  type Column,
  type Field,
  type LayoutResult,
  moneyText,
  printRows,
  targetWithOperator,
} from "./row-table.ts";
import { selfEvaluation } from "./self-evaluation.ts";

export interface LayoutSpec {
  id: string;
  /** What the layout varies, in a few words (docs and bench output). */
  about: string;
  print(doc: TargetDocument, r: Rng): LayoutResult;
}

export const TABLE12: [Field, string][] = [
  ["name", "项目名称"],
  ["unit", "项目单位"],
  ["category", "项目类别"],
  ["budget", "预算数"],
  ["goal", "年度绩效目标"],
  ["level1", "一级指标"],
  ["level2", "二级指标"],
  ["indicator", "三级指标"],
  ["nature", "指标性质"],
  ["operator", "指标方向"],
  ["target", "目标值"],
  ["measure", "计量单位"],
  ["weight", "分值"],
];

function cols(pairs: [Field, string][]): Column[] {
  return pairs.map(([field, header]) => ({ field, header }));
}

function without(fields: Field[]): [Field, string][] {
  return TABLE12.filter(([f]) => !fields.includes(f));
}

function clone(doc: TargetDocument): TargetDocument {
  return structuredClone(doc);
}

/** Each indicator rewritten (in a cloned truth). */
function mapIndicators(doc: TargetDocument, fn: (ind: Indicator) => Indicator): TargetDocument {
  const d = clone(doc);
  for (const p of d.projects) p.indicators = p.indicators.map(fn);
  return d;
}

/** Column orders seen in published tables (unit before name, 分值 before 目标值, …). */
const ORDERS: Field[][] = [
  [
    "unit",
    "name",
    "category",
    "budget",
    "goal",
    "level1",
    "level2",
    "indicator",
    "nature",
    "operator",
    "target",
    "measure",
    "weight",
  ],
  [
    "name",
    "unit",
    "budget",
    "goal",
    "category",
    "level1",
    "level2",
    "indicator",
    "operator",
    "target",
    "measure",
    "nature",
    "weight",
  ],
  [
    "unit",
    "name",
    "budget",
    "category",
    "goal",
    "level1",
    "level2",
    "indicator",
    "weight",
    "nature",
    "operator",
    "target",
    "measure",
  ],
];

/** Header names other offices print for the same column (issue 10's list). */
const SPELLINGS: Partial<Record<Field, string[]>> = {
  unit: ["实施单位", "单位名称", "预算单位"],
  budget: ["项目总预算", "资金总额", "预算申报数", "预算数（万元）"],
  goal: ["年度目标", "年度绩效目标", "绩效目标"],
  target: ["指标值", "指标目标值", "年度指标值", "*指标值", "当年预期实现值"],
  measure: ["度量单位", "计量单位"],
  weight: ["权重", "指标分值", "分值"],
  category: ["项目类型", "项目类别"],
};

const SYMBOL: CellStyle = { operator: (i) => i.operator ?? "" };

function level1Bands(doc: TargetDocument, r: Rng): TargetDocument {
  const form = r.int(0, 2);
  const d = clone(doc);
  for (const p of d.projects) {
    const sums = new Map<string, number>();
    for (const i of p.indicators) sums.set(i.level1, sumDecimal([sums.get(i.level1) ?? 0, i.weight ?? 0]));
    for (const i of p.indicators) {
      const w = sums.get(i.level1)!;
      const base = i.level1Label ?? i.level1;
      i.level1Label = form === 0 ? `${base}(${w}分)` : form === 1 ? `${base}（${w}分）` : `${base}(0-${w})分`;
    }
  }
  return d;
}

function inYuan(doc: TargetDocument): TargetDocument {
  const d = clone(doc);
  d.moneyUnit = "元";
  const toYuan = (v: number) => Math.round(v * 1_000_000) / 100;
  for (const p of d.projects) p.budget = toYuan(p.budget);
  d.total = sumDecimal(d.projects.map((p) => p.budget));
  return d;
}

export const LAYOUTS: LayoutSpec[] = [
  {
    id: "table12",
    about: "表12 columns in print order, merged project and level cells",
    print: (doc) => ({ truth: doc, printed: printRows(doc, "项目绩效目标表", cols(TABLE12), {}) }),
  },
  {
    id: "column-order",
    about: "columns reordered: unit code before the name, 分值 before 目标值, 性质 after 目标值",
    print: (doc, r) => {
      const order = r.pick(ORDERS);
      const byField = new Map(TABLE12);
      return {
        truth: doc,
        printed: printRows(
          doc,
          "项目绩效目标表",
          order.map((f) => ({ field: f, header: byField.get(f)! })),
          {},
        ),
      };
    },
  },
  {
    id: "header-spellings",
    about: "other offices' header names (指标值, 权重, 度量单位, 项目总预算, 实施单位 …), operators as symbols",
    print: (doc, r) => {
      const pairs = TABLE12.map(([f, h]): [Field, string] => [f, SPELLINGS[f] ? r.pick(SPELLINGS[f]!) : h]);
      return { truth: doc, printed: printRows(doc, "项目支出绩效目标表", cols(pairs), SYMBOL) };
    },
  },
  {
    id: "sichuan",
    about: "指标性质 holds ≥/≤, 指标方向性 holds 正向指标/反向指标, 单位名称 first",
    print: (doc) => {
      const pairs: [Field, string][] = [
        ["unit", "单位名称"],
        ["name", "项目名称"],
        ["category", "项目类别"],
        ["budget", "预算数"],
        ["goal", "年度目标"],
        ["level1", "一级指标"],
        ["level2", "二级指标"],
        ["indicator", "三级指标"],
        ["nature", "指标性质"],
        ["target", "指标值"],
        ["measure", "度量单位"],
        ["weight", "权重"],
        ["polarity", "指标方向性"],
      ];
      const style: CellStyle = {
        nature: (i) => (i.nature === "定性" ? "定性" : (i.operator ?? "")),
        polarity: (i) => (i.nature === "定性" ? "" : `${i.nature}指标`),
      };
      return { truth: doc, printed: printRows(doc, "部门预算项目绩效目标申报表", cols(pairs), style) };
    },
  },
  {
    id: "form-blocks",
    about: "one form per project (项目名称/主管部门及编码/实施单位/资金总额/年度目标) above its indicator grid",
    print: (doc, r) => formBlocks(doc, r),
  },
  {
    id: "form-label-column",
    about:
      "form blocks whose grid has a left label column (绩效指标 / 绩 效 指 标 spanning the grid) that holds no indicator",
    print: (doc, r) => formBlocks(doc, r, "label-column"),
  },
  {
    id: "long-and-annual",
    about:
      "form blocks with 长期/年度 column pairs (长期 cells empty, 年度 read), operators and units inside the values, no 分值",
    print: (doc, r) => formBlocks(doc, r, "long-and-annual"),
  },
  {
    id: "department-subtotal",
    about: "单位名称 first, a department row (code-name and its amount) above its projects, 元 with separators",
    print: (doc) => {
      const truth = inYuan(doc);
      const pairs: [Field, string][] = [
        ["unit", "单位名称"],
        ["name", "项目名称"],
        ["budget", "预算数"],
        ["goal", "年度目标"],
        ...TABLE12.slice(5),
      ];
      const printed = printRows(truth, "部门预算项目绩效目标申报表", cols(pairs), {
        budget: (v) => moneyText(v, true),
      });
      const table = printed.blocks.find((b) => b.kind === "table");
      if (table?.kind === "table" && truth.department)
        table.rows.splice(
          1,
          0,
          pairs.map(([f]) =>
            f === "unit"
              ? { text: `${truth.department!.code}-${truth.department!.name}` }
              : f === "budget"
                ? { text: moneyText(truth.total ?? 0, true), num: truth.total ?? 0 }
                : { text: "" },
          ),
        );
      for (const p of truth.projects) p.category = "";
      return { truth, printed };
    },
  },
  {
    id: "score-bands",
    about: "一级 labels carry the group's points: 产出指标(50分), 效益指标（30分）, 成本指标(0-20)分",
    print: (doc, r) => {
      const truth = level1Bands(doc, r);
      return { truth, printed: printRows(truth, "项目绩效目标表", cols(TABLE12), {}) };
    },
  },
  {
    id: "operator-in-value",
    about: "no 指标方向/计量单位 columns: the target cell holds ≥95%, ≤12.5万元, =300人",
    print: (doc) => ({
      truth: doc,
      printed: printRows(doc, "项目绩效目标表", cols(without(["operator", "measure"])), {
        target: targetWithOperator,
      }),
    }),
  },
  {
    id: "no-nature",
    about: "no 指标性质 column: nature inferred (≤ → 反向, a number → 正向, text → 定性)",
    print: (doc) => ({ truth: doc, printed: printRows(doc, "项目绩效目标表", cols(without(["nature"])), {}) }),
  },
  {
    id: "no-weight",
    about: "no 分值 column: weights not printed (null in the truth)",
    print: (doc) => {
      const truth = mapIndicators(doc, (i) => ({ ...i, weight: null }));
      return { truth, printed: printRows(truth, "项目绩效目标表", cols(without(["weight"])), {}) };
    },
  },
  {
    id: "yuan-separators",
    about: "money in 元 with thousands separators (8,827,620.53), 预算数（元）, 金额单位：元",
    print: (doc) => {
      const truth = inYuan(doc);
      const pairs = TABLE12.map(([f, h]): [Field, string] => [f, f === "budget" ? "预算数（元）" : h]);
      return {
        truth,
        printed: printRows(truth, "项目绩效目标表", cols(pairs), { budget: (v) => moneyText(v, true) }),
      };
    },
  },
  {
    id: "self-evaluation",
    about: "self-evaluation columns 年度指标值/实际完成值/分值/得分/偏差原因, actuals and scores",
    print: (doc, r) => selfEvaluation(doc, r),
  },
];

export function layoutById(id: string): LayoutSpec {
  const l = LAYOUTS.find((x) => x.id === id);
  if (!l) throw new Error(`no layout ${id}`);
  return l;
}
