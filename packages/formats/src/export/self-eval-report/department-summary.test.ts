/**
 * The department summary: every project's score and grade, 抽评 differences, exact totals, the
 * grade distribution (SVG chart in HTML; table in Word and xlsx), user text escaped or neutralised.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Exact } from "@jixiao/core";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { gradeDistribution, summaryTotals } from "./department-summary.ts";
import { departmentSummaryDocx, departmentSummaryHtml, departmentSummaryXlsx } from "./index.ts";
import { documentXml, paragraphs, tables } from "./test-docx.ts";
import type { DepartmentSummaryInput, DepartmentSummaryRow } from "./types.ts";

const INPUT: DepartmentSummaryInput = {
  title: "市教育局",
  fiscalYear: 2025,
  rows: [
    { name: "学生资助", orgName: "一中", budget: 0.1, score: 95.5, grade: "优" },
    { name: "校舍维修", orgName: "二中", budget: "0.2", score: "82", grade: "良", spotCheckScore: 78.25 },
    {
      name: '=HYPERLINK("http://x")',
      orgName: "@三中",
      budget: 1234567.5,
      score: 59.99,
      grade: "差",
      spotCheckScore: 59.99,
    },
    { name: "教师培训", orgName: "四中", budget: 10, score: null, grade: null },
  ],
};

test("totals are exact, differences are 抽评 − 自评, unscored projects count as 未评", () => {
  const t = summaryTotals(INPUT);
  assert.equal(t.budget.toString(), "1234577.8"); // 0.1 + 0.2 + 1234567.5 + 10, no float drift
  assert.equal(t.meanScore, "79.16"); // (95.5 + 82 + 59.99) / 3 = 79.163…
  assert.equal(t.scored, 3);
  assert.equal(t.sampled, 2);
  assert.equal(t.differing, 1);
  assert.deepEqual(
    gradeDistribution(INPUT).map((d) => [d.grade, d.count, d.share]),
    [
      ["优", 1, "25.0"],
      ["良", 1, "25.0"],
      ["中", 0, "0.0"],
      ["差", 1, "25.0"],
      ["未评", 1, "25.0"],
    ],
  );
  // 好/较好/一般/差 recognised; an explicit order wins; unknown grades follow in order of appearance.
  const hao = { ...INPUT, rows: INPUT.rows.map((r, i) => ({ ...r, grade: ["较好", "好", "一般", "较好"][i]! })) };
  assert.deepEqual(
    gradeDistribution(hao).map((d) => d.grade),
    ["好", "较好", "一般", "差"],
  );
  const custom = {
    ...INPUT,
    grades: ["A", "B"],
    rows: INPUT.rows.map((r, i) => ({ ...r, grade: ["B", "A", "X", "A"][i]! })),
  };
  assert.deepEqual(
    gradeDistribution(custom).map((d) => [d.grade, d.count]),
    [
      ["A", 2],
      ["B", 1],
      ["X", 1],
    ],
  );
});

test("property: the distribution counts every project once and the budget total is the exact sum", () => {
  const row = fc.record({
    name: fc.string(),
    orgName: fc.string(),
    budget: fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.constant(null)),
    score: fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(null)),
    grade: fc.oneof(fc.constantFrom("优", "良", "中", "差", "好", "较好"), fc.constant(null)),
  }) as fc.Arbitrary<DepartmentSummaryRow>;
  fc.assert(
    fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
      const input = { title: "t", fiscalYear: 2025, rows };
      assert.equal(
        gradeDistribution(input).reduce((s, d) => s + d.count, 0),
        rows.length,
      );
      let sum = Exact.ZERO;
      for (const r of rows) if (typeof r.budget === "number") sum = sum.plus(Exact.from(r.budget));
      assert.ok(summaryTotals(input).budget.eq(sum));
    }),
  );
});

test("Word: the rows, the totals row and the distribution table", async () => {
  const xml = documentXml(await departmentSummaryDocx(INPUT));
  assert.equal(paragraphs(xml)[0], "市教育局");
  const [rows, grades] = tables(xml);
  assert.deepEqual(rows![1], ["1", "学生资助", "一中", "0.10", "95.50", "优", "—", "—"]);
  assert.deepEqual(rows![2], ["2", "校舍维修", "二中", "0.20", "82.00", "良", "78.25", "-3.75"]);
  assert.deepEqual(rows![3]!.slice(4), ["59.99", "差", "59.99", "0.00"]);
  assert.deepEqual(rows![4]!.slice(4), ["—", "未评", "—", "—"]);
  assert.deepEqual(rows!.at(-1), [
    "合计（4 个项目；得分为平均分，抽评与差异为项目数）",
    "1,234,577.80",
    "79.16",
    "—",
    "2 个",
    "1 个",
  ]);
  assert.deepEqual(
    grades!.map((r) => r.slice(0, 2)),
    [
      ["等级", "项目数"],
      ["优", "1"],
      ["良", "1"],
      ["中", "0"],
      ["差", "1"],
      ["未评", "1"],
      ["合计", "4"],
    ],
  );
});

test("HTML: an inline SVG bar per grade, names escaped, no script", () => {
  const evil = {
    ...INPUT,
    title: "<script>alert(1)</script>",
    rows: [...INPUT.rows, { name: "<img src=x onerror=y>", orgName: "A&B", budget: 1, score: 70, grade: "<中>" }],
  };
  const html = departmentSummaryHtml(evil);
  assert.doesNotMatch(html, /<script|<img/);
  const svg = /<svg [^>]*>[\s\S]*?<\/svg>/.exec(html)?.[0];
  assert.ok(svg, "an inline SVG chart");
  const bars = [...svg.matchAll(/<rect [^>]*><title>([^<]*)<\/title><\/rect>/g)].map((m) => m[1]);
  assert.deepEqual(bars, ["优：1", "良：1", "中：0", "差：1", "&lt;中&gt;：1", "未评：1"]);
  assert.match(html, /&lt;img src=x onerror=y&gt;/);
  assert.match(html, /A&amp;B/);
});

test("xlsx: numeric cells with 千分位 formats, user text neutralised, a distribution sheet", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await departmentSummaryXlsx(INPUT)) as unknown as ArrayBuffer);
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ["汇总", "等级分布"],
  );
  const ws = wb.worksheets[0]!;
  assert.equal(ws.getCell(3, 2).value, "项目名称");
  assert.equal(ws.getCell(5, 4).value, 0.2);
  assert.equal(ws.getCell(5, 4).numFmt, "#,##0.00");
  assert.equal(ws.getCell(5, 8).value, -3.75);
  assert.equal(ws.getCell(6, 2).value, '\'=HYPERLINK("http://x")');
  assert.equal(ws.getCell(6, 3).value, "'@三中");
  assert.equal(ws.getCell(8, 4).value, 1234577.8);
  const gs = wb.worksheets[1]!;
  assert.deepEqual(
    [4, 5, 6, 7, 8].map((r) => [gs.getCell(r, 1).value, gs.getCell(r, 2).value]),
    [
      ["优", 1],
      ["良", 1],
      ["中", 0],
      ["差", 1],
      ["未评", 1],
    ],
  );
});
