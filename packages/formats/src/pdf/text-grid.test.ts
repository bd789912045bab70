// Pages without ruling lines, read by text geometry: rows set apart by padding, each with a
// cell wrapped over two or three baselines, short cells centred beside it and numbers
// right-aligned beside left-aligned text. Built from glyph runs as a browser prints a table
// without borders (10.5 pt, 13 pt between wrapped lines, 12 pt of padding between rows).
import assert from "node:assert/strict";
import { test } from "node:test";
import type { TextRun } from "./pdf-page.ts";
import { joinPieces, placeRuns } from "./place-text.ts";
import { textConfidence, textTable } from "./text-grid.ts";

const SIZE = 10.5;
const run = (str: string, x: number, y: number, right = false): TextRun => {
  const w = Array.from(str).reduce((k, c) => k + (/[\u4e00-\u9fff]/.test(c) ? 1 : 0.55), 0) * SIZE;
  return { str, x: right ? x - w : x, y, w, size: SIZE, font: "f" };
};

/** Rows of [name lines, nature, target]: the name wraps, the others are centred, the target right-aligned at x 330. */
function page(rows: Array<[string[], string, string]>): TextRun[] {
  const runs: TextRun[] = [run("三级指标", 40, 60), run("指标性质", 200, 60), run("目标值", 330, 60, true)];
  let y = 90;
  for (const [lines, nature, target] of rows) {
    lines.forEach((l, i) => {
      runs.push(run(l, 40, y + i * 13));
    });
    const mid = y + ((lines.length - 1) * 13) / 2;
    runs.push(run(nature, 200, mid), run(target, 330, mid, true));
    y += lines.length * 13 + 12 + SIZE;
  }
  return runs;
}

const ROWS: Array<[string[], string, string]> = [
  [["年度平台建设科技", "创新数量"], "正向", "735"],
  [["科技创新平台建设", "合格率与及时率的", "综合指标"], "正向", "96"],
  [["满意度"], "正向", "1,200.50"],
  [["平台建设提升科技", "创新发展质量"], "定性", "有所提高"],
  // The last row prints on one line: a wrapped cell below the last tabular line is not yet
  // recognised as the last row's (a known gap).
  [["服务对象满意度"], "正向", "90"],
];

test("wrapped cells, centred short cells and right-aligned numbers: one row per printed row", () => {
  const runs = page(ROWS);
  const t = textTable(runs);
  assert.ok(t);
  assert.equal(t.xs.length - 1, 3, "three columns");
  assert.equal(t.ys.length - 1, ROWS.length + 1, "the header and one row per printed row");
  const { texts } = placeRuns(runs, [t]);
  const cell = (r: number, c: number) => joinPieces(texts[0]![t.owner[r]![c]!]!);
  ROWS.forEach(([lines, nature, target], i) => {
    assert.equal(cell(i + 1, 0), lines.join(""));
    assert.equal(cell(i + 1, 1), nature);
    assert.equal(cell(i + 1, 2), target);
  });
});

/**
 * A borderless print with merged cells: a 一级 label centred over three rows and a 二级 label
 * centred over two (printed once, vertically centred in the whole cell, so neither sits on a row
 * of its own), beside indicator rows set apart by padding.
 */
test("merged cells printed once, centred over their rows: each spans the rows it is centred on", () => {
  const runs: TextRun[] = [
    run("一级", 40, 60),
    run("二级", 120, 60),
    run("三级指标", 200, 60),
    run("分值", 330, 60, true),
  ];
  const rowY = [90, 114, 153, 177];
  const names: string[][] = [["数量一"], ["数量二", "续行"], ["质量一"], ["满意度"]];
  names.forEach((lines, i) => {
    lines.forEach((l, k) => {
      runs.push(run(l, 200, rowY[i]! + k * 15));
    });
    runs.push(run(String(i + 1), 330, rowY[i]! + ((lines.length - 1) * 15) / 2, true));
  });
  // 产出 over rows 0–2 (90 … 153), centred; 数量 over rows 0–1 (90 … 129), centred.
  runs.push(run("产出", 40, (90 + 153) / 2), run("数量", 120, (90 + 129) / 2), run("质量", 120, 153));
  runs.push(run("满意", 40, 177), run("满意度", 120, 177));
  const t = textTable(runs);
  assert.ok(t);
  assert.equal(t.ys.length - 1, 5, "the header and four rows");
  const { texts } = placeRuns(runs, [t]);
  const at = (r: number, c: number) => t.cells[t.owner[r]![c]!]!;
  const text = (r: number, c: number) => joinPieces(texts[0]![t.owner[r]![c]!]!);
  assert.deepEqual([at(1, 0).r0, at(1, 0).r1], [1, 4], "产出 spans three rows");
  assert.equal(text(2, 0), "产出");
  assert.deepEqual([at(1, 1).r0, at(1, 1).r1], [1, 3], "数量 spans two rows");
  assert.equal(text(3, 1), "质量");
  assert.equal(text(2, 2), "数量二续行");
  assert.equal(text(4, 0), "满意");
});

