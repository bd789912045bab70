/**
 * Doubtful recognised cells → warnings that name the cell and the indicators it belongs to.
 * The sheet's rows are tied to the document's indicators by the 三级 names they print (rows and
 * indicators are walked in the same order); a row between two tied rows whose name was not found
 * as read is tied by its position between them. A cell spanning several rows (a 一级/二级 label
 * merged over a group, a unit printed once for several rows) belongs to every indicator it spans,
 * and is flagged for each; a cell holding a project's own field (name, unit, category, budget,
 * goal) is flagged for the project. Weights read unsurely are then checked by the department's
 * weight total (ocr-weights.ts).
 */
import type { Diagnostic, Project, TargetDocument } from "@jixiao/core";
import { repairWeights } from "./ocr-weights.ts";
import type { DoubtfulCell } from "./page-sheet.ts";

type Rows = ({ text: string } | undefined)[][];
const squash = (s: string) => s.replace(/\s+/g, "");

/**
 * Each sheet row's indicator, where it prints one: by name, in order, then by position between
 * two rows tied by name (as many rows between them as indicators).
 * @example rowIndicators([[{ text: "甲" }]], [{ name: "甲", pi: 0, ii: 0 }]).get(0) // { name: "甲", pi: 0, ii: 0 }
 */
export function rowIndicators<T extends { name: string }>(rows: Rows, order: T[]): Map<number, T & { k: number }> {
  const tied = new Map<number, T & { k: number }>();
  let cursor = 0;
  rows.forEach((row, r) => {
    const texts = new Set(row.map((c) => (c ? squash(c.text) : "")).filter(Boolean));
    for (let k = cursor; k < order.length; k++)
      if (order[k]!.name && texts.has(squash(order[k]!.name))) {
        tied.set(r, { ...order[k]!, k });
        cursor = k + 1;
        return;
      }
  });
  const known = [...tied.entries()].sort((a, b) => a[0] - b[0]);
  for (let j = 1; j < known.length; j++) {
    const [r0, a] = known[j - 1]!;
    const [r1, b] = known[j]!;
    if (r1 - r0 > 1 && r1 - r0 === b.k - a.k)
      for (let r = r0 + 1; r < r1; r++) tied.set(r, { ...order[a.k + r - r0]!, k: a.k + r - r0 });
  }
  return tied;
}

/** Whether a cell's text is one of the project's own fields (not an indicator's). */
function projectField(text: string, p: Project | undefined): boolean {
  if (!p) return false;
  const t = squash(text);
  const fields = [p.name, p.unitCode, p.unitName, p.category, p.goal].map((f) => squash(f ?? "")).filter(Boolean);
  if (fields.includes(t)) return true;
  if (p.unitName && p.unitCode && t.includes(squash(p.unitName)) && t.includes(p.unitCode)) return true;
  const n = Number(t.replace(/,/g, ""));
  return t !== "" && Number.isFinite(n) && n === p.budget;
}

/**
 * One warning per doubtful cell and indicator it belongs to (pdf.ocr-low-confidence), naming
 * the cell and, where it is tied to indicators, the project and the indicator; then doubtful
 * and unread weights repaired by the department's weight total (ocr-weights.ts: `doc` changed
 * in place, each repair logged). Returns the grid's diagnostics `grid` with the warnings added
 * (an unread weight repaired loses its error: it is a warning now).
 */
export function flagDoubtful(
  cells: DoubtfulCell[],
  rows: Rows,
  doc: TargetDocument | null,
  grid: Diagnostic[] = [],
): Diagnostic[] {
  const projects = doc?.projects ?? [];
  const order = projects.flatMap((p, pi) => p.indicators.map((ind, ii) => ({ name: ind.name, pi, ii })));
  const tied = rowIndicators(rows, order);
  const weights = new Map<string, string>();
  const flags = cells.flatMap((c) => {
    const base: Diagnostic = c.layoutGuess
      ? {
          code: "pdf.layout-guessed",
          severity: "warning",
          message: `${c.ref}：页面没有表格线，这个单元格跨越哪些行是按文字位置推断的（读作「${c.text}」），请核对`,
          messageEn: `${c.ref}: the page has no ruling lines; the rows this cell spans were inferred from text positions (read as "${c.text}"); please check`,
          cell: c.ref,
        }
      : {
          code: "pdf.ocr-low-confidence",
          severity: "warning",
          message: `${c.ref}：识别把握不大（${Math.round(c.confidence)}%），读作「${c.text}」，请核对`,
          messageEn: `${c.ref}: recognised with low confidence (${Math.round(c.confidence)}%) as "${c.text}"; please check`,
          cell: c.ref,
        };
    const spanned = new Map<string, { pi: number; ii: number }>();
    for (let r = c.row; r <= Math.max(c.row, c.lastRow); r++) {
      const at = tied.get(r);
      if (at) spanned.set(`${at.pi}:${at.ii}`, at);
    }
    const list = [...spanned.values()];
    if (!list.length) return [base];
    const pi = list[0]!.pi;
    if (list.length > 1 && list.every((x) => x.pi === pi) && projectField(c.text, projects[pi]))
      return [{ ...base, projectIndex: pi }];
    // The indicator's weight cell: its text is the weight read.
    const n = Number(squash(c.text).replace(/,/g, ""));
    for (const x of list)
      if (squash(c.text) && projects[x.pi]!.indicators[x.ii]!.weight === n) weights.set(`${x.pi}:${x.ii}`, c.ref);
    return list.map((x) => ({ ...base, projectIndex: x.pi, indicatorIndex: x.ii }));
  });
  const unread = new Map(
    grid
      .filter(
        (d) => /\.weight-not-number$/.test(d.code) && d.projectIndex !== undefined && d.indicatorIndex !== undefined,
      )
      .map((d) => [`${d.projectIndex}:${d.indicatorIndex}`, d]),
  );
  const repairs = doc ? repairWeights(doc, new Set(weights.keys()), new Set(unread.keys())) : [];
  const filled = new Set<Diagnostic>();
  const logged = repairs.map((r): Diagnostic => {
    const was = unread.get(`${r.pi}:${r.ii}`);
    if (r.from === null && was) filled.add(was);
    const cell = was?.cell ?? weights.get(`${r.pi}:${r.ii}`);
    const at = { projectIndex: r.pi, indicatorIndex: r.ii, ...(cell ? { cell } : {}) };
    return r.from === null
      ? {
          code: "pdf.ocr-repaired",
          severity: "warning",
          message: `${cell ?? ""}：分值未能识别，按本部门各项目分值合计取为 ${r.to}，请核对`,
          messageEn: `${cell ?? ""}: the weight was not recognised; taken as ${r.to}, what the department's weight total leaves for it; please check`,
          ...at,
        }
      : {
          code: "pdf.ocr-repaired",
          severity: "info",
          message: `${cell ?? ""}：分值识别为 ${r.from}，按本部门各项目分值合计读作 ${r.to}，请核对`,
          messageEn: `${cell ?? ""}: the weight recognised as ${r.from} is read as ${r.to} by the department's weight total; please check`,
          ...at,
        };
  });
  return [...flags, ...logged, ...grid.filter((d) => !filled.has(d))];
}
