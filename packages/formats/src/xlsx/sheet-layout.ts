/**
 * Layout helpers every xlsx writer shares (表12, 自评表, 监控表): how many lines a wrapped value
 * takes, for row heights, and the runs of equal consecutive keys that become merged cells.
 */

/**
 * Lines a value takes when wrapped in a column `width` units wide (a CJK character ≈ 1.6 units).
 * @example wrappedLines("产出指标", 4) // 2
 */
export function wrappedLines(value: unknown, width: number): number {
  if (value === null || value === undefined) return 1;
  let lines = 0;
  for (const part of String(value).split("\n")) {
    let w = 0;
    for (const ch of part) w += ch.charCodeAt(0) > 0x2e7f ? 1.6 : 1;
    lines += Math.max(1, Math.ceil(w / Math.max(1, width)));
  }
  return lines;
}

/**
 * Runs [start, end) of equal consecutive keys.
 * @example equalRuns(["a", "a", "b"]) // [[0, 2], [2, 3]]
 */
export function equalRuns(keys: readonly string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i === keys.length || keys[i] !== keys[start]) {
      out.push([start, i]);
      start = i;
    }
  }
  return out;
}
