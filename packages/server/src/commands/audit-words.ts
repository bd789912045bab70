/**
 * The audit log in words: every action, object and field an entry can carry, in Chinese and
 * English. The API presents entries through it and the xlsx export prints it, so a reader never
 * sees `workflow.approve`, a field path or raw JSON. Unknown codes read as 其他操作 / 其他字段.
 */
import { type FieldWords, OTHER_FIELD_WORDS, TABLE_FIELD_WORDS } from "@jixiao/core";

type W = FieldWords;

export const AUDIT_ACTION_WORDS: Record<string, W> = {
  "project.create": ["新建项目", "Created the project"],
  "project.delete": ["删除项目", "Deleted the project"],
  "table.update": ["修改目标表", "Edited the table"],
  "workflow.submit": ["提交审核", "Submitted"],
  "workflow.open": ["打开审核", "Opened for review"],
  "workflow.approve": ["批复通过", "Approved"],
  "workflow.return": ["退回修改", "Returned"],
  "workflow.withdraw": ["撤回提交", "Withdrew"],
  "workflow.adjust": ["发起调整", "Started an adjustment"],
  "workflow.void": ["作废", "Voided"],
  "comment.create": ["添加批注", "Commented"],
  "comment.resolve": ["批注标为已处理", "Resolved a comment"],
  "comment.reopen": ["重新打开批注", "Reopened a comment"],
  "publication.create": ["公开发布", "Published"],
  "publication.withdraw": ["撤回公开", "Withdrew a publication"],
  "selfEvaluation.save": ["保存自评", "Saved the self-evaluation"],
  "selfEvaluation.submit": ["提交自评", "Submitted the self-evaluation"],
  "selfEvaluation.review": ["审核自评", "Reviewed the self-evaluation"],
  "selfEvaluation.return": ["退回自评", "Returned the self-evaluation"],
  "selfEvaluation.accept": ["自评审核通过", "Accepted the self-evaluation"],
  "selfEvaluation.openRound": ["发起自评轮次", "Opened a self-evaluation round"],
  "selfEvaluation.sample": ["抽取抽查项目", "Drew projects for spot checks"],
  "selfEvaluation.spotCheck": ["抽查复核", "Spot-checked"],
  "selfEvaluation.joinRound": ["加入自评轮次", "Joined a self-evaluation round"],
  "selfEvaluation.publish": ["公开自评结果", "Published self-evaluation results"],
  "selfEvaluation.withdrawPublished": ["撤回公开的自评结果", "Withdrew published self-evaluation results"],
  "selfEvaluation.policy": ["修改自评评分规则", "Changed the self-evaluation scoring policy"],
  "evidence.upload": ["上传佐证材料", "Uploaded evidence"],
  "evidence.delete": ["删除佐证材料", "Deleted evidence"],
  "rectification.create": ["下达整改", "Asked for rectification"],
  "rectification.done": ["整改完成", "Rectified"],
  "monitoring.open": ["发起运行监控", "Opened a monitoring round"],
  "monitoring.save": ["保存监控表", "Saved a monitoring table"],
  "monitoring.submit": ["提交监控表", "Submitted a monitoring table"],
  "monitoring.accept": ["监控表审核通过", "Accepted a monitoring table"],
  "monitoring.return": ["退回监控表", "Returned a monitoring table"],
  "monitoring.decide": ["作出监控处理决定", "Decided on a monitoring table"],
  "settings.review": ["修改审核设置", "Changed the review settings"],
  "department.create": ["新增部门", "Added a department"],
  "unit.create": ["新增单位", "Added a unit"],
  "user.create": ["新增用户", "Added a user"],
  "user.update": ["修改用户", "Changed a user"],
  "user.password": ["修改密码", "Changed a password"],
  "fiscal-year.open": ["开启预算年度", "Opened a fiscal year"],
  "org.rollover": ["结转部门与单位", "Rolled the departments and units over"],
};

export const AUDIT_ENTITY_WORDS: Record<string, W> = {
  project: ["项目", "Project"],
  user: ["用户", "User"],
  department: ["部门", "Department"],
  unit: ["单位", "Unit"],
  publication: ["公开发布", "Publication"],
  region: ["本区划", "The region"],
  monitoring_round: ["监控轮次", "Monitoring round"],
  monitoring_report: ["监控表", "Monitoring table"],
  evaluation_round: ["自评轮次", "Self-evaluation round"],
};

