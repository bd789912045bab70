/**
 * Header cells of a scanned table, read against the shared header vocabulary. Recognition
 * loses or swaps a glyph in bold small print (预算数 → 预算, 指标方向 → 指标方回), and a header
 * cell the grid layer cannot match loses its whole column. Only for recognised grids: in a
 * header row (≥ 2 cells already matching a header name) a cell that matches none is taken
 * for the one header spelling it is one glyph away from (one changed, or one missing at the
 * end; a 2-glyph one changed), when exactly one is. The corrected cell keeps a confidence under the flagging line,
 * so it is reported for checking.
 */
import { headerSpellings } from "@jixiao/core";
import { matchHeaderName } from "../table/header-names.ts";
import type { Table } from "./ruled-grid.ts";

/**
 * Spellings of 2 to 8 characters. A 2-glyph name (分值, 权重) is taken for a 2-glyph cell with
 * one glyph off only when no other name is (分三 → 分值, read so in a straightened scan): lost,
 * the column takes every weight with it, silently.
 */
let spellings: string[] | null = null;

function oneGlyphAway(read: string, word: string): boolean {
  const a = Array.from(read);
  const b = Array.from(word);
  if (a.length === b.length) return a.filter((ch, i) => ch !== b[i]).length === 1;
  return a.length === b.length - 1 && a.length >= 2 && word.startsWith(read);
}

/**
 * Corrects the header row of each recognised table in place; returns the cells corrected.
 * `texts[t][k]` and `confidence[t][k]` are per table, per cell; `low` is the flagging line.
 * @example snapHeaders([table], [["项目名称", "预算", "三级指标"]], [[95, 90, 96]], 90) // 1
 */
export function snapHeaders(
  tables: Table[],
  texts: (string | unknown[])[][],
  confidence: (number | undefined)[][],
  low: number,
): number {
  spellings ??= headerSpellings().filter((s) => {
    const n = Array.from(s).length;
    return n >= 2 && n <= 8 && /^[\u3400-\u9fff]+$/.test(s);
  });
  let fixed = 0;
  tables.forEach((tb, t) => {
    const top = tb.cells.flatMap((c, k) => (c.r0 === 0 && typeof texts[t]![k] === "string" ? [k] : []));
    const text = (k: number) => (texts[t]![k] as string).replace(/\s+/g, "");
    if (top.filter((k) => text(k) && matchHeaderName(text(k))).length < 2) return;
    for (const k of top) {
      const read = text(k);
      if (!read || matchHeaderName(read)) continue;
      const near = spellings!.filter((w) => oneGlyphAway(read, w));
      if (near.length !== 1) continue;
      texts[t]![k] = near[0]!;
      confidence[t]![k] = Math.min(confidence[t]![k] ?? low - 1, low - 1);
      fixed++;
    }
  });
  return fixed;
}
