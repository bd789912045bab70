/**
 * Reads a monitoring policy from JSON data: `{"extends": "default", "name": "…",
 * "thresholds": {"red": 60, "green": 80}, "executionForecastFloor": 90, "excessRatio": 1.3}`.
 * Every field is optional and overrides the preset it extends. Bad input yields coded
 * diagnostics and a null value; never throws.
 */
import type { Diagnostic, Parsed } from "../model/diagnostic.ts";
import { defineDiagnostics } from "../model/diagnostic-registry.ts";
import { type MonitoringPolicy, monitoringPreset } from "./policy.ts";

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function isNum(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v) && v >= 0;
}

/** Diagnostics of reading a monitoring policy. */
export const MONITORING_POLICY_DIAGNOSTICS = defineDiagnostics<"monitor-policy.invalid">(
  "@jixiao/core",
  "monitoring policy",
  {
    "monitor-policy.invalid": {
      severity: "error",
      zh: "监控规则无效：{problem}",
      en: "Invalid monitoring policy: {problem}",
      about: "A monitoring policy has a setting of the wrong type or an unknown key (the JSON path says which).",
    },
  },
);

/**
 * Builds a policy from JSON data on top of the preset named by `extends` (default "default").
 * @example parseMonitoringPolicy({ thresholds: { red: 50 } }).value?.thresholds // { red: 50, green: 80 }
 */
export function parseMonitoringPolicy(data: unknown): Parsed<MonitoringPolicy> {
  const problems: string[] = [];
  const bad = (path: string, want: string) => problems.push(`${path}: ${want}`);
  if (!isObj(data)) return fail(["/: object expected"]);
  const baseName = data.extends === undefined ? "default" : data.extends;
  const base = typeof baseName === "string" ? monitoringPreset(baseName) : null;
  if (!base) return fail([`/extends: unknown preset ${JSON.stringify(baseName)}`]);
  const policy: MonitoringPolicy = structuredClone(base);
  policy.name = typeof data.name === "string" ? data.name : `${base.name}+custom`;
  if (data.name !== undefined && typeof data.name !== "string") bad("/name", "string expected");
  if (data.thresholds !== undefined) {
    const t = data.thresholds;
    if (!isObj(t)) bad("/thresholds", "object expected");
    else {
      for (const k of ["red", "green"] as const) {
        if (t[k] === undefined) continue;
        if (isNum(t[k])) policy.thresholds[k] = t[k];
        else bad(`/thresholds/${k}`, "non-negative number expected");
      }
      for (const k of Object.keys(t)) if (k !== "red" && k !== "green") bad(`/thresholds/${k}`, "unknown setting");
      if (policy.thresholds.red > policy.thresholds.green) bad("/thresholds", "red must not exceed green");
    }
  }
  if (data.executionForecastFloor !== undefined) {
    if (isNum(data.executionForecastFloor)) policy.executionForecastFloor = data.executionForecastFloor;
    else bad("/executionForecastFloor", "non-negative number expected");
  }
  if (data.excessRatio !== undefined) {
    if (isNum(data.excessRatio) && data.excessRatio > 0) policy.excessRatio = data.excessRatio;
    else bad("/excessRatio", "positive number expected");
  }
  const known = new Set(["extends", "name", "thresholds", "executionForecastFloor", "excessRatio"]);
  for (const k of Object.keys(data)) if (!known.has(k)) bad(`/${k}`, "unknown setting");
  return problems.length ? fail(problems) : { value: policy, diagnostics: [] };
}

function fail(problems: string[]): Parsed<MonitoringPolicy> {
  const diagnostics: Diagnostic[] = problems.map((problem) =>
    MONITORING_POLICY_DIAGNOSTICS.diagnostic("monitor-policy.invalid", { problem }),
  );
  return { value: null, diagnostics };
}