/**
 * A table printed over pages, as a browser breaks it (rows 39 pt apart, merged cells printed
 * once). Columns: project, 一级, 三级指标, 指标性质, 分值. `rows` are the page's indicator rows
 * from y 30; `merged` the labels of merged cells as [column x, first line's y, lines].
 */
function printedPage(
  rows: string[],
  merged: Array<[number, number, string[]]>,
  header: boolean | Array<[string, number]> = false,
): TextRun[] {
  const runs: TextRun[] = Array.isArray(header)
    ? [
        ...header.map(([h, x]) => run(h, x, 10)),
        run("三级指标", 200, 10),
        run("性质", 270, 10),
        run("分值", 330, 10, true),
      ]
    : header
      ? [
          run("项目", 40, 10),
          run("一级", 120, 10),
          run("三级指标", 200, 10),
          run("性质", 270, 10),
          run("分值", 330, 10, true),
        ]
      : [];
  rows.forEach((name, i) => {
    const y = 30 + i * 39;
    runs.push(run(name, 200, y), run("正向", 270, y), run(String(i + 1), 330, y, true));
  });
  for (const [x, y, lines] of merged)
    lines.forEach((l, k) => {
      runs.push(run(l, x, y + k * 13));
    });
  return runs;
}

test("a page continuing a table: a project beginning below the rows continued from the page before, its name near the page's middle, does not take those rows", () => {
  // Page 1: project 甲 over four rows (its name and 一级 centred on them), continued on page 2.
  const first = printedPage(
    ["指标一", "指标二", "指标三", "指标四"],
    [
      [40, 30 + 58.5, ["甲项目"]],
      [120, 30 + 58.5, ["产出"]],
    ],
    true,
  );
  const t1 = textTable(first);
  assert.ok(t1);
  // Page 2: three rows continue 甲 (nothing printed in the project and 一级 columns), then
  // project 乙 begins on row 3 and runs onto page 3: its four-line name printed at the top of
  // its part (rows 3–7), so its middle (y 166.5) is also the middle of the whole page's rows.
  const rows = ["指标五", "指标六", "指标七", "乙指标一", "乙指标二", "乙指标三", "乙指标四", "乙指标五"];
  const second = printedPage(rows, [
    [40, 147, ["乙项目", "名称第二", "行第三行", "第四行"]],
    [120, 147, ["产出"]],
  ]);
  const t2 = textTable(second, [t1]);
  assert.ok(t2);
  assert.equal(t2.ys.length - 1, rows.length, "one row per printed row");
  const at = (r: number, c: number) => t2.cells[t2.owner[r]![c]!]!;
  assert.deepEqual([at(0, 0).r0, at(0, 0).r1], [0, 3], "the rows continued from page 1 are one (empty) cell");
  assert.deepEqual([at(3, 0).r0, at(3, 0).r1], [3, 8], "乙 begins on its first row");
  const { texts } = placeRuns(second, [t2], true);
  assert.equal(joinPieces(texts[0]![t2.owner[3]![0]!]!), "乙项目名称第二行第三行第四行");
  assert.equal(joinPieces(texts[0]![t2.owner[0]![0]!]!), "");

  // Page 3 holds only the table's last row (and a line below it): one row, not "no table".
  const third = printedPage(["乙指标六"], [[120, 30, ["满意"]]]);
  third.push(run("合计", 40, 80), run("100", 260, 80, true));
  const t3 = textTable(third, [t1, t2]);
  assert.ok(t3, "a page holding the last row of a table continued from the page before");
  assert.equal(t3.ys.length - 1, 1);
  const placed = placeRuns(third, [t3], true);
  assert.equal(joinPieces(placed.texts[0]![t3.owner[0]![2]!]!), "乙指标六");
  assert.equal(joinPieces(placed.texts[0]![t3.owner[0]![4]!]!), "1");
});

