/** The API's view of monitoring rows: rounds, the dashboard's project lines, one report in full. */
import type { MonitoredProject, MonitoringPolicy, ProjectMonitor } from "@jixiao/core";
import type { ReportRow, RoundRow } from "./find.ts";
import { roundPolicy } from "./round-policy.ts";

export interface RoundView {
  id: number;
  fiscalYear: number;
  asOfMonth: number;
  scope: "region" | "department";
  deptCode: string | null;
  dueDate: string | null;
  /** The policy's name. */
  policy: string;
  /** The policy itself: thresholds and floors the lights and findings use. */
  policySettings: MonitoringPolicy;
  openedBy: string;
  openedAt: string;
}

export function presentRound(r: RoundRow): RoundView {
  return {
    id: r.id,
    fiscalYear: r.fiscal_year,
    asOfMonth: r.as_of_month,
    scope: r.scope as RoundView["scope"],
    deptCode: r.dept_code,
    dueDate: r.due_date,
    policy: roundPolicy(r.policy).name,
    policySettings: roundPolicy(r.policy),
    openedBy: r.opened_by,
    openedAt: new Date(r.opened_at).toISOString(),
  };
}

export interface ReportView {
  id: number;
  roundId: number;
  projectId: number;
  deptCode: string;
  unitCode: string;
  /** The approved version the report reads. */
  versionNo: number;
  status: "draft" | "submitted" | "accepted" | "returned";
  rowVersion: number;
  /** The approved targets (read-only) with the unit's entries. */
  input: MonitoredProject;
  result: ProjectMonitor;
  returnReason: string | null;
  /** 暂缓拨款 / 整改, set by the finance bureau; the unit sees it. */
  decision: string | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  updatedAt: string;
  updatedBy: string;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentReport(r: ReportRow): ReportView {
  return {
    id: r.id,
    roundId: r.round_id,
    projectId: r.project_id,
    deptCode: r.dept_code,
    unitCode: r.unit_code,
    versionNo: r.version_no,
    status: r.status as ReportView["status"],
    rowVersion: r.row_version,
    input: r.input as MonitoredProject,
    result: r.result as ProjectMonitor,
    returnReason: r.return_reason,
    decision: r.decision,
    decisionReason: r.decision_reason,
    decidedBy: r.decided_by,
    decidedAt: iso(r.decided_at),
    submittedAt: iso(r.submitted_at),
    submittedBy: r.submitted_by,
    reviewedAt: iso(r.reviewed_at),
    reviewedBy: r.reviewed_by,
    updatedAt: new Date(r.updated_at).toISOString(),
    updatedBy: r.updated_by,
  };
}

/** One project's line on the dashboard: its lights, no entries. */
export interface DashboardLine {
  reportId: number;
  projectId: number;
  name: string;
  unitCode: string;
  unitName: string;
  status: ReportView["status"];
  rowVersion: number;
  budget: number;
  executed: number | null;
  executionRate: number | null;
  executionValue: number | null;
  executionLight: ProjectMonitor["executionLight"];
  forecastRate: number | null;
  lights: ProjectMonitor["lights"];
  indicators: { name: string; light: ProjectMonitor["indicators"][number]["light"]; value: number | null }[];
  errorCount: number;
  warningCount: number;
  decision: string | null;
  decisionReason: string | null;
}

export function dashboardLine(r: ReportRow): DashboardLine {
  const res = r.result as ProjectMonitor;
  return {
    reportId: r.id,
    projectId: r.project_id,
    name: res.name,
    unitCode: res.unitCode,
    unitName: res.unitName,
    status: r.status as ReportView["status"],
    rowVersion: r.row_version,
    budget: res.budget,
    executed: res.executed,
    executionRate: res.executionRate,
    executionValue: res.executionValue,
    executionLight: res.executionLight,
    forecastRate: res.forecastRate,
    lights: res.lights,
    indicators: res.indicators.map((i) => ({ name: i.name, light: i.light, value: i.value })),
    errorCount: res.findings.filter((f) => f.severity === "error").length,
    warningCount: res.findings.filter((f) => f.severity === "warning").length,
    decision: r.decision,
    decisionReason: r.decision_reason,
  };
}
