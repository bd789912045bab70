/**
 * Kysely table types. Every table carries region_code (财政区划) and fiscal_year: the tenant
 * and the distribution key (docs/scaling.md).
 */
import type { ColumnType, Generated } from "kysely";

/** A timestamptz with a default (optional on insert). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** numeric columns come back as strings from both drivers; insert numbers or strings. */
type Numeric = ColumnType<string, number | string, number | string>;
/** jsonb: parsed on select, JSON text on insert/update. */
type Json = ColumnType<unknown, string, string>;

export interface RegionsTable {
  region_code: string;
  fiscal_year: number;
  name: string;
}
export interface DepartmentsTable {
  region_code: string;
  fiscal_year: number;
  code: string;
  name: string;
}
export interface UnitsTable {
  region_code: string;
  fiscal_year: number;
  code: string;
  dept_code: string;
  name: string;
}
export interface UsersTable {
  id: Generated<number>;
  region_code: string;
  fiscal_year: number;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  dept_code: string | null;
  unit_code: string | null;
  disabled: Generated<boolean>;
  created_at: Timestamp;
}
export interface AuthThrottleTable {
  key: string;
  attempts: number;
  blocked_until: Date | null;
  allowed: boolean;
  updated_at: Timestamp;
}
export interface SessionsTable {
  id: string;
  region_code: string;
  fiscal_year: number;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}
