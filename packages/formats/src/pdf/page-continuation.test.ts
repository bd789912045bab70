/**
 * Merged cells cut by a page break in prints that do not repeat the header (issue 11): synthetic
 * ruled pages as the page layer hands them over (tables, the text in each cell, the text outside),
 * shaped as the producers print them — chromium with collapsed borders (the text that did not fit
 * printed in the cell's open tail below the last row line), calc (a cut cell's centred text drawn
 * on each page and clipped: a copy past the page's foot, the cell's part on the foot left empty).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Indicator } from "@jixiao/core";
import { readGrid } from "../table/read-grid.ts";
import { attachCutHeads, attachCutTails } from "./page-continuation.ts";
import { type PageTables, pagesToSheet } from "./page-sheet.ts";
import type { TextRun } from "./pdf-page.ts";
import type { Piece } from "./place-text.ts";
import type { Cell, Table } from "./ruled-grid.ts";

const HEAD = [
  "项目名称",
  "预算数",
  "一级指标",
  "二级指标",
  "三级指标",
  "指标性质",
  "指标方向",
  "目标值",
  "计量单位",
  "分值",
];
const XS = HEAD.map((_, i) => 30 + i * 70).concat(30 + HEAD.length * 70);
const ROW = 20;

const run = (str: string, x: number, y: number): TextRun => ({ str, x, y, w: str.length * 10, size: 10, font: "f" });

/**
 * A ruled page: `rows` of cell texts, "^" for a fine row covered by the cell above (a merged
 * cell), "" or undefined for an empty cell. A merged cell's text is printed centred in it.
 */
function ruledPage(page: number, top: number, rows: (string | undefined)[][], outside: TextRun[] = []): PageTables {
  const ys = Array.from({ length: rows.length + 1 }, (_, i) => top + i * ROW);
  const cells: Cell[] = [];
  const texts: Piece[][] = [];
  const owner: number[][] = rows.map(() => new Array<number>(HEAD.length).fill(-1));
  for (let c = 0; c < HEAD.length; c++)
    for (let r = 0; r < rows.length; r++) {
      if (rows[r]![c] === "^") continue;
      let r1 = r + 1;
      while (r1 < rows.length && rows[r1]![c] === "^") r1++;
      const k = cells.length;
      cells.push({ r0: r, r1, c0: c, c1: c + 1 });
      for (let q = r; q < r1; q++) owner[q]![c] = k;
      const text = rows[r]![c] ?? "";
      const y = (ys[r]! + ys[r1]!) / 2 + 4;
      texts.push(text ? [{ str: text, x: XS[c]! + 3, y, w: text.length * 10, size: 10 }] : []);
    }
  const table: Table = { xs: XS, ys, cells, owner };
  return { page, tables: [table], texts: [texts], outside };
}

const ind = (name: string, l1: string, l2: string, w = "5") => [l1, l2, name, "正向", "大于等于", "90", "%", w];

function read(pages: PageTables[]) {
  const { sheet } = pagesToSheet(pages);
  const r = readGrid([sheet], { source: "pdf" });
  const projects = r.value?.projects ?? [];
  const short = (i: Indicator) => `${i.level1}/${i.level2}/${i.name}`;
  return { sheet, projects: projects.map((p) => ({ name: p.name, indicators: p.indicators.map(short) })) };
}

