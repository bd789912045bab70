/**
 * Rows whose merged cells were dropped in a web copy, realigned by what each cell holds.
 *
 * Copying an HTML table as text keeps a cell only in the row where it starts: the rows a
 * rowspan covers lose that cell, so their cells shift left (and the copy may pad the row at
 * the end, or squeeze empty cells out). Each short row is aligned to the header's columns by a
 * small dynamic programme: cells keep their order, each is placed in a column whose kind it
 * fits (a 一级 label under 一级指标, ≥ under 指标性质/方向, a number under 分值, 151001-单位 under
 * 单位 …), columns may be skipped; the leading skipped columns are those a rowspan covered and
 * take the value of the row above (as a merged cell). A row is moved only when its cells fit
 * the new place clearly better than where they were printed.
 */
import {
  type ColumnKey,
  matchHeader,
  normalizeLevel1,
  normalizeLevel2,
  parseNatureWord,
  parseOperator,
  parseTargetCell,
  readMoney,
  readNumber,
} from "@jixiao/core";
import { looksLikeUnit, UNIT_CELL } from "./vocab.ts";

/** A cell of a realigned row: its text and, when it repeats a cell above, that cell's id. */
export interface AlignedCell {
  text: string;
  merged?: string;
}

const INTERIOR_GAP = 0.3;
/** What a cell in a column usually left empty costs (长期 columns beside their 年度 twins). */
export const UNLIKELY = 1;
/** Columns tables print as merged cells over several rows. */
const MERGED_KEYS = new Set<ColumnKey | null>([
  "seq",
  "name",
  "unit",
  "unitCode",
  "department",
  "category",
  "budget",
  "goal",
  "level1",
  "level2",
]);
/** An indicator row has a name: a cell followed by more cells fits the 三级 column better still. */
export const NAME_BONUS = 2;
/** How much better a new place must fit before a row is moved. */
const MARGIN = 1;

/** A number or a quantity (≥95%, 1538个, =300天): a value, never a name. */
function quantity(t: string): boolean {
  return readNumber(t) !== null || parseTargetCell(t).kind === "number";
}

function isLabel(t: string): boolean {
  return t.length <= 24 && (normalizeLevel1(t) !== null || normalizeLevel2(t) !== null);
}

/**
 * How well a cell's text fits a column (positive: fits; negative: does not). Empty cells fit anywhere.
 * @example fit("≥", "nature") > 0 // true
 */
export function fit(text: string, key: ColumnKey | null): number {
  if (text === "") return 0;
  const label = isLabel(text);
  // A `code-unit` cell (820001-某镇人民政府) is a unit, whatever else it might be.
  const unitCell = text.charCodeAt(0) >= 48 && text.charCodeAt(0) <= 57 && UNIT_CELL.test(text);
  if (unitCell) return key === "unit" || key === "unitCode" || key === "department" ? 2 : -1;
  switch (key) {
    case "level1":
      return normalizeLevel1(text) ? 2 : -1;
    case "level2":
      return normalizeLevel2(text) ? 2 : -1;
    case "nature":
    case "operator":
    case "polarity":
      return parseNatureWord(text) || parseOperator(text) ? 2 : -1;
    case "unit":
    case "unitCode":
    case "department":
      return UNIT_CELL.test(text) ? 2 : label || readNumber(text) ? -1 : 0;
    case "budget":
    case "executed":
    case "initialBudget":
      return readMoney(text) ? 1.5 : -1;
    case "weight":
    case "score":
      return readNumber(text) ? 1.5 : -1;
    case "target":
    case "actual": {
      if (label || parseNatureWord(text) || parseOperator(text)) return -1;
      return parseTargetCell(text).kind === "number" ? 1 : 0.3;
    }
    case "measure":
      // Units are short (人, 万元, 平方米, 元/人); four characters of words (有所提高) are a target.
      if (!looksLikeUnit(text) || label) return -1;
      return text.length <= 3 || /[/／]|^(平方|立方)/.test(text) ? 1 : 0;
    case "indicator":
      // A 三级 may be named like its 二级 (服务对象满意度): a label is possible, not likely.
      if (label) return 0.2;
      return quantity(text) || parseOperator(text) || parseNatureWord(text) ? -1 : 0.5;
    case "name":
    case "goal":
    case "category":
    case "description":
    case "standard":
    case "deviationReason":
    case "goalActual":
      return label || quantity(text) || parseOperator(text) || parseNatureWord(text) ? -1 : 0.5;
    default:
      return label || readNumber(text) ? -0.5 : 0;
  }
}

