/**
 * Builds an empty monitoring table from an APPROVED target document: every project with its
 * 年初预算数 and every indicator's approved target fields, nothing filled in yet.
 */
import type { Project, TargetDocument } from "../model/document.ts";
import {
  MONITORING_FORMAT_ID,
  type MonitoredIndicator,
  type MonitoredProject,
  type MonitoringDocument,
  type MonitoringRound,
} from "./model.ts";

/**
 * One approved project as an empty monitored project.
 * @example monitoredFromApproved(project).indicators[0].likelihood // undefined
 */
export function monitoredFromApproved(project: Project): MonitoredProject {
  const out: MonitoredProject = {
    name: project.name,
    unitCode: project.unitCode,
    unitName: project.unitName,
    category: project.category,
    goal: project.goal,
    initialBudget: project.initialBudget ?? project.budget,
    indicators: project.indicators.map(
      (i): MonitoredIndicator => ({
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        nature: i.nature,
        operator: i.operator,
        target: i.target,
        unit: i.unit,
      }),
    ),
  };
  if (project.initialBudget !== undefined && project.initialBudget !== project.budget)
    out.adjustedBudget = project.budget;
  return out;
}

/**
 * An empty monitoring document for a round over the approved projects.
 * @example monitoringFromApproved(doc, { fiscalYear: 2024, asOfMonth: 7, scope: "region" }).projects.length // doc.projects.length
 */
export function monitoringFromApproved(doc: TargetDocument, round: MonitoringRound): MonitoringDocument {
  const out: MonitoringDocument = {
    format: MONITORING_FORMAT_ID,
    moneyUnit: doc.moneyUnit,
    round,
    projects: doc.projects.map(monitoredFromApproved),
  };
  if (doc.department) out.department = doc.department;
  return out;
}
