/**
 * The header a page continuing a text table prints again (a spreadsheet's rows repeated at the
 * top of each page). The first page's header line is kept per column; a continuing page's first
 * table line holding most of those texts in the same columns is the header again. Runs on that
 * line that are not part of it are the text of a cell cut by the page break, printed over the
 * header (calc centres a cut cell's text in the whole cell, on each page): they belong to the
 * table body, so the rows below the header are read as the continuation they are.
 */
import type { TextRun } from "./pdf-page.ts";
import { slot, type Table } from "./ruled-grid.ts";

/** The first page's header line, per column (text without spaces; "" for an empty column). */
const HEADS = new WeakMap<Table, string[]>();

const bare = (s: string) => s.replace(/\s+/g, "");

const columnOf = (xs: number[], r: TextRun) => slot(xs, r.x + Math.min(r.w, r.size) / 2);

/** Remembers the header line of a table's first page. */
export function keepHeader(t: Table, runs: TextRun[]): void {
  const texts = t.xs.slice(1).map(() => "");
  for (const r of [...runs].sort((a, b) => a.x - b.x)) {
    const c = columnOf(t.xs, r);
    if (c >= 0) texts[c] += bare(r.str);
  }
  HEADS.set(t, texts);
}

/**
 * The runs of `line` that print the header of an earlier page's table again, and the others;
 * null when the line does not repeat it (fewer than three quarters of its texts, or other columns).
 * @example repeatedHeader(firstLine.runs, xs, pages.flatMap((p) => p.tables))?.rest
 */
export function repeatedHeader(
  runs: TextRun[],
  xs: number[],
  earlier: Table[],
): { head: TextRun[]; rest: TextRun[] } | null {
  const ref = [...earlier].reverse().find((t) => HEADS.has(t));
  const want = ref ? HEADS.get(ref)! : null;
  if (!want || want.length !== xs.length - 1) return null;
  const head: TextRun[] = [];
  const rest: TextRun[] = [];
  const got = want.map(() => "");
  for (const r of [...runs].sort((a, b) => a.x - b.x)) {
    const c = columnOf(xs, r);
    const text = bare(r.str);
    // A run that is part of the column's header text (a cut cell's text is printed as runs of its own).
    if (c >= 0 && text && want[c]!.includes(text)) {
      head.push(r);
      got[c] += text;
    } else rest.push(r);
  }
  const filled = want.filter(Boolean).length;
  const same = want.filter((w, c) => w && got[c] === w).length;
  return filled >= 3 && same >= filled * 0.75 ? { head, rest } : null;
}

/**
 * The column of the header's 一级 (first-level indicator) label — the columns left of it hold the
 * project's cells (name, unit, category, budget, goal: whatever the sheet prints) — from the
 * page's header line, or on a continuing page from the first page's; -1 when not known.
 */
export function levelOneColumn(xs: number[], runs: TextRun[] | null, earlier: Table[]): number {
  let texts: string[] | undefined;
  if (runs) {
    texts = xs.slice(1).map(() => "");
    for (const r of [...runs].sort((a, b) => a.x - b.x)) {
      const c = columnOf(xs, r);
      if (c >= 0) texts[c] += bare(r.str);
    }
  } else {
    const ref = [...earlier].reverse().find((t) => HEADS.has(t));
    texts = ref && HEADS.get(ref)!.length === xs.length - 1 ? HEADS.get(ref) : undefined;
  }
  return texts?.findIndex((t) => t.includes("一级")) ?? -1;
}
