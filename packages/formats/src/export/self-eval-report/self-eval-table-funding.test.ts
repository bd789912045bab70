/**
 * The 项目支出绩效自评表 writers (html/self-eval-html.ts, xlsx/write-self-eval-xlsx.ts) with the
 * funding split: 年度资金总额 / 本年财政拨款 / 上年结转 / 其他资金 × 年初预算数 / 全年预算数 /
 * 全年执行数, 分值 / 执行率 / 得分 on the total line (the engine's), the indicator table below.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { checkFundingSplit, type FundingSplit, scoreDocument, type TargetDocument } from "@jixiao/core";
import ExcelJS from "exceljs";
import { renderSelfEvalHtml } from "../../html/self-eval-html.ts";
import {
  SELF_EVAL_FUNDING_HEADER_ROW,
  SELF_EVAL_HEADER_ROW,
  writeSelfEvalXlsx,
} from "../../xlsx/write-self-eval-xlsx.ts";

const example = JSON.parse(
  readFileSync(new URL("../../../../../examples/self-eval-seed.json", import.meta.url), "utf8"),
) as TargetDocument;

/** The 体检费 project (index 3): 4.30 budget, 2.58 executed, split over three sources; text amounts too. */
const SPLIT: FundingSplit = {
  total: { initial: 4.3, full: 4.3, executed: 2.58 },
  fiscal: { initial: "3.00", full: "3", executed: 1.58 },
  carryover: { initial: 1.3, full: 1.3, executed: 1 },
  other: { initial: 0, full: 0, executed: 0 },
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

test("the split used here adds up (core's check), so the printed block is a consistent one", () => {
  assert.deepEqual(
    checkFundingSplit(SPLIT, { project: example.projects[3]!.name, projectIndex: 3 }).map((f) => f.code),
    [],
  );
});

test("xlsx: the funding block for the project that has a split, the plain block for the others", async () => {
  const result = scoreDocument(example);
  const funding = [undefined, null, undefined, SPLIT];
  const wb = await load(await writeSelfEvalXlsx(example, result, { funding }));
  const plain = wb.worksheets[0]!;
  assert.equal(plain.getCell(6, 1).value, "项目资金\n（万元）");
  assert.equal(plain.getCell(SELF_EVAL_HEADER_ROW, 1).value, "一级指标");

  const ws = wb.worksheets[3]!;
  const p = result.projects[3]!;
  const H = SELF_EVAL_FUNDING_HEADER_ROW;
  assert.deepEqual(
    [3, 4, 5, 6, 7, 8].map((c) => ws.getCell(6, c).value),
    ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  );
  const line = (r: number) => [2, 3, 4, 5, 6, 7, 8].map((c) => ws.getCell(r, c).value);
  assert.deepEqual(line(7), ["年度资金总额", 4.3, 4.3, 2.58, p.executionWeight, p.executionRate, p.executionScore]);
  assert.deepEqual(line(8), ["其中：本年财政拨款", 3, 3, 1.58, "—", "—", "—"]);
  assert.deepEqual(line(9), ["上年结转", 1.3, 1.3, 1, "—", "—", "—"]);
  assert.deepEqual(line(10), ["其他资金", 0, 0, 0, "—", "—", "—"]);
  assert.equal(ws.getCell(7, 3).numFmt, "#,##0.00"); // 千分位 in Excel/WPS
  assert.ok(ws.model.merges.includes("A6:A10"), "项目资金 spans the block");
  assert.equal(ws.getCell(H - 1, 1).value, "年度总体目标");
  assert.equal(ws.getCell(H, 1).value, "一级指标");
  assert.equal(ws.pageSetup.printTitlesRow, `${H}:${H}`);
  // The indicator rows and the total are the engine's, shifted below the block.
  p.indicators.forEach((s, j) => {
    assert.equal(ws.getCell(H + 1 + j, 7).value, s.score ?? "—");
  });
  assert.equal(ws.getCell(H + 1 + p.indicators.length, 7).value, p.total);
});

test("xlsx: without funding the workbook is the one written before (same cells)", async () => {
  const result = scoreDocument(example);
  const a = await load(await writeSelfEvalXlsx(example, result));
  const b = await load(await writeSelfEvalXlsx(example, result, { funding: [] }));
  a.worksheets.forEach((ws, k) => {
    const other = b.worksheets[k]!;
    assert.equal(ws.rowCount, other.rowCount);
    ws.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        assert.deepEqual(other.getCell(r, c).value, cell.value);
      });
    });
  });
});

test("html: the funding block with 千分位, unreadable text escaped, and unchanged output without a split", () => {
  const result = scoreDocument(example);
  const big: FundingSplit = {
    ...SPLIT,
    total: { initial: 1234567.5, full: "1234567.50", executed: 2.58 },
    other: { initial: "<b>未知</b>", full: null, executed: undefined },
  };
  const html = renderSelfEvalHtml(example, result, { funding: [null, null, null, big] });
  assert.match(html, /<th rowspan="5">项目资金<br>（万元）<\/th>/);
  assert.match(
    html,
    /<tr class="funding-total"><th>年度资金总额<\/th><td class="num">1,234,567.50<\/td><td class="num">1,234,567.50<\/td><td class="num">2.58<\/td>/,
  );
  const p = result.projects[3]!;
  assert.ok(
    html.includes(`<td class="num">${p.executionRate!.toFixed(2)}%</td><td class="num">${p.executionScore}</td></tr>`),
  );
  assert.match(
    html,
    /<tr class="funding-other"><th>其他资金<\/th><td class="num">&lt;b&gt;未知&lt;\/b&gt;<\/td><td class="num">—<\/td><td class="num">—<\/td>/,
  );
  assert.equal((html.match(/class="funding-total"/g) ?? []).length, 1, "only the project with a split");
  assert.equal(renderSelfEvalHtml(example, result, { funding: [] }), renderSelfEvalHtml(example, result));
});
