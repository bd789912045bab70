/**
 * Reads a monitoring document (`jixiao.monitoring/1`, docs/FORMAT.md "Monitoring") from JSON
 * data. Never throws: a wrong shape yields coded diagnostics (`monitoring.invalid`, with the
 * JSON path) and a null value; sizes are bounded by the model's LIMITS.
 */
import type { Diagnostic, Parsed } from "../model/diagnostic.ts";
import { defineDiagnostics } from "../model/diagnostic-registry.ts";
import type { Nature, Operator } from "../model/document.ts";
import { LIMITS } from "../model/limits.ts";
import { DEVIATION_CAUSES, LIKELIHOODS, MONITORING_FORMAT_ID, type MonitoringDocument } from "./model.ts";

export const MONITORING_FORMAT_DIAGNOSTICS = defineDiagnostics<"monitoring.invalid">(
  "@jixiao/core",
  "monitoring format",
  {
    "monitoring.invalid": {
      severity: "error",
      zh: "监控表格式无效：{problem}",
      en: "Invalid monitoring table: {problem}",
      about:
        "A monitoring document (jixiao.monitoring/1) has a field of the wrong type or out of range (the JSON path says which).",
    },
  },
);

const NATURES: readonly Nature[] = ["定性", "正向", "反向"];
const OPERATORS: readonly Operator[] = ["=", "≥", "≤", ">", "<"];
const MAX_PROBLEMS = 50;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
const isMoney = (v: unknown): v is number =>
  typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= LIMITS.moneyMax;

/**
 * Reads a monitoring document from parsed JSON.
 * @example parseMonitoringDocument({ format: "jixiao.monitoring/1", moneyUnit: "万元", round: { fiscalYear: 2024, asOfMonth: 7, scope: "region" }, projects: [] }).value?.round.asOfMonth // 7
 */
export function parseMonitoringDocument(data: unknown): Parsed<MonitoringDocument> {
  const problems: string[] = [];
  const bad = (path: string, want: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(`${path}: ${want}`);
  };
  if (!isObj(data)) return fail(["/: object expected"]);
  if (data.format !== MONITORING_FORMAT_ID) bad("/format", `"${MONITORING_FORMAT_ID}" expected`);
  if (data.moneyUnit !== "万元" && data.moneyUnit !== "元") bad("/moneyUnit", '"万元" or "元" expected');
  const r = data.round;
  if (!isObj(r)) bad("/round", "object expected");
  else {
    if (!Number.isInteger(r.fiscalYear) || (r.fiscalYear as number) < 1900 || (r.fiscalYear as number) > 2999)
      bad("/round/fiscalYear", "a year expected");
    if (!Number.isInteger(r.asOfMonth) || (r.asOfMonth as number) < 1 || (r.asOfMonth as number) > 12)
      bad("/round/asOfMonth", "a whole month 1–12 expected");
    if (r.scope !== "region" && r.scope !== "department") bad("/round/scope", '"region" or "department" expected');
    if (r.dueDate !== undefined && (typeof r.dueDate !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(r.dueDate)))
      bad("/round/dueDate", "YYYY-MM-DD expected");
  }
  if (data.title !== undefined && (typeof data.title !== "string" || data.title.length > LIMITS.textLength))
    bad("/title", "string expected");
  if (data.department !== undefined && !(isObj(data.department) && typeof data.department.name === "string"))
    bad("/department", "{name, code?} expected");
  if (!Array.isArray(data.projects)) bad("/projects", "array expected");
  else if (data.projects.length > LIMITS.projectsPerDocument) bad("/projects", `at most ${LIMITS.projectsPerDocument}`);
  else for (const [i, p] of data.projects.entries()) checkProject(p, `/projects/${i}`, bad);
  if (problems.length) return fail(problems);
  return { value: data as unknown as MonitoringDocument, diagnostics: [] };
}

function checkProject(p: unknown, at: string, bad: (path: string, want: string) => void): void {
  if (!isObj(p)) {
    bad(at, "object expected");
    return;
  }
  for (const k of ["name", "unitCode", "unitName", "category"] as const)
    if (typeof p[k] !== "string" || (p[k] as string).length > LIMITS.nameLength) bad(`${at}/${k}`, "string expected");
  if (p.goal !== undefined && (typeof p.goal !== "string" || p.goal.length > LIMITS.goalLength))
    bad(`${at}/goal`, "string expected");
  if (!isMoney(p.initialBudget)) bad(`${at}/initialBudget`, "non-negative amount expected");
  for (const k of ["adjustedBudget", "executed", "forecastExecuted"] as const)
    if (p[k] !== undefined && !isMoney(p[k])) bad(`${at}/${k}`, "non-negative amount expected");
  if (!Array.isArray(p.indicators)) {
    bad(`${at}/indicators`, "array expected");
    return;
  }
  if (p.indicators.length > LIMITS.indicatorsPerProject) {
    bad(`${at}/indicators`, `at most ${LIMITS.indicatorsPerProject}`);
    return;
  }
  for (const [j, ind] of p.indicators.entries()) checkIndicator(ind, `${at}/indicators/${j}`, bad);
}

function checkIndicator(ind: unknown, at: string, bad: (path: string, want: string) => void): void {
  if (!isObj(ind)) {
    bad(at, "object expected");
    return;
  }
  const text = (k: string, optional: boolean) => {
    const v = ind[k];
    if (optional && v === undefined) return;
    if (typeof v !== "string" || v.length > LIMITS.indicatorTextLength) bad(`${at}/${k}`, "string expected");
  };
  text("level1", false);
  text("level2", false);
  text("name", false);
  text("target", false);
  if (!NATURES.includes(ind.nature as Nature)) bad(`${at}/nature`, "定性, 正向 or 反向 expected");
  if (ind.operator !== null && !OPERATORS.includes(ind.operator as Operator))
    bad(`${at}/operator`, "=, ≥, ≤, >, < or null expected");
  if (ind.unit !== null && typeof ind.unit !== "string") bad(`${at}/unit`, "string or null expected");
  for (const k of ["actualToDate", "forecast"]) {
    const v = ind[k];
    if (v === undefined) continue;
    const ok =
      (typeof v === "number" && Number.isFinite(v)) ||
      (typeof v === "string" && v.length <= LIMITS.indicatorTextLength);
    if (!ok) bad(`${at}/${k}`, "number or string expected");
  }
  if (ind.likelihood !== undefined && !LIKELIHOODS.includes(ind.likelihood as never))
    bad(`${at}/likelihood`, `one of ${LIKELIHOODS.join(", ")} expected`);
  if (ind.deviationCause !== undefined && !DEVIATION_CAUSES.includes(ind.deviationCause as never))
    bad(`${at}/deviationCause`, `one of ${DEVIATION_CAUSES.join(", ")} expected`);
  for (const k of ["deviationText", "correctiveAction"]) {
    const v = ind[k];
    if (v !== undefined && (typeof v !== "string" || v.length > LIMITS.textLength))
      bad(`${at}/${k}`, "string expected");
  }
}

function fail(problems: string[]): Parsed<MonitoringDocument> {
  const diagnostics: Diagnostic[] = problems.map((problem) =>
    MONITORING_FORMAT_DIAGNOSTICS.diagnostic("monitoring.invalid", { problem }),
  );
  return { value: null, diagnostics };
}
