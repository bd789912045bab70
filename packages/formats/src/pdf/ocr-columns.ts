/**
 * Recognised tables checked by column (ocr-vocabulary.ts): the header row names each column
 * (a table without one, on a later page, takes the keys of the header table's columns at the
 * same borders); each body cell is checked against what its column may hold. A cell snapped to a
 * vocabulary word is a repair; a repaired or doubtful cell gets a confidence under the flagging
 * line, so the reader flags it naming its page and cell; a word of a closed vocabulary read as
 * it is at SURE_WORD or more (a % at 88) is that word and is not flagged. A row label a glyph
 * from 合计/小计 in a row with no indicator cells is read as the total it is, not a project. A 三级指标 name
 * with a run of ideographs the table prints nowhere else, a glyph from one it repeats, is flagged.
 */
import { type ColumnKey, matchHeader } from "@jixiao/core";
import { confirmNames, distinctLabel, LABEL_FLOOR, natureAgrees, WORD_FLOOR } from "./ocr-confirm.ts";
import { oddRuns } from "./ocr-consistency.ts";
import { checkCell, totalWord } from "./ocr-vocabulary.ts";
import type { Cell, Table } from "./ruled-grid.ts";

/** A recognised cell changed to a vocabulary word. */
export interface OcrRepair {
  page: number;
  table: number;
  /** Fine row and column of the cell's top left. */
  row: number;
  col: number;
  from: string;
  to: string;
}

export interface RecognisedPage {
  page: number;
  tables: Table[];
  texts: (string | unknown[])[][];
  confidence?: (number | undefined)[][];
}

/** Columns of a table by its header cells: a key per fine column and the first body row; null without a header. */
export function columnKeys(
  tb: Table,
  texts: (string | unknown[])[],
): { keys: (ColumnKey | null)[]; body: number } | null {
  const keys: (ColumnKey | null)[] = tb.xs.slice(1).map(() => null);
  const depth: number[] = keys.map(() => -1);
  const found = new Set<ColumnKey>();
  let body = 0;
  tb.cells.forEach((cell, k) => {
    const text = texts[k];
    if (cell.r0 > 3 || typeof text !== "string" || !text.trim()) return;
    const m = matchHeader(text);
    if (!m) return;
    found.add(m.key);
    body = Math.max(body, cell.r1);
    // The lowest header cell over a column names it (绩效指标 over 一级/二级/三级).
    for (let c = cell.c0; c < cell.c1; c++)
      if (cell.r0 > depth[c]! && !(m.weak && keys[c])) {
        keys[c] = m.key;
        depth[c] = cell.r0;
      }
  });
  return found.size >= 3 ? { keys, body } : null;
}

/**
 * A table without a header (a later page of the same print) takes, for each of its columns, the
 * key of the header table's column with the same borders (within COLUMN_TOL pt): a later page
 * may print fewer columns (the project's merged cells not repeated).
 */
const COLUMN_TOL = 3;
function inherit(xs: number[], from: { keys: (ColumnKey | null)[]; xs: number[] }): (ColumnKey | null)[] {
  return xs.slice(1).map((x1, c) => {
    const x0 = xs[c]!;
    const k = from.keys.findIndex(
      (_, j) => Math.abs(from.xs[j]! - x0) <= COLUMN_TOL && Math.abs(from.xs[j + 1]! - x1) <= COLUMN_TOL,
    );
    return k >= 0 ? from.keys[k]! : null;
  });
}

const INDICATOR_KEYS: ReadonlySet<ColumnKey> = new Set([
  "level1",
  "level2",
  "indicator",
  "target",
  "nature",
  "operator",
]);

/** Columns of closed vocabularies (words, not numbers), and how sure such a word must be read. */
const WORD_KEYS: ReadonlySet<ColumnKey> = new Set(["level1", "level2", "nature", "polarity", "operator", "measure"]);
const SURE_WORD = 80;

