/**
 * The 项目支出绩效自评报告 of one project as a report model (report-model.ts): 一、基本情况,
 * 二、绩效目标完成情况 (the score table), 三、偏差原因分析及改进措施, 四、主要问题及整改措施,
 * 五、自评结论, 六、佐证材料清单. Every figure is the engine's (ProjectScore), printed exactly.
 */
import { Exact, type ProjectScore } from "@jixiao/core";
import { actualText, targetText } from "../../html/self-eval-html.ts";
import { FUNDING_HEADERS, fundingRows } from "./funding.ts";
import { moneyText, percentText, scoreText, sizeText } from "./numbers.ts";
import { type Block, type Cell, cell, head, mid, num, type Report, runSpans, type TableBlock } from "./report-model.ts";
import type { SelfEvalReportInput } from "./types.ts";

export const SELF_EVAL_REPORT_TITLE = "项目支出绩效自评报告";

/** Indented paragraphs, one per non-empty line of a free text. */
function paragraphs(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ kind: "paragraph" as const, indent: true, text: line }));
}

/** Text for an absent free-text section. */
export const NOT_FILLED = "（未填写）";

/** 分值 of the whole table: execution weight + every indicator's weight, exactly. */
export function weightTotal(score: ProjectScore): Exact {
  let sum = Exact.from(score.executionWeight);
  for (const i of score.indicators) if (i.weight !== null) sum = sum.plus(Exact.from(i.weight));
  return sum;
}

/** Indicators scoring below their weight (the ones that need a 偏差原因). */
export function deviations(score: ProjectScore): number[] {
  const out: number[] = [];
  score.indicators.forEach((s, j) => {
    if (s.score !== null && s.weight !== null && Exact.from(s.score).lt(Exact.from(s.weight))) out.push(j);
  });
  return out;
}

function fundingTable(input: SelfEvalReportInput): TableBlock {
  const { score, funding } = input;
  const header = [head("项目资金"), ...FUNDING_HEADERS.map((h) => head(h))];
  const rows: Cell[][] = [header];
  if (funding) {
    for (const r of fundingRows(funding, score)) {
      rows.push([
        cell(r.label, { bold: r.key === "total" }),
        num(moneyText(r.initial)),
        num(moneyText(r.full)),
        num(moneyText(r.executed)),
        mid(r.weight === null ? "—" : scoreText(r.weight)),
        mid(r.key === "total" ? percentText(r.rate) : "—"),
        mid(r.score === null ? "—" : scoreText(r.score)),
      ]);
    }
  } else {
    rows.push([
      cell("年度资金总额", { bold: true }),
      num(moneyText(score.initialBudget)),
      num(moneyText(score.budget)),
      num(moneyText(score.executed)),
      mid(scoreText(score.executionWeight)),
      mid(percentText(score.executionRate)),
      mid(scoreText(score.executionScore)),
    ]);
  }
  return {
    kind: "table",
    id: "funding",
    headerRows: 1,
    columns: [22, 14, 14, 14, 10, 13, 13].map((width) => ({ width })),
    rows,
  };
}

function scoreTable(input: SelfEvalReportInput): TableBlock {
  const { project, score } = input;
  const inds = project.indicators;
  const l1 = runSpans(inds.map((i) => i.level1));
  const l2 = runSpans(inds.map((i) => `${i.level1}\u0000${i.level2}`));
  const rows: Cell[][] = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"].map(
      (h) => head(h),
    ),
    [
      mid("预算执行", { colSpan: 3 }),
      mid("执行率 100%"),
      mid(percentText(score.executionRate)),
      mid(scoreText(score.executionWeight)),
      mid(scoreText(score.executionScore)),
      cell(""),
    ],
  ];
  inds.forEach((ind, j) => {
    const s = score.indicators[j];
    const row: Cell[] = [];
    if (l1[j]) row.push(mid(ind.level1Label ?? ind.level1, { rowSpan: l1[j] }));
    if (l2[j]) row.push(mid(ind.level2Label ?? ind.level2, { rowSpan: l2[j] }));
    row.push(
      cell(ind.name),
      mid(targetText(ind)),
      mid(actualText(ind)),
      mid(ind.weight === null ? "—" : scoreText(ind.weight)),
      mid(s ? (s.notApplicable ? "不适用" : scoreText(s.score)) : "—"),
      cell(ind.deviationReason ?? ""),
    );
    rows.push(row);
  });
  rows.push([
    cell(`总分${score.rescaled ? `（不适用指标已剔除，指标得分 ${score.indicatorWorking}）` : ""}`, {
      colSpan: 5,
      bold: true,
    }),
    mid(scoreText(weightTotal(score)), { bold: true }),
    mid(scoreText(score.total), { bold: true }),
    mid(`等级：${score.grade}`, { bold: true }),
  ]);
  return {
    kind: "table",
    id: "score-table",
    headerRows: 1,
    columns: [10, 10, 18, 11, 11, 8, 8, 24].map((width) => ({ width })),
    rows,
  };
}