test("merged cells nest both ways: a column whose new cell reads as centred on the whole page is read again where the coarser column to its left begins one", () => {
  // Columns: budget (coarser, one line), project name, 一级, then the indicator columns.
  const head: Array<[string, number]> = [
    ["预算", 40],
    ["项目", 90],
    ["一级", 150],
  ];
  const first = printedPage(
    ["指标一", "指标二", "指标三"],
    [
      [40, 69, ["9.50"]],
      [90, 69, ["甲项目"]],
      [150, 69, ["产出"]],
    ],
    head,
  );
  const t1 = textTable(first);
  assert.ok(t1);
  // Page 2: 甲's last three rows under a new 一级 cell (效益, centred on them: no column's first
  // cell is left empty but the project's), then 乙 from row 3, its budget and four-line name at
  // the top of its part — the name's middle is the middle of the page's rows.
  const rows = ["指标四", "指标五", "指标六", "乙指标一", "乙指标二", "乙指标三", "乙指标四", "乙指标五"];
  const second = printedPage(rows, [
    [40, 147, ["12.50"]],
    [90, 147, ["乙项目", "名称第二", "行第三行", "第四行"]],
    [150, 69, ["效益"]],
    [150, 147 + 78, ["产出"]],
  ]);
  const t2 = textTable(second, [t1]);
  assert.ok(t2);
  assert.equal(t2.ys.length - 1, rows.length);
  const at = (r: number, c: number) => t2.cells[t2.owner[r]![c]!]!;
  for (const c of [0, 1])
    assert.deepEqual([at(3, c).r0, at(3, c).r1], [3, 8], `column ${c}: 乙 begins on its first row`);
  const { texts } = placeRuns(second, [t2], true);
  assert.equal(joinPieces(texts[0]![t2.owner[3]![1]!]!), "乙项目名称第二行第三行第四行");
  assert.equal(joinPieces(texts[0]![t2.owner[0]![1]!]!), "");
});

test("a continuing page that begins with the tail of a cell cut by the page break (a label's last glyph above its first row) reads it as a row of its own, cut and doubtful", () => {
  const first = printedPage(["指标一", "指标二"], [[120, 30, ["满意度指"]]], true);
  const t1 = textTable(first);
  assert.ok(t1);
  // The last glyph of 满意度指标 on the next page, a line and two paddings above a new project.
  const rows = ["乙指标一", "乙指标二", "乙指标三"];
  const second = printedPage(rows, [
    [40, 30, ["乙项目"]],
    [120, 30 + 39, ["产出"]],
  ]);
  second.push(run("标", 120, 5));
  const t2 = textTable(second, [t1]);
  assert.ok(t2);
  assert.equal(t2.ys.length - 1, rows.length + 1, "the tail's row and one per printed row");
  const { texts } = placeRuns(second, [t2], true);
  const text = (r: number, c: number) => joinPieces(texts[0]![t2.owner[r]![c]!]!);
  assert.equal(text(0, 1), "标");
  assert.equal(text(1, 1), "产出", "the tail is not joined to the first row's label");
  assert.equal(text(1, 2), "乙指标一");
  assert.equal(text(1, 0), "乙项目");
  const conf = textConfidence(t2)!;
  assert.equal(conf[t2.owner[0]![1]!], 50, "the cut row is doubtful");
});

test("a page's last row with no line of three cells (its short cells centred on baselines of their own, the merged columns beside it empty) is still a row; a 合计 line below is not", () => {
  const rows = ["指标一", "指标二", "指标三"];
  const runs = printedPage(rows, [[40, 30 + 39, ["甲项目"]]], true);
  const y = 30 + rows.length * 39;
  runs.push(run("末行指标", 200, y), run("末行续", 200, y + 15), run("正向", 270, y + 7.5), run("9", 330, y + 6, true));
  runs.push(run("合计", 40, y + 45), run("100", 150, y + 45));
  const t = textTable(runs);
  assert.ok(t);
  assert.equal(t.ys.length - 1, rows.length + 2, "the header, the rows and the last one");
  const { texts } = placeRuns(runs, [t]);
  const text = (r: number, c: number) => joinPieces(texts[0]![t.owner[r]![c]!]!);
  const last = rows.length + 1;
  assert.equal(text(last, 2), "末行指标末行续");
  assert.equal(text(last, 3), "正向");
  assert.equal(text(last, 4), "9");
  assert.ok(!text(last, 0).includes("合计"), "the 合计 line is not the project's");
});