/**
 * Checks every recognised table in place; returns the repairs. `low` is the flagging line: a
 * repaired or doubtful cell gets a confidence under it; `doubted` hears of each cell left
 * doubtful as read (no repair found), with its column.
 */
export function checkRecognised(
  pages: RecognisedPage[],
  low: number,
  doubted?: (at: { page: number; table: number; cell: number; key: ColumnKey }) => void,
  repaired: (at: { page: number; table: number; cell: number }) => boolean = () => false,
  agreed: (at: { page: number; table: number; cell: number }) => boolean = () => false,
): OcrRepair[] {
  const repairs: OcrRepair[] = [];
  const pool: Array<{
    text: string;
    key: ColumnKey | null;
    flag: () => void;
    conf: () => number;
    checked: boolean;
    agreed: boolean;
    sure: () => void;
  }> = [];
  let last: { keys: (ColumnKey | null)[]; xs: number[] } | null = null;
  for (const pg of pages) {
    pg.tables.forEach((tb, t) => {
      const texts = pg.texts[t]!;
      const conf = pg.confidence?.[t];
      const own = columnKeys(tb, texts);
      const cols = own ?? (last ? { keys: inherit(tb.xs, last), body: 0 } : null);
      if (!cols) return;
      if (own) last = { keys: own.keys, xs: tb.xs };
      const flag = (k: number) => {
        if (conf) conf[k] = Math.min(conf[k] ?? low - 1, low - 1);
      };
      const words = new Map<number, { ok: boolean; entry: (typeof pool)[number] }>();
      tb.cells.forEach((cell, k) => {
        const text = texts[k];
        if (cell.r0 < cols.body || typeof text !== "string" || !text.trim()) return;
        const spanned = cols.keys.slice(cell.c0, cell.c1);
        const key = spanned.every((x) => x === spanned[0]) ? (spanned[0] ?? null) : null;
        const v = checkCell(key, text);
        const entry = {
          text,
          key,
          flag: () => {
            entry.checked = true;
            flag(k);
          },
          conf: () => conf?.[k] ?? 0,
          checked: v.doubtful || v.corrected || repaired({ page: pg.page, table: t, cell: k }),
          agreed: key === "indicator" && agreed({ page: pg.page, table: t, cell: k }),
          sure: () => {
            if (conf) conf[k] = Math.max(conf[k] ?? 0, low);
          },
        };
        pool.push(entry);
        words.set(k, { ok: !entry.checked, entry });
        // A label no other label is one glyph from (社会效益) is the word it reads as.
        if (!entry.checked && (key === "level1" || key === "level2") && entry.conf() >= LABEL_FLOOR)
          if (distinctLabel(text)) entry.sure();
        if (v.corrected) {
          repairs.push({ page: pg.page, table: t, row: cell.r0, col: cell.c0, from: text, to: v.text });
          texts[k] = v.text;
        }
        if (v.doubtful) flag(k);
        if (v.doubtful && !v.corrected && key) doubted?.({ page: pg.page, table: t, cell: k, key });
        // A word of a closed vocabulary read as it is, a little unsure (a % at 88): it is that word.
        else if (
          !v.doubtful &&
          conf &&
          key &&
          WORD_KEYS.has(key) &&
          (conf[k] ?? 0) >= SURE_WORD &&
          (conf[k] ?? 0) < low
        )
          conf[k] = low;
      });
      // A 指标性质 and a 指标方向 of one row that agree (反向 with ≤) confirm each other.
      for (let r = cols.body; r < tb.ys.length - 1; r++) {
        const row = [...new Set(tb.owner[r] ?? [])].flatMap((k) => {
          const w = words.get(k);
          const c = tb.cells[k];
          const key = c ? cols.keys[c.c0] : null;
          return w?.ok && c && c.r0 === r && c.r1 === r + 1 && key && WORD_KEYS.has(key) ? [w.entry] : [];
        });
        const nature = row.find((e) => natureAgrees(e.text, "≥") || natureAgrees(e.text, "≤"));
        const operator = row.find((e) => e !== nature && nature && natureAgrees(nature.text, e.text));
        if (!nature || !operator || nature.conf() < WORD_FLOOR || operator.conf() < WORD_FLOOR) continue;
        nature.sure();
        operator.sure();
      }
      // ≥ before a rate recognised as a 2 (≥90 → 290) where the unit is its own column: a row whose
      // unit is % and whose operator column (if any) is empty cannot mean 290 %; a repair, flagged.
      for (let r = cols.body; r < tb.ys.length - 1; r++) {
        const at = (key: ColumnKey) =>
          [...new Set(tb.owner[r] ?? [])].find((k) => {
            const c = tb.cells[k];
            return c && c.r0 === r && c.r1 === r + 1 && cols.keys[c.c0] === key;
          });
        const text = (k: number | undefined) => (k === undefined ? "" : String(texts[k] ?? "").replace(/\s+/g, ""));
        const target = at("target");
        const m = /^2([1-9]\d?(?:\.\d+)?|100)$/.exec(text(target));
        const opPrinted = text(at("operator")) || /[≥≤=<>]/.test(text(at("nature")));
        if (target === undefined || !m || text(at("measure")) !== "%" || opPrinted) continue;
        const cell = tb.cells[target]!;
        repairs.push({
          page: pg.page,
          table: t,
          row: cell.r0,
          col: cell.c0,
          from: texts[target] as string,
          to: `≥${m[1]}`,
        });
        texts[target] = `≥${m[1]}`;
        flag(target);
      }
      // The table's last row holding only an unsure short label and a budget is its total (合计
      // printed bold reads as anything: 省征, 交涉); a project row holds indicators.
      const totalShaped = (r: number, filled: Array<{ k: number; cell: Cell }>, label: string) =>
        r === tb.ys.length - 2 &&
        filled.length === 2 &&
        Array.from(label.replace(/\s+/g, "")).length <= 3 &&
        (conf?.[filled[0]!.k] ?? 100) < low &&
        cols.keys[filled[1]!.cell.c0] === "budget" &&
        /^\d[\d,]*(\.\d+)?$/.test((texts[filled[1]!.k] as string).trim());
      // Total rows: every cell of the row starts and ends in it, no indicator cell holds text.
      for (let r = cols.body; r < tb.ys.length - 1; r++) {
        const ks = [...new Set(tb.owner[r] ?? [])].filter((k) => k >= 0);
        const cells = ks.map((k) => ({ k, cell: tb.cells[k]! }));
        if (cells.some(({ cell }) => cell.r0 !== r || cell.r1 !== r + 1)) continue;
        const filled = cells.filter(({ k }) => typeof texts[k] === "string" && (texts[k] as string).trim());
        const indicator = filled.some(({ cell }) => {
          const key = cols.keys[cell.c0];
          return key && INDICATOR_KEYS.has(key);
        });
        const first = filled.sort((a, b) => a.cell.c0 - b.cell.c0)[0];
        if (indicator || !first) continue;
        const label = texts[first.k] as string;
        const word = totalWord(label) ?? (totalShaped(r, filled, label) ? "合计" : null);
        if (!word) continue;
        repairs.push({ page: pg.page, table: t, row: r, col: first.cell.c0, from: texts[first.k] as string, to: word });
        texts[first.k] = word;
        flag(first.k);
      }
    });
  }
  // Free-text cells (三级指标) checked against the words the table repeats (ocr-consistency.ts).
  const names = pool.flatMap((c, i) => (c.key === "indicator" ? [i] : []));
  for (const i of oddRuns(
    pool.map((c) => c.text),
    names,
  ))
    pool[i]!.flag();
  // Unsure names whose every run sure names print elsewhere (ocr-confirm.ts).
  const unsure = names.map((i) => ({
    text: pool[i]!.text,
    conf: pool[i]!.conf(),
    checked: pool[i]!.checked,
    agreed: pool[i]!.agreed,
  }));
  for (const j of confirmNames(unsure, low)) pool[names[j]!]!.sure();
  return repairs;
}
