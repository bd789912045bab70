/**
 * Roles and permissions as declared rules. Two layers, both enforced on the server:
 * - `ALLOWED`: which roles may perform an action at all (checked by {@link authorize});
 * - scope: which rows a user can see at all, applied inside every query ({@link projectScope}).
 * A row outside the scope is reported as not found, exactly like a missing one.
 */
import { type ExpressionBuilder, type ExpressionWrapper, type SqlBool, sql } from "kysely";
import type { DB } from "./db/schema.ts";
import { forbidden } from "./errors.ts";

export const ROLES = ["unit_staff", "dept_reviewer", "finance_reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_INFO: Record<Role, { label: string; labelEn: string; scope: "unit" | "department" | "region" }> = {
  unit_staff: { label: "单位填报人员", labelEn: "Unit staff", scope: "unit" },
  dept_reviewer: { label: "部门审核人员", labelEn: "Department reviewer", scope: "department" },
  finance_reviewer: { label: "财政审核人员", labelEn: "Finance reviewer", scope: "region" },
  admin: { label: "系统管理员", labelEn: "Administrator", scope: "region" },
};

/** The logged-in user as the server sees it. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  deptCode: string | null;
  unitCode: string | null;
}

const ALL: readonly Role[] = ROLES;
const EDITORS: readonly Role[] = ["unit_staff", "admin"];
const REVIEWERS: readonly Role[] = ["dept_reviewer", "finance_reviewer", "admin"];

/** Which roles may perform each action (inside their scope). */
export const ALLOWED = {
  "project.read": ALL,
  "project.create": EDITORS,
  "project.edit": EDITORS,
  "project.delete": EDITORS,
  "project.submit": EDITORS,
  "project.adjust": EDITORS,
  "project.approve": REVIEWERS,
  "project.return": REVIEWERS,
  "project.void": REVIEWERS,
  "project.review": ALL,
  "project.comment": ALL,
  "selfEvaluation.edit": EDITORS,
  "selfEvaluation.submit": EDITORS,
  /** A department returns or accepts its units' self-evaluations. */
  "selfEvaluation.review": ["dept_reviewer", "admin"],
  "selfEvaluation.openRegion": ["finance_reviewer", "admin"],
  "selfEvaluation.openDepartment": ["dept_reviewer", "admin"],
  /** 抽评: sampling and the finance bureau's own actuals. */
  "selfEvaluation.spotCheck": ["finance_reviewer", "admin"],
  /** Next year's budget advice from the grades. */
  "selfEvaluation.advice": ["finance_reviewer", "admin"],
  /** The region's 抽评 tolerance, budget advice map and 整改 deadline. */
  "selfEvaluation.policy": ["finance_reviewer", "admin"],
  /** A round's department summary (汇总表) downloads. */
  "selfEvaluation.summary": REVIEWERS,
  /** Publishing accepted self-evaluation results on the public pages. */
  "selfEvaluation.publish": ["finance_reviewer", "admin"],
  "rectification.read": ALL,
  "rectification.create": REVIEWERS,
  /** The unit reports a 整改 task done; reviewers may close it too. */
  "rectification.done": ALL,
  "import.run": EDITORS,
  "publication.create": REVIEWERS,
  "publication.read": ALL,
  "library.read": ALL,
  "audit.read": ["finance_reviewer", "admin"],
  "org.read": ALL,
  "org.manage": ["admin"],
  "user.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ALLOWED;

export function may(actor: Actor, action: Action): boolean {
  return (ALLOWED[action] as readonly Role[]).includes(actor.role);
}

/** Throws `forbidden` when the actor's role may not perform the action. */
export function authorize(actor: Actor, action: Action): void {
  if (!may(actor, action)) throw forbidden();
}

/** True when a unit lies inside the actor's scope. */
export function unitInScope(actor: Actor, regionCode: string, unitCode: string): boolean {
  if (regionCode !== actor.regionCode) return false;
  if (actor.role === "unit_staff") return unitCode === actor.unitCode;
  if (actor.role === "dept_reviewer") return unitCode.slice(0, 3) === actor.deptCode;
  return true;
}

/** True when a department lies inside the actor's scope. */
export function deptInScope(actor: Actor, regionCode: string, deptCode: string): boolean {
  if (regionCode !== actor.regionCode) return false;
  if (actor.role === "unit_staff") return (actor.unitCode ?? "").slice(0, 3) === deptCode;
  if (actor.role === "dept_reviewer") return deptCode === actor.deptCode;
  return true;
}

type Scoped = "projects" | "indicators" | "publications" | "units" | "departments";

/**
 * The WHERE condition restricting a table with region_code/dept_code/unit_code columns to the
 * actor's scope. Used by every query that reads or writes tenant rows.
 */
export function projectScope(
  eb: ExpressionBuilder<DB, "projects">,
  actor: Actor,
): ExpressionWrapper<DB, "projects", SqlBool> {
  const conds = [eb("projects.region_code", "=", actor.regionCode)];
  if (actor.role === "unit_staff") conds.push(eb("projects.unit_code", "=", actor.unitCode ?? "\u0000"));
  if (actor.role === "dept_reviewer") conds.push(eb("projects.dept_code", "=", actor.deptCode ?? "\u0000"));
  return eb.and(conds);
}

/**
 * The same scope for the per-unit counters (project_counts, keyed by unit code only): a unit's
 * staff see their unit's counts, a department reviewer the units of the department.
 */
export function countsScope(
  eb: ExpressionBuilder<DB, "project_counts">,
  actor: Actor,
): ExpressionWrapper<DB, "project_counts", SqlBool> {
  const conds = [eb("project_counts.region_code", "=", actor.regionCode)];
  if (actor.role === "unit_staff") conds.push(eb("project_counts.unit_code", "=", actor.unitCode ?? "\u0000"));
  if (actor.role === "dept_reviewer")
    conds.push(eb(sql<string>`left(project_counts.unit_code, 3)`, "=", actor.deptCode ?? "\u0000"));
  return eb.and(conds);
}

/** The same scope for in-app notices (keyed by the project's unit code). */
export function noticesScope(
  eb: ExpressionBuilder<DB, "notices">,
  actor: Actor,
): ExpressionWrapper<DB, "notices", SqlBool> {
  const conds = [eb("notices.region_code", "=", actor.regionCode)];
  if (actor.role === "unit_staff") conds.push(eb("notices.unit_code", "=", actor.unitCode ?? "\u0000"));
  if (actor.role === "dept_reviewer")
    conds.push(eb(sql<string>`left(notices.unit_code, 3)`, "=", actor.deptCode ?? "\u0000"));
  return eb.and(conds);
}

/** Department codes condition for tables keyed by a department (publications, departments, units). */
export function deptCodeFilter(actor: Actor): string | null {
  if (actor.role === "unit_staff") return (actor.unitCode ?? "\u0000").slice(0, 3);
  if (actor.role === "dept_reviewer") return actor.deptCode ?? "\u0000";
  return null;
}

export type { Scoped };
