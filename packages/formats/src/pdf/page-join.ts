/**
 * Page breaks through the table: the first table row of a page joined with the last row of the
 * page before, when they are parts of the same cells (a merged cell cut by the break, a row the
 * break split in two).
 */
import type { GridCell } from "../table/grid.ts";

export type Row = (GridCell | undefined)[];

/** What the pages tell of the cells at a page break. */
export interface BreakMarks {
  /** Cells whose text runs down to their bottom border. */
  fullToBottom: WeakSet<GridCell>;
  /** Cells whose text starts at their top border. */
  fromTop: WeakSet<GridCell>;
  /** Cells whose text printed on below the table's last row line (a cut cell's tail). */
  runsOn: WeakSet<GridCell>;
  /** Columns of the previous page's last row holding a cell with no text. */
  emptyAtBottom: ReadonlySet<number>;
}

/**
 * A row the page break cut in two (word processors let a tall row break): the new page starts
 * with only the long texts' tails — at most half of the columns the previous row filled, none
 * it left empty, not its last. The tails are appended to the previous row's cells.
 */
export function joinSplitRow(last: Row, first: Row): void {
  const own = (row: Row) => row.flatMap((c, g) => (c?.text && !c.merged ? [g] : []));
  const a = new Set(own(last));
  const b = own(first);
  if (!b.length || b.length * 2 > a.size || !b.every((g) => a.has(g))) return;
  // The tail of a cut row lacks the short cells every row fills (the last one, 分值 or 方向性).
  const lastFilled = Math.max(...a);
  if (first[lastFilled]?.text) return;
  // No cell begins with the row: every merged cell in it continues one of the previous row.
  if (!first.every((c, g) => !c?.merged || !c.text || c.merged === last[g]?.merged)) return;
  for (const g of b) {
    last[g] = { text: last[g]!.text + first[g]!.text };
    first[g] = undefined;
  }
}

/**
 * A merged cell cut by the page break: the new page starts with the same text printed again,
 * or with an empty merged cell where the previous page's merged cell had text (the producer
 * printed the text once, on the other part), or the reverse. Either way the two parts become one cell. A merged
 * cell at the page start whose text starts at its top border, after a cell filled with text down
 * to its bottom border, is the rest of that cell (a word processor prints the text on, page after
 * page; a centred label is not): its text is appended. In a print that does not repeat the
 * header, a cell cut by the break may print its text where its part on one page is: a cell whose
 * text ran on below the previous page's table (`runsOn`) and which this page starts by printing
 * the end of again is one cell; a cell left empty at the previous page's foot (`emptyAtBottom`:
 * a cell is there, one row high, so it begins there) and a merged cell with text starting this
 * page are one cell (a project or 一级 whose first row falls at a page's foot, its text centred
 * on the rows the next page prints).
 */
export function joinAcrossPages(before: Row[], last: Row, first: Row, body: Row[], marks: BreakMarks): void {
  const { fullToBottom, fromTop, runsOn, emptyAtBottom } = marks;
  const relabel = (g: number, merged: string, text: string) => {
    const b = first[g]!;
    const from = b.merged;
    for (const row of body) {
      const c = row[g];
      if (!c || (from ? c.merged !== from : c !== b)) break;
      c.merged = merged;
      c.text = text;
    }
  };
  const extent = (g: number) => {
    const id = first[g]?.merged;
    if (!id) return 1;
    let n = 0;
    while (n < body.length && body[n]![g]?.merged === id) n++;
    return n;
  };
  // Rows the first printed row takes (a cell merged only over the fine rows of one printed row
  // is not a cell continued from the previous page).
  let shortest = Number.POSITIVE_INFINITY;
  first.forEach((c, g) => {
    if (c?.text) shortest = Math.min(shortest, extent(g));
  });
  const done = new Set<number>();
  /** The cell at g spans its neighbour's column too. */
  const wide = (row: Row, g: number) => {
    const id = row[g]?.merged;
    return id !== undefined && (row[g - 1]?.merged === id || row[g + 1]?.merged === id);
  };
  const wideAtFoot = last.map((_, g) => wide(last, g));
  /** Makes the previous page's cell and the new page's group one merged cell with `text`. */
  const unite = (g: number, a: GridCell, b: GridCell, text: string) => {
    const id = a.merged ?? b.merged ?? `${g}`;
    for (const row of before) {
      const c = row[g];
      if (c && a.merged && c.merged === a.merged) c.text = text;
    }
    a.merged = id;
    a.text = text;
    relabel(g, id, text);
    done.add(g);
  };
  // Left to right, as merged cells nest (project, 一级, 二级): a cell that begins anew at the
  // page start (a new project's name) ends every cell to its right.
  for (let g = 0; g < first.length; g++) {
    const a = last[g];
    const b = first[g];
    if (!b) continue;
    if (a?.text && a.merged && b.text === a.text) unite(g, a, b, a.text);
    // The same text printed again, clipped on one part (calc centres a cut cell's text in the
    // whole cell on each page: lines past the page's foot are lost) — in a cell running down to
    // its bottom, or beside a cell just joined (a project's cells span the same rows).
    else if (a?.text && a.merged && b.merged && clipped(a.text, b.text) && (fullToBottom.has(a) || done.has(g - 1)))
      unite(g, a, b, a.text.length >= b.text.length ? a.text : b.text);
    else if (a?.text && b.merged && b.text === "" && (a.merged || extent(g) > shortest)) unite(g, a, b, a.text);
    // An empty region across columns whose cells this page prints apart is no cell begun at the
    // foot: a browser left the cut cells' part there undrawn. The row goes on with the cells above.
    else if (a?.merged && !a.text && b.merged && b.text && wideAtFoot[g] && !wide(first, g)) {
      const up = before[before.lastIndexOf(last) - 1]?.[g];
      last[g] = up?.merged ? { ...up } : undefined;
    }
    // The previous page's part was left empty (the centred text printed on this part).
    else if (a?.merged && !a.text && b.merged && b.text) unite(g, a, b, b.text);
    // Text that ran on below the last page's table, its end printed again here.
    else if (a?.text && runsOn.has(a) && b.text && a.text.endsWith(b.text)) unite(g, a, b, a.text);
    // A cell beginning empty at the previous page's foot, its text centred on this page's part.
    else if (!a && emptyAtBottom.has(g) && b.merged && b.text) {
      const c: GridCell = { text: "" };
      last[g] = c;
      unite(g, c, b, b.text);
    } else if (b.merged && b.text) {
      // Text carried over from a cell full to its bottom into one starting at its top; a
      // producer that prints the centred text on both parts repeats it instead.
      if (!a?.text || !fullToBottom.has(a) || !fromTop.has(b)) return;
      const text = b.text.includes(a.text) ? b.text : a.text.includes(b.text) ? a.text : a.text + b.text;
      unite(g, a, b, text);
    }
  }
}

/** One text the start of the other, the shorter of two lines' worth at least (a clipped reprint). */
function clipped(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return Array.from(short).length >= 8 && short !== long && long.startsWith(short);
}
