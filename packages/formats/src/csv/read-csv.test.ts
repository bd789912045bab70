import assert from "node:assert/strict";
import { test } from "node:test";
import iconv from "iconv-lite";
import { readDocument } from "../read-document.ts";
import { parseCsv, readCsv } from "./read-csv.ts";
import { writeCsv, writeCsvText } from "./write-csv.ts";

const CSV = [
  "项目名称,项目单位,项目类别,预算数,年度绩效目标,一级指标,二级指标,三级指标,指标性质,指标方向,目标值,计量单位,分值",
  '退休人员体检费,151001-呼和浩特市总工会,部门预算项目,7.00,"通过对79名退休人员进行体检，完成体检工作",产出指标,数量指标,参加体检的退休人数,正向,大于等于,70,人,9',
  '退休人员体检费,151001-呼和浩特市总工会,部门预算项目,7.00,"通过对79名退休人员进行体检，完成体检工作",满意度指标,服务对象满意度,服务对象满意度,正向,大于等于,约九成,%,10',
  "",
].join("\r\n");

test("GBK-encoded CSV is detected, decoded and read; bad cells are named", () => {
  const bytes = iconv.encode(CSV, "gbk");
  const r = readCsv(new Uint8Array(bytes), { fileName: "t12.csv" });
  assert.ok(r.diagnostics.some((d) => d.code === "decode.gb18030"));
  const p = r.value!.projects[0]!;
  assert.equal(p.name, "退休人员体检费");
  assert.equal(p.budget, 7);
  assert.equal(p.indicators.length, 2);
  assert.equal(p.indicators[0]!.operator, "≥");
  const bad = r.diagnostics.find((d) => d.code === "csv.target-not-number")!;
  assert.equal(bad.cell, "t12.csv!K3");
});

test("CSV output: UTF-8 BOM, one indicator per row, project columns repeated, sniffed by readDocument", async () => {
  const r = readCsv(new TextEncoder().encode(CSV));
  const doc = r.value!;
  const bytes = writeCsv(doc);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const records = parseCsv(writeCsvText(doc));
  assert.equal(records[0]![0], "项目序号");
  assert.equal(records[0]![4], "预算数（万元）");
  assert.equal(records.length, 3); // header + 2 indicators
  assert.equal(records[1]![1], records[2]![1]);
  assert.equal(records[1]![4], "7.00");
  const back = await readDocument(bytes, { fileName: "out.csv" });
  assert.deepStrictEqual(back.value, doc);
});

test("parseCsv handles quotes, embedded separators and line breaks", () => {
  assert.deepEqual(parseCsv('a,"b,""c""\nd",e\r\n1,,3'), [
    ["a", 'b,"c"\nd', "e"],
    ["1", "", "3"],
  ]);
});