test("the rest of a merged cell cut by the page break starts without its top padding, a little above the continuing page's first row: the cell still runs on from the page before", () => {
  const first = printedPage(["指标一", "指标二"], [[40, 30, ["甲项"]]], true);
  const t1 = textTable(first);
  assert.ok(t1);
  const rows = ["指标三", "指标四", "指标五"];
  // The project name's last glyphs 4.5 pt above the first row's first line (no top padding).
  const second = printedPage(rows, [[40, 25.5, ["目3"]]]);
  const t2 = textTable(second, [t1]);
  assert.ok(t2);
  const cell = t2.cells[t2.owner[0]![0]!]!;
  assert.deepEqual([cell.r0, cell.r1], [0, rows.length], "the project's cell runs over the page's rows");
  assert.equal(textConfidence(t2)![t2.owner[0]![0]!], 100);
});

test("a project at the page's foot whose name sits below its last row (empty project cells above it) is a guess: the rows between the two projects are doubtful, the centred project's are not", () => {
  // 甲 centred on rows 0–2; 乙's name and 一级 printed past the last row (row 6), centred on
  // rows partly on the next page — rows 3–5 hold no project text and may be either project's.
  const rows = ["甲一", "甲二", "甲三", "乙一", "乙二", "乙三", "乙四"];
  const last = 30 + (rows.length - 1) * 39;
  const runs = printedPage(rows, [
    [40, 30 + 39, ["甲项目"]],
    [120, 30 + 39, ["产出"]],
    [40, last + 15, ["乙项目"]],
    [120, last + 15, ["效益"]],
  ]);
  const t = textTable(runs);
  assert.ok(t);
  assert.equal(t.ys.length - 1, rows.length);
  const conf = textConfidence(t)!;
  for (const r of [0, 1, 2])
    assert.equal(conf[t.owner[r]![2]!], 100, `row ${r} (甲's, its name centred on it) is not doubtful`);
  for (const r of [3, 4, 5])
    assert.equal(conf[t.owner[r]![2]!], 50, `row ${r} (no project text beside it) is doubtful`);
});

test("a 合计 line under a last row made taller by a wrapped cell beside it (calc) is a row of its own: the project centred over every indicator row keeps its first row", () => {
  // Rows 19 pt apart (a little over 1.75 em); the last row's 二级 label wraps (two lines 15 pt
  // apart), its other cells centred between them; 合计 one line below the label's second line,
  // its amount under 预算数 (no indicator column holds text on it).
  const runs: TextRun[] = [
    run("项目", 40, 10),
    run("预算数", 100, 10),
    run("二级", 160, 10),
    run("三级指标", 230, 10),
    run("性质", 300, 10),
    run("分值", 380, 10, true),
  ];
  const ys = [30, 49, 68, 87, 113.5];
  ys.forEach((y, i) => {
    runs.push(run(`指标${i + 1}`, 230, y), run("正向", 300, y), run(String(i + 1), 380, y, true));
    if (i > 1 && i < 4) runs.push(run(`二级${i + 1}`, 160, y));
  });
  runs.push(run("数量", 160, (30 + 49) / 2), run("社会公众或", 160, 106), run("满意度指标", 160, 121));
  runs.push(run("甲项目", 40, (30 + 121) / 2), run("35.5", 100, (30 + 121) / 2));
  runs.push(run("合计", 40, 139), run("35.5", 100, 139));
  const t = textTable(runs);
  assert.ok(t);
  assert.equal(t.ys.length - 1, 1 + ys.length + 1, "the header, five indicator rows and 合计");
  const { texts } = placeRuns(runs, [t]);
  const text = (r: number, c: number) => joinPieces(texts[0]![t.owner[r]![c]!]!);
  const project = t.cells[t.owner[1]![0]!]!;
  assert.deepEqual([project.r0, project.r1], [1, 6], "甲项目 spans every indicator row");
  assert.equal(text(1, 0), "甲项目");
  assert.equal(text(5, 2), "社会公众或满意度指标");
  assert.deepEqual([text(6, 0), text(6, 1)], ["合计", "35.5"]);
  const conf = textConfidence(t)!;
  for (let r = 1; r <= 5; r++) assert.equal(conf[t.owner[r]![3]!], 100, `row ${r} is not doubtful`);
});
