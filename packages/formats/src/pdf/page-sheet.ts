/**
 * The tables of every page → one grid sheet for the grid layer. Columns are shared: the column
 * borders of all tables are clustered into one set, and a cell spanning several of them is a
 * merged cell (as in a workbook). Text outside the tables becomes rows too: the lines above the
 * first table (title, 部门, 金额单位) as the preamble, lines below or between tables as one-cell
 * banner rows (notes, a second table's title); page numbers, and title lines repeated on later
 * pages, are dropped. Where a page starts by repeating the cells the previous page ended with
 * (a project's merged cells printed again), the two are joined into one merged cell
 * (page-join.ts); text a cut cell printed outside the tables, under page N's table or over page
 * N+1's, is given back to the cell first (page-continuation.ts).
 */
import type { GridCell, GridSheet } from "../table/grid.ts";
import { attachCutHeads, attachCutTails } from "./page-continuation.ts";
import { joinAcrossPages, joinSplitRow, type Row } from "./page-join.ts";
import type { TextRun } from "./pdf-page.ts";
import { joinPieces, type Piece } from "./place-text.ts";
import type { Table } from "./ruled-grid.ts";

export interface PageTables {
  page: number;
  tables: Table[];
  /** Per table, per cell: the text pieces in it (or the recognised text, for scanned pages). */
  texts: (Piece[] | string)[][];
  outside: TextRun[];
  /** Per table, the cells whose text printed on below the table (a cell cut by the page break). */
  runOn?: Set<number>[];
  /** Scanned pages: per table, per cell, the recognition confidence (0–100). */
  confidence?: (number | undefined)[][];
  /** The confidences are guesses of a cell's extent from text positions (no ruling lines), not OCR. */
  layoutGuess?: boolean;
}

/**
 * A recognised cell whose confidence is low, at its sheet address: the sheet rows it spans,
 * first to last (a row the page join dropped or folded into the row above counts as that row).
 */
export interface DoubtfulCell {
  row: number;
  lastRow: number;
  ref: string;
  text: string;
  confidence: number;
  /** A cell whose extent was guessed from text positions (a page without ruling lines). */
  layoutGuess?: boolean;
}

export const PAGE_NUMBER =
  /^(第\s*\d+\s*页.{0,12}|共\s*\d+\s*页.{0,12}|-\s*\d+\s*-|\d+\s*\/\s*\d+|\d{1,4}|Page \d+.*|页码[:：]?\s*\d+.*)$/i;

function colName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cluster(values: number[], tol: number): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (!out.length || v - out[out.length - 1]! > tol) out.push(v);
  return out;
}

/** Lines of loose runs (same baseline), each split into cells at gaps wider than two characters. */
function looseLines(runs: TextRun[]): Array<{ y: number; cells: string[] }> {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextRun[][] = [];
  for (const r of sorted) {
    const l = lines[lines.length - 1];
    if (l && Math.abs(l[0]!.y - r.y) < Math.max(1.5, r.size * 0.35)) l.push(r);
    else lines.push([r]);
  }
  return lines.map((l) => {
    l.sort((a, b) => a.x - b.x);
    const cells: string[] = [];
    let group: TextRun[] = [];
    for (const r of l) {
      const last = group[group.length - 1];
      if (last && r.x - (last.x + last.w) > r.size * 2) {
        cells.push(joinPieces(group));
        group = [];
      }
      group.push(r);
    }
    if (group.length) cells.push(joinPieces(group));
    return { y: l[0]!.y, cells: cells.filter((c) => c) };
  });
}

/**
 * Builds the sheet. `ref(row, col)` names the page and the cell there (`p2!C5`: page 2,
 * column C, row 5 of that page's grid).
 */
