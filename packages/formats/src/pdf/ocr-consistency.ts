/**
 * Words a table prints more than once, used to doubt a recognised cell: recognition swaps an
 * ideograph for a look-alike with full confidence (退休人员 → 退体人员), and a free-text cell has
 * no vocabulary to check it by. But a table repeats its words (the subject of a project in its
 * goal and in many indicator names): a run of three ideographs found nowhere else in the table,
 * whose middle glyph is all that tells it from a run found in at least two other cells, is
 * doubtful. The cell is flagged,
 * never changed (the odd run may be right).
 */

const RUN = 3;
const CJK_RUN = /^[\u3400-\u9fff]+$/;

function runs(text: string): string[] {
  const chars = Array.from(text.replace(/\s+/g, ""));
  const out: string[] = [];
  for (let i = 0; i + RUN <= chars.length; i++) {
    const w = chars.slice(i, i + RUN).join("");
    if (CJK_RUN.test(w)) out.push(w);
  }
  return out;
}

/**
 * The indexes of `checked` cells holding a run of three ideographs that occurs in no other
 * cell of `all` while a run one glyph away from it occurs in at least two other cells.
 * `checked` are indexes into `all` (the free-text cells to doubt; `all` is every text cell).
 * @example oddRuns(["退休人员体检", "退休人员满意度", "退体人员成本"], [2]) // [2]
 */
export function oddRuns(all: readonly string[], checked: readonly number[]): number[] {
  // In how many cells each run, and each run with one glyph masked, occurs.
  const cells = all.map((t) => new Set(runs(t)));
  const count = new Map<string, number>();
  for (const set of cells) for (const w of set) count.set(w, (count.get(w) ?? 0) + 1);
  const out: number[] = [];
  for (const k of checked) {
    const odd = [...(cells[k] ?? [])].some((w) => {
      if ((count.get(w) ?? 0) > 1) return false;
      const chars = Array.from(w);
      for (const [v, n] of count) {
        if (n < 2 || v === w) continue;
        const vc = Array.from(v);
        // Only the middle glyph differs: the glyphs around it fix it (退?人). A run differing at
        // its edge is another word beside a shared one (人员数量 / 机构数量), not a misreading.
        if (vc[0] === chars[0] && vc[2] === chars[2] && vc[1] !== chars[1]) return true;
      }
      return false;
    });
    if (odd) out.push(k);
  }
  return out;
}
