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
import { checkTable, commonTotal } from "./ocr-checks.ts";
import { repairWeights } from "./ocr-weights.ts";
import type { DoubtfulCell } from "./page-sheet.ts";

type Rows = ({ text: string; merged?: string } | undefined)[][];
const squash = (s: string) => s.replace(/\s+/g, "");

/**
 * Each sheet row's indicator, where it prints one: by name, in order, then by position between
 * two rows tied by name (as many rows between them as indicators). Rows and indicators are
 * aligned as a whole (the longest common subsequence of the names rows print and the
 * indicators' names): a row whose indicator was not read (lost at a page break) but that prints
 * a name a later project repeats (服务对象满意度) is not tied to that later indicator, which
 * would leave every row between untied.
 * @example rowIndicators([[{ text: "甲" }]], [{ name: "甲", pi: 0, ii: 0 }]).get(0) // { name: "甲", pi: 0, ii: 0 }
 */
export function rowIndicators<T extends { name: string }>(rows: Rows, order: T[]): Map<number, T & { k: number }> {
  const tied = new Map<number, T & { k: number }>();
  const sets = rows.map((row) => new Set(row.map((c) => (c ? squash(c.text) : "")).filter(Boolean)));
  const names = order.map((o) => squash(o.name));
  const R = rows.length;
  const K = order.length;
  const hit = (r: number, k: number) => names[k] !== "" && sets[r]!.has(names[k]!);
  if (R * K <= 4_000_000) {
    // best[r][k]: most ties of rows r.. with indicators k.. (rows × indicators, two bytes each).
    const W = K + 1;
    const best = new Uint16Array((R + 1) * W);
    for (let r = R - 1; r >= 0; r--)
      for (let k = K - 1; k >= 0; k--)
        best[r * W + k] = hit(r, k)
          ? best[(r + 1) * W + k + 1]! + 1
          : Math.max(best[(r + 1) * W + k]!, best[r * W + k + 1]!);
    for (let r = 0, k = 0; r < R && k < K; ) {
      if (hit(r, k) && best[r * W + k] === best[(r + 1) * W + k + 1]! + 1) {
        tied.set(r, { ...order[k]!, k });
        r++;
        k++;
      } else if (best[(r + 1) * W + k]! >= best[r * W + k + 1]!) r++;
      else k++;
    }
  } else {
    let cursor = 0;
    for (let r = 0; r < R; r++)
      for (let k = cursor; k < K; k++)
        if (hit(r, k)) {
          tied.set(r, { ...order[k]!, k });
          cursor = k + 1;
          break;
        }
  }
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
 * (an unread weight repaired loses its error: it is a warning now). Then the table as a whole
 * (ocr-checks.ts): a scanned project whose weights do not add up, a project without a name.
 * `scanned` (the file had scanned pages) defaults to whether any doubtful cell is recognised.
 */
export function flagDoubtful(
  cells: DoubtfulCell[],
  rows: Rows,
  doc: TargetDocument | null,
  grid: Diagnostic[] = [],
  scanned = cells.some((c) => !c.layoutGuess),
): Diagnostic[] {
  const projects = doc?.projects ?? [];
  const order = projects.flatMap((p, pi) => p.indicators.map((ind, ii) => ({ name: ind.name, pi, ii })));
  const tied = rowIndicators(rows, order);
  const weights = new Map<string, string>();
  const weightCells = new Map<string, string>();
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
      if (squash(c.text) && projects[x.pi]!.indicators[x.ii]!.weight === n) {
        weights.set(`${x.pi}:${x.ii}`, c.ref);
        // Only the weight cell, not a target, actual or score that prints the same number.
        const ind = projects[x.pi]!.indicators[x.ii]!;
        const same = [ind.target, ind.actual, ind.score].some((v) => v !== undefined && Number(v) === n);
        if (list.length === 1 && !same) weightCells.set(`${x.pi}:${x.ii}`, c.ref);
      }
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
  const projectRows = (pi: number) => [...tied].filter(([, at]) => at.pi === pi).map(([r]) => r);
  const table = checkTable(doc, rows, cells, projectRows, scanned);
  const confirmed = doc ? weightsConfirmed(doc, repairs) : new Set<string>();
  const kept = flags.filter(
    (d) =>
      d.code !== "pdf.ocr-low-confidence" ||
      d.indicatorIndex === undefined ||
      weightCells.get(`${d.projectIndex}:${d.indicatorIndex}`) !== d.cell ||
      !confirmed.has(`${d.projectIndex}:${d.indicatorIndex}`),
  );
  return [...kept, ...logged, ...table, ...grid.filter((d) => !filled.has(d))];
}

/**
 * Weights the department's total confirms: every weight of a project read as a number, none
 * repaired, adding up to the total most projects share (ocr-checks.ts). A misread weight moves
 * its project off that total (a dropped decimal point, a digit for another), so a weight read
 * a little unsure in such a project is right: its low-confidence flag would be a false alarm.
 * Returns "project:indicator" keys.
 */
export function weightsConfirmed(doc: TargetDocument, repairs: Array<{ pi: number }>): Set<string> {
  const total = commonTotal(doc);
  const out = new Set<string>();
  if (total === null) return out;
  const repaired = new Set(repairs.map((r) => r.pi));
  doc.projects.forEach((p, pi) => {
    if (repaired.has(pi) || !p.indicators.length) return;
    if (!p.indicators.every((i) => typeof i.weight === "number")) return;
    const sum = p.indicators.reduce((n, i) => n + i.weight!, 0);
    if (Math.abs(sum - total) > 1e-6) return;
    p.indicators.forEach((_, ii) => {
      out.add(`${pi}:${ii}`);
    });
  });
  return out;
}
