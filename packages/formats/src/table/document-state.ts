/**
 * The document being built from the blocks of every sheet, with what the checks after
 * reading need: where each project's and indicator's cells were, amounts with the unit they
 * were printed in (converted once the document's unit is known), and subtotal rows.
 */
import {
  type Diagnostic,
  FORMAT_ID,
  type Indicator,
  type MoneyUnit,
  type Project,
  type TargetDocument,
} from "@jixiao/core";
import type { HeaderMap } from "./header.ts";
import type { IndicatorCells, LevelState } from "./read-indicator.ts";
import type { BlockReading } from "./reading.ts";

export interface ProjectCells {
  /** Cell of the name (or of the block's header when no name cell). */
  name: string;
  /** Cell of the budget, when one was printed. */
  budget?: string;
  /** The printed budget text. */
  budgetText?: string;
}

export interface Amount {
  set: (v: number) => void;
  value: number;
  unit: MoneyUnit | null;
}

export interface Subtotal {
  ref: string;
  label: string;
  amount: number;
  unit: MoneyUnit | null;
  /** Projects printed under it (indices). */
  projects: number[];
  total: boolean;
}

export interface DocumentState {
  src: string;
  doc: TargetDocument;
  diagnostics: Diagnostic[];
  /** A money unit the table states (金额单位 line, header or form label). */
  statedUnit: MoneyUnit | null;
  /** Money units printed inside amount cells (10000万元). */
  cellUnit: MoneyUnit | null;
  amounts: Amount[];
  notes: string[];
  subtotals: Subtotal[];
  projectCells: Map<Project, ProjectCells>;
  indicatorCells: Map<Indicator, IndicatorCells>;
  blocks: BlockReading[];
  /** Some block printed a 分值/权重 column. */
  weightsPrinted: boolean;
  /** Some block printed no 分值/权重 column. */
  weightsMissing: boolean;
  /** The levels at the end of the last block (a table continued in the next one carries them). */
  lastLevels?: LevelState;
  /** The header of the last block read, for a table continued without a header. */
  lastMap?: HeaderMap & { headerRef: string };
}

export function newState(src: string): DocumentState {
  return {
    src,
    doc: { format: FORMAT_ID, moneyUnit: "万元", projects: [] },
    diagnostics: [],
    statedUnit: null,
    cellUnit: null,
    amounts: [],
    notes: [],
    subtotals: [],
    projectCells: new Map(),
    indicatorCells: new Map(),
    blocks: [],
    weightsPrinted: false,
    weightsMissing: false,
  };
}

/**
 * "310-某区水务部门" → { code: "310", name: "某区水务部门" }; a bare name stays a name.
 * @example parseDepartment("151-呼和浩特市总工会") // { code: "151", name: "呼和浩特市总工会" }
 */
export function parseDepartment(text: string): { code?: string; name: string } {
  const m = /^(\d{3})-(.*)$/s.exec(text);
  return m ? { code: m[1]!, name: m[2]! } : { name: text };
}

/**
 * A unit cell: `151001-呼和浩特市总工会`, `[207001]某县卫生健康局`, `207001 某县…`, or a bare name.
 * @example parseUnit("[207001]某县卫生健康局") // { unitCode: "207001", unitName: "某县卫生健康局" }
 */
export function parseUnit(text: string): { unitCode: string; unitName: string } {
  const t = text.trim();
  const m =
    /^(\d+)\s*[-－—]\s*(.*)$/s.exec(t) ??
    /^[[【〔（(](\d+)[\]】〕）)]\s*(.*)$/s.exec(t) ??
    /^(\d{6,})\s+(.*)$/s.exec(t);
  if (m) return { unitCode: m[1]!, unitName: m[2]!.trim() };
  // The code after the name: 某县人民政府-310001, 某县卫生健康局（207001）, 某某局 207001.
  const after =
    /^(.*?[^\d\s])\s*[[【〔（(](\d{3,})[\]】〕）)]$/s.exec(t) ?? /^(.*?[^\d\s])\s*(?:[-－—]\s*|\s+)(\d{6,})$/s.exec(t);
  if (after) return { unitCode: after[2]!, unitName: after[1]!.trim() };
  return { unitCode: "", unitName: t };
}
