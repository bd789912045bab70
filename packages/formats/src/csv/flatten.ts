/**
 * Document → flat rows, one indicator per row with the project columns repeated: the shape
 * shared by the CSV, xlsx and HTML writers. Optional columns (绩效标准, self-evaluation) appear
 * only when some row has them, so a plain 表12 keeps its 13 published columns.
 */
import type { Indicator, Project, TargetDocument } from "@jixiao/core";
import { type ColumnKey, OPERATOR_WORD } from "./columns.ts";

export type CellValue = string | number | null;

export interface FlatRow {
  projectIndex: number;
  /** null for the single row of a project without indicators. */
  indicatorIndex: number | null;
  cells: Partial<Record<ColumnKey, CellValue>>;
}

export interface FlatTable {
  columns: ColumnKey[];
  rows: FlatRow[];
}

/** The 13 columns of the published 表12, in order. */
export const TABLE12_COLUMNS: readonly ColumnKey[] = [
  "name",
  "unit",
  "category",
  "budget",
  "goal",
  "level1",
  "level2",
  "indicator",
  "nature",
  "operator",
  "target",
  "measure",
  "weight",
];

const PROJECT_KEYS: ReadonlySet<ColumnKey> = new Set([
  "seq",
  "name",
  "unit",
  "category",
  "budget",
  "goal",
  "executed",
  "initialBudget",
]);

/** True for the columns that belong to a project rather than to an indicator. */
export function isProjectColumn(key: ColumnKey): boolean {
  return PROJECT_KEYS.has(key);
}

/**
 * "151001-呼和浩特市总工会", or the bare name when there is no code.
 * @example unitText({ unitCode: "151001", unitName: "总工会" }) // "151001-总工会"
 */
export function unitText(p: Pick<Project, "unitCode" | "unitName">): string {
  return p.unitCode ? `${p.unitCode}-${p.unitName}` : p.unitName;
}

/** "151-呼和浩特市总工会", or the bare name. */
export function departmentText(d: NonNullable<TargetDocument["department"]>): string {
  return d.code ? `${d.code}-${d.name}` : d.name;
}

/** The 一级/二级 label to print: the original label when the source had one. */
export function level1Text(i: Indicator): string {
  return i.level1Label ?? i.level1;
}
export function level2Text(i: Indicator): string {
  return i.level2Label ?? i.level2;
}

/** A target as a cell: a number when the text is exactly a number's canonical form. */
export function targetCell(i: Indicator): CellValue {
  if (i.nature !== "定性" && /^-?\d+(\.\d+)?$/.test(i.target) && String(Number(i.target)) === i.target)
    return Number(i.target);
  return i.target;
}

function indicatorCells(i: Indicator): Partial<Record<ColumnKey, CellValue>> {
  const c: Partial<Record<ColumnKey, CellValue>> = {
    level1: level1Text(i),
    level2: level2Text(i),
    indicator: i.name,
    nature: i.nature,
    operator: i.operator ? OPERATOR_WORD[i.operator] : null,
    target: targetCell(i),
    measure: i.unit,
    weight: i.weight,
  };
  if (i.standard !== undefined) c.standard = i.standard;
  if (i.actual !== undefined) c.actual = i.actual;
  if (i.grade !== undefined) c.grade = i.grade;
  if (i.score !== undefined) c.score = i.score;
  if (i.notApplicable !== undefined) c.notApplicable = i.notApplicable ? "是" : "否";
  if (i.deviationReason !== undefined) c.deviationReason = i.deviationReason;
  return c;
}

export interface FlattenOptions {
  /** Add 项目序号 (CSV: tells adjacent look-alike projects apart). */
  seq?: boolean;
  /** Repeat the document's own fields (表名, 部门, 年度, 合计, 口径说明) as columns (CSV). */
  documentColumns?: boolean;
}

/**
 * Flattens a document to rows.
 * @example flatten(doc).rows.length // number of indicators (+1 per project without any)
 */
export function flatten(doc: TargetDocument, options: FlattenOptions = {}): FlatTable {
  const rows: FlatRow[] = [];
  const docCells: Partial<Record<ColumnKey, CellValue>> = {};
  if (options.documentColumns) {
    if (doc.title !== undefined) docCells.title = doc.title;
    if (doc.department) docCells.department = departmentText(doc.department);
    if (doc.fiscalYear !== undefined) docCells.fiscalYear = doc.fiscalYear;
    if (doc.total !== undefined) docCells.total = doc.total;
    if (doc.notes && doc.notes.length > 0) docCells.notes = doc.notes.join("\n");
  }
  doc.projects.forEach((p, pi) => {
    const pc: Partial<Record<ColumnKey, CellValue>> = {
      name: p.name,
      unit: unitText(p),
      category: p.category,
      budget: p.budget,
      goal: p.goal,
    };
    if (options.seq) pc.seq = pi + 1;
    if (p.executed !== undefined) pc.executed = p.executed;
    if (p.initialBudget !== undefined) pc.initialBudget = p.initialBudget;
    if (p.indicators.length === 0) rows.push({ projectIndex: pi, indicatorIndex: null, cells: { ...pc, ...docCells } });
    p.indicators.forEach((ind, ii) => {
      rows.push({ projectIndex: pi, indicatorIndex: ii, cells: { ...pc, ...indicatorCells(ind), ...docCells } });
    });
  });
  const present = new Set<ColumnKey>();
  for (const r of rows) for (const k of Object.keys(r.cells)) present.add(k as ColumnKey);
  const columns: ColumnKey[] = [];
  if (options.seq) columns.push("seq");
  columns.push(...TABLE12_COLUMNS);
  const optional: ColumnKey[] = [
    "standard",
    "executed",
    "initialBudget",
    "actual",
    "grade",
    "score",
    "notApplicable",
    "deviationReason",
    "title",
    "department",
    "fiscalYear",
    "total",
    "notes",
  ];
  for (const k of optional) if (present.has(k)) columns.push(k);
  return { columns, rows };
}
