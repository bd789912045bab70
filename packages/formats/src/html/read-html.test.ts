import assert from "node:assert/strict";
import { test } from "node:test";
import iconv from "iconv-lite";
import { readDocument, sniffFormat } from "../read-document.ts";
import { HTML_MAX_BYTES, metaCharset, readHtml } from "./read-html.ts";
import { extractHtmlTables } from "./read-html-tables.ts";

const PAGE = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>绩效目标</title><style>td{color:red}</style><script>var x = "<table><tr><td>no</td></tr></table>";</script></head>
<body><div>导航 | 首页</div>
<table><tr><td>站点导航</td></tr></table>
<p>二〇二五年项目绩效目标表</p>
<table border=1>
<tr><td colspan=6>单位：万元</td></tr>
<tr><th>项目名称</th><th>预算数</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>
<tr><td rowspan=2>社区 <b>图书</b>&nbsp;配送</td><td rowspan=2>6.5</td><td rowspan=2>产出指标</td><td>数量指标</td><td>配送册数</td><td>&ge;3000册</td></tr>
<tr><td>时效指标</td><td>配送完成时间<br>（全年）</td><td>2025年11月底前</td></tr>
</table>
<table border=1>
<tr><th>项目名称</th><th>预算数</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>
<tr><td>流动书车</td><td>2</td><td>满意度指标</td><td>服务对象满意度</td><td>读者满意度</td><td>95%以上</td></tr>
</table></body></html>`;

test("HTML in GB2312: meta charset, rowspan/colspan, several tables, 单位 row inside the table, scripts skipped", () => {
  const bytes = new Uint8Array(iconv.encode(PAGE, "gbk"));
  assert.equal(metaCharset(bytes), "gb2312");
  assert.equal(sniffFormat(bytes, "page.shtml"), "html");
  assert.equal(sniffFormat(bytes, "noext"), "html");
  const r = readHtml(bytes);
  const doc = r.value!;
  assert.equal(doc.moneyUnit, "万元");
  assert.deepEqual(
    doc.projects.map((p) => [
      p.name,
      p.budget,
      p.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}/${i.operator}/${i.target}/${i.unit}/${i.nature}`),
    ]),
    [
      [
        "社区 图书 配送",
        6.5,
        [
          "产出指标/数量指标/配送册数/≥/3000/册/正向",
          "产出指标/时效指标/配送完成时间\n（全年）/null/2025年11月底前/null/定性",
        ],
      ],
      ["流动书车", 2, ["满意度指标/服务对象满意度/读者满意度/≥/95/%/正向"]],
    ],
  );
  assert.ok(r.diagnostics.some((d) => d.code === "html.charset"));
  assert.equal(r.reading.blocks.length, 2);
  assert.equal(
    r.diagnostics.filter((d) => d.code === "html.no-header").length,
    0,
    "one-row layout tables are not read",
  );
});

test("HTML tables: nested tables read on their own; text before each table kept as its preamble", () => {
  const t = extractHtmlTables(
    "<p>标题一</p><table><tr><td>外<table><tr><td>内1</td><td>内2</td></tr></table></td><td colspan=3>x</td></tr></table>",
  );
  assert.deepEqual(
    t.map((x) => x.rows.map((r) => r.map((c) => c.text))),
    [[["内1", "内2"]], [["", "x"]]],
  );
  assert.equal(t[0]!.rows.length, 1);
  assert.deepEqual(t[0]!.before, ["外"], "text before a nested table in its cell is that table's caption");
  assert.deepEqual(t[1]!.before, ["标题一"]);
  assert.equal(t[1]!.rows[0]![1]!.colSpan, 3);
});

test("HTML: a hostile rowspan is bounded, a page without a table or too large is a coded error", async () => {
  const huge = `<table><tr><td rowspan=999999999 colspan=99999>a</td><td>三级指标</td></tr><tr><td>x</td></tr></table>`;
  const r = readHtml(new TextEncoder().encode(huge));
  assert.equal(r.value, null);
  const none = await readDocument(new TextEncoder().encode("<html><body><p>没有表格</p></body></html>"), {
    fileName: "a.html",
  });
  assert.equal(none.value, null);
  assert.equal(none.diagnostics[0]!.code, "html.without-tables");
  const big = new Uint8Array(HTML_MAX_BYTES + 1);
  assert.equal(readHtml(big).diagnostics[0]!.code, "html.too-large");
});

test("a table nested in a page-layout table keeps the title printed above it in the same cell", () => {
  const html = `<table><tr><td>网站导航</td></tr><tr><td><p>社区食堂项目绩效目标表</p><p>项目名称：社区食堂</p>
<table><tr><td>三级指标</td><td>指标值</td><td>分值</td></tr><tr><td>供餐人次</td><td>≥2000人次</td><td>100</td></tr></table>
</td></tr></table>`;
  const r = readHtml(new TextEncoder().encode(html));
  const doc = r.value!;
  assert.equal(doc.title, "社区食堂项目绩效目标表");
  assert.deepEqual(
    doc.projects.map((p) => [p.name, p.indicators.length]),
    [["社区食堂", 1]],
  );
});

test("an .xls that is really an HTML table (as many sites export) is read as HTML", async () => {
  const html = `<html><body><table><tr><td>项目名称</td><td>三级指标</td><td>指标值</td><td>分值</td></tr>
<tr><td>防疫物资</td><td>储备口罩</td><td>≥10万只</td><td>100</td></tr></table></body></html>`;
  const bytes = new TextEncoder().encode(html);
  assert.equal(sniffFormat(bytes, "导出.xls"), "html");
  const r = await readDocument(bytes, { fileName: "导出.xls" });
  assert.equal(r.value!.projects[0]!.indicators[0]!.target, "10");
});

test("a page re-saved as UTF-8 that still declares gb2312 is read as UTF-8", () => {
  const bytes = new TextEncoder().encode(PAGE);
  const r = readHtml(bytes);
  assert.equal(r.value!.projects[1]!.name, "流动书车");
  assert.ok(!r.diagnostics.some((d) => d.code === "html.charset"));
});

test("Word-pasted HTML: ≥ printed in the Symbol font (³ in a Symbol span) reads as ≥", () => {
  const html = `<table><tr><td>项目名称</td><td>三级指标</td><td>指标值</td><td>分值</td></tr>
<tr><td>农机补贴</td><td>补贴台数</td><td><span style="font-family:Symbol;mso-ascii-font-family:宋体">³</span><span>500台</span></td><td>100</td></tr></table>`;
  const i = readHtml(new TextEncoder().encode(html)).value!.projects[0]!.indicators[0]!;
  assert.deepEqual([i.operator, i.target, i.unit], ["≥", "500", "台"]);
});

test("a <caption> is the table's title", () => {
  const html = `<table><caption>2025年校园安全项目绩效目标表</caption><tr><td>项目名称</td><td>三级指标</td><td>指标值</td><td>分值</td></tr>
<tr><td>校园安保</td><td>安保人员到岗率</td><td>100%</td><td>100</td></tr></table><p>下一段</p>`;
  const doc = readHtml(new TextEncoder().encode(html)).value!;
  assert.equal(doc.title, "2025年校园安全项目绩效目标表");
  assert.equal(doc.fiscalYear, 2025);
});
