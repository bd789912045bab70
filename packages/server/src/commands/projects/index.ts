/**
 * Projects and their target tables, one operation per file: the list, reading, create, edit
 * (optimistic concurrency: the stale check lives once, in `lockForChange`), delete, workflow
 * transitions, versions and diffs. Every query is restricted to the actor's scope (policies.ts).
 */

export { checkLimits, checkUniqueName, duplicateName, gate, reviewTable } from "./checks.ts";
export { createProject } from "./create.ts";
export { deleteProject } from "./delete.ts";
export { bump, findProject, getProject, lockForChange } from "./find.ts";
export { withIndicatorIds } from "./indicator-ids.ts";
export { insertIndicators, replaceIndicators } from "./indicators.ts";
export { checkUnit, insertProject, type NewProject } from "./insert.ts";
export { type ListQuery, listProjects } from "./list.ts";
export {
  loadDoc,
  type ProjectDetail,
  type ProjectRow,
  type ProjectSummary,
  presentDetail,
  presentSummary,
  presentWithDoc,
} from "./present.ts";
export { listSteps, notify, recordStep, type Step } from "./steps.ts";
export { openSubmission, type TransitionOptions, transition } from "./transition.ts";
export { replaceTable, updateTable } from "./update-table.ts";
export { diffVersions, getVersion, listVersions, type VersionSummary } from "./versions.ts";