export function pagesToSheet(printed: PageTables[], lowConfidence = 0): { sheet: GridSheet; doubtful: DoubtfulCell[] } {
  const pages = attachCutHeads(attachCutTails(printed));
  const tol = 2;
  const xs = cluster(
    pages.flatMap((p) => p.tables.flatMap((t) => t.xs)),
    tol,
  );
  const gx = (x: number) => {
    let best = 0;
    for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i]! - x) < Math.abs(xs[best]! - x)) best = i;
    return best;
  };
  const width = Math.max(1, xs.length - 1);
  const rows: Row[] = [];
  const refs: Array<{ page: number; row: number }> = [];
  const doubtful: DoubtfulCell[] = [];
  const fullToBottom = new WeakSet<GridCell>();
  const fromTop = new WeakSet<GridCell>();
  const runsOn = new WeakSet<GridCell>();
  const bottomText = new Set<string>();
  const seenPreamble = new Set<string>();
  let firstTableSeen = false;
  let lastTableRow: Row | null = null;
  /** Columns of the last table row holding a cell with no text (a cut cell's empty part). */
  let lastEmpty = new Set<number>();
  let headerSignature: string[] = [];

  const pushRow = (row: Row, page: number) => {
    rows.push(row);
    refs.push({ page, row: refs.filter((r) => r.page === page).length + 1 });
  };

  for (const p of pages) {
    const lines = looseLines(p.outside).filter((l) => !PAGE_NUMBER.test(l.cells.join("").replace(/\s+/g, "")));
    const items: Array<{ y: number; kind: "line"; cells: string[] } | { y: number; kind: "table"; t: number }> = [
      ...lines.map((l) => ({ y: l.y, kind: "line" as const, cells: l.cells })),
      ...p.tables.map((t, i) => ({ y: t.ys[0]!, kind: "table" as const, t: i })),
    ].sort((a, b) => a.y - b.y);
    let pageStart = true;
    for (const it of items) {
      if (it.kind === "line") {
        const key = it.cells.join(" ");
        if (!firstTableSeen) {
          seenPreamble.add(key);
          pushRow(
            it.cells.map((text) => ({ text })),
            p.page,
          );
        } else if (!seenPreamble.has(key)) {
          const id = `p${p.page}!line${rows.length}`;
          pushRow(
            Array.from({ length: width }, () => ({ text: it.cells.join(" "), merged: id })),
            p.page,
          );
        }
        continue;
      }
      const t = p.tables[it.t]!;
      const texts = p.texts[it.t]!;
      const cellText = texts.map((x) => (typeof x === "string" ? x : joinPieces(x)));
      const base = refs.filter((r) => r.page === p.page).length;
      const unsure: Array<{ r0: number; r1: number; ref: string; text: string; confidence: number }> = [];
      const guess = p.layoutGuess ? { layoutGuess: true } : {};
      const tableRows: Row[] = t.ys.slice(1).map(() => new Array<GridCell | undefined>(width).fill(undefined));
      const emptyAtBottom = new Set<number>();
      t.cells.forEach((cell, k) => {
        const g0 = gx(t.xs[cell.c0]!);
        const g1 = Math.max(g0 + 1, gx(t.xs[cell.c1]!));
        const spans = cell.r1 - cell.r0 > 1 || g1 - g0 > 1;
        const master = `p${p.page}!${colName(g0)}${base + cell.r0 + 1}`;
        const pieces = texts[k];
        if (cell.r1 === t.ys.length - 1 && Array.isArray(pieces) && pieces.length) {
          // Text running down to the cell's bottom border: it may go on over the page.
          const low = pieces.reduce((m, q) => (q.y > m.y ? q : m));
          if (t.ys[cell.r1]! - low.y < low.size * 1.6) bottomText.add(master);
        }
        const conf = p.confidence?.[it.t]?.[k];
        if (conf !== undefined && conf < lowConfidence)
          unsure.push({ r0: cell.r0, r1: cell.r1, ref: master, text: cellText[k] ?? "", confidence: conf });
        for (let r = cell.r0; r < cell.r1; r++)
          for (let g = g0; g < g1; g++) {
            const text = cellText[k] ?? "";
            if (!text && r === t.ys.length - 2) emptyAtBottom.add(g);
            if (!text && !spans) continue;
            tableRows[r]![g] = spans ? { text, merged: master } : { text };
          }
      });
      const lastRow = tableRows[tableRows.length - 1] ?? [];
      t.cells.forEach((cell, k) => {
        // Text starting at the cell's top border (not centred in it): it may continue text before.
        const pieces = texts[k];
        if (!Array.isArray(pieces) || !pieces.length) return;
        const high = pieces.reduce((m, q) => (q.y < m.y ? q : m));
        const c = tableRows[cell.r0]?.[gx(t.xs[cell.c0]!)];
        if (c && high.y - high.size * 0.85 - t.ys[cell.r0]! < high.size * 0.7) fromTop.add(c);
      });
      t.cells.forEach((cell, k) => {
        if (cell.r1 !== t.ys.length - 1) return;
        const master = `p${p.page}!${colName(gx(t.xs[cell.c0]!))}${base + cell.r0 + 1}`;
        const runs = p.runOn?.[it.t]?.has(k);
        if (!bottomText.has(master) && !runs) return;
        for (let g = gx(t.xs[cell.c0]!); g < Math.max(gx(t.xs[cell.c0]!) + 1, gx(t.xs[cell.c1]!)); g++) {
          const c = lastRow[g];
          if (c) fullToBottom.add(c);
          if (c && runs) runsOn.add(c);
        }
      });
      const sig = (row: Row) => row.map((c) => c?.text ?? "").join("\u0001");
      let skipTop = 0;
      if (!firstTableSeen) {
        headerSignature = tableRows.slice(0, 4).map(sig);
        firstTableSeen = true;
      } else if (pageStart) {
        // A repeated header: most of its cells as on the first page (a merged cell cut by the
        // page break may print part of its text over it).
        const alike = (row: Row, want: string) => {
          const w = want.split("\u0001");
          const filled = w.filter((x) => x).length;
          const same = row.filter((c, g) => c?.text && w[g] && c.text.includes(w[g])).length;
          return filled > 0 && same >= Math.max(1, Math.ceil(filled * 0.75));
        };
        while (skipTop < headerSignature.length && alike(tableRows[skipTop] ?? [], headerSignature[skipTop]!)) {
          // The header as first printed: text clipped over it belongs to no cell.
          const want = headerSignature[skipTop]!.split("\u0001");
          const row = tableRows[skipTop]!;
          row.forEach((c, g) => {
            if (c && want[g] !== undefined && c.text !== want[g]) c.text = want[g]!;
          });
          skipTop++;
        }
      }
      // A page that starts by printing again the cells the last page ended with: one merged cell.
      const firstBody = tableRows[skipTop];
      if (pageStart && lastTableRow && firstBody) {
        joinAcrossPages(rows, lastTableRow, firstBody, tableRows.slice(skipTop), {
          fullToBottom,
          fromTop,
          runsOn,
          emptyAtBottom: lastEmpty,
        });
        joinSplitRow(lastTableRow, firstBody);
      }
      // A row holding nothing but the continuation of merged cells and empty cells (what a page
      // break leaves of a row split in two; the empty top of a project whose text a browser
      // prints on the next page) says nothing: dropped.
      // Where each table row ended up in the sheet: a dropped row is the row above it.
      const at: number[] = [];
      for (const row of tableRows) {
        const prev = rows[rows.length - 1];
        const empty =
          prev !== undefined &&
          row.some(Boolean) &&
          row.every((c, g) => !c?.text || (c.merged !== undefined && prev[g]?.merged === c.merged));
        if (!empty) pushRow(row, p.page);
        at.push(Math.max(0, rows.length - 1));
      }
      for (const u of unsure)
        doubtful.push({
          row: at[u.r0]!,
          lastRow: at[u.r1 - 1]!,
          ref: u.ref,
          text: u.text,
          confidence: u.confidence,
          ...guess,
        });
      if (tableRows.length) {
        lastTableRow = tableRows[tableRows.length - 1]!;
        lastEmpty = emptyAtBottom;
      }
      pageStart = false;
    }
  }
  const sheet: GridSheet = {
    name: "PDF",
    rows,
    ref: (r, c) => {
      const at = refs[r];
      return at ? `p${at.page}!${colName(c)}${at.row}` : `PDF!${colName(c)}${r + 1}`;
    },
  };
  return { sheet, doubtful };
}
