/**
 * One cell per line, with the cells of merged ranges dropped (a web page copied as text keeps a
 * rowspan cell only in its first row): the cells are cut into rows by what they hold. Each row
 * is a run of cells ending in the last column and starting wherever the rowspans above stop;
 * a dynamic programme picks the cut that puts every cell in a column it fits (a 一级 label under
 * 一级指标, a number under 分值 …), each row costing a little so full rows are preferred. The
 * columns a row lacks take the cells above, as merged cells. Cells after the last row that fits
 * (附件：, a footnote) are returned apart.
 */
import {
  type AlignedCell,
  columnKeys,
  FitCache,
  fillFromAbove,
  longTermColumns,
  NAME_BONUS,
  UNLIKELY,
} from "./realign-rows.ts";

/** A row costs this much: of two cuts that fit equally, the one with fewer, fuller rows wins. */
const ROW_COST = 0.5;
/** Above this many cells the cut is not searched: rows are taken header-wide. */
const MAX_CELLS = 400_000;

/**
 * Cuts the cells after a header into rows.
 * @example segmentRows(["一级指标","二级指标","三级指标","分值"], ["产出指标","数量指标","人数","5","质量指标","合格率","5"], "t").moved // [{ row: 1, dropped: 1 }]
 */
export function segmentRows(
  header: readonly string[],
  cells: readonly string[],
  sheet: string,
): { rows: AlignedCell[][]; moved: { row: number; dropped: number }[]; after: string[] } {
  const keys = columnKeys(header);
  const w = keys.length;
  const n = cells.length;
  const lengths: number[] = [];
  let end = n;
  if (w === 0) return { rows: [], moved: [], after: [...cells] };
  if (n > MAX_CELLS) for (let i = 0; i < n; i += w) lengths.push(Math.min(w, n - i));
  else {
    // best[i]: best score of the first i cells cut into rows; len[i]: the last row's length.
    const best = new Float64Array(n + 1).fill(Number.NEGATIVE_INFINITY);
    const len = new Uint16Array(n + 1);
    const cache = new FitCache();
    const unlikely = longTermColumns(header);
    best[0] = 0;
    for (let i = 1; i <= n; i++) {
      let run = 0;
      for (let k = 1; k <= Math.min(w, i); k++) {
        // Cell i-k goes to column w-k (the run ends in the last column).
        const cell = cells[i - k]!;
        const key = keys[w - k]!;
        const fits = cache.fit(cell, key);
        run += fits + (key === "indicator" && fits > 0 && k > 1 ? NAME_BONUS : 0);
        if (cell !== "" && unlikely.has(w - k)) run -= UNLIKELY;
        const v = best[i - k]! + run - ROW_COST;
        if (v > best[i]!) {
          best[i] = v;
          len[i] = k;
        }
      }
    }
    // The table may end before the cells do: text after it (附件：…) fits no row better than
    // leaving it out, so the cut ends where the best score does.
    for (let i = n - 1; i >= 0; i--) if (best[i]! > best[end]!) end = i;
    for (let i = end; i > 0; i -= len[i]!) lengths.push(len[i]!);
    lengths.reverse();
  }
  const rows: AlignedCell[][] = [];
  const moved: { row: number; dropped: number }[] = [];
  let at = 0;
  for (const k of lengths) {
    const row: AlignedCell[] = Array.from({ length: w }, () => ({ text: "" }));
    for (let t = 0; t < k; t++) row[w - k + t] = { text: cells[at + t]! };
    const dropped = w - k;
    if (dropped > 0) {
      if (rows.length > 0) fillFromAbove(rows, row, dropped, sheet);
      moved.push({ row: rows.length, dropped });
    }
    rows.push(row);
    at += k;
  }
  return { rows, moved, after: cells.slice(end).filter((c) => c !== "") };
}
