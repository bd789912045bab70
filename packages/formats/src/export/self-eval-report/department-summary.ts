/**
 * The department summary of a self-evaluation round as a report model: every project's budget,
 * score and grade with the 抽评 score and its difference, a totals row (exact sums, the mean
 * score), and the grade distribution (a bar chart in HTML/PDF; its table in Word and xlsx).
 */
import { Exact } from "@jixiao/core";
import { exactOf, moneyText, scoreText, signedText } from "./numbers.ts";
import { type Block, type Cell, cell, head, mid, num, type Report, type TableBlock } from "./report-model.ts";
import type { Amount, DepartmentSummaryInput, DepartmentSummaryRow } from "./types.ts";

/** The grade of a project not scored yet. */
export const UNSCORED = "未评";

/** Grade orders known from practice, best grade first. */
const KNOWN_ORDERS = [
  ["优", "良", "中", "差"],
  ["好", "较好", "一般", "差"],
];

/**
 * 抽评 − 自评 for a row: the given difference, else computed exactly when both scores are given.
 * @example rowDifference({ score: 90, spotCheckScore: 85.5, ... }) // Exact −4.5
 */
export function rowDifference(row: DepartmentSummaryRow): Amount | Exact {
  if (row.difference !== undefined && row.difference !== null) return row.difference;
  const a = exactOf(row.score);
  const b = exactOf(row.spotCheckScore);
  return a === null || b === null ? null : b.minus(a);
}

export interface GradeCount {
  grade: string;
  count: number;
  /** Share of all rows, percent with one decimal ("25.0"). */
  share: string;
}

/**
 * Projects per grade, in the grade order (input.grades, else a known order, else as first seen),
 * unscored projects last as 未评. Grades with no project are listed with 0 when the order names them.
 */
export function gradeDistribution(input: DepartmentSummaryInput): GradeCount[] {
  const counts = new Map<string, number>();
  for (const r of input.rows) {
    const g = r.grade?.trim() ? r.grade.trim() : UNSCORED;
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const seen = [...counts.keys()].filter((g) => g !== UNSCORED);
  // The known order covering most of the seen grades (优良中差 when none is seen).
  const cover = (o: string[]) => seen.filter((g) => o.includes(g)).length;
  const best = KNOWN_ORDERS.reduce((a, b) => (cover(b) > cover(a) ? b : a));
  const order = input.grades ?? (seen.length === 0 || cover(best) > 0 ? best : []);
  const grades = [...order, ...seen.filter((g) => !order.includes(g))];
  if (counts.has(UNSCORED)) grades.push(UNSCORED);
  const total = input.rows.length;
  return grades.map((grade) => {
    const count = counts.get(grade) ?? 0;
    const share =
      total === 0
        ? "0.0"
        : Exact.from(count * 100)
            .div(Exact.from(total), 1)
            .toFixed(1);
    return { grade, count, share };
  });
}

export interface SummaryTotals {
  projects: number;
  scored: number;
  budget: Exact;
  /** Mean of the given scores, 2 decimals; null when none. */
  meanScore: string | null;
  sampled: number;
  /** Projects whose 抽评 differs from the self-evaluation. */
  differing: number;
}

/** Exact totals of a summary. */
export function summaryTotals(input: DepartmentSummaryInput): SummaryTotals {
  let budget = Exact.ZERO;
  let scores = Exact.ZERO;
  let scored = 0;
  let sampled = 0;
  let differing = 0;
  for (const r of input.rows) {
    const b = exactOf(r.budget);
    if (b) budget = budget.plus(b);
    const s = exactOf(r.score);
    if (s) {
      scores = scores.plus(s);
      scored++;
    }
    if (exactOf(r.spotCheckScore) !== null) {
      sampled++;
      const d = exactOf(rowDifference(r));
      if (d !== null && !d.isZero()) differing++;
    }
  }
  return {
    projects: input.rows.length,
    scored,
    budget,
    meanScore: scored === 0 ? null : scores.div(Exact.from(scored), 2).toFixed(2),
    sampled,
    differing,
  };
}

export const SUMMARY_HEADERS = [
  "序号",
  "项目名称",
  "单位",
  "预算数",
  "自评得分",
  "等级",
  "抽评得分",
  "差异（抽评−自评）",
];

function rowsTable(input: DepartmentSummaryInput, totals: SummaryTotals): TableBlock {
  const rows: Cell[][] = [SUMMARY_HEADERS.map((h) => head(h))];
  input.rows.forEach((r, i) => {
    rows.push([
      mid(String(i + 1)),
      cell(r.name),
      cell(r.orgName),
      num(moneyText(r.budget)),
      mid(scoreText(r.score)),
      mid(r.grade?.trim() ? r.grade : UNSCORED),
      mid(scoreText(r.spotCheckScore)),
      mid(signedText(rowDifference(r))),
    ]);
  });
  rows.push([
    mid(`合计（${totals.projects} 个项目；得分为平均分，抽评与差异为项目数）`, { colSpan: 3, bold: true }),
    num(moneyText(totals.budget), { bold: true }),
    mid(totals.meanScore ?? "—", { bold: true }),
    mid("—", { bold: true }),
    mid(`${totals.sampled} 个`, { bold: true }),
    mid(`${totals.differing} 个`, { bold: true }),
  ]);
  return {
    kind: "table",
    id: "summary",
    headerRows: 1,
    columns: [6, 24, 18, 13, 10, 7, 10, 12].map((width) => ({ width })),
    rows,
  };
}

/** The distribution as a table: 等级, 项目数, 占比. */
export function distributionTable(dist: GradeCount[]): TableBlock {
  const rows: Cell[][] = [[head("等级"), head("项目数"), head("占比")]];
  for (const d of dist) rows.push([mid(d.grade), mid(String(d.count)), mid(`${d.share}%`)]);
  rows.push([
    mid("合计", { bold: true }),
    mid(String(dist.reduce((s, d) => s + d.count, 0)), { bold: true }),
    mid("100%", { bold: true }),
  ]);
  return { kind: "table", id: "grades", headerRows: 1, columns: [40, 30, 30].map((width) => ({ width })), rows };
}

/**
 * The report model of a department summary.
 * @example buildDepartmentSummary({ title: "市教育局", fiscalYear: 2025, rows: [] }).blocks[0].kind // "title"
 */
export function buildDepartmentSummary(input: DepartmentSummaryInput): Report {
  const unit = input.moneyUnit ?? "万元";
  const totals = summaryTotals(input);
  const dist = gradeDistribution(input);
  const blocks: Block[] = [
    { kind: "title", text: input.title },
    { kind: "subtitle", text: `（${input.fiscalYear}年度 项目支出绩效自评汇总）` },
    {
      kind: "paragraph",
      text: `共 ${totals.projects} 个项目，已评 ${totals.scored} 个，预算合计 ${moneyText(totals.budget)} ${unit}，平均得分 ${
        totals.meanScore ?? "—"
      }；财政抽评 ${totals.sampled} 个，其中 ${totals.differing} 个与自评得分有差异。金额单位：${unit}。`,
    },
    { kind: "heading", text: "一、项目自评结果" },
    rowsTable(input, totals),
    { kind: "heading", text: "二、等级分布" },
    {
      kind: "chart",
      title: "自评等级分布（项目数）",
      bars: dist.map((d) => ({ label: d.grade, value: d.count })),
      table: distributionTable(dist),
    },
  ];
  return { title: `${input.title} ${input.fiscalYear}年度绩效自评汇总`, orientation: "portrait", blocks };
}
