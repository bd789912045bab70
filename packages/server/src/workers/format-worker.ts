/** Worker entry (loaded by bootstrap.mjs): serves the format jobs. */
import { writeBudgetAdviceJob } from "./advice-jobs.ts";
import { writeAuditJob } from "./audit-jobs.ts";
import { evidenceSniffJob, readJob, writeJob } from "./format-jobs.ts";
import { writeMonitoringJob } from "./monitoring-jobs.ts";
import { departmentSummaryJob, selfEvalReportJob } from "./report-jobs.ts";
import { serveJobs } from "./serve-jobs.ts";

serveJobs({
  "audit-xlsx": writeAuditJob,
  read: readJob,
  write: writeJob,
  monitoring: writeMonitoringJob,
  "budget-advice": writeBudgetAdviceJob,
  "evidence-sniff": evidenceSniffJob,
  "self-eval-report": selfEvalReportJob,
  "department-summary": departmentSummaryJob,
});
