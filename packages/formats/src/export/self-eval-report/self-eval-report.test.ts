/**
 * The 自评报告: every section in the Word file and the HTML page, the numbers equal to the scoring
 * engine's (a property over generated projects and policies), user text escaped.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  EXECUTION_STEPS_SCORING_POLICY,
  Exact,
  type FundingSplit,
  type ProjectScore,
  SCORING_PRESETS,
  scoreDocument,
  scoreProject,
  type TargetDocument,
} from "@jixiao/core";
import fc from "fast-check";
import { generateDepartment } from "../../../../../bench/generator/department.ts";
import { rng } from "../../../../../bench/generator/random.ts";
import { selfEvaluation } from "../../../../../bench/generator/self-evaluation.ts";
import { selfEvalReportDocx, selfEvalReportHtml } from "./index.ts";
import { moneyText, percentText, scoreText } from "./numbers.ts";
import { buildSelfEvalReport, deviations, NOT_FILLED, weightTotal } from "./self-eval-report.ts";
import { documentXml, paragraphs, tables } from "./test-docx.ts";
import type { SelfEvalReportInput } from "./types.ts";

const example = JSON.parse(
  readFileSync(new URL("../../../../../examples/self-eval-seed.json", import.meta.url), "utf8"),
) as TargetDocument;

const SECTIONS = [
  "一、基本情况",
  "二、绩效目标完成情况",
  "三、偏差原因分析及改进措施",
  "四、主要问题及整改措施",
  "五、自评结论",
  "六、佐证材料清单",
];

/** The split of the example's 体检费 (4.30 budget, 2.58 executed), parts given as numbers and text. */
const FUNDING: FundingSplit = {
  total: { initial: 4.3, full: "4.30", executed: 2.58 },
  fiscal: { initial: 3, full: 3, executed: "1.58" },
  carryover: { initial: 1.3, full: 1.3, executed: 1 },
  other: { initial: 0, full: 0, executed: null },
};

function inputFor(doc: TargetDocument, i: number, score: ProjectScore, extra: Partial<SelfEvalReportInput> = {}) {
  return {
    project: doc.projects[i]!,
    score,
    policyName: "default",
    department: "呼和浩特市总工会",
    fiscalYear: 2025,
    evidence: [],
    ...extra,
  } satisfies SelfEvalReportInput;
}

