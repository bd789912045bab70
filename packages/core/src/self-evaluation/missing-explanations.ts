/**
 * The indicators whose 偏差原因分析及改进措施 is still missing, for submission (issue 17 item 2):
 * every scored row below its weight without a reason ("below"), and every row scoring flagged as
 * far beyond its target without one ("excess": the policy's over-achievement or deviation ratio).
 * Not-applicable rows and rows without a weight need none.
 */
import type { Project } from "../model/document.ts";
import { Exact } from "../model/exact.ts";
import type { ProjectScore } from "../scoring/score-project.ts";

export interface MissingExplanation {
  indicatorIndex: number;
  code: "self-eval.deviation-reason-missing";
  /** Why one is needed: scored below the weight, or far beyond the target. */
  why: "below" | "excess";
}

function blank(v: string | null | undefined): boolean {
  return v === undefined || v === null || v.trim() === "";
}

/**
 * The rows that need a deviation reason and have none, in row order. The reason is read from the
 * project (what the unit has written now), falling back to the score's copy.
 * @example missingExplanations(project, scoreProject(project, 0)) // [{ indicatorIndex: 2, code: "self-eval.deviation-reason-missing", why: "below" }]
 */
export function missingExplanations(project: Project, score: ProjectScore): MissingExplanation[] {
  const excess = new Set<number>();
  for (const f of score.findings) {
    if (f.code === "score.deviation-reason-missing" && f.indicatorIndex !== null) excess.add(f.indicatorIndex);
  }
  const out: MissingExplanation[] = [];
  for (const row of score.indicators) {
    const i = row.indicatorIndex;
    const ind = project.indicators[i];
    const reason = ind ? ind.deviationReason : row.deviationReason;
    if (!blank(reason)) continue;
    if (row.score !== null && row.weight !== null && Exact.from(row.score).lt(Exact.from(row.weight))) {
      out.push({ indicatorIndex: i, code: "self-eval.deviation-reason-missing", why: "below" });
    } else if (excess.has(i)) {
      out.push({ indicatorIndex: i, code: "self-eval.deviation-reason-missing", why: "excess" });
    }
  }
  return out;
}
