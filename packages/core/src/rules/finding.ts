/**
 * A review finding: a Diagnostic that points at a cell of a project's target table.
 * This is the shape `jixiao check --json` prints and the server returns.
 */
import type { Diagnostic } from "../model/diagnostic.ts";

/** The cell a finding points at. */
export type FindingField =
  | "name"
  | "level1"
  | "level2"
  | "nature"
  | "operator"
  | "target"
  | "unit"
  | "weight"
  | "goal"
  | "budget"
  | "indicators"
  | "total";

export interface Finding extends Omit<Diagnostic, "projectIndex" | "indicatorIndex" | "line" | "cell" | "action"> {
  /** Project name; null for findings about the whole document (e.g. the 合计 row). */
  project: string | null;
  projectIndex: number | null;
  /** 三级指标 name; null for project-level findings. */
  indicator: string | null;
  indicatorIndex: number | null;
  field: FindingField;
}

/**
 * Key order of a finding as printed by `--json`.
 * @example FINDING_KEYS[0] // "code"
 */
export const FINDING_KEYS = [
  "code",
  "severity",
  "project",
  "projectIndex",
  "indicator",
  "indicatorIndex",
  "field",
  "message",
  "messageEn",
] as const;
