/**
 * Pass 5 — what the document says about itself, inferred where it is not printed: the layout
 * (成本指标 as a 一级 in the 2021 layout), the department code from the unit codes, the fiscal
 * year from the years the text cites, the title from the table number, and the 合计 row checked
 * against the project budgets.
 */
import { type Layout, LEVEL2_ONLY_2021, sumDecimal, type TargetDocument } from "@jixiao/core";
import type { Block } from "./classify-line.ts";
import type { RepairLog } from "./text-diagnostics.ts";

/**
 * The layout of the whole table: 2021 when any row prints a 2021-only 二级 or 成本指标 as a 一级.
 * @example detectLayout([]) // "older"
 */
export function detectLayout(blocks: readonly Block[]): Layout {
  for (const b of blocks)
    for (const r of b.rows)
      for (const l of r.labels)
        if (
          (l.level2 && LEVEL2_ONLY_2021.includes(l.level2)) ||
          (r.labels.length === 2 && r.labels[0] === l && l.level1 === "成本指标")
        )
          return "cost-first-level-2021";
  return "older";
}

/** The year the text cites most (first MB), latest on a tie; 0 when none. */
export function commonestYear(text: string): number {
  const years = new Map<number, number>();
  for (const m of text.slice(0, 1 << 20).matchAll(/(20\d{2})\s*年/g)) {
    const y = Number(m[1]);
    years.set(y, (years.get(y) ?? 0) + 1);
  }
  let best = 0;
  let bestN = 0;
  for (const [y, n] of years) if (n > bestN || (n === bestN && y > best)) [best, bestN] = [y, n];
  return best;
}

/**
 * Fills in what the projects imply about the document, after they are assembled.
 * @example inferDocument(doc, text, [], log)
 */
export function inferDocument(doc: TargetDocument, src: string, notes: string[], log: RepairLog): void {
  if (notes.length) doc.notes = notes;
  // Department code from the unit codes: 3-digit department + 3-digit unit.
  const codes = new Set(doc.projects.map((p) => (p.unitCode.length === 6 ? p.unitCode.slice(0, 3) : "")));
  if (codes.size === 1) {
    const code = [...codes][0]!;
    if (code) {
      doc.department = { code, name: doc.department?.name ?? "" };
      log.add("text.department-code-inferred", { code });
    }
  }
  if (doc.department && !doc.department.name) doc.department.name = doc.projects[0]?.unitName ?? "";
  if (doc.fiscalYear === undefined) {
    const year = commonestYear(src);
    if (year) {
      doc.fiscalYear = year;
      log.add("text.fiscal-year-inferred", { year });
    }
  }
  if (doc.total !== undefined) {
    const sum = sumDecimal(doc.projects.map((p) => p.budget));
    if (sum !== doc.total) log.add("text.total-mismatch", { sum, total: doc.total });
  }
}
