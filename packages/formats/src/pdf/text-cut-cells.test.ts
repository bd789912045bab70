// Merged cells a page break cuts, in a sheet printed without borders by calc (fitted to the paper:
// 5.6 pt text, wrapped lines 6.9 pt apart, rows 10 pt apart). Calc prints a cut merged cell's text
// centred in the whole cell on each page: on the page before the break the text may sit inside
// this page's part, below its middle; on the page after, above the repeated header. The page after
// may hold a few rows and the 合计 line under the last indicator.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { TextRun } from "./pdf-page.ts";
import type { Table } from "./ruled-grid.ts";
import { textTable } from "./text-grid.ts";

const SIZE = 5.6;
const LINE = 6.9;
const ROW = 10.1;
const run = (str: string, x: number, y: number): TextRun => {
  const w = Array.from(str).reduce((k, c) => k + (/[\u4e00-\u9fff]/.test(c) ? 1 : 0.55), 0) * SIZE;
  return { str, x, y, w, size: SIZE, font: "f" };
};
const HEADER = ["项目名称", "项目单位", "一级指标", "三级指标", "分值"];
const X = [20, 90, 130, 170, 240];
const NAME = ["项目名称项目名称项目", "名称经费"];

interface Project {
  rows: number;
  l1: number[];
  /** Rows of the project printed on the page before / on the next page. */
  before?: number;
  beyond?: number;
}

/** A page: the header at y 40, then the projects' rows; each merged cell's text centred in the whole cell. */
function page(projects: Project[], o: { total?: boolean } = {}): { runs: TextRun[]; rows: number } {
  const runs = HEADER.map((h, c) => run(h, X[c]!, 40));
  const y0 = 40 + ROW * 1.3;
  const at = (row: number) => y0 + row * ROW;
  let r = 0;
  for (const p of projects) {
    const b = p.before ?? 0;
    const mid = at(r - b + (b + p.rows + (p.beyond ?? 0) - 1) / 2);
    NAME.forEach((l, i) => {
      runs.push(run(l, X[0]!, mid + (i - 0.5) * LINE));
    });
    runs.push(run("单位", X[1]!, mid));
    let q = r;
    for (const n of p.l1) {
      runs.push(run(["产出指标", "效益指标"][(q - r) % 2]!, X[2]!, at(q + (n - 1) / 2)));
      q += n;
    }
    for (let i = r; i < r + p.rows; i++) runs.push(run(`指标名称${i}`, X[3]!, at(i)), run(String(i % 9), X[4]!, at(i)));
    r += p.rows;
  }
  // (Calc sets the 合计 line a little closer than a row under the last indicator.)
  if (o.total) runs.push(run("合计", X[0]!, at(r) - 0.7), run("1,000.00", X[1]!, at(r) - 0.7));
  return { runs, rows: r };
}

const spans = (t: Table, c: number, from: number, to: number) =>
  [...new Set(t.owner.slice(from, to).map((row) => row[c]!))].map((k) => [t.cells[k]!.r0, t.cells[k]!.r1]);

test("calc, no borders: a last project running on over the page break, its name centred inside this page's part but below its middle, spans to the page's foot", () => {
  const { runs, rows } = page([
    { rows: 3, l1: [2, 1] },
    { rows: 4, l1: [2, 2] },
    // 12 rows here, 4 on the next page: its text centred 2 rows below this part's middle.
    { rows: 12, l1: [6, 6], beyond: 4 },
  ]);
  const t = textTable(runs);
  assert.ok(t);
  assert.equal(t.ys.length - 1, 1 + rows);
  const want = [
    [1, 4],
    [4, 8],
    [8, 20],
  ];
  assert.deepEqual(spans(t, 0, 1, 1 + rows), want, "the names span their projects' rows");
  assert.deepEqual(spans(t, 1, 1, 1 + rows), want, "and so do the units");
});

test("calc, no borders: the page after the break — the cut project's text above the repeated header, a few rows, the 合计 line — continues the project, 合计 a row of its own", () => {
  const first = page([
    { rows: 8, l1: [4, 4] },
    { rows: 12, l1: [6, 6], beyond: 3 },
  ]);
  const before = textTable(first.runs);
  assert.ok(before);
  // The next page: the project's 3 last rows, its text centred over all 15 (drawn above the header).
  const next = page([{ rows: 3, l1: [3], before: 12 }], { total: true });
  const t = textTable(next.runs, [before]);
  assert.ok(t, "read by its text positions");
  assert.equal(t.xs.length, before.xs.length, "the same columns");
  assert.equal(t.ys.length - 1, 1 + 3 + 1, "the header, three rows and the 合计 line");
  assert.deepEqual(spans(t, 0, 1, 5), [
    [1, 4],
    [4, 5],
  ]);
  assert.ok(t.ys[1]! > 40, "the project's text above the header is not a row");
});
