// Text in every shape a person pastes, built from generated departments (bench/generator), not
// from any fixture's strings: tab-separated (a spreadsheet copy, merged cells empty), a web copy
// as `| a | b |` pipes (complete, and with its rowspan cells dropped — continuation rows shifted
// left and padded at the end), one cell per line (a web page copy), and columns aligned by spaces
// (pdftotext -layout). Each goes through the grid reader and must come back exact.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Indicator, TargetDocument } from "@jixiao/core";
import { generateDepartment } from "../../../../bench/generator/department.ts";
import { detectShape } from "./detect-shape.ts";
import { readText } from "./read-text.ts";

const HEADER = [
  "单位名称",
  "项目名称",
  "预算数",
  "年度目标",
  "一级指标",
  "二级指标",
  "三级指标",
  "指标性质",
  "指标方向",
  "指标值",
  "计量单位",
  "分值",
];
/** Leading columns a rowspan can cover (the project's), then 一级, 二级. */
const PROJECT_COLS = 4;

/** The table as cells: one row per indicator, project cells (and repeated 一级/二级) on the first row of their run only. */
function rowsOf(doc: TargetDocument): { cells: string[]; merged: number }[] {
  const out: { cells: string[]; merged: number }[] = [];
  for (const p of doc.projects) {
    let prev: Indicator | null = null;
    for (const ind of p.indicators) {
      const sameL1 = prev !== null && prev.level1 === ind.level1;
      const sameL2 = sameL1 && prev!.level2 === ind.level2;
      const cells = [
        prev ? "" : `${p.unitCode}-${p.unitName}`,
        prev ? "" : p.name,
        prev ? "" : p.budget.toFixed(2),
        prev ? "" : p.goal,
        sameL1 ? "" : ind.level1,
        sameL2 ? "" : ind.level2,
        ind.name,
        ind.nature,
        ind.operator ?? "",
        ind.target,
        ind.unit ?? "",
        String(ind.weight ?? ""),
      ];
      // How many leading cells a rowspan covers on this row.
      const merged = prev ? PROJECT_COLS + (sameL1 ? 1 : 0) + (sameL2 ? 1 : 0) : 0;
      out.push({ cells, merged });
      prev = ind;
    }
  }
  return out;
}

function preamble(doc: TargetDocument): string[] {
  return [doc.title ?? "项目绩效目标表", `单位：${doc.moneyUnit}`];
}

function tsv(doc: TargetDocument): string {
  return [...preamble(doc), HEADER.join("\t"), ...rowsOf(doc).map((r) => r.cells.join("\t"))].join("\n");
}

function pipes(doc: TargetDocument, dropRowspans: boolean): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const body = rowsOf(doc).map((r) => {
    if (!dropRowspans || r.merged === 0 || !r.cells.slice(0, r.merged).every((c) => c === "")) return line(r.cells);
    const kept = r.cells.slice(r.merged);
    return line([...kept, ...r.cells.slice(0, r.merged).map(() => "")]);
  });
  return [...preamble(doc).map((t) => line([t])), line(HEADER), ...body].join("\n");
}

function cellPerLine(doc: TargetDocument): string {
  const cells = [...preamble(doc), ...HEADER, ...rowsOf(doc).flatMap((r) => r.cells.map((c) => c || "\u00a0"))];
  return cells.join("\n\n");
}

function aligned(doc: TargetDocument): string {
  const rows = [HEADER, ...rowsOf(doc).map((r) => r.cells)];
  const widths = HEADER.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)) + 3);
  const lines = rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join("")
      .trimEnd(),
  );
  return [...preamble(doc), "", ...lines].join("\n");
}

const FIELDS = ["level1", "level2", "name", "nature", "operator", "target", "unit", "weight"] as const;

/** Indicators exact (the fields a table prints), per project in order, and the project fields. */
function check(truth: TargetDocument, got: TargetDocument | null, what: string): { n: number; exact: number } {
  assert.ok(got, `${what}: no document`);
  assert.equal(got.projects.length, truth.projects.length, `${what}: projects`);
  let n = 0;
  let exact = 0;
  truth.projects.forEach((tp, k) => {
    const gp = got.projects[k]!;
    assert.equal(gp.name, tp.name, `${what}: project ${k} name`);
    assert.equal(gp.unitCode, tp.unitCode, `${what}: project ${k} unit code`);
    assert.equal(gp.budget, tp.budget, `${what}: project ${k} budget`);
    tp.indicators.forEach((ti, i) => {
      n++;
      const gi = gp.indicators[i];
      if (gi && FIELDS.every((f) => (gi[f] ?? null) === (ti[f] ?? null))) exact++;
    });
  });
  return { n, exact };
}

const SHAPES: [string, "tabs" | "pipes" | "cell-per-line" | "aligned", (d: TargetDocument) => string][] = [
  ["tab-separated (spreadsheet copy)", "tabs", tsv],
  ["pipes (web copy)", "pipes", (d) => pipes(d, false)],
  ["pipes with rowspan cells dropped (web copy)", "pipes", (d) => pipes(d, true)],
  ["one cell per line (web page copy)", "cell-per-line", cellPerLine],
  ["columns aligned by spaces (pdftotext -layout)", "aligned", aligned],
];

for (const [what, shape, render] of SHAPES)
  test(`pasted ${what}: shape detected, every indicator exact over generated departments`, () => {
    let n = 0;
    let exact = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const truth = generateDepartment(seed, { projects: 3 });
      const text = render(truth);
      assert.equal(detectShape(text), shape, `seed ${seed}`);
      const { value, diagnostics } = readText(text);
      assert.ok(
        diagnostics.some((d) => d.code === "text.shape-detected"),
        `seed ${seed}: the repair log says how the text was read`,
      );
      const c = check(truth, value, `${what}, seed ${seed}`);
      n += c.n;
      exact += c.exact;
    }
    assert.ok(n > 100);
    assert.equal(exact, n, `${what}: ${exact}/${n} exact`);
  });

test("rowspan cells dropped: every shifted row is realigned and reported", () => {
  const truth = generateDepartment(7, { projects: 2 });
  const { diagnostics } = readText(pipes(truth, true));
  const shifted = rowsOf(truth).filter((r) => r.merged > 0).length;
  assert.equal(diagnostics.filter((d) => d.code === "text.rows-realigned").length, shifted);
});