test("browser, collapsed borders: the text a cut 一级/二级 cell did not fit on the page is printed below the last row line; it is the cell's", () => {
  const p1 = ruledPage(1, 100, [
    HEAD,
    ["项目甲", "10", ...ind("甲一", "产出指标", "数量指标")],
    ["^", "^", ...ind("甲二", "效益指标", "社会效益")],
    // The cut cells: 满意度指标 / 服务对象满意度 wrapped, their second line below the table.
    ["^", "^", ...ind("甲三", "满意度指", "服务对象满")],
  ]);
  p1.outside = [run("标", XS[2]! + 3, 100 + 4 * ROW + 9), run("意度", XS[3]! + 3, 100 + 4 * ROW + 9)];
  // The next page starts open: the cut cells' parts hold nothing.
  const p2 = ruledPage(2, 40, [
    ["^", "^", "", "", ...ind("甲四", "", "").slice(2)],
    ["项目乙", "20", ...ind("乙一", "产出指标", "数量指标")],
  ]);
  p2.tables[0]!.cells.forEach((c, k) => {
    if (c.r0 === 0 && c.c0 < 2) p2.texts[0]![k] = [];
  });
  const moved = attachCutTails([p1, p2]);
  assert.equal(moved[0]!.outside.length, 0, "the tails left the text outside the table");
  assert.deepEqual(p1.outside.length, 2, "the pages given are not changed");
  const { projects, sheet } = read([p1, p2]);
  assert.ok(!sheet.rows.some((row) => row.some((c) => c?.text === "标 意度" || c?.text === "标")));
  assert.deepEqual(projects, [
    {
      name: "项目甲",
      indicators: [
        "产出指标/数量指标/甲一",
        "效益指标/社会效益/甲二",
        "满意度指标/服务对象满意度/甲三",
        "满意度指标/服务对象满意度/甲四",
      ],
    },
    { name: "项目乙", indicators: ["产出指标/数量指标/乙一"] },
  ]);
});

test("calc: a project whose first row falls at a page's foot, its name and 一级 centred on the next page (a clipped copy past the foot), is one project", () => {
  const p1 = ruledPage(1, 100, [
    HEAD,
    ["项目甲", "10", ...ind("甲一", "产出指标", "数量指标")],
    ["^", "^", ...ind("甲二", "产出指标", "质量指标")],
    // 项目乙 begins here: its cells are empty on this page, 二级 printed in its one-row part.
    ["", "", "", ...ind("乙一", "", "数量指标").slice(1)],
  ]);
  // The 一级's centred text, drawn past the page's foot (clipped on paper, present in the file),
  // below the page number.
  p1.outside = [run("第 1 页", 300, 100 + 4 * ROW + 40), run("产出指标", XS[2]! + 8, 100 + 4 * ROW + 60)];
  const p2 = ruledPage(2, 40, [
    ["项目乙", "20", "产出指标", ...ind("乙二", "", "数量指标").slice(1)],
    ["^", "^", "^", ...ind("乙三", "", "质量指标").slice(1)],
    ["^", "^", "效益指标", ...ind("乙四", "", "社会效益").slice(1)],
  ]);
  const { projects } = read([p1, p2]);
  assert.deepEqual(projects, [
    { name: "项目甲", indicators: ["产出指标/数量指标/甲一", "产出指标/质量指标/甲二"] },
    {
      name: "项目乙",
      indicators: [
        "产出指标/数量指标/乙一",
        "产出指标/数量指标/乙二",
        "产出指标/质量指标/乙三",
        "效益指标/社会效益/乙四",
      ],
    },
  ]);
});

test("calc: a cut 二级 cell prints its first line on one page, the rest under the table and again on the next page: one cell", () => {
  const p1 = ruledPage(1, 100, [
    HEAD,
    ["项目甲", "10", ...ind("甲一", "产出指标", "数量指标")],
    ["^", "^", "满意度指标", "社会公众或服务对", ...ind("甲二", "", "").slice(2)],
  ]);
  p1.outside = [run("象满意度指标", XS[3]! + 3, 100 + 3 * ROW + 9)];
  const p2 = ruledPage(2, 40, [
    ["^", "^", "满意度指标", "象满意度指标", ...ind("甲三", "", "").slice(2)],
    ["项目乙", "20", ...ind("乙一", "产出指标", "数量指标")],
  ]);
  const { projects, sheet } = read([p1, p2]);
  const level2 = sheet.rows.filter((row) => /^甲[二三]$/.test(row[4]?.text ?? "")).map((row) => row[3]?.text);
  assert.deepEqual(level2, ["社会公众或服务对象满意度指标", "社会公众或服务对象满意度指标"]);
  assert.ok(!sheet.rows.some((row) => row[0]?.text === "象满意度指标"), "no banner row of the tail");
  assert.deepEqual(
    projects.map((p) => p.indicators.length),
    [3, 1],
  );
});

