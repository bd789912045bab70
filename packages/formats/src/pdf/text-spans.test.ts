// Merged project cells of a sheet printed without borders by calc (rows exactly one line height
// apart, 5.6 pt text): the project's columns (name, unit: left of 一级) span the same rows, so
// their cells are tiled together — one column's misreading (a name read as running on into a row
// the page break cuts) does not stand against the others'.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { TextRun } from "./pdf-page.ts";
import { textTable } from "./text-grid.ts";

const SIZE = 5.6;
const STEP = 7.2;
const run = (str: string, x: number, y: number): TextRun => {
  const w = Array.from(str).reduce((k, c) => k + (/[\u4e00-\u9fff]/.test(c) ? 1 : 0.55), 0) * SIZE;
  return { str, x, y, w, size: SIZE, font: "f" };
};

/**
 * A tight page: projects of `rows` indicator rows, each name wrapped over three lines and its unit
 * on one, both centred on the project's rows; 一级 cells of `l1` rows centred likewise. Below
 * them the first row of a project the page break cuts (its name printed on the next page), holding
 * each column's widest line (in tight rows a full line runs on to the next).
 */
function tightPage(projects: Array<{ rows: number; l1: number[] }>): TextRun[] {
  const runs = [run("项目名称", 20, 40), run("项目单位", 70, 40), run("一级指标", 110, 40), run("三级指标", 150, 40)];
  runs.push(run("分值", 220, 40));
  const y0 = 40 + 1.5 * STEP;
  let r = 0;
  for (const p of projects) {
    const mid = y0 + (r + (p.rows - 1) / 2) * STEP;
    ["项目名称项目", "名称项目名称", "经费"].forEach((l, i) => {
      runs.push(run(l, 20, mid + (i - 1) * STEP));
    });
    runs.push(run("单位", 70, mid));
    let q = r;
    for (const n of p.l1) {
      runs.push(run(["产出", "效益"][q % 2]!, 110, y0 + (q + (n - 1) / 2) * STEP));
      q += n;
    }
    for (let i = r; i < r + p.rows; i++) {
      runs.push(run(`指标${i}`, 150, y0 + i * STEP), run(String(i), 220, y0 + i * STEP));
    }
    r += p.rows;
  }
  const y = y0 + r * STEP;
  runs.push(run("满意度", 110, y), run("满意度指标满意度", 150, y), run("100.50", 220, y));
  return runs;
}

test("tight rows: a three-row project's name and its one-line unit span the same rows, not the cut project's row below", () => {
  const projects = [
    { rows: 3, l1: [2, 1] },
    { rows: 4, l1: [2, 2] },
    { rows: 3, l1: [1, 2] },
  ];
  const t = textTable(tightPage(projects));
  assert.ok(t);
  assert.equal(t.ys.length - 1, 1 + 10 + 1, "the header, ten indicator rows and the cut project's first");
  const spans = (c: number) =>
    [...new Set(t.owner.slice(1, 11).map((row) => row[c]!))].map((k) => [t.cells[k]!.r0, t.cells[k]!.r1]);
  const want = [
    [1, 4],
    [4, 8],
    [8, 11],
  ];
  assert.deepEqual(spans(0), want, "the names span their projects' rows");
  assert.deepEqual(spans(1), want, "each unit spans the rows of its project's name");
});
