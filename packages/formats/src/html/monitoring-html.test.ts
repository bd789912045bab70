import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  DEFAULT_MONITORING_POLICY,
  type MonitoringDocument,
  monitorDocument,
  parseMonitoringDocument,
} from "@jixiao/core";
import { renderMonitoringHtml } from "./monitoring-html.ts";
import { monitoredTargetText, runSpans } from "./monitoring-html-cells.ts";

const EXAMPLE = fileURLToPath(new URL("../../../../examples/monitoring-seed.json", import.meta.url));

async function example(): Promise<MonitoringDocument> {
  return parseMonitoringDocument(JSON.parse(await readFile(EXAMPLE, "utf8"))).value!;
}

test("summary page then one page per project; header repeated by <thead>; lights in words and colour", async () => {
  const doc = await example();
  const html = renderMonitoringHtml(doc, monitorDocument(doc, DEFAULT_MONITORING_POLICY));
  assert.ok(html.startsWith("<!DOCTYPE html>"));
  assert.match(html, /@page \{ size: A4 landscape/);
  assert.equal((html.match(/<section class="page project">/g) ?? []).length, 4);
  assert.equal((html.match(/<section class="page summary">/g) ?? []).length, 1);
  assert.match(html, /<thead><tr><th>一级指标<\/th>.*<th>截至7月实际完成值<\/th>/);
  assert.match(html, /<td class="light red" title="[^"]*48\.98 → 红灯">红灯<\/td>/);
  assert.match(html, /<td class="c" rowspan="2">成本指标<\/td>/);
  assert.match(html, /人员保障：部分退休人员外出或住院/);
  assert.match(html, /<td class="num">45\.71%<\/td><td class="num">58\.33%<\/td><td class="light yellow"/);
  assert.doesNotMatch(html, /<script/);
});

test("text from the document is escaped; decisions are printed", async () => {
  const doc = await example();
  doc.projects[0]!.name = '<img src=x onerror="alert(1)">';
  doc.projects[0]!.indicators[0]!.correctiveAction = "</td><script>alert(1)</script>";
  const html = renderMonitoringHtml(doc, monitorDocument(doc, DEFAULT_MONITORING_POLICY), {
    decisions: new Map([[0, "暂缓拨款：执行进度严重滞后"]]),
  });
  assert.doesNotMatch(html, /<img|<script/);
  assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
  assert.match(html, /财政部门处理意见：暂缓拨款：执行进度严重滞后/);
});

test("cell helpers", () => {
  assert.equal(monitoredTargetText({ nature: "正向", operator: "≥", target: "70", unit: "人" }), "≥70人");
  assert.equal(monitoredTargetText({ nature: "反向", operator: "≤", target: "≤65万元", unit: "万元" }), "≤65万元");
  assert.equal(monitoredTargetText({ nature: "定性", operator: null, target: "有效保障", unit: null }), "有效保障");
  assert.deepEqual(runSpans(["a", "a", "b", "c", "c", "c"]), [2, 0, 1, 3, 0, 0]);
});
