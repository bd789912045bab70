/**
 * The cell texts of the 绩效运行监控表, shared by the printable HTML page (monitoring-html.ts)
 * and the xlsx workbook (xlsx/write-monitoring-xlsx.ts) so both say the same thing.
 */
import { type IndicatorMonitor, LIGHT_WORD, type Light, type MonitoredIndicator } from "@jixiao/core";

/** Title of the per-project table. */
export const MONITORING_TITLE = "项目支出绩效运行监控表";
/** Title of the department summary. */
export const MONITORING_SUMMARY_TITLE = "项目支出绩效运行监控汇总表";

/** Fill colours of the lights (text always says the light too: printable in black and white). */
export const LIGHT_COLOUR: Readonly<Record<Light, string>> = { red: "F4B6B0", yellow: "FBE3A1", green: "BFE3C0" };

/** A light in words; "—" when there is none. */
export function lightWord(light: Light | null): string {
  return light === null ? "—" : LIGHT_WORD[light];
}

/** 年度指标值 as printed: operator, number and unit for a quantity; the text for 定性. */
export function monitoredTargetText(ind: Pick<MonitoredIndicator, "nature" | "operator" | "target" | "unit">): string {
  if (ind.nature === "定性") return ind.target;
  const bare = /^[\d.]+$/.test(ind.target);
  return `${ind.operator && !ind.target.startsWith(ind.operator) ? ind.operator : ""}${ind.target}${bare && ind.unit ? ind.unit : ""}`;
}

/** A value the unit entered, with the indicator's unit after a bare number. */
export function enteredText(v: string | number | null | undefined, unit: string | null): string {
  if (v === null || v === undefined || v === "") return "";
  return typeof v === "number" && unit ? `${v}${unit}` : String(v);
}

/** 偏差原因 as printed: the coded cause and its text. */
export function causeText(r: Pick<IndicatorMonitor, "deviationCause" | "deviationText">): string {
  if (r.deviationCause === null) return r.deviationText ?? "";
  return r.deviationText ? `${r.deviationCause}：${r.deviationText}` : r.deviationCause;
}

/** A percentage to 2 decimals, or "—". */
export function percentText(n: number | null): string {
  return n === null ? "—" : `${n.toFixed(2)}%`;
}

/** Row spans for runs of equal consecutive keys: [span at run start, 0 inside a run]. */
export function runSpans(keys: string[]): number[] {
  const out = new Array<number>(keys.length).fill(0);
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i === keys.length || keys[i] !== keys[start]) {
      out[start] = i - start;
      start = i;
    }
  }
  return out;
}
