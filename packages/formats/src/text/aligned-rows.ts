/**
 * Text whose columns are aligned by spaces (`pdftotext -layout` of a printed table) → rows of
 * cells. The header line fixes the columns: a run of text belongs to the column whose header it
 * is centred under. A line with two or more cells in the per-row columns (三级, 性质, 指标值,
 * 单位, 分值 …) is a row; any other text was wrapped out of a cell and goes to the nearest row.
 * Merged cells (项目名称, 预算数, 年度目标, 单位, 一级/二级) print once, vertically centred over
 * the rows they span: each such value spans the run of rows it is centred on, and is repeated
 * on each of them as one merged cell. Text between the header and the first row that is no
 * indicator (a department subtotal) keeps a row of its own.
 */
import { type ColumnKey, matchHeader, normalizeLevel1, normalizeLevel2, readMoney } from "@jixiao/core";
import { headerKeys, isGridHeader } from "./detect-shape.ts";
import type { AlignedCell } from "./realign-rows.ts";
import { numberCell } from "./vocab.ts";

const MAX_LINES = 400_000;
const MAX_COLS = 256;

/** Columns printed once over the rows they span (merged cells). */
const MERGEABLE = new Set<ColumnKey>([
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
  "executed",
  "initialBudget",
]);
/** Single-line values: each fragment in such a column is a value of its own. */
const ONE_LINE = new Set<ColumnKey>(["seq", "budget", "executed", "initialBudget", "level1", "level2"]);

interface Run {
  start: number;
  text: string;
}

function runs(line: string): Run[] {
  const out: Run[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ start: m.index, text: m[0] });
  return out;
}

/** A header cell: its name, where its span starts and the middle of it. */
interface HeaderCell {
  text: string;
  start: number;
  centre: number;
}

/**
 * Header cells of one to three lines: runs stacked over each other (a name wrapped in a narrow
 * column: 指标 / 性质) are one name, read top to bottom; a run spanning two or more runs of
 * another line, or stacked over a name it is no part of, is a group label (绩效指标 over
 * 一级/二级/三级) and is left out.
 * @example stackedHeader(["一级  三级  指标", "指标  指标  性质"]).map((c) => c.text) // ["一级指标","三级指标","指标性质"]
 */
export function stackedHeader(lines: readonly string[]): HeaderCell[] {
  const rs = lines.flatMap((l, li) => runs(l).map((r) => ({ ...r, end: r.start + r.text.length, li })));
  const overlap = (a: (typeof rs)[number], b: (typeof rs)[number]) => a.start < b.end && b.start < a.end;
  const kept = rs.filter((a) => {
    const per = new Map<number, number>();
    for (const b of rs) if (b.li !== a.li && overlap(a, b)) per.set(b.li, (per.get(b.li) ?? 0) + 1);
    return ![...per.values()].some((n) => n >= 2);
  });
  const groups: (typeof rs)[] = [];
  for (const r of kept.sort((a, b) => a.start - b.start)) {
    const g = groups.find((x) => x.some((y) => y.li !== r.li && overlap(x[0]!, r)));
    if (g) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.li - b.li || a.start - b.start);
    const start = Math.min(...g.map((x) => x.start));
    const end = Math.max(...g.map((x) => x.end));
    // A label above that is no part of the name (绩效指标 over 二级/指标) falls away: the
    // longest stack, read from the bottom line up, that is a header name wins.
    let text = g.map((x) => x.text).join("");
    for (let top = 0; top < g.length && !matchHeader(text); top++) {
      const rest = g
        .slice(top + 1)
        .map((x) => x.text)
        .join("");
      if (rest && matchHeader(rest)) text = rest;
    }
    return { text, start, centre: (start + end) / 2 };
  });
}

/** A line's text placed in columns. */
interface Placed {
  line: number;
  cells: string[];
}

/**
 * Rows of an aligned text: the lines before the header (each line's runs as cells), the header,
 * then one row per indicator row with merged values repeated. null when no header line is found.
 * @example alignedRows("一级指标  二级指标  三级指标  指标值\n产出指标  数量指标  人数  5")?.at(-1)?.map((c) => c.text) // ["产出指标","数量指标","人数","5"]
 */
