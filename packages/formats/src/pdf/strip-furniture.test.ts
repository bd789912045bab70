import assert from "node:assert/strict";
import { test } from "node:test";
import type { PdfPage, TextRun } from "./pdf-page.ts";
import { withoutPageNumbers } from "./strip-furniture.ts";

const run = (str: string, x: number, y: number, w = str.length * 6): TextRun => ({ str, x, y, w, size: 6, font: "f" });

const page = (runs: TextRun[]): PdfPage => ({
  number: 1,
  width: 842,
  height: 595,
  rotate: 0,
  runs,
  horizontals: [],
  verticals: [],
  images: [],
  truncated: false,
});

test("a centred page number is dropped, even with a cut cell's text printed below it (calc)", () => {
  const rows = [run("产出指标", 436, 556), run("质量指标", 479, 551), run("95", 695, 551)];
  const footer = [
    run("第", 398, 572, 6),
    run("1", 406, 572, 4),
    run("页，共", 412, 572, 18),
    run("2", 431, 572, 4),
    run("页", 437, 572, 6),
  ];
  const cut = [run("2023年基层医疗机构设备购置", 32, 582), run("通过对217名基层医疗机构开展", 279, 582)];
  const p = withoutPageNumbers(page([...rows, ...footer, ...cut]));
  assert.deepEqual(
    p.runs.map((r) => r.str),
    [...rows, ...cut].map((r) => r.str),
  );
  for (const f of ["Page 3 of 9", "- 3 -", "第 3 页"])
    assert.deepEqual(withoutPageNumbers(page([run(f, 400, 580, 40)])).runs, []);
});

test("a centred page number is dropped when a cut cell's clipped text lies on its baseline far to its left (calc)", () => {
  const footer = [
    run("第", 398, 572, 6),
    run("2", 406, 572, 4),
    run("页，共", 412, 572, 18),
    run("3", 431, 572, 4),
    run("页", 437, 572, 6),
  ];
  // The cut project's budget, right-aligned in its column, half a point lower.
  const cut = [run("76.93", 262, 572.6, 16), run("一般公共预算项目", 190, 573.1, 45)];
  const p = withoutPageNumbers(page([...footer, ...cut]));
  assert.deepEqual(
    p.runs.map((r) => r.str),
    cut.map((r) => r.str),
  );
});

test("numbers that are table data stay: not centred, a bare number, or beside other text", () => {
  const kept = [
    run("第1页", 40, 300, 30), // at the left: a cell
    run("12", 415, 580, 12), // a bare number (an amount, a weight)
    run("第 2 页", 380, 200, 40),
    run("见附件", 430, 200, 40), // with other text on its baseline
  ];
  const p = page([...kept.slice(0, 2)]);
  assert.equal(withoutPageNumbers(p), p);
  const q = page(kept.slice(2));
  assert.equal(withoutPageNumbers(q).runs.length, 2);
});