/** Fields of the entries' before/after and of a project's table. */
export const AUDIT_FIELD_WORDS: Record<string, W> = {
  // the table: the printed 表12 columns (core's one table of field words)
  ...TABLE_FIELD_WORDS,
  // entries of departments, units and users carry names and identities of their own
  name: ["名称", "Name"],
  id: ["标识", "Identity"],
  // workflow and the rest
  status: ["状态", "Status"],
  versionNo: ["版本", "Version"],
  level: ["审核层级", "Review level"],
  reason: ["原因", "Reason"],
  explanation: ["说明", "Explanation"],
  project: ["项目", "Project"],
  table: ["目标表", "Table"],
  input: ["填报内容", "Entries"],
  total: ["总分", "Total score"],
  decision: ["处理决定", "Decision"],
  label: ["批注位置", "Comment place"],
  body: ["批注内容", "Comment"],
  parentId: ["回复的批注", "In reply to"],
  commentId: ["批注", "Comment"],
  deptCode: ["部门编码", "Department code"],
  projectCount: ["项目数", "Projects"],
  projects: ["项目数", "Projects"],
  username: ["用户名", "User name"],
  displayName: ["姓名", "Name"],
  role: ["角色", "Role"],
  regionCode: ["区划编码", "Region code"],
  disabled: ["停用", "Disabled"],
  from: ["自", "From"],
  to: ["至", "To"],
  departments: ["部门数", "Departments"],
  units: ["单位数", "Units"],
  chain: ["审核层级设置", "Review chain"],
  checks: ["提交检查设置", "Submission checks"],
  executionLight: ["执行进度灯", "Execution light"],
  lights: ["指标灯", "Indicator lights"],
  asOfMonth: ["截至月份", "As of month"],
  scope: ["范围", "Scope"],
  dueDate: ["截止日期", "Due date"],
  fiscalYear: ["预算年度", "Fiscal year"],
  policy: ["监控规则", "Monitoring rules"],
  policySettings: ["监控规则设置", "Monitoring rule settings"],
  thresholds: ["亮灯阈值", "Light thresholds"],
  red: ["红灯", "Red"],
  yellow: ["黄灯", "Yellow"],
  green: ["绿灯", "Green"],
  executionForecastFloor: ["预计执行率下限", "Forecast execution floor"],
  excessRatio: ["超额比例", "Excess ratio"],
  extends: ["基于规则", "Based on"],
  openedBy: ["发起人", "Opened by"],
  openedAt: ["发起时间", "Opened at"],
  roundId: ["轮次", "Round"],
  projectId: ["项目", "Project"],
  rowVersion: ["修改次数", "Edits"],
};

/** Values that are codes themselves (statuses, roles), in words. */
export const AUDIT_VALUE_WORDS: Record<string, W> = {
  draft: ["草稿", "Draft"],
  submitted: ["已提交", "Submitted"],
  approved: ["已批复", "Approved"],
  returned: ["已退回", "Returned"],
  voided: ["已作废", "Voided"],
  accepted: ["已通过", "Accepted"],
  unit_staff: ["单位填报人员", "Unit staff"],
  dept_reviewer: ["部门审核人员", "Department reviewer"],
  finance_reviewer: ["财政审核人员", "Finance reviewer"],
  admin: ["系统管理员", "Administrator"],
  region: ["全区划", "The region"],
  department: ["部门", "A department"],
  green: ["绿灯", "Green"],
  yellow: ["黄灯", "Yellow"],
  red: ["红灯", "Red"],
  default: ["默认规则", "Default"],
  strict: ["从严规则", "Strict"],
};

export function actionWords(action: string): W {
  return AUDIT_ACTION_WORDS[action] ?? ["其他操作", "Other action"];
}

export function fieldWords(key: string): W {
  return AUDIT_FIELD_WORDS[key] ?? OTHER_FIELD_WORDS;
}

export function entityWords(entity: string): W {
  return AUDIT_ENTITY_WORDS[entity] ?? ["其他对象", "Other object"];
}
