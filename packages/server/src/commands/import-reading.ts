/**
 * How an upload was read, for the import wizard, in a bounded serialisable shape: the layouts
 * recognised, each source column with the field it was read as (and how: by its header, by
 * what it holds, or as the user set it), the fields a column may be mapped to, and the cells
 * of the table as read that were inferred or are doubtful — taken from the repair log, each
 * diagnostic's code naming the 表12 field it concerns.
 */
import type { Diagnostic, TargetDocument } from "@jixiao/core";
import { HEADER } from "@jixiao/formats/table/columns.ts";
import { LAYOUT_WORDS, type TableReading } from "@jixiao/formats/table/reading.ts";
import { MAPPABLE_KEYS } from "./import-columns.ts";

export interface ReadingColumn {
  sheet: string;
  column: number;
  ref: string;
  header: string;
  key: string | null;
  how: "name" | "override" | "content";
  note?: string;
  /** Blocks (a form per project, a table per page) that print this column the same way. */
  blocks: number;
}

export interface CellMark {
  projectIndex: number;
  indicatorIndex?: number;
  /** The 表12 field (name, unit, category, budget, goal, level1 … weight); null: the whole row. */
  field: string | null;
  kind: "inferred" | "doubtful";
  code: string;
  message: string;
  messageEn: string;
}

export interface ImportReading {
  layouts: { sheet?: string; zh: string; en: string }[];
  /** The money unit used and where it came from (stated in the table, read from its cells, or assumed). */
  moneyUnit: { unit: string; from: "stated" | "cells" | "default" };
  columns: ReadingColumn[];
  fields: { key: string; zh: string; en: string }[];
  marks: CellMark[];
  overrides: { sheet?: string; column?: number; header?: string; key: string | null }[];
}

/** Bounds of the answer: columns listed and cells marked. */
export const READING_BOUNDS = { columns: 256, marks: 2000 } as const;

const FIELD_EN: Record<string, string> = {
  seq: "sequence number",
  name: "project name",
  unit: "unit (code-name)",
  category: "project category",
  budget: "budget",
  goal: "annual goal",
  level1: "level 1 (一级)",
  level2: "level 2 (二级)",
  indicator: "indicator name (三级)",
  nature: "nature",
  operator: "operator",
  polarity: "direction (正向/反向)",
  target: "target value",
  measure: "unit of measure",
  weight: "weight (points)",
  standard: "standard",
  executed: "amount executed",
  initialBudget: "initial budget",
  actual: "actual value",
  grade: "grade",
  score: "score",
  notApplicable: "not applicable",
  deviationReason: "deviation reason",
};

/** The 表12 field a repair-log code concerns, by the code's name (after `<source>.`). */
const FIELD_OF: [RegExp, string | null][] = [
  [/^(weight-|no-weights)/, "weight"],
  [/^budget-/, "budget"],
  [/^unit-code-/, "unit"],
  [/^level1-/, "level1"],
  [/^level2-/, "level2"],
  [/^levels-guessed/, "level1"],
  [/^operator-/, "operator"],
  [/^nature-/, "nature"],
  [/^target-/, "target"],
  [/^unit-(conflict|in-value)/, "measure"],
  [/^(name-|indicator-name)/, "indicator"],
  [/^project-(name|no-indicators)/, "name"],
  [/^(row-reattached|reattach-|actual-)/, null],
];

/** Info-level repairs that put a value in a cell the table left empty or unclear. */
const INFERRED = /(inferred|guessed|from-|in-value|corrected|reattached|default)/;

function markOf(d: Diagnostic): CellMark | null {
  if (d.projectIndex === undefined) return null;
  const name = d.code.slice(d.code.indexOf(".") + 1);
  const kind = d.severity === "info" ? (INFERRED.test(name) ? "inferred" : null) : "doubtful";
  if (!kind) return null;
  const hit = FIELD_OF.find(([re]) => re.test(name));
  const field = hit ? hit[1] : d.indicatorIndex === undefined ? "name" : null;
  const mark: CellMark = {
    projectIndex: d.projectIndex,
    field,
    kind,
    code: d.code,
    message: d.message,
    messageEn: d.messageEn,
  };
  if (d.indicatorIndex !== undefined) mark.indicatorIndex = d.indicatorIndex;
  return mark;
}

/**
 * The wizard's view of a reading; undefined for inputs read without a grid (our JSON).
 * `page` is the bounded document of the answer: marks outside it are left out.
 */
export function presentReading(
  reading: TableReading | undefined,
  page: TargetDocument | null,
  diagnostics: readonly Diagnostic[],
): ImportReading | undefined {
  if (!reading) return undefined;
  const layouts: ImportReading["layouts"] = [];
  const seenLayout = new Set<string>();
  const columns: ReadingColumn[] = [];
  // A template repeated per project or per page lists its columns once, with how many blocks print them.
  const byColumn = new Map<string, ReadingColumn>();
  for (const b of reading.blocks) {
    const words = b.layouts.map((l) => LAYOUT_WORDS[l]);
    const id = `${b.layouts.join(",")}`;
    if (!seenLayout.has(id)) {
      seenLayout.add(id);
      layouts.push({ zh: words.map((w) => w[0]).join("，"), en: words.map((w) => w[1]).join(", ") });
    }
    for (const c of b.columns) {
      const cid = `${c.column}\u0000${c.header}\u0000${c.key}\u0000${c.how}`;
      const seen = byColumn.get(cid);
      if (seen) {
        seen.blocks++;
        continue;
      }
      if (columns.length >= READING_BOUNDS.columns) continue;
      const col: ReadingColumn = {
        sheet: b.sheet,
        column: c.column,
        ref: c.ref,
        header: c.header,
        key: c.key,
        how: c.how,
        blocks: 1,
      };
      if (c.note) col.note = c.note;
      byColumn.set(cid, col);
      columns.push(col);
    }
  }
  const marks: CellMark[] = [];
  const shown = page?.projects ?? [];
  for (const d of diagnostics) {
    if (marks.length >= READING_BOUNDS.marks) break;
    const m = markOf(d);
    if (!m) continue;
    const p = shown[m.projectIndex];
    if (!p || (m.indicatorIndex !== undefined && m.indicatorIndex >= p.indicators.length)) continue;
    marks.push(m);
  }
  return {
    layouts,
    moneyUnit: { ...reading.moneyUnit },
    columns,
    fields: MAPPABLE_KEYS.map((key) => ({
      key,
      zh: (HEADER as Record<string, string>)[key] ?? key,
      en: FIELD_EN[key] ?? key,
    })),
    marks,
    overrides: reading.overrides.map((o) => ({ ...o })),
  };
}
