/**
 * Prints a department as one row table (one row per indicator, the project's cells merged
 * down its rows, 一级/二级 merged within a project), with columns chosen by a layout: which
 * fields, in which order, under which header, each cell printed by the layout's own rule.
 */
import { formatMoney, type Indicator, type Project, type TargetDocument } from "@jixiao/core";
import { type Block, type Cell, type GridRow, mergeColumn, type Printed, para } from "./grid.ts";

/** What a column shows. Project fields are printed once per project (merged down). */
export type Field =
  | "name"
  | "unit"
  | "category"
  | "budget"
  | "goal"
  | "level1"
  | "level2"
  | "indicator"
  | "nature"
  | "operator"
  | "target"
  | "measure"
  | "weight"
  | "polarity"
  | "actual"
  | "score"
  | "deviation";

export const PROJECT_FIELDS: ReadonlySet<Field> = new Set(["name", "unit", "category", "budget", "goal"]);

export interface Column {
  field: Field;
  header: string;
}

export const OP_WORD: Record<string, string> = {
  "=": "等于",
  "≥": "大于等于",
  "≤": "小于等于",
  ">": "大于",
  "<": "小于",
};

/** What a layout prints and the truth a perfect reader returns for it. */
export interface LayoutResult {
  truth: TargetDocument;
  printed: Printed;
}

/** An operator and the unit written inside the target cell: `≥95%`, `≤12.5万元`, `=300人`. */
export function targetWithOperator(ind: Indicator): string {
  if (ind.nature === "定性") return ind.target;
  return `${ind.operator ?? ""}${ind.target}${ind.unit ?? ""}`;
}

/** How a layout prints cells; each hook defaults to the 表12 way. */
export interface CellStyle {
  operator?: (ind: Indicator) => string;
  target?: (ind: Indicator) => string;
  nature?: (ind: Indicator) => string;
  polarity?: (ind: Indicator) => string;
  level1?: (ind: Indicator) => string;
  budget?: (value: number) => string;
}

/** 万元 with two decimals; 元 with thousands separators. */
export function moneyText(value: number, separators = false): string {
  const s = formatMoney(value);
  if (!separators) return s;
  const [int, dec] = s.split(".") as [string, string];
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${dec}`;
}

function numCell(text: string): Cell {
  const n = Number(text);
  return text !== "" && /^-?\d+(\.\d+)?$/.test(text) && Number.isFinite(n) ? { text, num: n } : { text };
}

export function indicatorCell(field: Field, ind: Indicator, style: CellStyle): Cell {
  switch (field) {
    case "level1":
      return { text: style.level1?.(ind) ?? ind.level1Label ?? ind.level1 };
    case "level2":
      return { text: ind.level2Label ?? ind.level2 };
    case "indicator":
      return { text: ind.name };
    case "nature":
      return { text: style.nature?.(ind) ?? ind.nature };
    case "operator":
      return { text: style.operator?.(ind) ?? (ind.operator ? OP_WORD[ind.operator]! : "") };
    case "target":
      return style.target ? { text: style.target(ind) } : numCell(ind.target);
    case "measure":
      return { text: ind.unit ?? "" };
    case "weight":
      return ind.weight === null ? { text: "" } : { text: String(ind.weight), num: ind.weight };
    case "polarity":
      return { text: style.polarity?.(ind) ?? "" };
    case "actual":
      return ind.actual === undefined ? { text: "" } : numCell(String(ind.actual));
    case "score":
      return ind.score === undefined ? { text: "" } : { text: String(ind.score), num: ind.score };
    case "deviation":
      return { text: ind.deviationReason ?? "" };
    default:
      return { text: "" };
  }
}

export function projectCell(field: Field, p: Project, style: CellStyle): Cell {
  switch (field) {
    case "name":
      return { text: p.name };
    case "unit":
      return { text: `${p.unitCode}-${p.unitName}` };
    case "category":
      return { text: p.category };
    case "budget":
      return { text: style.budget?.(p.budget) ?? moneyText(p.budget), num: p.budget };
    case "goal":
      return { text: p.goal };
    default:
      return { text: "" };
  }
}

/** Title, department and money-unit lines above the table, as departments print them. */
export function preamble(doc: TargetDocument, title: string): Block[] {
  const out: Block[] = [para(`${doc.fiscalYear ?? ""}年${title}`)];
  if (doc.department) out.push(para(`部门：${doc.department.code ?? ""}-${doc.department.name}`));
  out.push(para(doc.moneyUnit === "元" ? "金额单位：元" : "单位：万元"));
  return out;
}

/**
 * The rows of one table: header, then one row per indicator; project cells merged down the
 * project's rows and 一级/二级 merged within each project; a 合计 row when asked.
 */
export function rowTable(doc: TargetDocument, columns: Column[], style: CellStyle, total: boolean): GridRow[] {
  const rows: GridRow[] = [columns.map((c) => ({ text: c.header }))];
  const starts: number[] = [];
  for (const p of doc.projects) {
    starts.push(rows.length);
    const first = rows.length;
    for (const ind of p.indicators) {
      const isFirst = rows.length === first;
      rows.push(
        columns.map((c) =>
          PROJECT_FIELDS.has(c.field)
            ? isFirst
              ? {
                  ...projectCell(c.field, p, style),
                  rowSpan: p.indicators.length > 1 ? p.indicators.length : undefined,
                }
              : null
            : indicatorCell(c.field, ind, style),
        ),
      );
    }
  }
  const end = rows.length;
  const startSet = new Set(starts);
  columns.forEach((c, i) => {
    if (c.field === "level1" || c.field === "level2") mergeColumn(rows, i, 1, end, (r) => startSet.has(r));
  });
  // A 二级 run never crosses a 一级 boundary: split where the 一级 column starts a new cell.
  const l1 = columns.findIndex((c) => c.field === "level1");
  const l2 = columns.findIndex((c) => c.field === "level2");
  if (l1 >= 0 && l2 >= 0) splitAtBoundaries(rows, l2, l1);
  if (total) {
    const b = columns.findIndex((c) => c.field === "budget");
    rows.push(
      columns.map((_c, i) =>
        i === 0
          ? { text: "合计" }
          : i === b
            ? { text: style.budget?.(doc.total ?? 0) ?? moneyText(doc.total ?? 0), num: doc.total ?? 0 }
            : { text: "" },
      ),
    );
  }
  for (const r of rows) for (const c of r) if (c && c.rowSpan === undefined) delete c.rowSpan;
  return rows;
}

/** Cuts the merged cells of column `col` where column `by` starts a new master cell. */
function splitAtBoundaries(rows: GridRow[], col: number, by: number): void {
  for (let r = 1; r < rows.length; r++) {
    const c = rows[r]?.[col];
    if (!c?.rowSpan) continue;
    for (let k = r + 1; k < r + c.rowSpan; k++) {
      if (rows[k]?.[by] !== null) {
        const rest = r + c.rowSpan - k;
        c.rowSpan = k - r > 1 ? k - r : undefined;
        rows[k]![col] = { text: c.text, rowSpan: rest > 1 ? rest : undefined };
        break;
      }
    }
  }
}

export function printRows(doc: TargetDocument, title: string, columns: Column[], style: CellStyle): Printed {
  return { title, blocks: [...preamble(doc, title), { kind: "table", rows: rowTable(doc, columns, style, true) }] };
}