export interface ProjectsTable {
  id: Generated<number>;
  region_code: string;
  fiscal_year: number;
  dept_code: string;
  unit_code: string;
  unit_name: string;
  name: string;
  category: string;
  money_unit: string;
  budget: Numeric;
  indicator_count: number;
  status: string;
  kind: string;
  version_no: number;
  approved_version_no: number | null;
  return_reason: string | null;
  row_version: Generated<number>;
  /** Review level the submission waits at (1-based; 0 when not submitted). Migration 0004. */
  review_level: Generated<number>;
  /** True once a reviewer of the current level opened the submission (no 撤回 after). */
  level_opened: Generated<boolean>;
  voided_at: NullableTimestamp;
  void_reason: string | null;
  adjust_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface TableVersionsTable {
  region_code: string;
  fiscal_year: number;
  project_id: number;
  version_no: number;
  kind: string;
  status: string;
  doc: Json;
  created_at: Timestamp;
  created_by: string;
  submitted_at: NullableTimestamp;
  approved_at: NullableTimestamp;
  approved_by: string | null;
  return_reason: string | null;
  /** 说明 typed for advisory findings at submission (migration 0004). */
  explanation: string | null;
  adjust_reason: string | null;
  submitted_by: string | null;
}
export interface IndicatorsTable {
  region_code: string;
  fiscal_year: number;
  project_id: number;
  version_no: number;
  idx: number;
  level1: string;
  level2: string;
  name: string;
  nature: string;
  operator: string | null;
  target: string;
  unit: string | null;
  /** null when the table prints no weight (migration 0004). */
  weight: Numeric | null;
}
export interface SelfEvaluationsTable {
  region_code: string;
  fiscal_year: number;
  project_id: number;
  version_no: number;
  input: Json;
  result: Json | null;
  updated_at: Timestamp;
  updated_by: string;
  /** The campaign (migration 0007): round, workflow status, texts, funding split. */
  round_id: number | null;
  /** draft | submitted | returned | accepted */
  status: Generated<string>;
  return_reason: string | null;
  problems: string | null;
  conclusion: string | null;
  funding: Json | null;
  submitted_at: NullableTimestamp;
  submitted_by: string | null;
  reviewed_at: NullableTimestamp;
  reviewed_by: string | null;
}
/** 佐证材料 (migration 0008): the bytes in the database, the type found by magic bytes. */
export interface EvidenceFilesTable {
  id: Generated<number>;
  region_code: string;
  fiscal_year: number;
  project_id: number;
  indicator_id: string | null;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: Timestamp;
}
/** A published self-evaluation result (migration 0008), shown beside the department's 表12. */
export interface SelfEvaluationResultsTable {
  region_code: string;
  fiscal_year: number;
  project_id: number;
  dept_code: string;
  unit_code: string;
  round_id: number | null;
  result: Json;
  published_by: string;
  published_at: Timestamp;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
  withdraw_reason: string | null;
}
export interface CommentsTable {
  id: Generated<number>;
  region_code: string;
  fiscal_year: number;
  project_id: number;
  version_no: number;
  cell: string;
  body: string;
  author: string;
  created_at: Timestamp;
  /** Stable indicator id and field the comment is anchored to (migration 0004). */
  indicator_id: string | null;
  field: string | null;
  /** The anchor in the table's own words when written (`#8 退休人员体检覆盖率 · 目标值`). */
  label: string | null;
  parent_id: number | null;
  resolved_at: NullableTimestamp;
  resolved_by: string | null;
}
export interface ImportPreviewsTable {
  id: string;
  region_code: string;
  fiscal_year: number;
  user_id: number;
  file_name: string;
  document: Json | null;
  diagnostics: Json;
  created_at: Timestamp;
  committed_at: NullableTimestamp;
}
export interface PublicationsTable {
  id: Generated<number>;
  region_code: string;
  fiscal_year: number;
  dept_code: string;
  dept_name: string;
  project_count: number;
  document: Json;
  published_at: Timestamp;
  published_by: string;
  /** The one current publication of its department-year (migration 0004). */
  current: Generated<boolean>;
  replaced_by: number | null;
  withdrawn_at: NullableTimestamp;
  withdraw_reason: string | null;
}
/** Every workflow step of a project's versions: the timeline (migration 0004). */
export interface ReviewStepsTable {
  id: Generated<number>;
  region_code: string;
  fiscal_year: number;
  project_id: number;
  version_no: number;
  level: number;
  action: string;
  actor: string;
  reason: string | null;
  at: Timestamp;
}
export interface RegionSettingsTable {
  region_code: string;
  key: string;
  value: Json;
  updated_at: Timestamp;
  updated_by: string;
}
export interface NoticesTable {
  id: Generated<number>;
  region_code: string;
  fiscal_year: number;
  project_id: number;
  unit_code: string;
  /** "unit" (the unit's staff) or "level:N" (reviewers of review level N). */
  audience: string;
  kind: string;
  message: string;
  actor: string;
  at: Timestamp;
}
export interface AuditLogTable {
  id: Generated<number>;
  region_code: string;
  fiscal_year: number;
  at: Timestamp;
  user_id: number | null;
  username: string;
  action: string;
  entity: string;
  entity_id: string;
  before: Json | null;
  after: Json | null;
}

export interface ProjectCountsTable {
  region_code: string;
  fiscal_year: number;
  unit_code: string;
  status: string;
  n: number;
}
/** A monitoring round (绩效运行监控, migration 0006). */
export interface MonitoringRoundsTable {
  id: Generated<number>;
  region_code: string;
  fiscal_year: number;
  /** "region" (opened by the finance bureau) or "department" (dept_code set). */
  scope: string;
  dept_code: string | null;
  as_of_month: number;
  due_date: string | null;
  /** Monitoring policy preset of the lights. */
  policy: string;
  opened_by: string;
  opened_at: Timestamp;
}
/** One project's monitoring table in a round (migration 0006). */
export interface MonitoringReportsTable {
  id: Generated<number>;
  region_code: string;
  fiscal_year: number;
  round_id: number;
  project_id: number;
  dept_code: string;
  unit_code: string;
  /** The approved version the report reads. */
  version_no: number;
  /** draft | submitted | accepted | returned */
  status: string;
  /** core's MonitoredProject (approved targets + the unit's entries). */
  input: Json;
  /** core's ProjectMonitor. */
  result: Json;
  row_version: Generated<number>;
  return_reason: string | null;
  /** 暂缓拨款 | 整改 | null */
  decision: string | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  submitted_at: NullableTimestamp;
  submitted_by: string | null;
  reviewed_at: NullableTimestamp;
  reviewed_by: string | null;
  updated_at: Timestamp;
  updated_by: string;
}
/** A self-evaluation round (migration 0007). */
export interface EvaluationRoundsTable {
  id: Generated<number>;
  region_code: string;
  fiscal_year: number;
  /** "region" (opened by the finance bureau) or "department" (dept_code set). */
  scope: string;
  dept_code: string | null;
  due_date: string;
  opened_by: string;
  opened_at: Timestamp;
}
/** The finance bureau's 抽评 of one self-evaluation (migration 0007). */
export interface SpotChecksTable {
  region_code: string;
  fiscal_year: number;
  project_id: number;
  round_id: number;
  sampled_by: string;
  sampled_at: Timestamp;
  seed: string | null;
  /** The finance bureau's actuals (SelfEvaluationInput) once entered. */
  input: Json | null;
  /** Its ProjectScore. */
  result: Json | null;
  /** compareSpotCheck rows. */
  differences: Json | null;
  beyond: Generated<boolean>;
  checked_by: string | null;
  checked_at: NullableTimestamp;
}
/** A 整改 task (migration 0007). */
export interface RectificationsTable {
  id: Generated<number>;
  region_code: string;
  fiscal_year: number;
  project_id: number;
  round_id: number | null;
  dept_code: string;
  unit_code: string;
  grade: string | null;
  text: string;
  deadline: string;
  auto: Generated<boolean>;
  /** open | done */
  status: Generated<string>;
  created_by: string;
  created_at: Timestamp;
  done_note: string | null;
  done_by: string | null;
  done_at: NullableTimestamp;
}

export interface DB {
  project_counts: ProjectCountsTable;
  regions: RegionsTable;
  departments: DepartmentsTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  auth_throttle: AuthThrottleTable;
  projects: ProjectsTable;
  table_versions: TableVersionsTable;
  indicators: IndicatorsTable;
  self_evaluations: SelfEvaluationsTable;
  comments: CommentsTable;
  import_previews: ImportPreviewsTable;
  publications: PublicationsTable;
  audit_log: AuditLogTable;
  review_steps: ReviewStepsTable;
  region_settings: RegionSettingsTable;
  notices: NoticesTable;
  monitoring_rounds: MonitoringRoundsTable;
  monitoring_reports: MonitoringReportsTable;
  evaluation_rounds: EvaluationRoundsTable;
  spot_checks: SpotChecksTable;
  rectifications: RectificationsTable;
  evidence_files: EvidenceFilesTable;
  self_evaluation_results: SelfEvaluationResultsTable;
}
