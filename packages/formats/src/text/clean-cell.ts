/**
 * Repairs a cell's text: a line wrap in the PDF left a space inside a word
 * (满意度指 标, 身心 健康). A space with CJK characters (ideographs or full-width
 * punctuation) on both sides is removed; other spaces are kept.
 */

const SPLIT =
  /([\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef])[ \u00a0\u3000]+(?=[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef])/g;

const SPACE = /[ \u00a0\u3000]/;

/**
 * Joins words split at a line wrap and trims the cell.
 * @example joinSplitWords("满意度指 标") // "满意度指标"
 */
export function joinSplitWords(cell: string): string {
  if (!SPACE.test(cell)) {
    const first = cell.charCodeAt(0);
    const last = cell.charCodeAt(cell.length - 1);
    return first <= 32 || last <= 32 ? cell.trim() : cell;
  }
  return cell.trim().replace(SPLIT, "$1");
}
