import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  DEFAULT_SCORING_POLICY,
  EXECUTION_STEPS_SCORING_POLICY,
  scoreDocument,
  type TargetDocument,
} from "@jixiao/core";
import ExcelJS from "exceljs";
import { SELF_EVAL_HEADER_ROW, SELF_EVAL_TITLE, selfEvalSheetName, writeSelfEvalXlsx } from "./write-self-eval-xlsx.ts";

const example = JSON.parse(
  readFileSync(new URL("../../../../examples/self-eval-seed.json", import.meta.url), "utf8"),
) as TargetDocument;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const value = (ws: ExcelJS.Worksheet, address: string) => ws.getCell(address).value;
const H = SELF_EVAL_HEADER_ROW;

/** Vertical runs of equal consecutive keys longer than one row, as "A10:A11" ranges. */
function verticalMerges(col: string, keys: string[]): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i === keys.length || keys[i] !== keys[start]) {
      if (i - start > 1) out.push(`${col}${H + 1 + start}:${col}${H + i}`);
      start = i;
    }
  }
  return out;
}

test("the 自评表 workbook holds exactly what the scoring engine computed, one sheet per project", async () => {
  const result = scoreDocument(example, DEFAULT_SCORING_POLICY);
  // The engine's own worked example (core/src/scoring/score-project.test.ts, default policy) pins
  // these: rate, execution score, indicator part, total, grade per project.
  assert.deepEqual(
    result.projects.map((p) => [p.executionRate, p.executionScore, p.indicatorScore, p.total, p.grade]),
    [
      [92.86, 9.29, 81.3, 90.59, "优"],
      [100, 10, 83.81, 93.81, "优"],
      [93.36, 9.34, 84.48, 93.82, "优"],
      [60, 6, 86.53, 92.53, "优"],
    ],
  );
  const wb = await load(await writeSelfEvalXlsx(example, result));
  assert.deepEqual(
    wb.worksheets.map((ws) => ws.name),
    example.projects.map((p, i) => selfEvalSheetName(p.name, i)),
  );
  assert.equal(wb.worksheets[0]!.name, "1 退休人员体检费");

  result.projects.forEach((p, i) => {
    const ws = wb.worksheets[i]!;
    const project = example.projects[i]!;
    assert.equal(value(ws, "A1"), SELF_EVAL_TITLE);
    assert.equal(value(ws, "A2"), "（2024年度）");
    assert.equal(value(ws, "A3"), `评分规则：default（预算执行率 10 分 + 指标 90 分）`);
    assert.equal(value(ws, "G3"), "单位：万元");
    assert.equal(value(ws, "B4"), p.name);
    assert.equal(value(ws, "F5"), `${project.unitCode}-${project.unitName}`);
    // money row: 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分
    assert.deepEqual(
      ["B7", "C7", "D7", "E7", "F7", "H7"].map((a) => value(ws, a)),
      [p.initialBudget, p.budget, p.executed, p.executionWeight, p.executionRate, p.executionScore],
    );
    assert.equal(ws.getCell("B7").numFmt, "#,##0.00");
    assert.equal(ws.getCell("F7").numFmt, '0.00"%"');
    assert.equal(value(ws, "B8"), project.goal);
    assert.deepEqual((ws.getRow(H).values as ExcelJS.CellValue[]).slice(1), [
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ]);
    // indicator rows: name, weight, score (— when not applicable), working as a note, reason
    p.indicators.forEach((s, j) => {
      const r = H + 1 + j;
      const ind = project.indicators[j]!;
      assert.equal(value(ws, `C${r}`), ind.name);
      assert.equal(value(ws, `F${r}`), s.weight);
      assert.equal(value(ws, `G${r}`), s.score ?? "—");
      assert.equal(ws.getCell(`G${r}`).note, s.working);
      assert.equal(value(ws, `H${r}`), ind.deviationReason ?? "");
    });
    // totals: 分值 total, score total, grade
    const t = H + 1 + p.indicators.length;
    assert.equal(value(ws, `A${t}`), p.rescaled ? `总分（不适用指标已剔除，指标得分 ${p.indicatorWorking}）` : "总分");
    assert.deepEqual(
      [value(ws, `F${t}`), value(ws, `G${t}`), value(ws, `H${t}`)],
      [p.executionWeight + p.indicatorTotal, p.total, p.grade],
    );
    // merged ranges: the fixed frame plus 一级 / 二级 runs of the project's indicators
    const inds = project.indicators;
    const expected = [
      "A1:H1",
      "A2:H2",
      "A3:F3",
      "G3:H3",
      "B4:H4",
      "B5:D5",
      "F5:H5",
      "A6:A7",
      "F6:G6",
      "F7:G7",
      "B8:H8",
      ...verticalMerges(
        "A",
        inds.map((x) => x.level1),
      ),
      ...verticalMerges(
        "B",
        inds.map((x) => `${x.level1}/${x.level2}`),
      ),
      `A${t}:E${t}`,
    ];
    assert.deepEqual([...ws.model.merges].sort(), expected.sort());
    // printing: A4 landscape, one page wide, the indicator header repeated
    assert.equal(ws.pageSetup.orientation, "landscape");
    assert.equal(ws.pageSetup.paperSize, 9);
    assert.equal(ws.pageSetup.fitToWidth, 1);
    assert.equal(ws.pageSetup.printTitlesRow, `${H}:${H}`);
    assert.ok(ws.getCell(`C${H + 1}`).alignment.wrapText);
    assert.equal(ws.getCell(`C${H + 1}`).border.top?.style, "thin");
  });

  // Pinned by the engine's tests: P0's 9th indicator 9 × 65 ÷ 70 = 8.36; P0 starts with two 效益指标
  // rows; P2's 16th indicator is not applicable and its indicator part is rescaled.
  const p0 = wb.worksheets[0]!;
  assert.deepEqual(
    [value(p0, `C${H + 9}`), value(p0, `G${H + 9}`), p0.getCell(`G${H + 9}`).note],
    ["参加体检的退休人数", 8.36, "9 × 65 ÷ 70 = 8.36"],
  );
  assert.ok(p0.model.merges.includes(`A${H + 1}:A${H + 2}`));
  assert.equal(value(p0, `A${H + 1}`), "效益指标");
  const p2 = wb.worksheets[2]!;
  assert.deepEqual([value(p2, `E${H + 16}`), value(p2, `G${H + 16}`)], ["不适用", "—"]);
  assert.equal(value(p2, `A${H + 18}`), "总分（不适用指标已剔除，指标得分 70.4 × 90 ÷ 75 = 84.48）");
  assert.deepEqual([value(p2, "B7"), value(p2, "C7"), value(p2, "D7")], [126.4, 128.85, 120.3]);
});

