import assert from "node:assert/strict";
import { test } from "node:test";
import ExcelJS from "exceljs";
import { installFastMerge } from "./fast-merge.ts";

test("indexed merges behave like ExcelJS's: values, masters, overlap errors, unmerge", () => {
  installFastMerge();
  const ws = new ExcelJS.Workbook().addWorksheet("s");
  ws.getCell("A1").value = "x";
  ws.mergeCells("A1:A3");
  assert.equal(ws.getCell("A3").value, "x");
  assert.equal(ws.getCell("A2").master.address, "A1");
  assert.throws(() => ws.mergeCells("A3:B4"), /already merged/);
  ws.unMergeCells("A1:A3");
  ws.mergeCells("A3:B4");
  assert.equal(ws.getCell("B4").master.address, "A3");
});