export function alignedRows(src: string): AlignedCell[][] | null {
  const all = src.split("\n", MAX_LINES).map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  // The header: one line of column names, or names wrapped over two or three lines.
  let h = -1;
  let hEnd = -1;
  let header: HeaderCell[] = [];
  // A one-line header anywhere is preferred to a wrapped one (which could swallow a line above).
  for (let k = 1; k <= 3 && h < 0; k++)
    for (let i = 0; i + k <= all.length && i < 500; i++) {
      if (!/\S/.test(all[i]!)) continue;
      const cells = stackedHeader(all.slice(i, i + k));
      if (isGridHeader(cells.map((c) => c.text))) {
        [h, hEnd, header] = [i, i + k - 1, cells.slice(0, MAX_COLS)];
        break;
      }
    }
  if (h < 0) return null;
  // A name wrapped onto the lines around the one-line header (年度指标 / 值) completes it: take
  // the stack of lines around it that names the most columns.
  let keysNamed = headerKeys(header.map((c) => c.text));
  for (const [a, b] of [
    [h - 1, hEnd],
    [h, hEnd + 1],
    [h - 1, hEnd + 1],
  ] as const) {
    if (a < 0 || b >= all.length || hEnd - h > b - a) continue;
    const cells = stackedHeader(all.slice(a, b + 1));
    const named = headerKeys(cells.map((c) => c.text));
    // More columns named; or as many, with a line below whose every run stacks onto a name
    // (年度指标 / 值: names wrap downwards; a line above adding nothing is the preamble's).
    const better = named > keysNamed || (named === keysNamed && b > hEnd && cells.length <= header.length);
    if (better && isGridHeader(cells.map((c) => c.text)))
      [keysNamed, header, h, hEnd] = [named, cells.slice(0, MAX_COLS), a, b];
  }
  const centres = header.map((r) => r.centre);
  const leftEdge = Math.min(...header.map((c) => c.start));
  const keys = header.map((r) => matchHeader(r.text)?.key ?? null);
  const colOf = (r: Run) => {
    const c = r.start + r.text.length / 2;
    let best = 0;
    for (let i = 1; i < centres.length; i++) if (Math.abs(centres[i]! - c) < Math.abs(centres[best]! - c)) best = i;
    return best;
  };
  const out: AlignedCell[][] = all
    .slice(0, h)
    .filter((l) => /\S/.test(l))
    .map((l) => runs(l).map((r) => ({ text: r.text })));
  out.push(header.map((r) => ({ text: r.text })));

  const placed: Placed[] = [];
  for (let i = hEnd + 1; i < all.length; i++) {
    const rs = runs(all[i]!);
    if (rs.length === 0) continue;
    const cells = keys.map(() => "");
    for (const r of rs) {
      // Text ending before the first column's header starts is a label column the header does
      // not name (绩效指标 printed down the left edge): not a cell of the table.
      if (r.start + r.text.length < leftEdge) continue;
      const c = colOf(r);
      cells[c] += r.text;
    }
    if (cells.some((t) => t !== "")) placed.push({ line: i, cells });
  }
  const perRow = keys.map((k) => k === null || !MERGEABLE.has(k));
  // A row is the line its 分值 is printed on (a number on one line, centred in its cell) when the
  // table has weights; else a line with two or more cells in the per-row columns.
  const weightCol = keys.indexOf("weight");
  const byWeight = weightCol >= 0 && placed.filter((p) => numberCell(p.cells[weightCol]!) !== null).length >= 2;
  const isAnchor = (p: Placed) =>
    byWeight ? numberCell(p.cells[weightCol]!) !== null : p.cells.filter((t, c) => t !== "" && perRow[c]).length >= 2;
  const anchors = placed.filter(isAnchor);
  if (anchors.length === 0) return [...out, ...placed.map((p) => p.cells.map((text) => ({ text })))];
  const firstLine = anchors[0]!.line;
  const lastLine = anchors[anchors.length - 1]!.line;
  // Lines of their own: before the first row with cells in two columns (a subtotal), or well
  // after the last row (合计, notes).
  // Lines of their own: before the first row, two or more cells none of them per-row (a
  // department subtotal: code and amount); or well after the last row (合计, notes).
  const own = (p: Placed) =>
    !isAnchor(p) &&
    ((p.line < firstLine && p.cells.filter((t) => t !== "").length >= 2 && p.cells.every((t, c) => !t || !perRow[c])) ||
      p.line > lastLine + 3);

  // Per-row columns: each fragment goes to the nearest row (the row above on a tie), joined in
  // line order; a row extends over the lines of its fragments.
  const lineOfRow = anchors.map((a) => a.line);
  const firstOf = [...lineOfRow];
  const lastOf = [...lineOfRow];
  const nearest = (line: number) => {
    let lo = 0;
    let hi = lineOfRow.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineOfRow[mid]! <= line) lo = mid;
      else hi = mid - 1;
    }
    const next = lo + 1 < lineOfRow.length && lineOfRow[lo]! < line ? lo + 1 : lo;
    if (lineOfRow[lo]! > line) return lo;
    return line - lineOfRow[lo]! <= lineOfRow[next]! - line ? lo : next;
  };
  const parts: string[][][] = anchors.map(() => keys.map(() => []));
  const fragments: { line: number; col: number; text: string }[] = [];
  for (const p of placed) {
    if (own(p)) continue;
    const r = nearest(p.line);
    p.cells.forEach((t, c) => {
      if (!t) return;
      if (!perRow[c]) fragments.push({ line: p.line, col: c, text: t });
      else {
        parts[r]![c]!.push(t);
        firstOf[r] = Math.min(firstOf[r]!, p.line);
        lastOf[r] = Math.max(lastOf[r]!, p.line);
      }
    });
  }
  const rows = parts.map((r) => r.map((ts) => ts.join("")));
  // Merged columns: each value spans the rows it is centred on.
  const merged: AlignedCell[][] = rows.map((r) => r.map((text) => ({ text })));
  const budgetCol = keys.indexOf("budget");
  const amounts = fragments.filter((f) => f.col === budgetCol && readMoney(f.text)).map((f) => f.line);
  const columns = keys.map((key, c) =>
    perRow[c]
      ? null
      : valuesOf(
          fragments.filter((f) => f.col === c),
          key!,
          amounts,
        ),
  );
  // One convention for the table: merged cells printed centred (a spreadsheet's PDF) when any
  // value sits between rows or below the first row where its column starts; else at the top.
  const anchorLines = new Set(lineOfRow);
  const centred = columns.some(
    (vs) => vs !== null && vs.length > 0 && (vs.some((v) => !anchorLines.has(v.first)) || vs[0]!.first > lineOfRow[0]!),
  );
  columns.forEach((vs, c) => {
    if (vs)
      spreadCentred(vs, { first: firstOf, last: lastOf }, centred, (row, text, id) => {
        merged[row]![c] = { text, merged: `text:${id}:${c}` };
      });
  });
  // Own rows back in line order among the indicator rows.
  const owns = placed.filter(own);
  let k = 0;
  for (let r = 0; r < merged.length; r++) {
    while (k < owns.length && owns[k]!.line < lineOfRow[r]!) out.push(owns[k++]!.cells.map((text) => ({ text })));
    out.push(merged[r]!);
  }
  while (k < owns.length) out.push(owns[k++]!.cells.map((text) => ({ text })));
  return out;
}