function deviationBlocks(input: SelfEvalReportInput): Block[] {
  const { project, score } = input;
  const blocks: Block[] = [];
  const rate = score.executionRate;
  if (Exact.from(score.executionScore).lt(Exact.from(score.executionWeight))) {
    blocks.push({
      kind: "paragraph",
      indent: true,
      text: `预算执行：执行率 ${percentText(rate)}，得分 ${scoreText(score.executionScore)}（分值 ${scoreText(score.executionWeight)}）。`,
    });
  }
  const list = deviations(score);
  list.forEach((j, k) => {
    const ind = project.indicators[j]!;
    const s = score.indicators[j]!;
    const reason = ind.deviationReason?.trim() ? ind.deviationReason.trim() : NOT_FILLED;
    blocks.push({
      kind: "paragraph",
      indent: true,
      text: `${k + 1}. ${ind.name}：年度指标值 ${targetText(ind) || "—"}，实际完成值 ${actualText(ind) || "—"}，得分 ${scoreText(
        s.score,
      )}（分值 ${scoreText(s.weight)}）。偏差原因分析及改进措施：${reason}`,
    });
  });
  if (blocks.length === 0) blocks.push({ kind: "paragraph", indent: true, text: "各项绩效指标均按分值得分，无偏差。" });
  return blocks;
}

function evidenceTable(input: SelfEvalReportInput): Block {
  if (input.evidence.length === 0) return { kind: "paragraph", indent: true, text: "未上传佐证材料。" };
  const rows: Cell[][] = [[head("序号"), head("材料名称"), head("对应指标"), head("大小")]];
  input.evidence.forEach((f, i) => {
    rows.push([mid(String(i + 1)), cell(f.fileName), cell(f.indicatorName ?? "整体自评"), num(sizeText(f.size))]);
  });
  return { kind: "table", id: "evidence", headerRows: 1, columns: [8, 52, 28, 12].map((width) => ({ width })), rows };
}

/**
 * The report model of one project's 自评报告.
 * @example buildSelfEvalReport(input).blocks[0] // { kind: "title", text: "项目支出绩效自评报告" }
 */
export function buildSelfEvalReport(input: SelfEvalReportInput): Report {
  const { project, score } = input;
  const unit = input.moneyUnit ?? "万元";
  const inds = score.indicators;
  const scored = inds.filter((s) => s.score !== null);
  const full = scored.filter((s) => s.weight !== null && Exact.from(s.score!).gte(Exact.from(s.weight))).length;
  const na = inds.filter((s) => s.notApplicable).length;
  const below = deviations(score).length;
  const problems = input.problems?.trim() ? input.problems.trim() : NOT_FILLED;
  const conclusion = input.conclusion?.trim() ?? "";
  const blocks: Block[] = [
    { kind: "title", text: SELF_EVAL_REPORT_TITLE },
    { kind: "subtitle", text: `（${input.fiscalYear}年度）` },
    { kind: "field", label: "项目名称", value: project.name },
    { kind: "field", label: "主管部门", value: input.department },
    { kind: "field", label: "实施单位", value: [project.unitCode, project.unitName].filter(Boolean).join("-") },
    { kind: "field", label: "评分规则", value: input.policyName },
    { kind: "heading", text: "一、基本情况" },
    {
      kind: "paragraph",
      indent: true,
      text: `（一）项目概况。${project.goal?.trim() ? project.goal.trim() : NOT_FILLED}`,
    },
    {
      kind: "paragraph",
      indent: true,
      text: `（二）资金情况。年初预算数 ${moneyText(score.initialBudget)} ${unit}，全年预算数 ${moneyText(
        score.budget,
      )} ${unit}，全年执行数 ${moneyText(score.executed)} ${unit}，预算执行率 ${percentText(
        score.executionRate,
      )}，得分 ${scoreText(score.executionScore)}（分值 ${scoreText(score.executionWeight)}）。金额单位：${unit}。`,
    },
    fundingTable(input),
    { kind: "heading", text: "二、绩效目标完成情况" },
    {
      kind: "paragraph",
      indent: true,
      text: `本项目共设置三级指标 ${inds.length} 个，其中按分值得分 ${full} 个，未达分值 ${below} 个，不适用 ${na} 个；指标得分 ${scoreText(
        score.indicatorScore,
      )}（分值 ${scoreText(score.indicatorTotal)}），预算执行得分 ${scoreText(score.executionScore)}，总分 ${scoreText(
        score.total,
      )}。`,
    },
    scoreTable(input),
    { kind: "heading", text: "三、偏差原因分析及改进措施" },
    ...deviationBlocks(input),
    { kind: "heading", text: "四、主要问题及整改措施" },
    ...paragraphs(problems),
    { kind: "heading", text: "五、自评结论" },
    {
      kind: "paragraph",
      indent: true,
      text: `经自评，本项目总分 ${scoreText(score.total)} 分，自评等级为“${score.grade}”。`,
    },
    ...paragraphs(conclusion),
    { kind: "heading", text: "六、佐证材料清单" },
    evidenceTable(input),
  ];
  return { title: `${SELF_EVAL_REPORT_TITLE}：${project.name}`, orientation: "portrait", blocks };
}
