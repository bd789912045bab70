import assert from "node:assert/strict";
import test from "node:test";
import ExcelJS from "exceljs";
import { BUDGET_ADVICE_HEADER, writeBudgetAdviceXlsx } from "./write-budget-advice-xlsx.ts";

test("budget advice xlsx: header, one row per project with its advice and amounts, totals", async () => {
  const bytes = await writeBudgetAdviceXlsx({
    title: "2024年度预算安排建议",
    rows: [
      {
        orgName: "教育局",
        unitName: "一中",
        name: "=危险名称",
        moneyUnit: "万元",
        budget: "100",
        score: 72.5,
        grade: "中",
        scoreSource: "spot-check",
        adviceLabel: "压减",
        share: "0.1",
        amount: "90",
      },
      {
        orgName: "教育局",
        unitName: "二中",
        name: "项目乙",
        moneyUnit: "万元",
        budget: "20.5",
        score: null,
        grade: null,
        scoreSource: null,
        adviceLabel: null,
        share: null,
        amount: null,
      },
    ],
    totals: [{ moneyUnit: "万元", budget: "120.5", advised: "90" }],
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const ws = wb.getWorksheet("预算建议")!;
  assert.equal(ws.getCell(1, 1).value, "2024年度预算安排建议");
  assert.deepEqual(
    BUDGET_ADVICE_HEADER.map((_, i) => ws.getCell(2, i + 1).value),
    [...BUDGET_ADVICE_HEADER],
  );
  assert.equal(ws.getCell(3, 4).value, "'=危险名称", "a formula-like name is neutralised");
  assert.deepEqual([ws.getCell(3, 6).value, ws.getCell(3, 9).value, ws.getCell(3, 12).value], [100, "财政抽评", 90]);
  assert.equal(ws.getCell(4, 10).value, "（未通过审核）");
  assert.deepEqual([ws.getCell(5, 1).value, ws.getCell(5, 6).value, ws.getCell(5, 12).value], ["合计", 120.5, 90]);
});
