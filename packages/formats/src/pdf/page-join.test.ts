// A merged cell cut by a page break whose text calc prints again on the next page, clipped on one
// of the parts: calc centres a cut cell's text in the whole cell on each page, so a long goal
// wrapped over several lines loses the lines past the first page's foot there, and prints them all
// on the next page (below the repeated header). The two parts are one cell: one project.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readGrid } from "../table/read-grid.ts";
import { type PageTables, pagesToSheet } from "./page-sheet.ts";
import type { Piece } from "./place-text.ts";
import type { Cell, Table } from "./ruled-grid.ts";

const HEAD = ["项目名称", "预算数", "年度绩效目标", "一级指标", "二级指标", "三级指标", "指标方向", "目标值", "分值"];
const XS = HEAD.map((_, i) => 30 + i * 70).concat(30 + HEAD.length * 70);
const ROW = 20;

/** A ruled page: "^" for a fine row covered by the cell above (a merged cell). */
function ruledPage(page: number, top: number, rows: string[][]): PageTables {
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
  return { page, tables: [table], texts: [texts], outside: [] };
}

const ind = (name: string, l1: string, l2: string) => [l1, l2, name, "正向", "90", "5"];
const GOAL = "通过对乙开展工作，完成年度任务，提供有效保障。";

test("calc: a cut project's goal printed again on the next page, clipped on the first (its last lines past the foot), is one cell — one project, the whole goal", () => {
  const p1 = ruledPage(1, 100, [
    HEAD,
    ["项目甲", "10", "甲的目标，按期完成", ...ind("甲一", "产出指标", "数量指标")],
    ["^", "^", "^", ...ind("甲二", "效益指标", "社会效益")],
    ["项目乙", "20", GOAL.slice(0, 12), ...ind("乙一", "产出指标", "数量指标")],
    ["^", "^", "^", ...ind("乙二", "^", "质量指标")],
  ]);
  const p2 = ruledPage(2, 40, [
    HEAD,
    ["项目乙", "20", GOAL, ...ind("乙三", "效益指标", "社会效益")],
    ["^", "^", "^", ...ind("乙四", "^", "经济效益")],
  ]);
  const { sheet } = pagesToSheet([p1, p2]);
  const projects = readGrid([sheet], { source: "pdf" }).value?.projects ?? [];
  assert.deepEqual(
    projects.map((p) => [p.name, p.goal, p.indicators.map((i) => i.name).join(",")]),
    [
      ["项目甲", "甲的目标，按期完成", "甲一,甲二"],
      ["项目乙", GOAL, "乙一,乙二,乙三,乙四"],
    ],
  );
});

test("a next project whose goal merely begins like the cut one's is not joined to it (its name differs)", () => {
  const p1 = ruledPage(1, 100, [
    HEAD,
    ["项目甲", "10", GOAL.slice(0, 12), ...ind("甲一", "产出指标", "数量指标")],
    ["^", "^", "^", ...ind("甲二", "效益指标", "社会效益")],
  ]);
  const p2 = ruledPage(2, 40, [HEAD, ["项目乙", "20", GOAL, ...ind("乙一", "产出指标", "数量指标")]]);
  const { sheet } = pagesToSheet([p1, p2]);
  const projects = readGrid([sheet], { source: "pdf" }).value?.projects ?? [];
  assert.deepEqual(
    projects.map((p) => p.name),
    ["项目甲", "项目乙"],
  );
});
