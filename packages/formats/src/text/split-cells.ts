/**
 * Pass 1 — a line into cells. Tab-separated text splits at tabs (empty cells skipped, each
 * cell keeping its column); text without tabs splits at runs of two or more spaces (or an
 * ideographic space). Each cell is repaired: a space a line wrap left inside a word is removed
 * (满意度指 标 → 满意度指标) and reported.
 */
import { joinSplitWords } from "./clean-cell.ts";
import type { Token } from "./parse-row.ts";
import type { RepairLog } from "./text-diagnostics.ts";

/** Any character the cell cleaner acts on (line-wrap spaces, edge whitespace). */
const LINE_SPACE = /[ \u00a0\u3000\r\f\v]/;
const SPACED = / {2,}|\u3000{1,}/;

/**
 * Splits lines into cells, reusing one token list and a pool of tokens across lines (a 50 MB
 * file has millions of cells: no per-line arrays of empty strings).
 * @example new CellSplitter(true, log).split("a\t\tb", 1).map((t) => [t.text, t.col]) // [["a",0],["b",2]]
 */
export class CellSplitter {
  private readonly tokens: Token[] = [];
  private readonly pool: Token[] = [];

  constructor(
    /** True when the text uses tabs (then spaces stay inside cells). */
    private readonly useTabs: boolean,
    private readonly log: RepairLog,
  ) {}

  /** The non-empty cells of a line; the returned list is reused by the next call. */
  split(raw: string, lineNo: number): Token[] {
    const tokens = this.tokens;
    const pool = this.pool;
    tokens.length = 0;
    // Most lines have no space at all: then no cell needs cleaning.
    const lineHasSpace = LINE_SPACE.test(raw);
    const spaced = this.useTabs ? null : raw.split(SPACED);
    let cellStart = 0;
    for (let c = 0; ; c++) {
      let before: string;
      let done = false;
      if (spaced) {
        if (c >= spaced.length) break;
        before = spaced[c]!;
      } else {
        let tab = raw.indexOf("\t", cellStart);
        if (tab < 0) {
          tab = raw.length;
          done = true;
        }
        before = tab === cellStart ? "" : raw.slice(cellStart, tab);
        cellStart = tab + 1;
      }
      if (before.length === 0) {
        if (done) break;
        continue;
      }
      const after = lineHasSpace ? joinSplitWords(before) : before;
      if (after) {
        const n = tokens.length;
        let t = pool[n];
        if (!t) {
          t = { text: after, col: c };
          pool.push(t);
        } else {
          t.text = after;
          t.col = c;
        }
        tokens.push(t);
      }
      if (
        after.length !== before.length &&
        after.length !== before.trim().length &&
        this.log.room("text.split-word-joined")
      )
        this.log.add("text.split-word-joined", { before: before.trim(), after }, { line: lineNo });
      if (done) break;
    }
    return tokens;
  }
}
