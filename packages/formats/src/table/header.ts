/**
 * Header finding and column mapping. A header row is a row whose cells name indicator columns
 * (三级指标 or 二级指标, and 指标值, 分值 or 一级指标); merged header cells count once, a group
 * label row above it (长期绩效指标 | 年度绩效指标) gives periods, and of two columns with one
 * key the 年度 one is read. The data below then checks the mapping: a column of level labels
 * is never read as names, and a table whose 一级 column holds 二级 labels is read one step over.
 */
import type { MoneyUnit } from "@jixiao/core";
import type { ColumnKey } from "./columns.ts";
import { cellText, type GridCell, type GridSheet, sameMerge } from "./grid.ts";
import { type HeaderName, matchHeaderName, periodOf } from "./header-names.ts";
import { isLevelLabel, level1Of, level2Of, parseNatureWord, parseOperator } from "./vocab.ts";

type Row = readonly (GridCell | undefined)[];

/** How one column was read: serialisable, for the repair log and the import wizard. */
export interface MappedColumn {
  /** 0-based column. */
  column: number;
  /** Reference of the header cell, e.g. `Sheet1!G3`. */
  ref: string;
  /** The header as printed. */
  header: string;
  /** The field it was read as; null when not read. */
  key: ColumnKey | null;
  /** name: by its header; override: the user's mapping; content: by what the column holds. */
  how: "name" | "override" | "content";
  /** Why a named column was not read (long-term twin, duplicate, group label, level labels). */
  note?: "long-term" | "duplicate" | "group-label" | "level-labels" | "empty" | "other-content";
}

/** A user's correction of the mapping: a column (by number or by header text) read as a key, or not read. */
export interface ColumnOverride {
  /** Sheet name; all sheets when absent. */
  sheet?: string;
  /** 0-based column. */
  column?: number;
  /** Header text (compared without spaces). */
  header?: string;
  key: ColumnKey | null;
}

export interface HeaderMap {
  /** The header row (0-based). */
  row: number;
  cols: Map<ColumnKey, number>;
  mapped: MappedColumn[];
  moneyUnit?: MoneyUnit;
  /** The 一级 column holds 二级 labels and the 二级 column holds names. */
  shifted: boolean;
}

const INDICATOR_ISH: ReadonlySet<ColumnKey> = new Set([
  "level1",
  "level2",
  "indicator",
  "nature",
  "operator",
  "polarity",
  "target",
  "measure",
  "weight",
  "standard",
  "actual",
  "score",
]);

function namesOf(row: Row): (HeaderName | null)[] {
  return row.map((c, i) => {
    if (!c || (i > 0 && sameMerge(c, row[i - 1]))) return null;
    return matchHeaderName(c.text);
  });
}

/**
 * True when the row is an indicator header.
 * @example isHeaderRow([{ text: "三级指标" }, { text: "指标值" }, { text: "分值" }]) // true
 */
export function isHeaderRow(row: Row): boolean {
  // Every name of the names column (三级指标, 指标名称, 绩效指标, 二级指标 …) holds 指标: rows
  // without such a short cell are not headers, and most rows are rejected without a lookup.
  let candidate = false;
  for (const c of row) {
    if (c && c.text.length <= 24 && c.text.includes("指标")) {
      const n = matchHeaderName(c.text);
      if (n && (n.key === "indicator" || n.key === "level2")) {
        candidate = true;
        break;
      }
    }
  }
  if (!candidate) return false;
  const keys = new Set<ColumnKey>();
  let strongNames = false;
  for (const n of namesOf(row)) {
    if (!n || !INDICATOR_ISH.has(n.key)) continue;
    keys.add(n.key);
    if (n.key === "indicator" && !n.weak) strongNames = true;
  }
  const names = keys.has("indicator") || keys.has("level2");
  const values = keys.has("target") || keys.has("weight") || keys.has("level1");
  // The smallest table: 三级指标 | 指标值 (a real names column beside targets).
  return names && values && (keys.size >= 3 || (strongNames && keys.has("target")));
}

/**
 * True when the row under a header only completes it: cells merged down from the header, header
 * names, period words (长期 | 年度) — a second header row that names too little on its own.
 */
export function isSubHeaderRow(row: Row, header: Row): boolean {
  let own = 0;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell || cellText(cell) === "" || sameMerge(cell, header[c])) continue;
    if (!matchHeaderName(cell.text) && !periodOf(cell.text)) return false;
    own++;
  }
  return own > 0;
}

/** The set of keys a header row names (to tell a repeated header from a new one). */
export function headerSignature(row: Row): string {
  return [...new Set(namesOf(row).flatMap((n) => (n ? [n.key] : [])))].sort().join(",");
}