test("the Word report has every section, the project, the engine's figures and the evidence list", async () => {
  const result = scoreDocument(example);
  const i = 3; // 体检费: deviations, one missing reason
  const score = result.projects[i]!;
  const input = inputFor(example, i, score, {
    funding: FUNDING,
    problems: "1. 部分退休人员未参检。\n2. 资金执行进度偏慢。",
    conclusion: "项目总体完成较好。",
    evidence: [
      { fileName: "体检合同.pdf", size: 234567 },
      { fileName: "发票.png", size: 1200, indicatorName: example.projects[i]!.indicators[0]!.name },
    ],
  });
  const bytes = await selfEvalReportDocx(input);
  assert.equal(String.fromCharCode(bytes[0]!, bytes[1]!), "PK");
  const xml = documentXml(bytes);
  const paras = paragraphs(xml);
  assert.equal(paras[0], "项目支出绩效自评报告");
  for (const s of SECTIONS) assert.ok(paras.includes(s), `section ${s}`);
  assert.ok(paras.includes(`项目名称：${score.name}`));
  assert.ok(paras.includes("主管部门：呼和浩特市总工会"));
  // East Asian font set for Word and WPS.
  assert.match(xml, /w:eastAsia="(宋体|黑体)"/);

  const [funding, scoreTable, evidence] = tables(xml);
  // Funding: the four lines, money with 千分位 and two decimals; the engine's rate and score on the total line.
  assert.deepEqual(
    funding!.map((r) => r[0]),
    ["项目资金", "年度资金总额", "其中：本年财政拨款", "上年结转", "其他资金"],
  );
  assert.deepEqual(funding![1], [
    "年度资金总额",
    "4.30",
    "4.30",
    "2.58",
    scoreText(score.executionWeight),
    percentText(score.executionRate),
    scoreText(score.executionScore),
  ]);
  assert.equal(percentText(score.executionRate), "60.00%");
  assert.deepEqual(funding![2]!.slice(1), ["3.00", "3.00", "1.58", "—", "—", "—"]);
  assert.deepEqual(funding![4]!.slice(1), ["0.00", "0.00", "—", "—", "—", "—"]);

  // Score table: header, execution row, one row per indicator, total row; every score equals the engine's.
  const rows = scoreTable!;
  assert.equal(rows.length, 2 + score.indicators.length + 1);
  assert.deepEqual(rows[1], [
    "预算执行",
    "执行率 100%",
    percentText(score.executionRate),
    "10.00",
    scoreText(score.executionScore),
    "",
  ]);
  score.indicators.forEach((s, j) => {
    const row = rows[2 + j]!;
    assert.equal(row.at(-2), s.notApplicable ? "不适用" : scoreText(s.score), `indicator ${j}`);
    assert.equal(row.at(-1), example.projects[i]!.indicators[j]!.deviationReason ?? "");
  });
  assert.deepEqual(rows.at(-1), [
    "总分",
    scoreText(weightTotal(score)),
    scoreText(score.total),
    `等级：${score.grade}`,
  ]);

  // Deviations: one paragraph per indicator below its weight, a missing reason said so.
  const below = deviations(score);
  assert.ok(below.length > 0);
  for (const j of below) {
    const name = score.indicators[j]!.name;
    assert.ok(
      paras.some((p) => p.includes(`${name}：`) && p.includes(`得分 ${scoreText(score.indicators[j]!.score)}`)),
    );
  }
  assert.ok(
    paras.some((p) => p.endsWith(NOT_FILLED)),
    "a missing 偏差原因 is printed as 未填写",
  );
  // Problems one paragraph per line; conclusion with the total and grade.
  assert.ok(paras.includes("1. 部分退休人员未参检。") && paras.includes("2. 资金执行进度偏慢。"));
  assert.ok(paras.includes(`经自评，本项目总分 ${scoreText(score.total)} 分，自评等级为“${score.grade}”。`));
  assert.deepEqual(evidence, [
    ["序号", "材料名称", "对应指标", "大小"],
    ["1", "体检合同.pdf", "整体自评", "229.1 KB"],
    ["2", "发票.png", example.projects[i]!.indicators[0]!.name, "1.2 KB"],
  ]);
});

test("without funding, problems, conclusion or evidence: the one-line funding table and honest blanks", async () => {
  const score = scoreProject(example.projects[0]!, 0);
  const xml = documentXml(await selfEvalReportDocx(inputFor(example, 0, score)));
  const paras = paragraphs(xml);
  const [funding] = tables(xml);
  assert.equal(funding!.length, 2);
  assert.deepEqual(funding![1]!.slice(1, 4), [
    moneyText(score.initialBudget),
    moneyText(score.budget),
    moneyText(score.executed),
  ]);
  const problemsAt = paras.indexOf("四、主要问题及整改措施");
  assert.equal(paras[problemsAt + 1], NOT_FILLED);
  assert.ok(paras.includes("未上传佐证材料。"));
});

