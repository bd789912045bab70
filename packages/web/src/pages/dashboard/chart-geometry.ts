/**
 * Pure geometry of the dashboard's SVG charts (no ECharts: its core alone was 144 KB compressed,
 * more than the rest of the page): value-axis ticks and ring segments.
 */

/**
 * Round ticks from 0 covering `max`, about `count` of them (steps of 1, 2 or 5 × 10ⁿ; whole
 * steps when `whole`, e.g. counts).
 * @example niceTicks(87, 4) // [0, 20, 40, 60, 80, 100]
 */
export function niceTicks(max: number, count = 4, whole = false): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  let step = (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
  if (whole) step = Math.max(1, Math.ceil(step));
  const ticks: number[] = [];
  for (let v = 0; ticks.length === 0 || ticks[ticks.length - 1]! < max; v += step)
    ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

const TAU = Math.PI * 2;

/** A point on the circle, angles clockwise from 12 o'clock. */
function at(cx: number, cy: number, r: number, a: number): string {
  return `${(cx + r * Math.sin(a)).toFixed(2)} ${(cy - r * Math.cos(a)).toFixed(2)}`;
}

/**
 * The SVG path of a ring segment from angle a0 to a1 (radians, clockwise from 12 o'clock) between
 * radii r0 (0 for a pie slice) and r1; a whole circle is drawn as two halves.
 */
export function ringPath(cx: number, cy: number, r0: number, r1: number, a0: number, a1: number): string {
  if (a1 - a0 >= TAU - 1e-9) {
    const mid = a0 + Math.PI;
    return `${ringPath(cx, cy, r0, r1, a0, mid)} ${ringPath(cx, cy, r0, r1, mid, a0 + TAU)}`;
  }
  const large = a1 - a0 > Math.PI ? 1 : 0;
  const outer = `M ${at(cx, cy, r1, a0)} A ${r1} ${r1} 0 ${large} 1 ${at(cx, cy, r1, a1)}`;
  if (r0 <= 0) return `${outer} L ${cx} ${cy} Z`;
  return `${outer} L ${at(cx, cy, r0, a1)} A ${r0} ${r0} 0 ${large} 0 ${at(cx, cy, r0, a0)} Z`;
}

/** Angles of consecutive shares of `values` over the whole circle (zero and negative values get none). */
export function shares(values: readonly number[], from = 0, span = TAU): [number, number][] {
  const total = values.reduce((n, v) => n + Math.max(0, v), 0);
  let a = from;
  return values.map((v) => {
    const start = a;
    a += total > 0 ? (Math.max(0, v) / total) * span : 0;
    return [start, a];
  });
}
