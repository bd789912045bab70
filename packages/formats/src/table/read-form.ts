/**
 * The form above an indicator grid (项目名称 / 主管部门及编码 / 实施单位 / 资金总额 / 年度目标 …):
 * label cells with their value beside them or below them, the funding table of a
 * self-evaluation (年初预算数 | 全年预算数 | 全年执行数 over a 年度资金总额 row) and a cost
 * breakdown whose 合计 is the budget when nothing else states one.
 */
import type { MoneyUnit } from "@jixiao/core";
import type { ColumnKey } from "./columns.ts";
import { cellText, type GridCell, type GridSheet, hasText, isBlankRow, sameMerge } from "./grid.ts";
import { type HeaderName, matchHeaderName } from "./header-names.ts";
import { moneyUnitInText, readMoney } from "./vocab.ts";

/** A value found in the form, with where it was. */
export interface FormValue {
  text: string;
  ref: string;
  num?: number;
}

export interface FormFields {
  name?: FormValue;
  unit?: FormValue;
  unitCode?: FormValue;
  department?: FormValue;
  category?: FormValue;
  budget?: FormValue & { how: "label" | "funding" | "total"; row?: string };
  goal?: FormValue;
  initialBudget?: FormValue;
  executed?: FormValue;
  /** A money unit the form states (项目资金（万元）, 金额单位：元, or printed in the budget cell). */
  moneyUnit?: MoneyUnit;
  /** Banner lines (one text over the whole row): title, year, notes. */
  banners: string[];
}

const FORM_KEYS: ReadonlySet<ColumnKey> = new Set([
  "name",
  "unit",
  "unitCode",
  "department",
  "category",
  "budget",
  "goal",
  "initialBudget",
  "executed",
]);

type Row = readonly (GridCell | undefined)[];

/** A total row's label: 合计, 总计, 金额合计, 资金合计. */
export const TOTAL = /^(?:金额|资金|预算)?(?:合\s*计|总\s*计)$/;

function isLabel(c: GridCell | undefined): boolean {
  return Boolean(c && matchHeaderName(c.text));
}

function value(sheet: GridSheet, r: number, c: number, cell: GridCell | undefined): FormValue {
  const v: FormValue = { text: cellText(cell), ref: sheet.ref(r, c) };
  if (cell?.num !== undefined) v.num = cell.num;
  return v;
}

/** The value of the label at (r, c): the next non-empty cell to the right, else the cell below. */
function labelValue(sheet: GridSheet, r: number, c: number, money: boolean): FormValue | null {
  const row: Row = sheet.rows[r] ?? [];
  const label = row[c];
  // An amount has a digit: words beside a money label (总额 | 财政拨款) are sub-headers, not its value.
  const fits = (cell: GridCell) => !money || cell.num !== undefined || /\d/.test(cell.text);
  for (let v = c + 1; v < row.length; v++) {
    const cell = row[v];
    if (!cell || sameMerge(cell, label) || !hasText(cell)) continue;
    if (isLabel(cell)) break;
    if (!fits(cell)) {
      if (money) continue;
      break;
    }
    return value(sheet, r, v, cell);
  }
  const below = sheet.rows[r + 1]?.[c];
  if (
    below &&
    !sameMerge(below, label) &&
    hasText(below) &&
    !isLabel(below) &&
    fits(below) &&
    !isBannerRow(sheet.rows[r + 1] ?? [])
  )
    return value(sheet, r + 1, c, below);
  return null;
}

/** One text over the whole row (a title, 金额单位：元, a note). */
export function isBannerRow(row: Row): boolean {
  const filled = row.filter(hasText);
  if (filled.length === 0) return false;
  const first = filled[0]!;
  return (
    filled.every((c) => c === first || sameMerge(c, first) || c!.text === first.text) &&
    (filled.length > 1 || row.length <= 2)
  );
}

/**
 * True when the row starts a new form block (项目名称 with a value beside it).
 * @example isFormStart([{ text: "项目名称" }, { text: "道路养护" }]) // true
 */
export function isFormStart(row: Row): boolean {
  for (let c = 0; c < row.length; c++) {
    const n = row[c] ? matchHeaderName(row[c]!.text) : null;
    if (n?.key !== "name") continue;
    for (let v = c + 1; v < row.length; v++) {
      const cell = row[v];
      if (!cell || sameMerge(cell, row[c]) || !hasText(cell)) continue;
      return !isLabel(cell);
    }
  }
  return false;
}

/** `项目名称：道路养护` in one cell or one line: the label (a form field) and its value. */
function inlinePair(text: string): { label: HeaderName; value: string } | null {
  const m = /^([^:：]{2,14})[:：]\s*(\S.*)$/s.exec(text.trim());
  if (!m) return null;
  const label = matchHeaderName(m[1]!);
  return label && FORM_KEYS.has(label.key) && label.period !== "long" ? { label, value: m[2]!.trim() } : null;
}

/** Sets a form field from an inline pair unless a cell already gave it. */
function setField(out: FormFields, label: HeaderName, v: FormValue): void {
  const key = label.key as Exclude<keyof FormFields, "banners" | "moneyUnit">;
  if (out[key]) return;
  if (label.moneyUnit && key === "budget") out.moneyUnit ??= label.moneyUnit;
  if (key === "budget") out.budget = { ...v, how: "label" };
  else out[key] = v;
}

