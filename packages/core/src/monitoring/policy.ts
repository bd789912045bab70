/**
 * Monitoring policies (监控规则): the light thresholds and the floors of the findings are
 * settings, never hard-coded in the arithmetic. `default` follows the common practice of the
 * 财政部 监控 guidance as applied by provinces: red below 60, yellow 60–80, green from 80
 * (of progress against 序时进度), year-end execution forecast at least 90%, an actual at 130%
 * of its target or more flags a target possibly set too low. `strict` raises each.
 */

export interface LightThresholds {
  /** A value below this (percent) is 红灯. */
  red: number;
  /** A value at or above this (percent) is 绿灯; between the two is 黄灯. */
  green: number;
}

export interface MonitoringPolicy {
  /** Preset or file name, shown in output. */
  name: string;
  /** Thresholds of both the execution light and the indicator lights. */
  thresholds: LightThresholds;
  /** 全年预计执行率 (percent) below this is a finding. */
  executionForecastFloor: number;
  /** A 正向 actual to date at or above this multiple of its annual target is a finding. */
  excessRatio: number;
}

/** The default policy: red < 60 ≤ yellow < 80 ≤ green; forecast floor 90%; excess 1.3. */
export const DEFAULT_MONITORING_POLICY: MonitoringPolicy = {
  name: "default",
  thresholds: { red: 60, green: 80 },
  executionForecastFloor: 90,
  excessRatio: 1.3,
};

/** A stricter policy: red < 70 ≤ yellow < 90 ≤ green; forecast floor 100%; excess 1.2. */
export const STRICT_MONITORING_POLICY: MonitoringPolicy = {
  name: "strict",
  thresholds: { red: 70, green: 90 },
  executionForecastFloor: 100,
  excessRatio: 1.2,
};

/** The shipped presets by name. */
export const MONITORING_PRESETS: Readonly<Record<string, MonitoringPolicy>> = {
  default: DEFAULT_MONITORING_POLICY,
  strict: STRICT_MONITORING_POLICY,
};

/**
 * Looks a preset up by name; null when there is none.
 * @example monitoringPreset("strict")?.thresholds.green // 90
 */
export function monitoringPreset(name: string): MonitoringPolicy | null {
  return Object.hasOwn(MONITORING_PRESETS, name) ? MONITORING_PRESETS[name]! : null;
}
