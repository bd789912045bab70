/**
 * The dashboard (绩效看板) of a fiscal year: aggregated figures over EVERY project the actor may
 * see (the project list's scope), computed with @jixiao/core's engines — review() for the
 * findings, scoreProject (through {@link scoreWithActuals}) for the self-evaluation grades —
 * in one statement and one pass, so the browser no longer fetches tables one by one.
 */
import {
  convertMoney,
  type Finding,
  type MoneyUnit,
  type Project,
  review,
  sumDecimal,
  type TargetDocument,
} from "@jixiao/core";
import { authorize, projectScope } from "../policies.ts";
import { STATUS_LABEL, type Status } from "../workflow.ts";
import type { Ctx } from "./context.ts";
import { type SelfEvaluationInput, scoreWithActuals } from "./self-evaluation/actuals.ts";
import { loadScoringPolicy } from "./self-evaluation/policy.ts";

export interface DashboardQuery {
  fiscalYear: number;
  deptCode?: string;
}

type Severity = Finding["severity"];

export interface Dashboard {
  fiscalYear: number;
  deptCode: string | null;
  /** Unit of every amount below: 万元, unless every project is kept in 元. */
  moneyUnit: MoneyUnit;
  projectCount: number;
  /** Projects with an approved version (批复). */
  approvedCount: number;
  totalBudget: number;
  /** Every project, largest budget first. */
  budgetByProject: { id: number; name: string; unitCode: string; unitName: string; budget: number }[];
  /** Every unit, largest budget first. */
  budgetByUnit: { unitCode: string; unitName: string; projects: number; budget: number }[];
  /** Indicators of the current tables by 一级/二级, in first-seen order. */
  indicators: { total: number; byLevel: { level1: string; level2: string; count: number }[] };
  /** review() findings over the current tables. */
  findings: {
    total: number;
    bySeverity: Record<Severity, number>;
    /** One row per rule code, most findings first. */
    byRule: ({ code: string; total: number } & Record<Severity, number>)[];
  };
  /** Projects by workflow status (every status, zero included). */
  status: Record<Status, number>;
  /** Self-evaluation grades, re-scored from the saved actuals; policy order, zero included. */
  grades: { items: { grade: string; count: number }[]; notEvaluated: number };
}

/**
 * The dashboard of a fiscal year (optionally one department) inside the actor's scope.
 * @example (await dashboard(ctx, { fiscalYear: 2024 })).projectCount // 4 for the demo data
 */
