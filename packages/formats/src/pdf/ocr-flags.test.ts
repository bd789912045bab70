import assert from "node:assert/strict";
import { test } from "node:test";
import type { Diagnostic, TargetDocument } from "@jixiao/core";
import { flagDoubtful, rowIndicators } from "./ocr-flags.ts";
import { type DoubtfulCell, type PageTables, pagesToSheet } from "./page-sheet.ts";
import type { Cell, Table } from "./ruled-grid.ts";

/** A recognised page: cells [r0, c0, r1, c1, text, confidence] on a 3-column grid of `rows` rows. */
function page(n: number, rows: number, cells: Array<[number, number, number, number, string, number]>): PageTables {
  const owner = Array.from({ length: rows }, () => [-1, -1, -1]);
  const list: Cell[] = cells.map(([r0, c0, r1, c1], k) => {
    for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) owner[r]![c] = k;
    return { r0, c0, r1, c1 };
  });
  const table: Table = {
    xs: [0, 100, 200, 300],
    ys: Array.from({ length: rows + 1 }, (_, i) => 50 + i * 20),
    cells: list,
    owner,
  };
  return {
    page: n,
    tables: [table],
    texts: [cells.map((c) => c[4])],
    confidence: [cells.map((c) => c[5])],
    outside: [],
  };
}

/** A generated document: one project of the named indicators. */
function doc(names: string[], weights: number[] = []): TargetDocument {
  return {
    format: "jixiao/targets",
    moneyUnit: "万元",
    projects: [
      {
        name: "项目甲",
        unitCode: "101001",
        unitName: "单位",
        category: "部门预算项目",
        budget: 10,
        goal: "目标",
        indicators: names.map((name, i) => ({ level1: "产出指标", level2: "数量指标", name, weight: weights[i] })),
      },
    ],
  } as unknown as TargetDocument;
}

test("a doubtful cell below a row the page join dropped is tied to its own row's indicator", () => {
  // Page 2 starts with the project's merged cell continued and nothing else: that row is dropped,
  // so the unit cell under it sits one sheet row higher than its table row says.
  const p1 = page(1, 2, [
    [0, 0, 2, 1, "项目甲", 96],
    [0, 1, 1, 2, "指标一", 96],
    [0, 2, 1, 3, "个", 96],
    [1, 1, 2, 2, "指标二", 96],
    [1, 2, 2, 3, "人", 96],
  ]);
  const p2 = page(2, 3, [
    [0, 0, 3, 1, "", 96],
    [1, 1, 2, 2, "指标三", 96],
    [1, 2, 2, 3, "2", 40],
    [2, 1, 3, 2, "指标四", 96],
    [2, 2, 3, 3, "次", 96],
  ]);
  const { sheet, doubtful } = pagesToSheet([p1, p2], 90);
  assert.equal(doubtful.length, 1);
  assert.ok(
    sheet.rows[doubtful[0]!.row]!.some((c) => c?.text === "指标三"),
    "the doubtful cell's own row",
  );
  const flags = flagDoubtful(doubtful, sheet.rows, doc(["指标一", "指标二", "指标三", "指标四"]));
  assert.deepEqual(
    flags.map((d) => [d.code, d.projectIndex, d.indicatorIndex]),
    [["pdf.ocr-low-confidence", 0, 2]],
  );
});

test("a doubtful cell merged over several rows is flagged for each indicator it spans; a project's own cell for the project", () => {
  const p = page(1, 3, [
    [0, 0, 3, 1, "项目甲", 50],
    [0, 1, 1, 2, "指标一", 96],
    [0, 2, 2, 3, "个", 60],
    [1, 1, 2, 2, "指标二", 96],
    [2, 1, 3, 2, "指标三", 96],
    [2, 2, 3, 3, "人", 96],
  ]);
  const { sheet, doubtful } = pagesToSheet([p], 90);
  const flags = flagDoubtful(doubtful, sheet.rows, doc(["指标一", "指标二", "指标三"]));
  assert.deepEqual(
    flags.map((d) => [d.cell, d.projectIndex, d.indicatorIndex]),
    [
      ["p1!A1", 0, undefined],
      ["p1!C1", 0, 0],
      ["p1!C1", 0, 1],
    ],
  );
});

test("a row whose name was not found as read is tied by its place between two rows that were", () => {
  const rows = [["指标一"], ["指标?"], ["指标三"]].map((r) => r.map((text) => ({ text })));
  const tied = rowIndicators(rows, [{ name: "指标一" }, { name: "指标二" }, { name: "指标三" }]);
  assert.deepEqual(
    [...tied].map(([r, x]) => [r, x.name]),
    [
      [0, "指标一"],
      [2, "指标三"],
      [1, "指标二"],
    ],
  );
});