test("another policy changes the scores and says so", async () => {
  const result = scoreDocument(example, EXECUTION_STEPS_SCORING_POLICY);
  const ws = (await load(await writeSelfEvalXlsx(example, result))).worksheets[0]!;
  assert.match(String(value(ws, "A3")), /^评分规则：execution-steps/);
  const t = H + 1 + example.projects[0]!.indicators.length;
  // execution-steps worked example (score-project.test.ts): P0 92.86 → 7; 88.3 良
  assert.deepEqual([value(ws, "H7"), value(ws, `G${t}`), value(ws, `H${t}`)], [7, 88.3, "良"]);
});

test("sheet names are valid and unique; no projects still gives a workbook; missing executed shows —", async () => {
  assert.equal(selfEvalSheetName("a/b:c*d?[e]\\f", 1), "2 a b c d  e  f");
  const long = "某".repeat(40);
  assert.equal([...selfEvalSheetName(long, 9)].length, 31);
  assert.notEqual(selfEvalSheetName(long, 0), selfEvalSheetName(long, 1));

  const empty: TargetDocument = { ...structuredClone(example), projects: [] };
  const wb = await load(await writeSelfEvalXlsx(empty, scoreDocument(empty)));
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    [SELF_EVAL_TITLE],
  );

  const doc = structuredClone(example);
  delete doc.projects[0]!.executed;
  const ws = (await load(await writeSelfEvalXlsx(doc, scoreDocument(doc)))).worksheets[0]!;
  assert.deepEqual([value(ws, "D7"), value(ws, "F7"), value(ws, "H7")], ["—", "—", 0]);
});
