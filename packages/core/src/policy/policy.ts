/**
 * A review policy: the settings a finance bureau chooses (weight total, first-level split,
 * which rules run and at what severity). Presets live in presets.ts; a JSON policy file is
 * parsed by parse-policy.ts (reading the file is the caller's job: core has no I/O).
 */
import type { Severity } from "../model/diagnostic.ts";
import type { Layout, Level1 } from "../model/taxonomy.ts";

/** One group of the first-level split: the 一级 it covers and the points they must add to. */
export interface Level1Share {
  level1: Level1[];
  points: number;
}

/** Severity override of a rule, or "off" to skip it. */
export type RuleSetting = Severity | "off";

export interface ReviewPolicy {
  /** Preset id or a file's own id. */
  id: string;
  name: { zh: string; en: string };
  /** Expected sum of a project's 分值 (90 by default: 10 reserved for 预算执行率). */
  weightTotal: number;
  /** Expected points per 一级 group; null when the policy asks for no split. */
  level1Split: Level1Share[] | null;
  /** Accepted indicator layout; "any" accepts both the older and the 2021 layout. */
  layout: "any" | Layout;
  /** A cost indicator is required in every project (the 2021 policy). */
  requireCost: boolean;
  /** Fewer indicators than this in a project is a finding. */
  minIndicators: number;
  /** Fiscal year of the tables; null to take the document's, or infer it from the deadlines. */
  fiscalYear: number | null;
  /** Relative tolerance of money comparisons (0.01 = 1%). */
  moneyTolerance: number;
  /** Cost targets adding to less than this share of the budget are "clearly less". */
  costShortfallRatio: number;
  /** Per-rule overrides by code. Rules not listed run at their own severity. */
  rules: Record<string, RuleSetting>;
}
