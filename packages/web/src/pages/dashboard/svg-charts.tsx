/**
 * The dashboard's charts as plain SVG (bars, stacked bars, pies, two-ring pies): a few KB instead
 * of ECharts' 144 KB compressed. Values are printed on the bars and in the legends, so nothing
 * needs a hover; every mark also carries its figure in a <title> (the browser's tooltip).
 */
import { type ReactNode, useEffect, useRef, useState } from "react";
import { niceTicks, ringPath, shares } from "./chart-geometry.ts";

/** ECharts' default palette, so the charts keep their colours. */
export const PALETTE = [
  "#5470c6",
  "#91cc75",
  "#fac858",
  "#ee6666",
  "#73c0de",
  "#3ba272",
  "#fc8452",
  "#9a60b4",
  "#ea7ccc",
];
const AXIS = "#6e7079";
/** Axis ticks: 千分位, no trailing zeros. */
const tick = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 6 });
const GRID = "#e0e6f1";

/**
 * Width a chart is drawn at before its element is measured: the server's render of the dashboard
 * (entry-server.tsx) and the browser's first render, which hydrates it, draw the same chart (about
 * a half column of the dashboard at 1440 px); the measured width follows at once.
 */
const UNMEASURED_WIDTH = 560;

/** The element's width, followed as it resizes. */
function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(UNMEASURED_WIDTH);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

function Frame({ title, label, children }: { title: string; label: string; children: ReactNode }) {
  return (
    <div>
      <div style={{ fontSize: 14, fontWeight: 600, marginBottom: 8 }}>{title}</div>
      <div role="img" aria-label={label}>
        {children}
      </div>
    </div>
  );
}

export interface Series {
  name: string;
  color: string;
  values: number[];
}

interface BarProps {
  title: string;
  label: string;
  height: number;
  categories: string[];
  /** One series, or several stacked. */
  series: Series[];
  format: (v: number) => string;
  /** Colours of each bar of a single series (overrides the series colour). */
  barColors?: string[];
  whole?: boolean;
  legend?: boolean;
}

function Legend({ items }: { items: { color: string; text: string }[] }) {
  return (
    <div style={{ display: "flex", flexWrap: "wrap", gap: "4px 16px", fontSize: 12, marginBottom: 4 }}>
      {items.map((i) => (
        <span key={i.text} style={{ display: "inline-flex", alignItems: "center", gap: 6 }}>
          <span style={{ width: 12, height: 12, borderRadius: 2, background: i.color, flex: "none" }} />
          {i.text}
        </span>
      ))}
    </div>
  );
}

/** The text cut with … to about `px` wide at 12 px (CJK characters a full em, others about 0.6). */
function fit(text: string, px: number): string {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    w += text.charCodeAt(i) > 0x2e80 ? 12 : 7;
    if (w > px - 12) return `${text.slice(0, i)}…`;
  }
  return text;
}

const bar = (x: number, y: number, w: number, h: number) => `M ${x} ${y} h ${w} v ${h} h ${-w} Z`;

/** Horizontal bars (categories down the left), stacked when there are several series. */
export function HBarChart({ title, label, height, categories, series, format, barColors, whole, legend }: BarProps) {
  const [ref, width] = useWidth();
  const totals = categories.map((_, i) => series.reduce((n, s) => n + Math.max(0, s.values[i] ?? 0), 0));
  const ticks = niceTicks(Math.max(0, ...totals), width < 500 ? 3 : 5, whole);
  const max = ticks[ticks.length - 1]!;
  const left = Math.min(200, Math.round(width * 0.38));
  const right = 28;
  const plotW = Math.max(10, width - left - right);
  const top = 4;
  const bottom = 22;
  const plotH = height - top - bottom;
  const band = plotH / Math.max(1, categories.length);
  const x = (v: number) => left + (v / max) * plotW;
  return (
    <Frame title={title} label={label}>
      {legend && <Legend items={series.map((s) => ({ color: s.color, text: s.name }))} />}
      <div ref={ref} style={{ width: "100%", height }}>
        {width > 0 && (
          <svg width={width} height={height} style={{ display: "block", fontSize: 12 }} aria-hidden="true">
            {ticks.map((t) => (
              <g key={t}>
                <path d={`M ${x(t)} ${top} V ${top + plotH}`} stroke={GRID} />
                <text x={x(t)} y={height - 6} textAnchor="middle" fill={AXIS}>
                  {tick(t)}
                </text>
              </g>
            ))}
            <path d={`M ${left} ${top} V ${top + plotH}`} stroke={AXIS} />
            {categories.map((c, i) => {
              const y = top + i * band + band * 0.2;
              const h = band * 0.6;
              let acc = 0;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: bars are positional; truncated names can repeat
                <g key={`${c}-${i}`}>
                  <text x={left - 8} y={y + h / 2} dy="0.35em" textAnchor="end" fill={AXIS}>
                    {fit(c, left - 8)}
                    <title>{c}</title>
                  </text>
                  {series.map((s) => {
                    const v = Math.max(0, s.values[i] ?? 0);
                    const x0 = x(acc);
                    acc += v;
                    if (v === 0) return null;
                    return (
                      <path key={s.name} d={bar(x0, y, x(acc) - x0, h)} fill={barColors?.[i] ?? s.color}>
                        <title>{`${c}${series.length > 1 ? ` · ${s.name}` : ""}: ${format(v)}`}</title>
                      </path>
                    );
                  })}
                  {totals[i]! > 0 &&
                    (x(acc) + 70 < width ? (
                      <text x={x(acc) + 4} y={y + h / 2} dy="0.35em" fill="#333">
                        {format(totals[i]!)}
                      </text>
                    ) : (
                      <text x={x(acc) - 4} y={y + h / 2} dy="0.35em" textAnchor="end" fill="#fff">
                        {format(totals[i]!)}
                      </text>
                    ))}
                </g>
              );
            })}
          </svg>
        )}
      </div>
    </Frame>
  );
}

