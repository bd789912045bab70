/**
 * The vocabulary the text importer reads by: natures, operators, header words, units.
 * Cells are recognised by what they mean, not by the column they were printed in.
 */
import { type Nature, normalizeLevel1, normalizeLevel2, type Operator, TABLE12_HEADER } from "@jixiao/core";

const NATURES: Record<string, Nature> = {
  定性: "定性",
  定性指标: "定性",
  正向: "正向",
  正向指标: "正向",
  反向: "反向",
  反向指标: "反向",
  定量: "正向",
};

/** 指标性质 cell → nature; null when the cell is not one. */
export function parseNature(cell: string): Nature | null {
  // Every nature word starts with 定, 正 or 反: skip the lookup for everything else.
  const c = cell.charCodeAt(0);
  if (c !== 0x5b9a && c !== 0x6b63 && c !== 0x53cd) return null;
  return NATURES[cell] ?? null;
}

const OPERATORS: Record<string, Operator> = {
  等于: "=",
  "=": "=",
  "＝": "=",
  大于等于: "≥",
  不低于: "≥",
  不少于: "≥",
  "≥": "≥",
  "≧": "≥",
  ">=": "≥",
  小于等于: "≤",
  不高于: "≤",
  不超过: "≤",
  不多于: "≤",
  "≤": "≤",
  "≦": "≤",
  "<=": "≤",
  大于: ">",
  ">": ">",
  "＞": ">",
  小于: "<",
  "<": "<",
  "＜": "<",
};

const OPERATOR_STARTS = new Set(Object.keys(OPERATORS).map((k) => k.charCodeAt(0)));

/** 指标方向 cell → operator; null when the cell is not one. */
export function parseOperator(cell: string): Operator | null {
  if (!OPERATOR_STARTS.has(cell.charCodeAt(0))) return null;
  return OPERATORS[cell] ?? null;
}

const HEADER_WORDS = TABLE12_HEADER;

/** True when a row is the table header (at least four header words among its cells). */
export function isHeaderRow(cells: readonly string[]): boolean {
  let n = 0;
  for (const c of cells) if (HEADER_WORDS.includes(c)) n++;
  return n >= 4;
}

/** Column index of a header word in a header row, or -1. */
export function headerIndex(cells: readonly string[], word: string): number {
  return cells.indexOf(word);
}

/** A unit cell: short, no digits (%, 人, 万元, 元/人, 户, 项, 次, 天 …). */
export function looksLikeUnit(cell: string): boolean {
  return cell.length > 0 && cell.length <= 6 && !/\d/.test(cell) && !/[，。；、：]/.test(cell);
}

/** 合计 / 总计 rows. */
export function isTotalLabel(cell: string): boolean {
  const c = cell.charCodeAt(0);
  return (c === 0x5408 || c === 0x603b) && /^(合\s*计|总\s*计)$/.test(cell);
}

/** Unit cell of a project row: `151001-呼和浩特市总工会`. */
export const UNIT_CELL = /^(\d{3,12})\s*[-－—]\s*(.+)$/;

/** Plain number as printed in a weight or budget cell. */
export const NUMBER_CELL = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** A cell that is a level label or a nature (it starts the indicator part of a row). */
export function isLabelCell(text: string): boolean {
  if (parseNature(text) !== null) return true;
  return text.length <= 20 && (normalizeLevel1(text) !== null || normalizeLevel2(text) !== null);
}