test("calc: a project name cut through a line by the page break prints that line on both pages, above the next page's first band: one project", () => {
  const p1 = ruledPage(1, 100, [
    HEAD,
    ["项目甲", "10", ...ind("甲一", "产出指标", "数量指标")],
    ["^", "^", ...ind("甲二", "产出指标", "质量指标")],
    ["", "", ...ind("乙一", "产出指标", "数量指标")],
    ["^", "^", ...ind("乙二", "^", "质量指标")],
  ]);
  // 项目乙's cell: its name wraps over two lines centred across both pages; the first line is
  // cut by the break — printed at the foot of page 1 (its baseline past the last row line) and
  // again at the top of page 2, across the table's top line; the second line inside page 2.
  const cell = p1.tables[0]!.cells.findIndex((c) => c.r0 === 3 && c.c0 === 0);
  p1.texts[0]![cell] = [{ str: "科技平台建设", x: XS[0]! + 1, y: 100 + 5 * ROW + 3, w: 60, size: 10 }];
  const p2 = ruledPage(2, 40, [
    ["资金3", "", ...ind("乙三", "效益指标", "社会效益")],
    ["^", "^", ...ind("乙四", "^", "^")],
    ["项目丙", "30", ...ind("丙一", "产出指标", "数量指标")],
  ]);
  p2.outside = [run("科技平台建设", XS[0]! + 1, 43)];
  const moved = attachCutHeads([p1, p2]);
  assert.equal(moved[1]!.outside.length, 0, "the cut line is the cell's first line on page 2");
  const { projects } = read([p1, p2]);
  assert.deepEqual(
    projects.map((p) => [p.name, p.indicators.length]),
    [
      ["项目甲", 2],
      ["科技平台建设资金3", 4],
      ["项目丙", 1],
    ],
  );
});

test("browser: an empty region across the project columns at a page's foot (the cut cells' part left undrawn) is no project begun there", () => {
  const p1 = ruledPage(1, 100, [
    HEAD,
    ["项目甲", "10", ...ind("甲一", "产出指标", "数量指标")],
    ["^", "^", ...ind("甲二", "产出指标", "质量指标")],
    ["", "", ...ind("甲三", "满意度指标", "服务对象满意度")],
  ]);
  // The foot row's project columns: one region, no line between them.
  const t = p1.tables[0]!;
  const foot = t.cells.flatMap((c, k) => (c.r0 === 3 && c.c0 < 2 ? [k] : [])).reverse();
  for (const k of foot) {
    t.cells.splice(k, 1);
    p1.texts[0]!.splice(k, 1);
  }
  t.cells.push({ r0: 3, r1: 4, c0: 0, c1: 2 });
  p1.texts[0]!.push([]);
  const p2 = ruledPage(2, 40, [
    ["项目乙", "20", ...ind("乙一", "产出指标", "数量指标")],
    ["^", "^", ...ind("乙二", "^", "质量指标")],
  ]);
  const { projects } = read([p1, p2]);
  assert.deepEqual(
    projects.map((p) => [p.name, p.indicators.length]),
    [
      ["项目甲", 3],
      ["项目乙", 2],
    ],
  );
});

test("a note under the table, an empty cell at a page's foot before a cell of one row, are left as they are", () => {
  const p1 = ruledPage(1, 100, [
    HEAD,
    ["项目甲", "10", ...ind("甲一", "产出指标", "数量指标")],
    ["^", "^", "^", "^", "甲二", "定性", "", "好", "", "5"],
  ]);
  // A note with a margin above it, across columns; another right under the table in one column
  // whose next page prints something else there.
  p1.outside = [run("注：本表为示例", XS[0]! + 3, 100 + 3 * ROW + 30), run("另注", XS[4]! + 3, 100 + 3 * ROW + 9)];
  const p2 = ruledPage(2, 40, [["项目乙", "20", ...ind("乙一", "产出指标", "数量指标")]]);
  const moved = attachCutTails([p1, p2]);
  assert.equal(moved[0], p1, "nothing continues: the page is handed on as it is");
  const { sheet, projects } = read([p1, p2]);
  assert.ok(sheet.rows.some((row) => row[0]?.text === "注：本表为示例"));
  assert.deepEqual(
    projects.map((p) => [p.name, p.indicators.length]),
    [
      ["项目甲", 2],
      ["项目乙", 1],
    ],
  );
  // 指标方向 left empty at the foot is no cell begun: 项目乙 does not take 甲二.
  assert.equal(projects[1]?.indicators[0], "产出指标/数量指标/乙一");
});
