/** 绩效运行监控 (issue 16): rounds, one table per project, the workflow and the downloads. */
export { exportReport, exportRound, MONITORING_EXPORTS, type MonitoringExport } from "./export.ts";
export { findReport, findRound } from "./find.ts";
export type { DashboardLine, ReportView, RoundView } from "./present.ts";
export {
  DECISIONS,
  type Decision,
  decideReport,
  getReport,
  mergeEntries,
  type ReportDetail,
  type ReportInput,
  type ReportTransition,
  saveReport,
  transitionReport,
} from "./reports.ts";
export {
  getRound,
  listRounds,
  type OpenRoundInput,
  openRound,
  type RoundDashboard,
  type RoundSummary,
} from "./rounds.ts";
