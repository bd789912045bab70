/**
 * word/document.xml → tables of cells: `w:tbl` / `w:tr` / `w:tc` with `w:gridSpan` (cells
 * spanning grid columns), `w:vMerge` (restart / continue: a cell merged down) and
 * `w:gridBefore`, text from the runs of every paragraph (`w:t`, `w:tab`, `w:br`; paragraphs
 * become lines), nested tables read on their own, and the paragraphs between tables kept as
 * the lines before each table (titles, form lines such as 项目名称：…). Streaming (htmlparser2
 * in XML mode); bounded like the HTML reader.
 */
import { Parser } from "htmlparser2";
import { symbolChar } from "../symbol-font.ts";
import { GRID_LIMITS, type GridCell, type GridSheet } from "../table/grid.ts";

interface RawCell {
  lines: string[];
  line: string[];
  gridSpan: number;
  vMerge: "restart" | "continue" | null;
}

interface OpenTable {
  rows: { gridBefore: number; cells: RawCell[] }[];
  cell: RawCell | null;
  before: string[];
}

const MAX_CELLS = 500_000;

/**
 * Reads the tables of a Word document body.
 * @example extractDocxTables(xml).map((t) => t.sheet.rows.length)
 */
export function extractDocxTables(xml: string): { tables: GridSheet[]; after: string[] } {
  const out: GridSheet[] = [];
  const stack: OpenTable[] = [];
  let paragraph: string[] = [];
  let outside: string[] = [];
  let inText = false;
  // mc:Fallback repeats what mc:Choice already holds (text boxes, drawings): read once.
  let skip = 0;
  let cells = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === "mc:fallback") skip++;
        if (skip) return;
        const t = stack.at(-1);
        switch (name) {
          case "w:tbl": {
            // The lines before it: the body's paragraphs, or those of the cell it is nested in.
            const host = t?.cell;
            const lines = host ? host.lines.map((l) => l.trim()).filter(Boolean) : outside;
            stack.push({ rows: [], cell: null, before: lines.slice(-12) });
            if (host) host.lines = [];
            else outside = [];
            break;
          }
          case "w:tr":
            t?.rows.push({ gridBefore: 0, cells: [] });
            break;
          case "w:gridbefore":
            if (t?.rows.length)
              t.rows.at(-1)!.gridBefore = Math.min(
                Number.parseInt(attribs["w:val"] ?? "0", 10) || 0,
                GRID_LIMITS.maxCols,
              );
            break;
          case "w:tc":
            if (t && cells++ < MAX_CELLS) t.cell = { lines: [], line: [], gridSpan: 1, vMerge: null };
            break;
          case "w:gridspan":
            if (t?.cell)
              t.cell.gridSpan = Math.max(
                1,
                Math.min(Number.parseInt(attribs["w:val"] ?? "1", 10) || 1, GRID_LIMITS.maxCols),
              );
            break;
          case "w:vmerge":
            if (t?.cell) t.cell.vMerge = attribs["w:val"] === "restart" ? "restart" : "continue";
            break;
          case "w:p":
            paragraph = [];
            break;
          case "w:t":
            inText = true;
            break;
          case "w:tab":
            paragraph.push(" ");
            break;
          case "w:br":
          case "w:cr":
            paragraph.push("\n");
            break;
          case "w:sym":
            paragraph.push(symbolChar(attribs["w:font"] ?? "", attribs["w:char"] ?? ""));
            break;
          case "w:nobreakhyphen":
            paragraph.push("-");
            break;
        }
      },
      ontext(text) {
        if (skip) return;
        if (inText && paragraph.length < 10_000) paragraph.push(text);
      },
      onclosetag(name) {
        if (name === "mc:fallback") {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip) return;
        const t = stack.at(-1);
        if (name === "w:t") inText = false;
        else if (name === "w:p") {
          const text = paragraph.join("");
          paragraph = [];
          if (t?.cell) t.cell.lines.push(text);
          else if (!t && text.trim()) outside.push(text.trim());
        } else if (name === "w:tc" && t?.cell) {
          t.rows.at(-1)?.cells.push(t.cell);
          t.cell = null;
        } else if (name === "w:tbl" && t) {
          stack.pop();
          out.push(layOut(t, out.length + 1));
        }
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(xml);
  parser.end();
  while (stack.length) out.push(layOut(stack.pop()!, out.length + 1));
  return { tables: out, after: outside };
}

function cellText(c: RawCell): string {
  return c.lines
    .map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/** Lays the Word cells on the table grid: spans repeat the cell, a vMerge continue repeats the cell above. */
function layOut(t: OpenTable, index: number): GridSheet {
  const name = `table ${index}`;
  const ref = (r: number, c: number) => `${name} row ${r + 1} col ${c + 1}`;
  const rows: (GridCell | undefined)[][] = [];
  t.rows.slice(0, GRID_LIMITS.maxRows).forEach((tr, r) => {
    const row: (GridCell | undefined)[] = [];
    let gc = tr.gridBefore;
    for (const c of tr.cells) {
      if (gc >= GRID_LIMITS.maxCols) break;
      const span = Math.min(c.gridSpan, GRID_LIMITS.maxCols - gc);
      let cell: GridCell;
      const above = c.vMerge === "continue" ? rows[r - 1]?.[gc] : undefined;
      if (above) {
        if (!above.merged) {
          above.merged = ref(r - 1, gc);
        }
        cell = { text: above.text, merged: above.merged };
      } else {
        cell = { text: cellText(c) };
        if (span > 1 || c.vMerge === "restart") cell.merged = ref(r, gc);
      }
      for (let k = 0; k < span; k++) row[gc + k] = { ...cell };
      gc += span;
    }
    rows.push(row);
  });
  return { name, rows, ref, before: t.before };
}