/** Vertical bars (categories along the bottom), one series, a colour per bar. */
export function VBarChart({ title, label, height, categories, series, format, barColors, whole }: BarProps) {
  const [ref, width] = useWidth();
  const values = series[0]?.values ?? [];
  const ticks = niceTicks(Math.max(0, ...values), 4, whole);
  const max = ticks[ticks.length - 1]!;
  const left = 44;
  const top = 18;
  const bottom = 24;
  const plotW = Math.max(10, width - left - 12);
  const plotH = height - top - bottom;
  const band = plotW / Math.max(1, categories.length);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  return (
    <Frame title={title} label={label}>
      <div ref={ref} style={{ width: "100%", height }}>
        {width > 0 && (
          <svg width={width} height={height} style={{ display: "block", fontSize: 12 }} aria-hidden="true">
            {ticks.map((t) => (
              <g key={t}>
                <path d={`M ${left} ${y(t)} H ${left + plotW}`} stroke={GRID} />
                <text x={left - 8} y={y(t)} dy="0.35em" textAnchor="end" fill={AXIS}>
                  {tick(t)}
                </text>
              </g>
            ))}
            <path d={`M ${left} ${top + plotH} H ${left + plotW}`} stroke={AXIS} />
            {categories.map((c, i) => {
              const v = Math.max(0, values[i] ?? 0);
              const w = Math.min(60, band * 0.6);
              const x0 = left + i * band + (band - w) / 2;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: bars are positional; truncated names can repeat
                <g key={`${c}-${i}`}>
                  {v > 0 && (
                    <path d={bar(x0, y(v), w, y(0) - y(v))} fill={barColors?.[i] ?? series[0]?.color}>
                      <title>{`${c}: ${format(v)}`}</title>
                    </path>
                  )}
                  <text x={x0 + w / 2} y={y(v) - 4} textAnchor="middle" fill="#333">
                    {format(v)}
                  </text>
                  <text x={x0 + w / 2} y={height - 6} textAnchor="middle" fill={AXIS}>
                    {c}
                  </text>
                </g>
              );
            })}
          </svg>
        )}
      </div>
    </Frame>
  );
}

export interface Slice {
  name: string;
  value: number;
  color: string;
  /** The outer ring's slices of this one (a two-ring pie: 一级 inside, 二级 outside). */
  children?: Slice[];
}

interface PieProps {
  title: string;
  label: string;
  slices: Slice[];
  format: (v: number) => string;
  /** Inner radius as a share of the outer one (0: a pie). */
  hole?: number;
  size?: number;
}

/** A pie or donut, with a second ring when slices have children; the legend gives each figure and share. */
export function PieChart({ title, label, slices, format, hole = 0, size = 240 }: PieProps) {
  const shown = slices.filter((s) => s.value > 0);
  const total = shown.reduce((n, s) => n + s.value, 0);
  const r = size / 2 - 4;
  const c = size / 2;
  const twoRings = shown.some((s) => s.children?.length);
  const inner = twoRings ? r * 0.55 : r;
  const angles = shares(shown.map((s) => s.value));
  const pct = (v: number) => (total > 0 ? `${((v / total) * 100).toFixed(1)}%` : "");
  return (
    <Frame title={title} label={label}>
      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 16 }}>
        <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} style={{ flex: "none" }} aria-hidden="true">
          {shown.map((s, i) => {
            const [a0, a1] = angles[i]!;
            const kids = (s.children ?? []).filter((k) => k.value > 0);
            const kidAngles = shares(
              kids.map((k) => k.value),
              a0,
              a1 - a0,
            );
            return (
              <g key={s.name}>
                <path
                  d={ringPath(c, c, inner * hole, inner, a0, a1)}
                  fill={s.color}
                  stroke={shown.length > 1 ? "#fff" : "none"}
                >
                  <title>{`${s.name}: ${format(s.value)} (${pct(s.value)})`}</title>
                </path>
                {kids.map((k, j) => (
                  <path key={k.name} d={ringPath(c, c, inner + 2, r, ...kidAngles[j]!)} fill={k.color} stroke="#fff">
                    <title>{`${s.name} / ${k.name}: ${format(k.value)} (${pct(k.value)})`}</title>
                  </path>
                ))}
              </g>
            );
          })}
        </svg>
        <ul style={{ listStyle: "none", margin: 0, padding: 0, fontSize: 12, flex: "1 1 160px", minWidth: 0 }}>
          {shown.map((s) => (
            <li key={s.name} style={{ marginBottom: 4 }}>
              <span style={{ display: "inline-flex", alignItems: "center", gap: 6 }}>
                <span style={{ width: 12, height: 12, borderRadius: 2, background: s.color, flex: "none" }} />
                <span>
                  {s.name} <span style={{ color: AXIS }}>{`${format(s.value)} · ${pct(s.value)}`}</span>
                </span>
              </span>
              {twoRings && (s.children?.length ?? 0) > 0 && (
                <div style={{ color: AXIS, paddingLeft: 18 }}>
                  {(s.children ?? [])
                    .filter((k) => k.value > 0)
                    .map((k) => `${k.name} ${format(k.value)}`)
                    .join("、")}
                </div>
              )}
            </li>
          ))}
        </ul>
      </div>
    </Frame>
  );
}