test("the HTML page: same sections and figures, A4 print CSS, every user text escaped", () => {
  const evil = structuredClone(example);
  const p = evil.projects[3]!;
  p.name = '<img src=x onerror="alert(1)">';
  p.indicators[1]!.deviationReason = "</td><script>alert(2)</script>";
  const score = scoreProject(p, 3, EXECUTION_STEPS_SCORING_POLICY);
  const html = selfEvalReportHtml(
    inputFor(evil, 3, score, {
      department: "A&B <部门>",
      problems: "<b>x</b>",
      conclusion: "' onmouseover='y",
      evidence: [{ fileName: "<svg onload=z>.pdf", size: 10 }],
    }),
  );
  assert.ok(html.startsWith("<!DOCTYPE html>"));
  assert.match(html, /@page \{ size: A4 portrait;/);
  assert.doesNotMatch(html, /<script|<img|<svg onload|<b>x/);
  assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
  assert.match(html, /A&amp;B &lt;部门&gt;/);
  for (const s of SECTIONS) assert.ok(html.includes(`<h2>${s}</h2>`), s);
  assert.ok(html.includes(`<td class="c b">${scoreText(score.total)}</td>`));
  assert.ok(html.includes(`等级：${score.grade}`));
});

/** The texts of the score table's body cells of one indicator row: its score is the second last cell. */
function scoreCells(rows: string[][], score: ProjectScore): string[] {
  return score.indicators.map((_, j) => rows[2 + j]!.at(-2)!);
}

test("property: the report's totals are the engine's, and its printed rows add up to its printed total", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.constantFrom(...Object.values(SCORING_PRESETS)),
      // 全年执行数 as a percentage of the budget (over-execution too); indicators made 不适用.
      fc.integer({ min: 0, max: 130 }),
      fc.array(fc.nat({ max: 20 }), { maxLength: 3 }),
      async (seed, policy, share, notApplicable) => {
        // A realistic department (bench/generator) with actuals, deviations and their reasons.
        const doc = selfEvaluation(generateDepartment(seed, { projects: 1 }), rng(seed)).truth;
        const project = doc.projects[0]!;
        project.executed = Exact.from(project.budget).times(share).div(Exact.from(100), 2).toNumber();
        for (const k of notApplicable) if (project.indicators[k]) project.indicators[k]!.notApplicable = true;
        const score = scoreProject(project, 0, policy);
        const input = inputFor(doc, 0, score, { policyName: policy.name });
        const report = buildSelfEvalReport(input);
        const table = report.blocks.find((b) => b.kind === "table" && b.id === "score-table");
        assert.ok(table && table.kind === "table");
        const rows = tables(documentXml(await selfEvalReportDocx(input)))[1]!;
        // Word holds exactly the model's table (merged cells as Word's empty continuations).
        assert.deepEqual(
          rows,
          table.rows.map((r) => r.map((c) => c.text)).map((r, k) => withMergedBlanks(r, k, table.rows)),
        );
        const total = rows.at(-1)!;
        assert.equal(total.at(-2), scoreText(score.total));
        assert.equal(total.at(-1), `等级：${score.grade}`);
        assert.equal(rows[1]!.at(-2), scoreText(score.executionScore));
        if (!score.rescaled) {
          // Σ printed indicator scores + printed execution score = printed total, exactly.
          let sum = Exact.parse(rows[1]!.at(-2)!)!;
          for (const t of scoreCells(rows, score)) if (t !== "不适用" && t !== "—") sum = sum.plus(Exact.parse(t)!);
          assert.equal(sum.toFixed(2), total.at(-2));
        }
        // The weight total printed is the execution weight plus every indicator's weight.
        const weights = score.indicators.reduce(
          (s, i) => (i.weight === null ? s : s.plus(Exact.from(i.weight))),
          Exact.from(score.executionWeight),
        );
        assert.equal(total.at(-3), weights.toFixed(2));
        // The conclusion states the engine's total and grade.
        assert.ok(
          report.blocks.some(
            (b) =>
              b.kind === "paragraph" &&
              b.text === `经自评，本项目总分 ${scoreText(score.total)} 分，自评等级为“${score.grade}”。`,
          ),
        );
      },
    ),
    { numRuns: 25 },
  );
});

/** Word repeats a vertically merged cell as an empty continuation cell: the model's row with those blanks put in. */
function withMergedBlanks(row: string[], k: number, rows: { rowSpan?: number; colSpan?: number }[][]): string[] {
  // Columns (in cells) of rows above still covered at row k, left to right.
  const out = [...row];
  const covered: number[] = [];
  const open: number[] = [];
  for (let i = 0; i < k; i++) {
    let col = 0;
    for (const c of rows[i]!) {
      while ((open[col] ?? 0) > 0) col++;
      const span = c.colSpan ?? 1;
      for (let s = 0; s < span; s++) open[col + s] = (c.rowSpan ?? 1) > 1 ? c.rowSpan! : 0;
      col += span;
    }
    for (let s = 0; s < open.length; s++) if ((open[s] ?? 0) > 0) open[s]!--;
  }
  open.forEach((left, col) => {
    if (left > 0) covered.push(col);
  });
  // Insert "" at each covered column position (cells before it in this row have colSpan 1 in these tables).
  for (const col of covered) out.splice(col, 0, "");
  return out;
}