/** Fits already computed in one read: the same labels, operators and units recur on every row. */
export class FitCache {
  private readonly map = new Map<string, number>();

  fit(text: string, key: ColumnKey | null): number {
    if (text === "") return 0;
    const k = `${key}\u0001${text}`;
    let v = this.map.get(k);
    if (v === undefined) {
      v = fit(text, key);
      if (this.map.size >= 100_000) this.map.clear();
      this.map.set(k, v);
    }
    return v;
  }
}

/**
 * Per-row columns of a 长期/中期 half beside a 年度 (or plain) column of the same kind: tables
 * print the long-term 三级/指标值 empty more often than not, so a cell is unlikely to belong
 * there (the 二级 is printed in both halves).
 */
export function longTermColumns(header: readonly string[]): Set<number> {
  const m = header.map((h) => (h && h.length <= 24 ? matchHeader(h) : null));
  const out = new Set<number>();
  m.forEach((x, i) => {
    if (x && (x.period === "长期" || x.period === "中期") && !MERGED_KEYS.has(x.key))
      if (m.some((y, j) => j !== i && y?.key === x.key && y.period !== "长期" && y.period !== "中期")) out.add(i);
  });
  return out;
}

/** Column keys of a header row (null for a cell that names no column). */
export function columnKeys(header: readonly string[]): (ColumnKey | null)[] {
  return header.map((h) => (h && h.length <= 24 ? (matchHeader(h)?.key ?? null) : null));
}

/** Best placement of `cells` in `keys.length` columns: the column of each cell, and its score. */
function place(
  cells: readonly string[],
  keys: readonly (ColumnKey | null)[],
  cache: FitCache,
  unlikely: ReadonlySet<number>,
): { cols: number[]; score: number } {
  const n = cells.length;
  const m = keys.length;
  // f[i][j]: best score with the first i cells placed in the first j columns.
  const NEG = Number.NEGATIVE_INFINITY;
  const f: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(NEG));
  const from: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let j = 0; j <= m; j++) f[0]![j] = 0; // leading columns skipped: a rowspan above covers them
  // An indicator row has a name: a cell followed by more cells fits the 三级 column better still.
  let lastFilled = -1;
  for (let i = 0; i < n; i++) if (cells[i] !== "") lastFilled = i;
  for (let i = 1; i <= n; i++)
    for (let j = i; j <= m; j++) {
      const fits = cache.fit(cells[i - 1]!, keys[j - 1]!);
      // Only a plausible name (not a value or an operator) earns the name's bonus.
      const named = keys[j - 1] === "indicator" && fits > 0 && i - 1 < lastFilled ? NAME_BONUS : 0;
      const odd = unlikely.has(j - 1) && cells[i - 1] !== "" ? UNLIKELY : 0;
      const take = f[i - 1]![j - 1]! + fits + named - odd;
      // A skipped column costs a little more the further left it is: on a tie, cells fill from the left.
      const skip = f[i]![j - 1]! - INTERIOR_GAP - (0.01 * (m - j)) / m;
      if (take >= skip) [f[i]![j], from[i]![j]] = [take, 1];
      else [f[i]![j], from[i]![j]] = [skip, 0];
    }
  // Columns after the last cell are free (the row simply ends there).
  let j = n;
  for (let k = n; k <= m; k++) if (f[n]![k]! > f[n]![j]!) j = k;
  const score = f[n]![j]!;
  const cols: number[] = new Array(n);
  for (let i = n; i > 0; ) {
    if (from[i]![j] === 1) cols[--i] = --j;
    else j--;
  }
  return { cols, score };
}

