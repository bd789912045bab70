/**
 * Words a table prints more than once, used to doubt a recognised cell: recognition swaps an
 * ideograph for a look-alike with full confidence (退休人员 → 退体人员), and a free-text cell has
 * no vocabulary to check it by. But a table repeats its words (the subject of a project in its
 * goal and in many indicator names). Two classes are doubtful:
 * - a run of three ideographs found nowhere else in the table, whose middle glyph is all that
 *   tells it from a run found in at least two other cells (one cell misread);
 * - a run of four ideographs one inner glyph from a run another cell prints (the same glyph
 *   misread alike in several cells — 退体人员 in three names, 退休人员 in the goal — so neither
 *   spelling is rare): the checked cells on both sides are doubtful, as the print cannot say
 *   which is right. Two domain words (数量指标 / 质量指标, 完成率 / 完好率) are no such pair.
 * The cells are flagged, never changed (the odd run may be right).
 */
import { labelSpellings } from "@jixiao/core";
import { NAME_TERMS } from "./ocr-vocabulary.ts";

const CJK_RUN = /^[\u3400-\u9fff]+$/;

function runs(text: string, size: number): string[] {
  const chars = Array.from(text.replace(/\s+/g, ""));
  const out: string[] = [];
  for (let i = 0; i + size <= chars.length; i++) {
    const w = chars.slice(i, i + size).join("");
    if (CJK_RUN.test(w)) out.push(w);
  }
  return out;
}

/** The glyph positions where two runs of the same length differ. */
function differ(a: string[], b: string[]): number[] {
  return a.flatMap((ch, i) => (ch === b[i] ? [] : [i]));
}

/** Domain words: a run inside one of them is a word of its own, not a misreading. */
let domain: string[] | null = null;
function inDomain(a: string[], b: string[], at: number): boolean {
  domain ??= [...labelSpellings(), ...NAME_TERMS];
  // The differing glyph with a neighbour on each side that both runs share.
  const piece = (w: string[], from: number) => w.slice(from, from + 2).join("");
  for (const from of [at - 1, at])
    if (from >= 0 && from + 2 <= a.length) {
      const [x, y] = [piece(a, from), piece(b, from)];
      if (domain.some((d) => d.includes(x)) && domain.some((d) => d.includes(y))) return true;
    }
  return false;
}

/** In how many cells of `all` each run of `size` ideographs occurs, and each cell's runs. */
function count(all: readonly string[], size: number) {
  const cells = all.map((t) => new Set(runs(t, size)));
  const n = new Map<string, number>();
  for (const set of cells) for (const w of set) n.set(w, (n.get(w) ?? 0) + 1);
  return { cells, n };
}

/** A run of four ideographs in a cell and the run one inner glyph from it another cell prints. */
export interface AlikePair {
  /** The run as this cell prints it, and as the other cell does. */
  w: string;
  v: string;
  /** The glyph position (1 or 2) where they differ. */
  at: number;
}

/**
 * For each of the `checked` cells of `all`, the four-glyph runs one inner glyph from a run
 * another cell prints (see above); cells without one are left out.
 * @example alikePairs(["退休人员体检", "退体人员满意度", "退体人员成本"], [1]).get(1) // [{ w: "退体人员", v: "退休人员", at: 1 }]
 */
export function alikePairs(all: readonly string[], checked: readonly number[]): Map<number, AlikePair[]> {
  const four = count(all, 4);
  const out = new Map<number, AlikePair[]>();
  for (const k of checked)
    for (const w of four.cells[k] ?? []) {
      const chars = Array.from(w);
      for (const [v] of four.n) {
        if (v === w) continue;
        const vc = Array.from(v);
        const d = differ(chars, vc);
        if (d.length !== 1 || d[0] === 0 || d[0] === 3 || inDomain(chars, vc, d[0]!)) continue;
        // One cell misread against a word printed in several: only that cell is doubtful.
        if ((four.n.get(v) ?? 0) === 1 && (four.n.get(w) ?? 0) >= 2) continue;
        // Printed in a cell other than this one.
        if (four.cells.some((set, j) => j !== k && set.has(v)))
          out.set(k, [...(out.get(k) ?? []), { w, v, at: d[0]! }]);
      }
    }
  return out;
}

/**
 * The indexes of `checked` cells holding a doubtful run (see above). `checked` are indexes into
 * `all` (the free-text cells to doubt; `all` is every text cell).
 * @example oddRuns(["退休人员体检", "退休人员满意度", "退体人员成本"], [2]) // [2]
 */
export function oddRuns(all: readonly string[], checked: readonly number[]): number[] {
  const three = count(all, 3);
  const alike = alikePairs(all, checked);
  const out: number[] = [];
  for (const k of checked) {
    const rare = [...(three.cells[k] ?? [])].some((w) => {
      if ((three.n.get(w) ?? 0) > 1) return false;
      const chars = Array.from(w);
      for (const [v, n] of three.n) {
        if (n < 2 || v === w) continue;
        // Only the middle glyph differs: the glyphs around it fix it (退?人). A run differing at
        // its edge is another word beside a shared one (人员数量 / 机构数量), not a misreading.
        const d = differ(chars, Array.from(v));
        if (d.length === 1 && d[0] === 1) return true;
      }
      return false;
    });
    if (rare || alike.has(k)) out.push(k);
  }
  return out;
}
