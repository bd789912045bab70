/**
 * Test helper: a generated department printed in the shapes people paste — tab-separated (a
 * spreadsheet copy, merged cells empty), `| a | b |` pipes (a web copy; optionally with its
 * rowspan cells dropped, rows shifted left and padded), one cell per line, and columns aligned
 * by spaces (pdftotext -layout, merged cells on their first row).
 */
import type { Indicator, TargetDocument } from "@jixiao/core";

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
export function rowsOf(doc: TargetDocument): { cells: string[]; merged: number }[] {
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

export function tsv(doc: TargetDocument, dropRowspans = false): string {
  // A browser's copy of a table with rowspans: a covered cell is left out, the row is shorter.
  const body = rowsOf(doc).map((r) =>
    dropRowspans && r.merged > 0 && r.cells.slice(0, r.merged).every((c) => c === "")
      ? r.cells.slice(r.merged)
      : r.cells,
  );
  return [...preamble(doc), HEADER.join("\t"), ...body.map((cells) => cells.join("\t"))].join("\n");
}

export function pipes(doc: TargetDocument, dropRowspans: boolean): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const body = rowsOf(doc).map((r) => {
    if (!dropRowspans || r.merged === 0 || !r.cells.slice(0, r.merged).every((c) => c === "")) return line(r.cells);
    const kept = r.cells.slice(r.merged);
    return line([...kept, ...r.cells.slice(0, r.merged).map(() => "")]);
  });
  return [...preamble(doc).map((t) => line([t])), line(HEADER), ...body].join("\n");
}

export function cellPerLine(doc: TargetDocument, dropRowspans = false): string {
  const body = rowsOf(doc).flatMap((r) =>
    dropRowspans && r.merged > 0 && r.cells.slice(0, r.merged).every((c) => c === "")
      ? r.cells.slice(r.merged)
      : r.cells,
  );
  const cells = [...preamble(doc), ...HEADER, ...body.map((c) => c || "\u00a0")];
  return cells.join("\n\n");
}

export function aligned(doc: TargetDocument, centred = false, wrapHeader = false): string {
  const table = rowsOf(doc).map((r) => r.cells);
  const widths = HEADER.map((_, c) => Math.max(HEADER[c]!.length, ...table.map((r) => r[c]!.length)) + 3);
  const render = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("")
      .trimEnd();
  // A narrow column wraps its name: 指标 / 性质 on two lines.
  const head = wrapHeader
    ? [render(HEADER.map((h) => h.slice(0, 2))), render(HEADER.map((h) => h.slice(2)))]
    : [render(HEADER)];
  if (!centred) return [...preamble(doc), "", ...head, ...table.map(render)].join("\n");
  // As a spreadsheet's PDF prints: every row on a line with a blank line after it, a merged cell
  // (project cells, 一级/二级 over their run) printed once on the middle line of its rows.
  const lines: string[][] = Array.from({ length: table.length * 2 }, () => HEADER.map(() => ""));
  table.forEach((r, i) => {
    for (let c = PROJECT_COLS + 2; c < HEADER.length; c++) lines[2 * i]![c] = r[c]!;
  });
  for (let c = 0; c < PROJECT_COLS + 2; c++) {
    const projectCol = c < PROJECT_COLS;
    for (let a = 0; a < table.length; ) {
      if (!table[a]![c]) {
        a++;
        continue;
      }
      let b = a;
      // A run ends before the next printed cell of this column or of a project column.
      while (b + 1 < table.length && !table[b + 1]![c] && (projectCol || !table[b + 1]![0])) b++;
      lines[a + b]![c] = table[a]![c]!;
      a = b + 1;
    }
  }
  return [...preamble(doc), "", ...head, ...lines.map(render)].join("\n");
}