/** A merged value: its text and the first and last line it was printed on. */
interface Value {
  text: string;
  first: number;
  last: number;
}

function isLabel(t: string): boolean {
  return normalizeLevel1(t) !== null || normalizeLevel2(t) !== null;
}

/** Columns that belong to one project: a wrapped value never spans two projects' amounts. */
const PER_PROJECT = new Set<ColumnKey>(["name", "goal", "category"]);

/**
 * Groups a column's fragments into values: lines at most 2 apart belong to one wrapped value;
 * in a project's columns, fragments nearest different amounts (预算数, one line each) do not.
 */
function valuesOf(
  frags: readonly { line: number; text: string }[],
  key: ColumnKey,
  amounts: readonly number[],
): Value[] {
  const out: Value[] = [];
  // amounts are in line order: the nearest is found by bisection.
  const nearestAmount = (line: number) => {
    let lo = 0;
    let hi = amounts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (amounts[mid]! < line) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && line - amounts[lo - 1]! <= amounts[lo]! - line ? lo - 1 : lo;
  };
  let prevAmount = -2;
  for (const f of frags) {
    const prev = out[out.length - 1];
    const oneLine = ONE_LINE.has(key) && (key === "level1" || key === "level2" ? isLabel(f.text) : readMoney(f.text));
    const amount = PER_PROJECT.has(key) && amounts.length > 0 ? nearestAmount(f.line) : -1;
    if (prev && !oneLine && f.line - prev.last <= 2 && amount === prevAmount) {
      prev.text += f.text;
      prev.last = f.line;
    } else out.push({ text: f.text, first: f.line, last: f.line });
    prevAmount = amount;
  }
  return out;
}

/**
 * Gives each value its run of rows. Centred: rows extend halfway to their neighbours; value i
 * starts where value i-1 ended and ends where the middle of its run is nearest its own middle
 * line, before the row of the next value. Top-aligned: from its row to the row before the next
 * value. The last value keeps every row after it.
 */
function spreadCentred(
  values: readonly Value[],
  extent: { first: readonly number[]; last: readonly number[] },
  centred: boolean,
  put: (row: number, text: string, id: number) => void,
): void {
  const n = extent.first.length;
  if (n === 0) return;
  // A row reaches halfway to its neighbour (or half a line past its own text at the ends).
  const top = (r: number) => (r === 0 ? extent.first[0]! - 0.5 : (extent.last[r - 1]! + extent.first[r]!) / 2);
  const bottom = (r: number) => (r === n - 1 ? extent.last[r]! + 0.5 : (extent.last[r]! + extent.first[r + 1]!) / 2);
  /** The row whose extent holds a line (bisection: rows are in line order). */
  const rowAt = (line: number) => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bottom(mid) <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Printed at the top of its cells (Word) rather than centred: each value runs from its row
  // to the row before the next one.
  const topAligned = !centred;
  let start = 0;
  values.forEach((v, i) => {
    const mid = (v.first + v.last) / 2;
    const own = Math.max(start, rowAt(mid));
    const next = values[i + 1];
    const nextRow = next ? rowAt((next.first + next.last) / 2) : n;
    if (topAligned) start = own;
    let end = n - 1;
    if (next) {
      const limit = Math.max(own, nextRow - 1);
      end = topAligned ? limit : own;
      if (!topAligned)
        for (let e = own; e <= limit; e++)
          if (Math.abs((top(start) + bottom(e)) / 2 - mid) < Math.abs((top(start) + bottom(end)) / 2 - mid)) end = e;
    }
    for (let r = start; r <= end; r++) put(r, v.text, v.first);
    start = end + 1;
  });
}
