/**
 * Cells that say what a row is, whatever the layout: a unit or department with its code
 * (`151001-呼和浩特市总工会`, `820-马踏镇部门`, `[015001]武汉市青山区教育局`), and the total
 * rows (合计, 总计, 小计) that must never be read as projects.
 */

/** A code and a name printed in one cell. */
export interface CodeName {
  /** The digits of the code, as printed ("015001"). */
  code: string;
  name: string;
}

const DASHED = /^(\d{3,12})\s*[-－—–‐]+\s*(\S.*)$/s;
const BRACKETED = /^[[［【〔(（]\s*(\d{3,12})\s*[\]］】〕)）]\s*[-－—:：]?\s*(\S.*)$/s;
const SPACED = /^(\d{3,12})[\s\u3000]+(\S.*)$/s;

/**
 * Reads a code-and-name cell; null when the cell is not one (the name must hold a letter).
 * @example parseCodeName("151001-呼和浩特市总工会") // { code: "151001", name: "呼和浩特市总工会" }
 * @example parseCodeName("[015001]武汉市青山区教育局") // { code: "015001", name: "武汉市青山区教育局" }
 */
export function parseCodeName(text: string): CodeName | null {
  const t = text.trim();
  const m = DASHED.exec(t) ?? BRACKETED.exec(t) ?? SPACED.exec(t);
  if (!m) return null;
  const name = m[2]!.trim();
  if (!/[\p{L}]/u.test(name)) return null;
  return { code: m[1]!, name };
}

/**
 * The kind of total a cell labels: 合计/总计 (the whole table) or 小计 (a group); null otherwise.
 * Spaces inside (合 计) and a trailing colon are allowed.
 * @example totalLabel("合 计") // "total"
 */
export function totalLabel(text: string): "total" | "subtotal" | null {
  const t = text.replace(/[\s\u3000\u00a0:：]+/g, "");
  if (t === "合计" || t === "总计" || t === "共计") return "total";
  if (t === "小计") return "subtotal";
  return null;
}
