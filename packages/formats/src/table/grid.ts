/**
 * The grid every container becomes (CSV, xlsx, HTML, docx, PDF, pasted text): sheets of rows of
 * cells. A merged cell is repeated at every position it covers, each copy naming its master in
 * `merged`, so a reader sees the value wherever a person sees it and can still tell one merged
 * cell (a project name printed once over eight rows) from eight equal cells.
 */

export interface GridCell {
  text: string;
  /** The number a spreadsheet cell held, when it held one. */
  num?: number;
  /** Id (address) of the master cell when the cell belongs to a merged range (the master too). */
  merged?: string;
}

export interface GridSheet {
  /** Sheet name, `table 2`, `page 3`: what diagnostics call the sheet. */
  name: string;
  rows: (GridCell | undefined)[][];
  /** Human reference of a cell (0-based row and column), e.g. `Sheet1!H12`, `table 2 row 5 col 3`. */
  ref(row: number, col: number): string;
  /** Lines printed above the table (title, 金额单位, form lines of a Word file), read as its preamble. */
  before?: string[];
}

/** A cell as containers describe it: text plus how many rows and columns it spans. */
export interface SpanCell {
  text: string;
  num?: number;
  rowSpan?: number;
  colSpan?: number;
}

/** Bounds on a grid built from spans, so a hostile rowspan="100000" cannot eat the memory. */
export const GRID_LIMITS = { maxRows: 200_000, maxCols: 256, maxSpan: 5_000 } as const;

/**
 * Lays out rows of spanning cells (HTML `<td rowspan colspan>`, Word vMerge/gridSpan, PDF
 * ruling boxes) into a grid: each covered position gets a copy of its master naming it.
 * @example
 * gridFromSpans("table 1", [[{ text: "a", rowSpan: 2 }, { text: "b" }], [{ text: "c" }]]).rows[1][0].text // "a"
 */
export function gridFromSpans(
  name: string,
  spanRows: readonly (readonly SpanCell[])[],
  ref: (row: number, col: number) => string = (r, c) => `${name} row ${r + 1} col ${c + 1}`,
): GridSheet {
  const rows: (GridCell | undefined)[][] = [];
  const nRows = Math.min(spanRows.length, GRID_LIMITS.maxRows);
  for (let r = 0; r < nRows; r++) {
    rows[r] ??= [];
    const row = rows[r]!;
    let c = 0;
    for (const cell of spanRows[r]!) {
      while (row[c] !== undefined) c++;
      if (c >= GRID_LIMITS.maxCols) break;
      const rs = clampSpan(cell.rowSpan, nRows - r);
      const cs = clampSpan(cell.colSpan, GRID_LIMITS.maxCols - c);
      const id = rs > 1 || cs > 1 ? ref(r, c) : undefined;
      for (let dr = 0; dr < rs; dr++) {
        rows[r + dr] ??= [];
        const target = rows[r + dr]!;
        for (let dc = 0; dc < cs; dc++) {
          const copy: GridCell = { text: cell.text };
          if (cell.num !== undefined) copy.num = cell.num;
          if (id) copy.merged = id;
          target[c + dc] = copy;
        }
      }
      c += cs;
    }
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return { name, rows, ref };
}

function clampSpan(n: number | undefined, room: number): number {
  if (n === undefined || !Number.isFinite(n) || n < 1) return 1;
  return Math.max(1, Math.min(Math.floor(n), room, GRID_LIMITS.maxSpan));
}

/** Trimmed text of a cell ("" for none). */
export function cellText(c: GridCell | undefined): string {
  return c ? c.text.trim() : "";
}

/** The text without any white space: how labels are compared (`绩 效 指 标` = `绩效指标`). */
export function squeezed(c: GridCell | string | undefined): string {
  const t = typeof c === "string" ? c : c ? c.text : "";
  return t.replace(/[\s\u00a0\u3000]+/g, "");
}

/** True when the cell holds something besides white space (no string is built). */
export function hasText(c: GridCell | undefined): c is GridCell {
  if (!c) return false;
  const t = c.text;
  for (let i = 0; i < t.length; i++) {
    const ch = t.charCodeAt(i);
    if (ch > 32 && ch !== 0xa0 && ch !== 0x3000 && ch !== 0xfeff) return true;
  }
  return false;
}

export function isBlankRow(row: readonly (GridCell | undefined)[]): boolean {
  return !row.some(hasText);
}

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** True when two cells are copies of one merged cell. */
export function sameMerge(a: GridCell | undefined, b: GridCell | undefined): boolean {
  return Boolean(a?.merged && a.merged === b?.merged);
}
