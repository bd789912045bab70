/**
 * Roles and scope of 绩效运行监控 (issue 16), declared like policies.ts (which they extend):
 * - who may do what: the finance bureau opens a round for its region and decides 暂缓拨款 / 整改;
 *   a department opens a round for its own projects and accepts or returns the tables; a unit fills
 *   and submits its own; everybody reads inside their scope;
 * - scope: a report is seen by its unit, its department and the region's finance bureau; a round by
 *   everyone of its region when opened for the region, else by that department's people (and the
 *   finance bureau). Outside the scope a row is reported as not found, exactly like a missing one.
 */
import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from "kysely";
import type { DB } from "./db/schema.ts";
import { forbidden } from "./errors.ts";
import { type Actor, deptInScope, type Role } from "./policies.ts";

export const MONITORING_ALLOWED = {
  "monitoring.read": ["unit_staff", "dept_reviewer", "finance_reviewer", "admin"],
  "monitoring.openRegion": ["finance_reviewer", "admin"],
  "monitoring.openDepartment": ["dept_reviewer", "admin"],
  "monitoring.fill": ["unit_staff", "admin"],
  "monitoring.review": ["dept_reviewer", "admin"],
  "monitoring.decide": ["finance_reviewer", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type MonitoringAction = keyof typeof MONITORING_ALLOWED;

export function mayMonitor(actor: Actor, action: MonitoringAction): boolean {
  return (MONITORING_ALLOWED[action] as readonly Role[]).includes(actor.role);
}

/** Throws `forbidden` when the actor's role may not perform the action. */
export function authorizeMonitoring(actor: Actor, action: MonitoringAction): void {
  if (!mayMonitor(actor, action)) throw forbidden();
}

/** The WHERE condition restricting monitoring_reports to the actor's scope. */
export function reportScope(
  eb: ExpressionBuilder<DB, "monitoring_reports">,
  actor: Actor,
): ExpressionWrapper<DB, "monitoring_reports", SqlBool> {
  const conds = [eb("monitoring_reports.region_code", "=", actor.regionCode)];
  if (actor.role === "unit_staff") conds.push(eb("monitoring_reports.unit_code", "=", actor.unitCode ?? "\u0000"));
  if (actor.role === "dept_reviewer") conds.push(eb("monitoring_reports.dept_code", "=", actor.deptCode ?? "\u0000"));
  return eb.and(conds);
}

/** True when the actor may see a round at all. */
export function roundVisible(actor: Actor, round: { region_code: string; scope: string; dept_code: string | null }) {
  if (round.region_code !== actor.regionCode) return false;
  if (round.scope === "region") return true;
  return round.dept_code !== null && deptInScope(actor, round.region_code, round.dept_code);
}
