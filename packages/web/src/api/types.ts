// Shapes of the server's API (docs/API.md). The table itself is the exchange-format Project.
// Wire types come from generated.ts (the server's route schemas, `npm run gen:api`) wherever a
// route declares the schema; the interfaces written out below are responses whose routes do not
// declare a response schema yet — give the route one and alias its generated type here.
import type { Diagnostic } from "@jixiao/core/model/diagnostic.ts";
import type { Indicator, Project, TargetDocument } from "@jixiao/core/model/document.ts";
import type { ApiBody, ApiQuery } from "./generated.ts";

export type { Diagnostic, Indicator, Project, TargetDocument };

export type Role = ApiBody<"POST /api/v1/users">["role"];
export type Status = NonNullable<ApiQuery<"GET /api/v1/projects">["status"]>;

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  deptCode: string | null;
  unitCode: string | null;
  disabled: boolean;
}

export interface ProjectSummary {
  id: number;
  regionCode: string;
  fiscalYear: number;
  deptCode: string;
  unitCode: string;
  unitName: string;
  name: string;
  category: string;
  budget: number;
  moneyUnit: "万元" | "元";
  status: Status;
  versionNo: number;
  kind: "original" | "adjustment";
  rowVersion: number;
  indicatorCount: number;
  updatedAt: string;
  hasApproved: boolean;
  /** Review level a submission waits at (1-based), 0 when not submitted. */
  reviewLevel: number;
  /** A reviewer of the current level opened it (the unit can no longer 撤回). */
  levelOpened: boolean;
  voidedAt: string | null;
  voidReason: string | null;
  adjustCount: number;
}

export interface ProjectDetail extends ProjectSummary {
  table: Project;
  returnReason: string | null;
  approvedVersionNo: number | null;
}

export interface VersionSummary {
  versionNo: number;
  kind: "original" | "adjustment";
  status: Status;
  createdAt: string;
  createdBy: string;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  returnReason: string | null;
  /** 说明 written for advisory findings when this version was submitted. */
  explanation: string | null;
  adjustReason: string | null;
  submittedBy: string | null;
}

/** One workflow step of a project (the timeline). */
export interface Step {
  versionNo: number;
  level: number;
  action: "submit" | "approve" | "return" | "withdraw" | "adjust" | "void" | "open";
  actor: string;
  reason: string | null;
  at: string;
}

/** The review chain and check gates, as PUT /settings/review takes them (GET answers the same). */
export type ReviewSettings = Required<ApiBody<"PUT /api/v1/settings/review">>;
export type ReviewLevel = ReviewSettings["chain"][number];
export type Gate = ReviewSettings["checks"]["rules"][string];

export interface Change {
  path: string;
  before: unknown;
  after: unknown;
}

export interface Finding {
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
  messageEn: string;
  projectIndex?: number | null;
  indicatorIndex?: number | null;
  field?: string;
  cell?: string;
  /** What the region's check policy asks for this finding (review answers only). */
  gate?: Gate;
}

export interface Department {
  code: string;
  name: string;
  fiscalYear: number;
  regionCode: string;
}

export interface Unit {
  code: string;
  deptCode: string;
  name: string;
  fiscalYear: number;
  regionCode: string;
}

export interface Publication {
  id: number;
  regionCode: string;
  fiscalYear: number;
  deptCode: string;
  deptName: string;
  projectCount: number;
  publishedAt: string;
  /** The one current publication of its department-year; others are history. */
  current?: boolean;
  replacedBy?: number | null;
  withdrawnAt?: string | null;
  /** Public reason of a withdrawal or correction (更正). */
  withdrawReason?: string | null;
}

export interface PublicationPreview {
  fiscalYear: number;
  deptCode: string;
  projects: Project[];
  moneyUnit: "万元" | "元";
  notApproved: { id: number; name: string; unitName: string; status: Status }[];
  current: { id: number; publishedAt: string; projectCount: number } | null;
}