/**
 * Maps the header at `row` (plus the group row above it) onto keys, then checks the mapping
 * against the data rows `[row + 1, dataEnd)` and applies the user's overrides.
 */
export function mapHeader(
  sheet: GridSheet,
  row: number,
  dataEnd: number,
  overrides: readonly ColumnOverride[] = [],
): HeaderMap {
  const cells = sheet.rows[row] ?? [];
  const above = row > 0 ? (sheet.rows[row - 1] ?? []) : [];
  const names = namesOf(cells);
  const mapped: MappedColumn[] = [];
  const candidates = new Map<ColumnKey, { col: number; name: HeaderName }[]>();
  let moneyUnit: MoneyUnit | undefined;
  names.forEach((named, col) => {
    // A bare period word (年度 | 长期) under a name qualifies that name; it is not a field of its own.
    const upCell = above[col];
    const qualifier =
      named &&
      /^(年度|当年|本年|长期|中期)$/.test(cellText(cells[col]).replace(/\s+/g, "")) &&
      upCell &&
      !sameMerge(upCell, cells[col]) &&
      matchHeaderName(upCell.text);
    const own = qualifier ? null : named;
    if (col > 0 && sameMerge(cells[col], cells[col - 1])) return;
    // A two-row header: 项目名称 printed in the row above an empty cell (CSV, pasted text), or
    // 指标值 above 年度 | 长期 (the period printed under the name).
    const up0 = above[col];
    const ownText = cellText(cells[col]);
    const ownPeriod = own ? undefined : periodOf(ownText);
    const upName =
      !own && up0 && !sameMerge(up0, cells[col]) && (!ownText || ownPeriod) ? matchHeaderName(up0.text) : null;
    const fromAbove = upName && ownPeriod ? { ...upName, period: ownPeriod } : upName;
    const n = own ?? fromAbove;
    const header = fromAbove ? [cellText(up0), ownText].filter(Boolean).join(" ") : ownText;
    if (!header) return;
    mapped.push({
      column: col,
      ref: fromAbove ? sheet.ref(row - 1, col) : sheet.ref(row, col),
      header,
      key: null,
      how: "name",
    });
    if (!n) return;
    const name = { ...n };
    const up = above[col];
    if (!name.period && up && !sameMerge(up, cells[col])) {
      const p = periodOf(up.text);
      if (p) name.period = p;
    }
    if (name.moneyUnit && (name.key === "budget" || name.key === "executed" || name.key === "initialBudget"))
      moneyUnit ??= name.moneyUnit;
    const list = candidates.get(name.key) ?? [];
    list.push({ col, name });
    candidates.set(name.key, list);
  });
  const cols = new Map<ColumnKey, number>();
  for (const [key, list] of candidates) {
    const strong = list.some((x) => !x.name.weak) ? list.filter((x) => !x.name.weak) : list;
    const year = strong.some((x) => x.name.period === "year") ? strong.filter((x) => x.name.period === "year") : strong;
    const pick = year.find((x) => x.name.period !== "long") ?? year[0]!;
    cols.set(key, pick.col);
    for (const x of list) {
      const m = mapped.find((mc) => mc.column === x.col)!;
      if (x === pick) m.key = key;
      else
        m.note = x.name.weak && !pick.name.weak ? "group-label" : x.name.period === "long" ? "long-term" : "duplicate";
    }
  }
  const map: HeaderMap = { row, cols, mapped, shifted: false };
  if (moneyUnit) map.moneyUnit = moneyUnit;
  checkByContent(sheet, map, row + 1, dataEnd);
  applyOverrides(sheet, map, overrides);
  return map;
}

/** Share of the non-empty data cells of a column that satisfy `test` (0 when none). */
function share(sheet: GridSheet, col: number, from: number, to: number, test: (t: string) => boolean): number {
  const header = sheet.rows[from - 1] ?? [];
  let n = 0;
  let yes = 0;
  for (let r = from; r < to; r++) {
    const row = sheet.rows[r] ?? [];
    const t = cellText(row[col]);
    // A text spanning more columns than the header does (a note, a footer) says nothing about one column.
    if (!t || wider(row, header, col)) continue;
    n++;
    if (test(t)) yes++;
  }
  return n === 0 ? 0 : yes / n;
}

/** The columns a merged cell spans in its row, as [first, last]. */
function extent(row: Row, col: number): [number, number] {
  let a = col;
  let b = col;
  while (a > 0 && sameMerge(row[a - 1], row[col])) a--;
  while (b + 1 < row.length && sameMerge(row[b + 1], row[col])) b++;
  return [a, b];
}