export async function dashboard(ctx: Ctx, q: DashboardQuery): Promise<Dashboard> {
  authorize(ctx.actor, "project.read");
  let query = ctx.db
    .selectFrom("projects")
    .innerJoin("table_versions as v", (j) =>
      j
        .onRef("v.region_code", "=", "projects.region_code")
        .onRef("v.project_id", "=", "projects.id")
        .onRef("v.version_no", "=", "projects.version_no"),
    )
    .leftJoin("self_evaluations as se", (j) =>
      j.onRef("se.region_code", "=", "projects.region_code").onRef("se.project_id", "=", "projects.id"),
    )
    .leftJoin("table_versions as ev", (j) =>
      j
        .onRef("ev.region_code", "=", "se.region_code")
        .onRef("ev.project_id", "=", "se.project_id")
        .onRef("ev.version_no", "=", "se.version_no"),
    )
    .select([
      "projects.id",
      "projects.region_code",
      "projects.name",
      "projects.unit_code",
      "projects.unit_name",
      "projects.budget",
      "projects.money_unit",
      "projects.status",
      "projects.approved_version_no",
      "v.doc",
      "se.input as se_input",
      "se.result as se_result",
      "ev.doc as evaluated_doc",
    ])
    .where((eb) => projectScope(eb as never, ctx.actor))
    .where("projects.fiscal_year", "=", q.fiscalYear)
    .where("projects.voided_at", "is", null); // 作废 tables are kept but out of totals
  if (q.deptCode) query = query.where("projects.dept_code", "=", q.deptCode);
  const rows = await query.orderBy("projects.unit_code").orderBy("projects.id").execute();

  const moneyUnit: MoneyUnit = rows.length > 0 && rows.every((r) => r.money_unit === "元") ? "元" : "万元";
  const amount = (r: (typeof rows)[number]) => convertMoney(Number(r.budget), r.money_unit as MoneyUnit, moneyUnit);

  const units = new Map<string, { unitName: string; projects: number; budgets: number[] }>();
  const status = Object.fromEntries(Object.keys(STATUS_LABEL).map((s) => [s, 0])) as Record<Status, number>;
  const levels = new Map<string, { level1: string; level2: string; count: number }>();
  // Grades as the region's scoring policy gives them (its labels, thresholds and switches).
  const policies = new Map([[ctx.actor.regionCode, await loadScoringPolicy(ctx.db, ctx.actor.regionCode)]]);
  const policyOf = async (region: string) => {
    const known = policies.get(region);
    if (known) return known;
    const loaded = await loadScoringPolicy(ctx.db, region);
    policies.set(region, loaded);
    return loaded;
  };
  const grades = new Map<string, number>((await policyOf(ctx.actor.regionCode)).grades.map((g) => [g.grade, 0]));
  let notEvaluated = 0;
  let indicatorTotal = 0;
  const byMoneyUnit = new Map<MoneyUnit, Project[]>();
  for (const r of rows) {
    const u = units.get(r.unit_code) ?? { unitName: r.unit_name, projects: 0, budgets: [] };
    u.projects++;
    u.budgets.push(amount(r));
    units.set(r.unit_code, u);
    status[r.status as Status]++;
    const table = r.doc as Project;
    for (const ind of table.indicators) {
      const key = `${ind.level1}\u0000${ind.level2}`;
      const l = levels.get(key) ?? { level1: ind.level1, level2: ind.level2, count: 0 };
      l.count++;
      levels.set(key, l);
      indicatorTotal++;
    }
    const mu = r.money_unit as MoneyUnit;
    const group = byMoneyUnit.get(mu) ?? [];
    group.push(table);
    byMoneyUnit.set(mu, group);
    // A round's self-evaluation not started yet (no result) is not evaluated.
    if (r.se_input && r.se_result && r.evaluated_doc) {
      const policy = await policyOf(r.region_code);
      const { grade } = scoreWithActuals(r.evaluated_doc as Project, r.se_input as SelfEvaluationInput, policy);
      grades.set(grade, (grades.get(grade) ?? 0) + 1);
    } else if (r.approved_version_no !== null) notEvaluated++;
  }

  // The review engine over the current tables, one document per money unit (rules on amounts
  // read the document's unit).
  const findings: Finding[] = [];
  for (const [mu, projects] of byMoneyUnit) {
    const doc: TargetDocument = { format: "jixiao.targets/1", moneyUnit: mu, fiscalYear: q.fiscalYear, projects };
    findings.push(...review(doc));
  }
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const rules = new Map<string, { code: string; total: number } & Record<Severity, number>>();
  for (const f of findings) {
    bySeverity[f.severity]++;
    const r = rules.get(f.code) ?? { code: f.code, total: 0, error: 0, warning: 0, info: 0 };
    r[f.severity]++;
    r.total++;
    rules.set(f.code, r);
  }

  return {
    fiscalYear: q.fiscalYear,
    deptCode: q.deptCode ?? null,
    moneyUnit,
    projectCount: rows.length,
    approvedCount: rows.filter((r) => r.approved_version_no !== null).length,
    totalBudget: sumDecimal(rows.map(amount)),
    budgetByProject: rows
      .map((r) => ({ id: r.id, name: r.name, unitCode: r.unit_code, unitName: r.unit_name, budget: amount(r) }))
      .sort((a, b) => b.budget - a.budget || a.id - b.id),
    budgetByUnit: [...units]
      .map(([unitCode, u]) => ({ unitCode, unitName: u.unitName, projects: u.projects, budget: sumDecimal(u.budgets) }))
      .sort((a, b) => b.budget - a.budget || a.unitCode.localeCompare(b.unitCode)),
    indicators: { total: indicatorTotal, byLevel: [...levels.values()] },
    findings: {
      total: findings.length,
      bySeverity,
      byRule: [...rules.values()].sort((a, b) => b.total - a.total || a.code.localeCompare(b.code)),
    },
    status,
    grades: { items: [...grades].map(([grade, count]) => ({ grade, count })), notEvaluated },
  };
}