/** What may happen to one project of an import, and why (server: commands/import-choices.ts). */
export type ImportAction = "create" | "update" | "skip";
export interface ImportPreviewProject {
  index: number;
  name: string;
  unitCode: string;
  allowed: boolean;
  exists: boolean;
  reason?: "ok" | "no-permission" | "unit-unknown" | "exists-draft" | "exists-locked" | "duplicate-in-file";
  /** The choices, the first being the default. */
  actions?: ImportAction[];
  existingId?: number;
  existingStatus?: Status;
  /** What an update would change in the existing draft. */
  changes?: Change[];
}

export interface ImportPreview {
  previewId: string;
  fileName: string;
  document: TargetDocument | null;
  diagnostics: Diagnostic[];
  findings: Finding[];
  projects: ImportPreviewProject[];
  /** Counts before the answer was bounded; `truncated` when it shows fewer. */
  totals?: { projects: number; diagnostics: number; findings: number };
  truncated?: boolean;
  /** How the table was read (grid containers): layout, column mapping, marked cells. */
  reading?: ImportReading;
}

/** A field a source column can be read as (the reader's column keys). */
export type ImportField = string;

/** One column of the source table and the field it was read as (null: not read). */
export interface ImportColumn {
  sheet: string;
  column: number;
  ref: string;
  header: string;
  key: ImportField | null;
  how: "name" | "override" | "content";
  note?: string;
  /** Blocks (a form per project, a table per page) that print this column the same way. */
  blocks: number;
}

/** A cell of the table as read that was inferred or is doubtful. */
export interface ImportCellMark {
  projectIndex: number;
  indicatorIndex?: number;
  /** The 表12 field of the cell; null marks the whole row. */
  field: string | null;
  kind: "inferred" | "doubtful";
  code: string;
  message: string;
  messageEn: string;
}

/** The user's correction of the mapping, sent with a re-read. */
export interface ImportColumnOverride {
  sheet?: string;
  column?: number;
  header?: string;
  key: ImportField | null;
}

export interface ImportReading {
  layouts: { sheet?: string; zh: string; en: string }[];
  /** The money unit used and where it came from. */
  moneyUnit?: { unit: string; from: "stated" | "cells" | "default" };
  columns: ImportColumn[];
  /** Fields a column may be mapped to, with their words. */
  fields: { key: ImportField; zh: string; en: string }[];
  marks: ImportCellMark[];
  overrides: ImportColumnOverride[];
}

/** One indicator's self-evaluation entry, as PUT /projects/{id}/self-evaluation takes it. */
export type SelfEvalIndicator = ApiBody<"PUT /api/v1/projects/{id}/self-evaluation">["indicators"][number];

export interface ScoreResult {
  executionRate?: number | null;
  executionScore?: number | null;
  indicatorScore?: number | null;
  total?: number | null;
  grade?: string | null;
  indicators?: { name: string; weight: number; score: number | null }[];
  findings?: Finding[];
}

export interface SelfEvaluation {
  /** The approved version the actuals are entered against, and its table (never a later draft). */
  versionNo?: number | null;
  table?: Project | null;
  executed: number | null;
  indicators: SelfEvalIndicator[];
  result: ScoreResult | null;
  updatedAt: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  username: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

type BySeverity = Record<"error" | "warning" | "info", number>;

/** GET /dashboard: figures over every project in the caller's scope (docs/API.md § Dashboard). */
export interface DashboardSummary {
  fiscalYear: number;
  deptCode: string | null;
  moneyUnit: "万元" | "元";
  projectCount: number;
  approvedCount: number;
  totalBudget: number;
  budgetByProject: { id: number; name: string; unitCode: string; unitName: string; budget: number }[];
  budgetByUnit: { unitCode: string; unitName: string; projects: number; budget: number }[];
  indicators: { total: number; byLevel: { level1: string; level2: string; count: number }[] };
  findings: { total: number; bySeverity: BySeverity; byRule: ({ code: string; total: number } & BySeverity)[] };
  status: Record<Status, number>;
  grades: { items: { grade: string; count: number }[]; notEvaluated: number };
}
