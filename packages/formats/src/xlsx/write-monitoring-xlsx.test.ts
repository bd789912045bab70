import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { DEFAULT_MONITORING_POLICY, monitorDocument, parseMonitoringDocument } from "@jixiao/core";
import ExcelJS from "exceljs";
import { MONITORING_HEADER_ROW, writeMonitoringXlsx } from "./write-monitoring-xlsx.ts";

const EXAMPLE = fileURLToPath(new URL("../../../../examples/monitoring-seed.json", import.meta.url));

test("汇总 and one sheet per project: merged cells, A4 landscape, repeated header, lights filled with notes", async () => {
  const doc = parseMonitoringDocument(JSON.parse(await readFile(EXAMPLE, "utf8"))).value!;
  const result = monitorDocument(doc, DEFAULT_MONITORING_POLICY);
  const bytes = await writeMonitoringXlsx(doc, result, { decisions: new Map([[3, "整改：执行进度滞后"]]) });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer as ArrayBuffer);
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    [
      "汇总",
      "1 退休人员体检费",
      "2 呼和浩特市财政困难职工专项帮扶资金及送清凉、送温暖资金",
      "3 呼市地区各级劳动模范荣誉津贴",
      "4 体检费",
    ],
  );
  const sum = wb.getWorksheet("汇总")!;
  assert.equal(sum.getCell(6, 2).value, "退休人员体检费");
  assert.equal(sum.getCell(9, 7).value, "红灯");
  assert.equal(sum.getCell(9, 13).value, "整改：执行进度滞后");
  const ws = wb.getWorksheet("1 退休人员体检费")!;
  assert.equal(ws.pageSetup.orientation, "landscape");
  assert.equal(ws.pageSetup.paperSize, 9);
  assert.equal(ws.pageSetup.printTitlesRow, `${MONITORING_HEADER_ROW}:${MONITORING_HEADER_ROW}`);
  assert.equal(ws.getCell(1, 1).value, "项目支出绩效运行监控表");
  assert.equal(ws.getCell(MONITORING_HEADER_ROW, 5).value, "截至7月实际完成值");
  assert.equal(ws.getCell(7, 5).value, 45.71);
  assert.equal(ws.getCell(7, 7).value, "黄灯");
  const red = ws.getCell(MONITORING_HEADER_ROW + 9, 8);
  assert.equal(red.value, "红灯");
  assert.equal((red.fill as ExcelJS.FillPattern).fgColor?.argb, "FFF4B6B0");
  assert.match(String(red.note), /48\.98 → 红灯/);
  assert.equal(ws.getCell(MONITORING_HEADER_ROW + 9, 4).value, "≥70人");
  assert.equal(ws.getCell(MONITORING_HEADER_ROW + 9, 10).value, "人员保障：部分退休人员外出或住院，集中体检安排在9月");
  // 一级 merged over the rows of 产出指标 (3..10), 成本指标 over 2 rows
  const merges = (ws.model as { merges: string[] }).merges;
  assert.ok(merges.includes(`A${MONITORING_HEADER_ROW + 3}:A${MONITORING_HEADER_ROW + 10}`), merges.join(" "));
  assert.ok(merges.includes(`B${MONITORING_HEADER_ROW + 3}:B${MONITORING_HEADER_ROW + 4}`));
  assert.ok(merges.includes("A6:A7"));
});