/** True when the cell at `col` spans beyond the header cell of its column. */
function wider(row: Row, header: Row, col: number): boolean {
  const [a, b] = extent(row, col);
  if (a === b) return false;
  const [ha, hb] = extent(header, col);
  return a < ha || b > hb;
}

function isNatureOrOperator(t: string): boolean {
  return parseNatureWord(t) !== null || parseOperator(t) !== null;
}

function hasAny(sheet: GridSheet, col: number, from: number, to: number): boolean {
  for (let r = from; r < to; r++) if (cellText(sheet.rows[r]?.[col]) !== "") return true;
  return false;
}

function setKey(
  map: HeaderMap,
  col: number,
  key: ColumnKey | null,
  how: MappedColumn["how"],
  note?: MappedColumn["note"],
) {
  for (const [k, c] of map.cols) if (c === col) map.cols.delete(k);
  if (key) {
    const old = map.cols.get(key);
    if (old !== undefined) {
      const m = map.mapped.find((x) => x.column === old);
      if (m) m.key = null;
    }
    map.cols.set(key, col);
  }
  const m = map.mapped.find((x) => x.column === col);
  if (m) {
    m.key = key;
    m.how = how;
    if (note) m.note = note;
    else delete m.note;
  }
}

function checkByContent(sheet: GridSheet, map: HeaderMap, from: number, to: number): void {
  const { cols } = map;
  // A 指标性质/指标类型/指标方向 column that mostly holds something else (共性指标/个性指标) is not read as one.
  for (const key of ["nature", "operator", "polarity"] as const) {
    const c = cols.get(key);
    if (c !== undefined && hasAny(sheet, c, from, to) && share(sheet, c, from, to, isNatureOrOperator) < 0.5)
      setKey(map, c, null, "content", "other-content");
  }
  // A 分值 column with nothing in it prints no weights.
  const w = cols.get("weight");
  if (w !== undefined && !hasAny(sheet, w, from, to)) setKey(map, w, null, "content", "empty");
  // An unnamed or group-label column of 一级 labels left of the names is the 一级 column.
  const names = cols.get("indicator");
  if (!cols.has("level1") && names !== undefined)
    for (const m of map.mapped) {
      if (m.key || m.column >= names) continue;
      if (share(sheet, m.column, from, to, (t) => level1Of(t) !== null && level2Of(t) === null) >= 0.8) {
        setKey(map, m.column, "level1", "content");
        break;
      }
    }
  const ind = cols.get("indicator");
  // A column of level labels (a 绩效指标 label column) is never the names column.
  if (ind !== undefined && share(sheet, ind, from, to, isLevelLabel) >= 0.8) {
    if (cols.has("level1")) setKey(map, ind, null, "content", "level-labels");
    else setKey(map, ind, "level1", "content");
    const other = map.mapped.find((m) => m.column !== ind && m.note === "group-label");
    if (other) setKey(map, other.column, "indicator", "content");
  }
  // 一级 column holding 二级 labels, 二级 column holding the names, no 三级 column.
  const l1 = cols.get("level1");
  const l2 = cols.get("level2");
  if (!cols.has("indicator") && l1 !== undefined && l2 !== undefined) {
    // 成本指标 is both a 二级 (older layout) and a 一级 (2021): a column holding it among 二级 labels is still 二级.
    const l1HoldsL2 =
      share(sheet, l1, from, to, (t) => level2Of(t) !== null) >= 0.6 &&
      share(sheet, l1, from, to, (t) => level1Of(t) !== null && level2Of(t) === null) === 0;
    const l2HoldsNames = share(sheet, l2, from, to, (t) => !isLevelLabel(t)) >= 0.8;
    if (l1HoldsL2 && l2HoldsNames) {
      setKey(map, l2, "indicator", "content");
      setKey(map, l1, "level2", "content");
      map.shifted = true;
    }
  }
}

function applyOverrides(sheet: GridSheet, map: HeaderMap, overrides: readonly ColumnOverride[]): void {
  for (const o of overrides) {
    if (o.sheet !== undefined && o.sheet !== sheet.name) continue;
    const target =
      o.column !== undefined
        ? map.mapped.find((m) => m.column === o.column)
        : map.mapped.find((m) => m.header.replace(/\s+/g, "") === (o.header ?? "").replace(/\s+/g, ""));
    if (target) setKey(map, target.column, o.key, "override");
    else if (o.column !== undefined && o.key) {
      map.mapped.push({ column: o.column, ref: sheet.ref(map.row, o.column), header: "", key: null, how: "override" });
      setKey(map, o.column, o.key, "override");
    }
  }
  map.mapped.sort((a, b) => a.column - b.column);
}
