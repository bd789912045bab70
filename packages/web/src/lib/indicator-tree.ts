/**
 * The official form merges the 一级 and 二级 cells of consecutive rows that share them.
 * `rowSpans` computes those merges for a table of indicators kept in their own order.
 */

export interface Spanned {
  /** Rows the 一级 cell spans from this row (0 = covered by a row above). */
  level1Span: number;
  /** Rows the 二级 cell spans from this row (0 = covered by a row above). */
  level2Span: number;
}

/**
 * @example rowSpans([{level1:"产出指标",level2:"数量指标"},{level1:"产出指标",level2:"数量指标"}])
 * // [{level1Span:2, level2Span:2}, {level1Span:0, level2Span:0}]
 */
export function rowSpans(rows: readonly { level1: string; level2: string }[]): Spanned[] {
  const out: Spanned[] = rows.map(() => ({ level1Span: 0, level2Span: 0 }));
  let i = 0;
  while (i < rows.length) {
    let j = i + 1;
    while (j < rows.length && rows[j]!.level1 === rows[i]!.level1) j++;
    out[i]!.level1Span = j - i;
    let k = i;
    while (k < j) {
      let m = k + 1;
      while (m < j && rows[m]!.level2 === rows[k]!.level2) m++;
      out[k]!.level2Span = m - k;
      k = m;
    }
    i = j;
  }
  return out;
}

const LEVEL1_ORDER = ["产出指标", "成本指标", "效益指标", "满意度指标"];

/** Stable sort of indicators into the form's order of 一级 (产出, 成本, 效益, 满意度), keeping 二级 together. */
export function sortForForm<T extends { level1: string; level2: string }>(rows: readonly T[]): T[] {
  const l1 = (s: string) => {
    const i = LEVEL1_ORDER.indexOf(s);
    return i < 0 ? LEVEL1_ORDER.length : i;
  };
  const firstSeen2 = new Map<string, number>();
  rows.forEach((r, i) => {
    const key = `${r.level1}/${r.level2}`;
    if (!firstSeen2.has(key)) firstSeen2.set(key, i);
  });
  return rows
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        l1(a.r.level1) - l1(b.r.level1) ||
        firstSeen2.get(`${a.r.level1}/${a.r.level2}`)! - firstSeen2.get(`${b.r.level1}/${b.r.level2}`)! ||
        a.i - b.i,
    )
    .map((x) => x.r);
}
