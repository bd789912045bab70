/**
 * Wire types of the monitoring API (/api/v1/monitoring/…). The routes declare no response
 * schemas yet, so generated.ts types their answers `unknown`; these mirror the server's
 * commands/monitoring/present.ts and rounds.ts, and core's monitoring model.
 */
import type {
  DeviationCause,
  Light,
  Likelihood,
  MonitoredProject,
  MonitoringPolicy,
  ProjectMonitor,
} from "@jixiao/core/monitoring/index.ts";

export type ReportStatus = "draft" | "submitted" | "accepted" | "returned";
export type Decision = "暂缓拨款" | "整改";

export interface RoundSummary {
  id: number;
  fiscalYear: number;
  asOfMonth: number;
  scope: "region" | "department";
  deptCode: string | null;
  dueDate: string | null;
  policy: string;
  policySettings: MonitoringPolicy;
  openedBy: string;
  openedAt: string;
  counts: Record<ReportStatus, number>;
  redProjects: number;
}

export interface DashboardLine {
  reportId: number;
  projectId: number;
  name: string;
  unitCode: string;
  unitName: string;
  status: ReportStatus;
  rowVersion: number;
  budget: number;
  executed: number | null;
  executionRate: number | null;
  executionValue: number | null;
  executionLight: Light | null;
  forecastRate: number | null;
  lights: ProjectMonitor["lights"];
  indicators: { name: string; light: Light | null; value: number | null }[];
  errorCount: number;
  warningCount: number;
  decision: Decision | null;
  decisionReason: string | null;
}

export interface RoundDashboard extends RoundSummary {
  timeProgress: number;
  moneyUnit: string;
  projects: DashboardLine[];
}

export interface ReportDetail {
  id: number;
  roundId: number;
  projectId: number;
  deptCode: string;
  unitCode: string;
  versionNo: number;
  status: ReportStatus;
  rowVersion: number;
  input: MonitoredProject;
  result: ProjectMonitor;
  returnReason: string | null;
  decision: Decision | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  updatedAt: string;
  updatedBy: string;
  round: {
    fiscalYear: number;
    asOfMonth: number;
    dueDate: string | null;
    scope: string;
    policy: string;
    policySettings?: MonitoringPolicy;
  };
  moneyUnit: string;
}

/** What the fill form edits per indicator (strings while typing). */
export interface EntryRow {
  actualToDate?: string;
  forecast?: string;
  likelihood?: Likelihood;
  deviationCause?: DeviationCause;
  deviationText?: string;
  correctiveAction?: string;
}
