/**
 * The grid reader's door to the one vocabulary in core (operators, natures, the target cell
 * grammar, numbers and money, 一级/二级 labels with score bands, header names). Nothing here
 * defines a spelling of its own: it only adapts the core functions to cells.
 */
import { normalizeLevel1, normalizeLevel2 } from "@jixiao/core";

export {
  detectLayout,
  isValidPairAnyLayout,
  type Layout,
  matchHeader,
  moneyUnitInText,
  normalizeLevel1,
  normalizeLevel2,
  normalizeUnit,
  parentOf,
  parseNatureWord,
  parseOperator,
  parseTargetCell,
  readMoney,
  readNumber,
  resolveNature,
  type TargetCell,
} from "@jixiao/core";

/** The normalised 一级 of a printed label (score band, numbering and spaces allowed), or null. */
export function level1Of(label: string): string | null {
  return normalizeLevel1(label);
}

/** The normalised 二级 of a printed label, or null. */
export function level2Of(label: string): string | null {
  return normalizeLevel2(label);
}

/** True when the text is a 一级 or 二级 label of the framework. */
export function isLevelLabel(text: string): boolean {
  return text !== "" && (level1Of(text) !== null || level2Of(text) !== null);
}
