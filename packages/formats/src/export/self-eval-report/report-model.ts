/**
 * The document model both report renderers read (render-docx.ts → Word, render-html.ts → HTML
 * and, through chromium, PDF): a report is built once as blocks, so the Word file, the page and
 * the PDF say exactly the same thing. Texts are plain (renderers escape them).
 */

export type Align = "left" | "center" | "right";

export interface Cell {
  text: string;
  colSpan?: number;
  /** Rows this cell covers; the rows below omit the covered cell. */
  rowSpan?: number;
  align?: Align;
  bold?: boolean;
  /** A header cell (shaded, bold, centred). */
  head?: boolean;
}

export interface Column {
  /** Share of the table width, in percent. */
  width: number;
}

export interface TableBlock {
  kind: "table";
  columns: Column[];
  /** Rows repeated at the top of every printed page. */
  headerRows: number;
  rows: Cell[][];
  /** Tiny label set in the page's HTML for tests and styles (e.g. "score-table"). */
  id: string;
}

export interface ChartBlock {
  kind: "chart";
  title: string;
  bars: { label: string; value: number }[];
  /** Shown under the chart and, in Word, as the chart itself: the same numbers as a table. */
  table: TableBlock;
}

export type Block =
  | { kind: "title"; text: string }
  | { kind: "subtitle"; text: string }
  | { kind: "heading"; text: string }
  /** A plain paragraph (line breaks kept). */
  | { kind: "paragraph"; text: string; indent?: boolean }
  /** A label: value line. */
  | { kind: "field"; label: string; value: string }
  | TableBlock
  | ChartBlock;

export interface Report {
  title: string;
  orientation: "portrait" | "landscape";
  blocks: Block[];
}

/** Shorthands for building cells. */
export const head = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, head: true, ...extra });
export const cell = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, ...extra });
export const num = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, align: "right", ...extra });
export const mid = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, align: "center", ...extra });

/**
 * Row spans for runs of equal consecutive keys: the run's length at its start, 0 inside it.
 * @example runSpans(["a", "a", "b"]) // [2, 0, 1]
 */
export function runSpans(keys: readonly string[]): number[] {
  const out = new Array<number>(keys.length).fill(0);
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i === keys.length || keys[i] !== keys[start]) {
      out[start] = i - start;
      start = i;
    }
  }
  return out;
}