/**
 * Reads the form in rows [from, to) of a sheet, and `label：value` lines printed above the table
 * (paragraphs of a Word file, lines of a page).
 */
export function readForm(sheet: GridSheet, from: number, to: number, lines: readonly string[] = []): FormFields {
  const out: FormFields = { banners: [] };
  let funding: { row: number; cols: Partial<Record<"budget" | "initialBudget" | "executed", number>> } | null = null;
  let total: FormValue | null = null;
  let goalWeak = false;
  for (let r = from; r < to; r++) {
    const row: Row = sheet.rows[r] ?? [];
    if (isBannerRow(row)) {
      const t = cellText(row.find(hasText));
      out.banners.push(t);
      out.moneyUnit ??= moneyUnitInText(t) ?? undefined;
      const at = sheet.ref(r, Math.max(0, row.findIndex(hasText)));
      for (const part of t.split(/\s{2,}|\t|[；;]/)) {
        const p = inlinePair(part);
        if (p) setField(out, p.label, { text: p.value, ref: at });
      }
      continue;
    }
    // A funding header: two or more of 年初预算数 / 全年预算数 / 全年执行数 in one row.
    const fcols: Partial<Record<"budget" | "initialBudget" | "executed", number>> = {};
    row.forEach((c, i) => {
      const n = c ? matchHeaderName(c.text) : null;
      if (n && (n.key === "budget" || n.key === "initialBudget" || n.key === "executed") && !n.weak) fcols[n.key] ??= i;
    });
    if (Object.keys(fcols).length >= 2) {
      for (const c of row) {
        const n = c ? matchHeaderName(c.text) : null;
        if (n?.moneyUnit) out.moneyUnit ??= n.moneyUnit;
      }
      funding = { row: r, cols: fcols };
      continue;
    }
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || (c > 0 && sameMerge(cell, row[c - 1]))) continue;
      const above = sheet.rows[r - 1]?.[c];
      if (r > from && sameMerge(cell, above)) {
        continue; // a label merged down over several rows: read once
      }
      const isTotal = TOTAL.test(cellText(cell));
      const n = isTotal ? null : matchHeaderName(cell.text);
      if (!n) {
        const inline = isTotal ? null : inlinePair(cellText(cell));
        if (inline) setField(out, inline.label, { text: inline.value, ref: sheet.ref(r, c) });
        if (isTotal && !total) {
          for (let v = c + 1; v < row.length; v++) {
            const m = row[v] ? readMoney(cellText(row[v])) : null;
            if (m) {
              total = value(sheet, r, v, row[v]);
              break;
            }
          }
        }
        continue;
      }
      if (n.moneyUnit && n.key === "budget") out.moneyUnit ??= n.moneyUnit;
      if (!FORM_KEYS.has(n.key) || n.period === "long") continue;
      const key = n.key as Exclude<keyof FormFields, "banners" | "moneyUnit">;
      if (out[key] && !(key === "goal" && !n.weak && goalWeak)) continue;
      const v = labelValue(sheet, r, c, key === "budget" || key === "initialBudget" || key === "executed");
      if (!v) continue;
      if (key === "budget") out.budget = { ...v, how: "label" };
      else if (key === "goal") {
        out.goal = v;
        goalWeak = n.weak;
      } else out[key] = v;
    }
  }
  lines.forEach((line, i) => {
    for (const part of line.split(/\s{2,}|\t/)) {
      const p = inlinePair(part);
      if (p) setField(out, p.label, { text: p.value, ref: `${sheet.name}, line ${i + 1} above` });
    }
  });
  if (funding) readFunding(sheet, funding, to, out);
  if (!out.budget && total) out.budget = { ...total, how: "total" };
  return out;
}

function readFunding(
  sheet: GridSheet,
  funding: { row: number; cols: Partial<Record<"budget" | "initialBudget" | "executed", number>> },
  to: number,
  out: FormFields,
): void {
  for (let r = funding.row + 1; r < to; r++) {
    const row: Row = sheet.rows[r] ?? [];
    const amounts = Object.entries(funding.cols).map(([k, c]) => [k, row[c!]] as const);
    if (!amounts.some(([, c]) => c && readMoney(cellText(c)))) continue;
    const label = row.map(cellText).find((t) => t && !readMoney(t) && !/^项目资金/.test(t.replace(/\s+/g, ""))) ?? "";
    for (const [k, c] of amounts) {
      if (!c || !readMoney(cellText(c))) continue;
      const v = value(sheet, r, funding.cols[k as "budget"]!, c);
      if (k === "budget") out.budget = { ...v, how: "funding", row: label };
      else if (k === "initialBudget") out.initialBudget = v;
      else out.executed = v;
    }
    if (!out.budget && out.initialBudget) out.budget = { ...out.initialBudget, how: "funding", row: label };
    return; // the first row with amounts is the total (年度资金总额)
  }
}

/**
 * The first non-blank row of [from, to) when it is a banner naming a project (项目名称：… over
 * the whole row): several projects under one header, each announced by such a row.
 */
export function namingBanner(sheet: GridSheet, from: number, to: number): number | null {
  for (let r = from; r < to; r++) {
    const row = sheet.rows[r] ?? [];
    if (isBlankRow(row)) continue;
    return isBannerRow(row) && readForm(sheet, r, r + 1).name ? r : null;
  }
  return null;
}
