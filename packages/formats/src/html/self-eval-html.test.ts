import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { EXECUTION_STEPS_SCORING_POLICY, scoreDocument, type TargetDocument } from "@jixiao/core";
import { escapeHtml, renderSelfEvalHtml } from "./self-eval-html.ts";

const example = JSON.parse(
  readFileSync(new URL("../../../../examples/self-eval-seed.json", import.meta.url), "utf8"),
) as TargetDocument;

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

test("escapeHtml escapes the five specials", () => {
  assert.equal(
    escapeHtml(`<a href="x" title='y'>&</a>`),
    "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
  );
});

test("one self-contained printable table per project with money, rows, scores and totals", () => {
  const html = renderSelfEvalHtml(example, scoreDocument(example));
  assert.ok(html.startsWith("<!DOCTYPE html>"));
  assert.doesNotMatch(html, /<script|<link|src=|@import/);
  assert.equal(count(html, /<section class="project">/g), 4);
  assert.equal(count(html, /<h1>项目支出绩效自评表<\/h1>/g), 4);
  assert.match(html, /@page/);
  assert.match(html, /（2024年度）/);
  for (const h of [
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "执行率",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析",
  ]) {
    assert.match(html, new RegExp(h));
  }
  // indicator rows: 11 + 18 + 17 + 13 = 59, each with exactly one deviation-reason cell
  assert.equal(count(html, /<td>[^<]*<\/td><td class="c">[^<]*<\/td><td class="c">[^<]*<\/td><td class="num">/g), 59);
  // P0 money row: 7.00 / 7.00 / 6.50, weight 10, 92.86%, 9.29
  assert.match(
    html,
    /<td class="num">7\.00<\/td><td class="num">7\.00<\/td><td class="num">6\.50<\/td><td class="num">10<\/td><td class="num" colspan="2">92\.86%<\/td><td class="num">9\.29<\/td>/,
  );
  // P2 年初预算数 differs from 全年预算数
  assert.match(html, /<td class="num">126\.40<\/td><td class="num">128\.85<\/td><td class="num">120\.30<\/td>/);
  // a partial 正向 row with its working in the title and its reason
  assert.match(
    html,
    /<td>参加体检的退休人数<\/td><td class="c">≥70人<\/td><td class="c">65人<\/td><td class="num">9<\/td><td class="num" title="9 × 65 ÷ 70 = 8\.36">8\.36<\/td><td>实际参检 65 人，5 人因外出未参检<\/td>/,
  );
  assert.match(html, /<td class="c">不适用<\/td><td class="num">15<\/td><td class="num" title="不适用 N\/A">—<\/td>/);
  // totals: weight 10 + 90 = 100, total and grade; the rescaled project says so
  assert.match(
    html,
    /<td colspan="5">总分<\/td><td class="num">100<\/td><td class="num">90\.59<\/td><td class="c">优<\/td>/,
  );
  assert.match(html, /总分（不适用指标已剔除，指标得分 70\.4 × 90 ÷ 75 = 84\.48）/);
  // merged 一级 cell: project 0 starts with two 效益指标 rows
  assert.match(html, /<td class="c" rowspan="2">效益指标<\/td>/);
  // findings listed (screen only)
  assert.match(html, /<li class="warning">score\.deviation-reason-missing · 职工满意度：/);
  assert.doesNotMatch(
    renderSelfEvalHtml(example, scoreDocument(example), { findings: false }),
    /<ul class="findings">/,
  );
});

test("the policy shows, and execution-steps scores change", () => {
  const html = renderSelfEvalHtml(example, scoreDocument(example, EXECUTION_STEPS_SCORING_POLICY));
  assert.match(html, /评分规则：execution-steps/);
  assert.match(html, /<td class="num">88\.3<\/td><td class="c">良<\/td>/);
});

test("every piece of document text is escaped", () => {
  const evil: TargetDocument = structuredClone(example);
  const x = `<img src=x onerror="alert(1)">&'`;
  evil.title = x;
  evil.department = { name: x };
  const p = evil.projects[0]!;
  p.name = x;
  p.unitName = x;
  p.goal = x;
  const ind = p.indicators[8]!;
  ind.name = x;
  ind.level1 = x;
  ind.level2 = x;
  ind.deviationReason = x;
  ind.actual = x;
  ind.target = x;
  const html = renderSelfEvalHtml(evil, scoreDocument(evil));
  assert.doesNotMatch(html, /<img/);
  assert.doesNotMatch(html, /onerror="/);
  assert.ok(count(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;&amp;&#39;/g) >= 10);
});
