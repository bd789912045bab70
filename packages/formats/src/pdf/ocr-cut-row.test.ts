import assert from "node:assert/strict";
import { test } from "node:test";
import { readGrid } from "../table/read-grid.ts";
import { splitCutRows, tableCut } from "./ocr-cut-row.ts";
import { type PageTables, pagesToSheet } from "./page-sheet.ts";
import type { Segment } from "./pdf-page.ts";
import { findTables, type Table } from "./ruled-grid.ts";

const hseg = (x0: number, x1: number, y: number): Segment => ({ x0, y0: y, x1, y1: y });
const vseg = (x: number, y0: number, y1: number): Segment => ({ x0: x, y0, x1: x, y1 });

const HEADER = ["项目名称", "一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位", "分值"];
/** Columns left of this one are the project's and the groups' (merged over rows). */
const GROUPED = 3;
const W = 60;
const X = (c: number) => c * W;
const COLS = HEADER.length;

/**
 * The page a browser ends by moving a row to the next page: a header, `rows` indicator rows,
 * then the moved row's space — its outer lines and the grouped columns' lines run down to the
 * page's edge, the indicator columns' inner lines do not.
 */
function pageWithCutFoot(rows: number, foot: number): Table {
  const bottom = 20 * (rows + 1) + foot;
  const h = [hseg(0, X(COLS), 0), hseg(0, X(COLS), 20)];
  for (let r = 1; r <= rows; r++) h.push(hseg(X(GROUPED), X(COLS), 20 * (r + 1)));
  h.push(hseg(0, X(COLS), bottom));
  const v = [vseg(0, 0, bottom), vseg(X(COLS), 0, bottom)];
  for (let c = 1; c < COLS; c++) v.push(vseg(X(c), 0, c <= GROUPED ? bottom : 20 * (rows + 1)));
  return findTables(h, v, 1)[0]!;
}

/**
 * The next page: the grouped columns' blank rest at the top (a stray short line under the
 * group columns' stubs splits the first row), the moved row's cells, then a new project's row.
 */
function pageWithCutTop(): Table {
  const h = [hseg(0, X(COLS), 0), hseg(X(1), X(GROUPED), 15), hseg(0, X(COLS), 40), hseg(0, X(COLS), 60)];
  const v = [vseg(0, 0, 60), vseg(X(COLS), 0, 60)];
  for (let c = 1; c < COLS; c++) v.push(vseg(X(c), 0, 60));
  // No line in the grouped column 0 at 15 (the project's cell goes on).
  return findTables(h, v, 1)[0]!;
}

/** Texts of a table, by the top-left fine cell of each cell. */
function texts(tb: Table, at: (r: number, c: number) => string): string[] {
  return tb.cells.map((cell) => at(cell.r0, cell.c0));
}

for (const rows of [1, 2, 4])
  for (const foot of [6, 14])
    test(`a row moved to the next page (${rows} rows before it, ${foot} pt of blank foot) is read, not merged into a banner`, () => {
      const first = pageWithCutFoot(rows, foot);
      const second = pageWithCutTop();
      const R = first.ys.length - 1;
      // The blank fragment is one cell across the indicator columns before the split.
      const frag = first.cells.findIndex((c) => c.r0 === R - 1 && c.c0 === GROUPED);
      assert.equal(first.cells[frag]!.c1, COLS);
      const blank = (k: number) => first.cells[k]!.r0 === R - 1 && first.cells[k]!.r1 === R;
      assert.equal(splitCutRows(first, blank, { top: false, bottom: true }), 1);
      for (let c = GROUPED; c < COLS; c++) {
        const k = first.owner[R - 1]![c]!;
        assert.deepEqual([first.cells[k]!.c0, first.cells[k]!.c1], [c, c + 1], `column ${c} is a cell of its own`);
      }
      // Not at a cut edge: left alone.
      const again = pageWithCutFoot(rows, foot);
      assert.equal(
        splitCutRows(again, () => true, { top: false, bottom: false }),
        0,
      );
      // A fragment with text of its own is left alone.
      assert.equal(
        splitCutRows(pageWithCutFoot(rows, foot), () => false, { top: false, bottom: true }),
        0,
      );

      const row = (r: number) => [`指标${r}`, "正向", "≥", `${90 + r}`, "%", "10"];
      const t1 = texts(first, (r, c) => {
        if (r === 0) return HEADER[c]!;
        if (r === R - 1 && c >= GROUPED) return "";
        if (c < GROUPED) return ["项目甲", "产出指标", "数量指标"][c]!;
        return row(r)[c - GROUPED]!;
      });
      const t2 = texts(second, (r, c) => {
        if (r === 0 && c < GROUPED) return "";
        if (r === 0) return row(rows + 1)[c - GROUPED]!;
        if (r === 1 && c < GROUPED) return "";
        if (c < GROUPED) return ["项目乙", "效益指标", "社会效益指标"][c]!;
        return row(1)[c - GROUPED]!;
      });
      const pages: PageTables[] = [
        { page: 1, tables: [first], texts: [t1], outside: [] },
        { page: 2, tables: [second], texts: [t2], outside: [] },
      ];
      const { sheet } = pagesToSheet(pages);
      const doc = readGrid([sheet], { source: "pdf" }).value!;
      assert.equal(doc.projects[0]!.name, "项目甲");
      assert.deepEqual(
        doc.projects[0]!.indicators.map((i) => i.name),
        Array.from({ length: rows + 1 }, (_, k) => `指标${k + 1}`),
      );
      assert.equal(doc.projects[1]!.indicators.length, 1);
    });

test("a scanned table with nothing printed above it is cut at the top, even with white above it; a titled one is not", () => {
  const W = 200;
  const H = 300;
  const grey = new Uint8Array(W * H).fill(255);
  const img = { x0: 0, y0: 0, x1: W, y1: H, width: W, height: H, grey };
  const tb = { xs: [20, 100, 180], ys: [40, 80, 120] } as unknown as Table;
  // White above the table (40 px: further than `edge` from the image's top).
  assert.deepEqual(tableCut(img, tb, 128, 20, false), { top: true, bottom: false });
  // A title above it.
  for (let y = 10; y < 20; y++) for (let x = 60; x < 140; x++) grey[y * W + x] = 0;
  assert.deepEqual(tableCut(img, tb, 128, 20, false), { top: false, bottom: false });
  // Near the image's top, or continued on the next page.
  assert.equal(tableCut(img, { ...tb, ys: [15, 80] } as unknown as Table, 128, 20, false).top, true);
  assert.equal(tableCut(img, tb, 128, 20, true).bottom, true);
});
