/**
 * Which score a round's result stands on: the finance bureau's 抽评 when it re-scored the project,
 * else the unit's own. The budget advice and the published results both read it, so they agree.
 */
import type { ProjectScore } from "@jixiao/core";

export type ScoreSource = "unit" | "spot-check";

export interface ScoreUsed {
  score: ProjectScore;
  source: ScoreSource;
}

export function scoreUsed(unit: unknown, spot: unknown): ScoreUsed | null {
  if (spot) return { score: spot as ProjectScore, source: "spot-check" };
  if (unit) return { score: unit as ProjectScore, source: "unit" };
  return null;
}
