/**
 * The text importer's view of the core vocabulary (natures, operators, level labels come from
 * core/model/vocabulary) plus the shapes of cells only a printed 表12 has: the header row, the
 * `151001-单位名称` project cell, 合计. Cells are recognised by what they mean, not by column.
 */
import {
  type NatureWord,
  normalizeLevel1,
  normalizeLevel2,
  parseNatureWord,
  parseOperator as parseOperatorWord,
  readNumber,
  TABLE12_HEADER,
} from "@jixiao/core";

/**
 * 指标性质 cell → the nature word as the core vocabulary reads it (定性, 正向, 反向, or 定量 —
 * quantitative with no direction, resolved later from the operator); null when not one.
 * @example parseNature("正向指标") // "正向"
 */
export function parseNature(cell: string): NatureWord | null {
  // Every nature word starts with 定, 正, 反 or 越: skip the lookup for everything else.
  const c = cell.charCodeAt(0);
  if (c !== 0x5b9a && c !== 0x6b63 && c !== 0x53cd && c !== 0x8d8a) return null;
  return parseNatureWord(cell);
}

/** 指标方向 cell → operator (core vocabulary: every spelling); null when the cell is not one. */
export const parseOperator = parseOperatorWord;

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

/**
 * The number a weight, budget or 合计 cell holds (core number grammar: separators, full-width
 * digits), or null when the cell is not one plain number.
 * @example numberCell("8,827,620.53") // 8827620.53
 */
export function numberCell(cell: string): number | null {
  // Every number starts with a digit or a sign: skip everything else cheaply.
  const c = cell.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || (c >= 0xff0b && c <= 0xff19))) return null;
  return readNumber(cell)?.value ?? null;
}

/** A cell that is a level label or a nature (it starts the indicator part of a row). */
export function isLabelCell(text: string): boolean {
  if (parseNature(text) !== null) return true;
  return text.length <= 20 && (normalizeLevel1(text) !== null || normalizeLevel2(text) !== null);
}
