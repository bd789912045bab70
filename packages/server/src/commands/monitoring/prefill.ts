/**
 * Self-evaluation starts from monitoring (issue 16 item 5): until a unit saves its year-end
 * actuals, the self-evaluation is pre-filled from the last monitoring round's forecasts — the
 * 全年预计执行数 as 全年执行数 and each indicator's 全年预计完成值 as its 实际完成值 — and marked as
 * such (`prefilledFrom`), never stored until the unit saves. Indicators are matched by
 * 一级/二级/三级 name, so an adjustment approved after the round cannot shift a forecast onto
 * another row. Only tables the unit submitted or the department accepted count.
 */
import type { MonitoredProject, Project } from "@jixiao/core";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { ProjectRow } from "../projects/index.ts";
import type { SelfEvaluationInput } from "../self-evaluation/actuals.ts";

export interface PrefilledFrom {
  /** Always "monitoring-forecast": the figures are forecasts, not actuals. */
  kind: "monitoring-forecast";
  roundId: number;
  reportId: number;
  fiscalYear: number;
  asOfMonth: number;
}

const key = (i: { level1: string; level2: string; name: string }) => `${i.level1}\u0000${i.level2}\u0000${i.name}`;

/**
 * The last round's forecasts as self-evaluation input for an approved table, or null when the
 * project has no submitted or accepted monitoring table.
 * @example (await monitoringPrefill(db, row, table))?.from.kind // "monitoring-forecast"
 */
export async function monitoringPrefill(
  db: Kysely<DB>,
  row: ProjectRow,
  table: Project,
): Promise<{ input: SelfEvaluationInput; from: PrefilledFrom } | null> {
  const last = await db
    .selectFrom("monitoring_reports as r")
    .innerJoin("monitoring_rounds as m", (j) =>
      j.onRef("m.region_code", "=", "r.region_code").onRef("m.id", "=", "r.round_id"),
    )
    .select(["r.id", "r.round_id", "r.input", "m.fiscal_year", "m.as_of_month"])
    .where("r.region_code", "=", row.region_code)
    .where("r.project_id", "=", row.id)
    .where("r.status", "in", ["submitted", "accepted"])
    .orderBy("m.as_of_month", "desc")
    .orderBy("r.id", "desc")
    .executeTakeFirst();
  if (!last) return null;
  const monitored = last.input as MonitoredProject;
  const forecasts = new Map(monitored.indicators.map((i) => [key(i), i.forecast]));
  const input: SelfEvaluationInput = {
    executed: monitored.forecastExecuted ?? null,
    indicators: table.indicators.map((ind) => {
      const f = forecasts.get(key(ind));
      return f === undefined || f === "" ? {} : { actual: f };
    }),
  };
  return {
    input,
    from: {
      kind: "monitoring-forecast",
      roundId: last.round_id,
      reportId: last.id,
      fiscalYear: last.fiscal_year,
      asOfMonth: last.as_of_month,
    },
  };
}