/** Cells of a row without the padding after its last non-empty cell. */
function content(row: readonly string[]): string[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === "") end--;
  return row.slice(0, end);
}

/**
 * Realigns the data rows below a header; returns the rows (as wide as the header) and the
 * index of each row that was moved, with how many leading cells it lacked.
 * @example realignRows(["一级指标","二级指标","三级指标","分值"], [["产出指标","数量指标","人数","5"],["质量指标","合格率","5"]], "t").moved // [{ row: 1, dropped: 1 }]
 */
export function realignRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  sheet: string,
): { rows: AlignedCell[][]; moved: { row: number; dropped: number }[] } {
  const keys = columnKeys(header);
  let width = keys.length;
  while (width > 0 && keys[width - 1] === null && !header[width - 1]) width--;
  const out: AlignedCell[][] = [];
  const moved: { row: number; dropped: number }[] = [];
  const cache = new FitCache();
  const unlikely = longTermColumns(header);
  for (let r = 0; r < rows.length; r++) {
    const cells = content(rows[r]!);
    const asPrinted = (): AlignedCell[] => rows[r]!.map((text) => ({ text }));
    // A form row (项目名称 | …) or a title is no indicator row: it stays as printed.
    const formRow = cells.some((c) => c !== "" && c.length <= 24 && matchHeader(c) !== null);
    // So is a lone line of text that is no label (a title between two tables, a note).
    const filled = cells.filter((c) => c !== "");
    const lone = filled.length === 1 && !isLabel(filled[0]!);
    if (cells.length === 0 || cells.length >= width || cells.length > 64 || formRow || lone) {
      out.push(asPrinted());
      continue;
    }
    let printedScore = 0;
    cells.forEach((c, i) => {
      printedScore += cache.fit(c, keys[i] ?? null) - (unlikely.has(i) && c !== "" ? UNLIKELY : 0);
    });
    const best = place(cells, keys.slice(0, width), cache, unlikely);
    if (best.score < printedScore + MARGIN) {
      out.push(asPrinted());
      continue;
    }
    const row: AlignedCell[] = Array.from({ length: Math.max(width, rows[r]!.length) }, () => ({ text: "" }));
    cells.forEach((c, i) => {
      row[best.cols[i]!] = { text: c };
    });
    const dropped = best.cols[0] ?? 0;
    // The columns a rowspan covered take the cell above (never the header's): the leading ones,
    // and those skipped between cells in the columns tables merge (project cells, 一级/二级).
    if (r > 0) {
      const covered: number[] = [];
      for (let c = 0; c < dropped; c++) covered.push(c);
      const used = new Set(best.cols);
      for (let c = dropped; c < best.cols[best.cols.length - 1]!; c++)
        if (!used.has(c) && MERGED_KEYS.has(keys[c]!)) covered.push(c);
      fillFromAbove(out, row, covered, sheet);
    }
    out.push(row);
    moved.push({ row: r, dropped });
  }
  return { rows: out, moved };
}

/**
 * Fills cells of a row from the row above, as one merged cell with it (a rowspan the copy
 * dropped): the first `covered` cells, or the listed columns. The row above gets the merge id too.
 */
export function fillFromAbove(
  out: AlignedCell[][],
  row: AlignedCell[],
  covered: number | readonly number[],
  sheet: string,
): void {
  const above = out[out.length - 1];
  if (!above) return;
  const cols = typeof covered === "number" ? Array.from({ length: covered }, (_, c) => c) : covered;
  for (const c of cols) {
    const a = above[c];
    if (!a?.text) continue;
    a.merged ??= `${sheet}:${out.length - 1}:${c}`;
    row[c] = { text: a.text, merged: a.merged };
  }
}
