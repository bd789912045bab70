/**
 * HTML → tables of spanning cells (htmlparser2, streaming): every `<table>` (nested ones too,
 * each on its own) with its `<tr>`/`<td>`/`<th>`, rowspan and colspan, paragraphs and `<br>` as
 * line breaks inside a cell, and the lines of text printed before each table (title, 金额单位).
 * Scripts and styles are skipped. Bounded: at most LIMITS.cells cells and LIMITS.tables tables.
 */
import { Parser } from "htmlparser2";
import { fromSymbolFont } from "../symbol-font.ts";
import type { SpanCell } from "../table/grid.ts";

export interface HtmlTable {
  rows: SpanCell[][];
  /** Lines of text between the previous table (or the page start) and this one, last ones kept. */
  before: string[];
}

export const HTML_LIMITS = { cells: 500_000, tables: 500, beforeLines: 12, cellText: 20_000 } as const;

const BLOCK = new Set([
  "p",
  "div",
  "br",
  "li",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "tr",
  "section",
  "article",
  "header",
  "footer",
]);
const SKIP = new Set(["script", "style", "head", "noscript", "template", "select", "option"]);

interface OpenTable {
  rows: SpanCell[][];
  row: SpanCell[] | null;
  cell: { parts: string[]; rowSpan: number; colSpan: number } | null;
  before: string[];
  /** Text of an open `<caption>` (the table's title). */
  caption: string[] | null;
}

function span(v: string | undefined): number {
  const n = v === undefined ? 1 : Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

/** Lines of a cell or paragraph: white space collapsed inside a line, empty lines dropped. */
export function cleanLines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.replace(/[ \t\r\f\v\u00a0\u3000]+/g, " ").trim())
    .filter(Boolean);
}

/**
 * Extracts the tables of an HTML page.
 * @example extractHtmlTables("<table><tr><td rowspan=2>a</td><td>b</td></tr><tr><td>c</td></tr></table>")[0].rows[0][0].rowSpan // 2
 */
export function extractHtmlTables(html: string): HtmlTable[] {
  const tables: HtmlTable[] = [];
  const stack: OpenTable[] = [];
  let outside: string[] = [];
  let skip = 0;
  let cells = 0;
  // Open elements whose font is Symbol (Word's ≥ pasted as ³ in a Symbol span).
  const fonts: number[] = [];
  let symbol = 0;
  const sink = (): string[] => {
    const t = stack.at(-1);
    return t?.cell ? t.cell.parts : t?.caption ? t.caption : outside;
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        fonts.push(
          /font-family:\s*["']?symbol|mso-symbol-font-family:\s*symbol/i.test(attribs.style ?? "") ||
            /^symbol$/i.test(attribs.face ?? "")
            ? 1
            : 0,
        );
        symbol += fonts.at(-1)!;
        if (SKIP.has(name)) {
          skip++;
          return;
        }
        if (skip) return;
        if (name === "table") {
          if (tables.length + stack.length >= HTML_LIMITS.tables) return;
          // The lines before it: the page's text, or the text of the cell it is nested in.
          const host = stack.at(-1)?.cell;
          const before = cleanLines((host ? host.parts : outside).join("")).slice(-HTML_LIMITS.beforeLines);
          if (host) host.parts = [];
          else outside = [];
          stack.push({ rows: [], row: null, cell: null, before, caption: null });
          return;
        }
        const t = stack.at(-1);
        if (!t) {
          if (BLOCK.has(name)) outside.push("\n");
          return;
        }
        if (name === "caption") t.caption = [];
        else if (name === "tr") {
          t.row = [];
          t.rows.push(t.row);
        } else if ((name === "td" || name === "th") && cells < HTML_LIMITS.cells) {
          if (!t.row) {
            t.row = [];
            t.rows.push(t.row);
          }
          cells++;
          t.cell = { parts: [], rowSpan: span(attribs.rowspan), colSpan: span(attribs.colspan) };
        } else if (BLOCK.has(name) && t.cell) t.cell.parts.push("\n");
      },
      ontext(text) {
        if (skip) return;
        const parts = sink();
        if (parts.length < HTML_LIMITS.cellText) parts.push(symbol > 0 ? fromSymbolFont(text) : text);
      },
      onclosetag(name) {
        symbol -= fonts.pop() ?? 0;
        if (SKIP.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip) return;
        const t = stack.at(-1);
        if (name === "table" && t) {
          closeCell(t);
          stack.pop();
          tables.push({ rows: t.rows.filter((r) => r.length > 0), before: t.before });
          return;
        }
        if (!t) {
          if (BLOCK.has(name)) outside.push("\n");
          return;
        }
        if (name === "caption" && t.caption) {
          t.before.push(...cleanLines(t.caption.join("")));
          t.caption = null;
        } else if (name === "td" || name === "th") closeCell(t);
        else if (name === "tr") {
          closeCell(t);
          t.row = null;
        } else if (BLOCK.has(name) && t.cell) t.cell.parts.push("\n");
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  while (stack.length) {
    const t = stack.pop()!;
    closeCell(t);
    tables.push({ rows: t.rows.filter((r) => r.length > 0), before: t.before });
  }
  return tables;
}

function closeCell(t: OpenTable): void {
  if (!t.cell || !t.row) {
    t.cell = null;
    return;
  }
  const text = cleanLines(t.cell.parts.join("")).join("\n");
  const cell: SpanCell = { text };
  if (t.cell.rowSpan > 1) cell.rowSpan = t.cell.rowSpan;
  if (t.cell.colSpan > 1) cell.colSpan = t.cell.colSpan;
  t.row.push(cell);
  t.cell = null;
}