test("weights: a doubtful weight is repaired by the department's total, an unread one filled and its error dropped", () => {
  const names = ["甲一", "甲二", "甲三"];
  const three = (w: number[]) => ({ ...doc(names, w).projects[0]!, name: `项目${w[0]}` });
  const d = doc(names, [25, 50, 27.5]);
  d.projects.push(three([40, 2.5, 37.5]), three([60, 10, 10]));
  const p = page(1, 3, [
    [0, 0, 1, 1, "甲一", 96],
    [0, 2, 1, 3, "25", 70],
    [1, 0, 2, 1, "甲二", 96],
    [2, 0, 3, 1, "甲三", 96],
  ]);
  const { sheet, doubtful } = pagesToSheet([p], 90);
  const out = flagDoubtful(doubtful, sheet.rows, d);
  assert.equal(d.projects[0]!.indicators[0]!.weight, 2.5);
  assert.ok(out.some((x) => x.code === "pdf.ocr-repaired" && x.indicatorIndex === 0 && x.severity === "info"));
  assert.ok(
    out.some((x) => x.code === "pdf.ocr-low-confidence" && x.indicatorIndex === 0),
    "still flagged",
  );

  const e = doc(names, [40, 0, 37.5]);
  delete (e.projects[0]!.indicators[1] as { weight?: number }).weight;
  e.projects.push(three([40, 2.5, 37.5]), three([60, 10, 10]));
  const unread: Diagnostic = {
    code: "pdf.weight-not-number",
    severity: "error",
    message: "",
    messageEn: "",
    cell: "p1!C2",
    projectIndex: 0,
    indicatorIndex: 1,
  };
  const out2 = flagDoubtful([], sheet.rows, e, [unread]);
  assert.equal(e.projects[0]!.indicators[1]!.weight, 2.5);
  assert.ok(!out2.includes(unread), "the error is replaced by a warning");
  assert.ok(out2.some((x) => x.code === "pdf.ocr-repaired" && x.severity === "warning" && x.cell === "p1!C2"));
});

for (const lostAt of [0, 2, 4])
  test(`a row whose indicator was lost, printing a name a later project repeats, does not untie the rows after it (lost at ${lostAt})`, () => {
    // Project A prints 5 rows and a last 服务对象满意度 row; project B repeats 服务对象满意度 as its
    // last. A's rows are read, but one of them (lostAt) and A's 服务对象满意度 are not in the document.
    const common = "服务对象满意度";
    const a = ["甲1", "甲2", "甲3", "甲4", "甲5"];
    const b = ["乙1", "乙2", "乙3", common];
    const rows = [...a, common, ...b].map((name) => [{ text: "项目" }, { text: name }]);
    const order = [
      ...a.filter((_, i) => i !== lostAt).map((name, ii) => ({ name, pi: 0, ii })),
      ...b.map((name, ii) => ({ name, pi: 1, ii })),
    ];
    const tied = rowIndicators(rows, order);
    // Every row of project B is tied to its own indicator.
    b.forEach((name, ii) => {
      const r = a.length + 1 + ii;
      assert.deepEqual([tied.get(r)?.pi, tied.get(r)?.ii, tied.get(r)?.name], [1, ii, name], `row ${r}`);
    });
    // A's 服务对象满意度 row is not tied to B's.
    assert.equal(tied.get(a.length), undefined);
  });

/** A department of `n` projects, 4 indicators each, weights adding to 100 (one row per indicator). */
function weighted(n: number, seed: number) {
  const projects = Array.from({ length: n }, (_, pi) => {
    const w = [10 + ((seed + pi) % 5) * 5, 20, 30.5, 0];
    w[3] = 100 - w[0]! - w[1]! - w[2]!;
    return {
      name: `项目${pi}`,
      unitCode: "101001",
      unitName: "单位",
      category: "部门预算项目",
      budget: 10,
      goal: "目标",
      indicators: w.map((weight, ii) => ({
        level1: "产出指标",
        level2: "数量指标",
        name: `项目${pi}指标${ii}`,
        target: String(90 + ii),
        weight,
      })),
    };
  });
  const doc = { format: "jixiao/targets", moneyUnit: "万元", projects } as unknown as TargetDocument;
  const rows = projects.flatMap((p) => p.indicators.map((i) => [{ text: i.name }, { text: String(i.weight) }]));
  return { doc, rows };
}

for (const n of [2, 3, 5])
  test(`${n} projects: an unsure weight is not flagged when its project adds up to the total the others share; a misread one stays flagged`, () => {
    const { doc, rows } = weighted(n, n);
    // Every weight cell read at 85; project 1's third weight misread (30.5 → 305): its project is off.
    doc.projects[1]!.indicators[2]!.weight = 305;
    rows[6]![1]!.text = "305";
    const cells: DoubtfulCell[] = rows.map((r, i) => ({
      row: i,
      lastRow: i,
      ref: `p1!B${i + 1}`,
      text: r[1]!.text,
      confidence: 85,
    }));
    cells.push({ row: 0, lastRow: 0, ref: "p1!A1", text: rows[0]![0]!.text, confidence: 85 });
    const d = flagDoubtful(cells, rows, doc).filter((x) => x.code === "pdf.ocr-low-confidence");
    const flagged = new Set(d.map((x) => `${x.projectIndex}:${x.indicatorIndex}:${x.cell}`));
    assert.ok(flagged.has("0:0:p1!A1"), "a name cell is not a weight: still flagged");
    for (let ii = 0; ii < 4; ii++)
      assert.ok(flagged.has(`1:${ii}:p1!B${5 + ii}`), `project 1's weight ${ii} stays flagged`);
    // Two projects, one off: no total most projects share, nothing is confirmed.
    for (let pi = 0; pi < n; pi++)
      if (pi !== 1)
        for (let ii = 0; ii < 4; ii++)
          assert.equal(
            flagged.has(`${pi}:${ii}:p1!B${pi * 4 + ii + 1}`),
            n === 2,
            `project ${pi}'s weight ${ii} is ${n === 2 ? "not " : ""}confirmed`,
          );
  });
