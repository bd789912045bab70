/**
 * The monitoring policy of a round: a preset name (`default`, `strict`) or a region's own
 * settings (`{"extends": "default", "thresholds": {"red": 50, "green": 75}, …}`, read by core's
 * parseMonitoringPolicy). Stored with the round as the preset name or the resolved policy's JSON,
 * so a round keeps the thresholds it was opened with.
 */
import {
  DEFAULT_MONITORING_POLICY,
  type MonitoringPolicy,
  monitoringPreset,
  parseMonitoringPolicy,
} from "@jixiao/core";
import { appError } from "../../errors.ts";

/**
 * The policy a round was opened with, from its stored text; the default when unreadable.
 * @example roundPolicy("strict").thresholds.green // 90
 */
export function roundPolicy(stored: string): MonitoringPolicy {
  const preset = monitoringPreset(stored);
  if (preset) return preset;
  try {
    return parseMonitoringPolicy(JSON.parse(stored)).value ?? DEFAULT_MONITORING_POLICY;
  } catch {
    return DEFAULT_MONITORING_POLICY;
  }
}

/**
 * Resolves a requested policy (preset name or settings object) and the text to store; a bad one
 * is a 400 `validation` naming the setting.
 */
export function resolvePolicy(requested: string | Record<string, unknown> | undefined): {
  policy: MonitoringPolicy;
  stored: string;
} {
  if (requested === undefined || typeof requested === "string") {
    const preset = monitoringPreset(requested ?? "default");
    if (!preset) throw appError("validation", { detail: "policy" }, { field: "policy" });
    return { policy: preset, stored: preset.name };
  }
  const parsed = parseMonitoringPolicy(requested);
  if (!parsed.value)
    throw appError(
      "validation",
      { detail: parsed.diagnostics.map((d) => d.message).join("；") },
      { field: "policy", diagnostics: parsed.diagnostics },
    );
  return { policy: parsed.value, stored: JSON.stringify(parsed.value) };
}
