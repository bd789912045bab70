/**
 * The server's checks before a table moves on: input limits (core's LIMITS), one name per unit
 * and year, and the review gate — findings that block 提交/批复 and findings that need a 说明.
 */
import { type Finding, LIMITS, limitViolations, type MoneyUnit, type Project, review } from "@jixiao/core";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { type CheckPolicy, gateOf } from "../review-settings.ts";

/** The engine's findings on one project's table. */
export function reviewTable(table: Project, moneyUnit: MoneyUnit, fiscalYear: number): Finding[] {
  return review({ format: "jixiao.targets/1", moneyUnit, fiscalYear, projects: [table] });
}

const FIELD_ZH: Record<string, string> = {
  name: "名称",
  unitName: "单位名称",
  unitCode: "单位编码",
  category: "项目类别",
  goal: "年度绩效目标",
  budget: "预算数",
  executed: "全年执行数",
  initialBudget: "年初预算数",
  indicators: "指标",
  target: "指标值",
  unit: "计量单位",
  weight: "分值",
  actual: "实际完成值",
  standard: "绩效标准",
  deviationReason: "偏差原因",
  level1Label: "一级指标",
  level2Label: "二级指标",
};

/**
 * Refuses a table beyond the input limits with human messages (field names in the table's words):
 * `validation.limits` with every violation in details.
 */
export function checkLimits(table: Project): void {
  const v = limitViolations({ format: "jixiao.targets/1", moneyUnit: "万元", projects: [table] });
  if (v.length === 0) return;
  const human = v.map((x) => {
    const where =
      x.indicatorIndex === null
        ? ""
        : `第 ${x.indicatorIndex + 1} 个指标「${table.indicators[x.indicatorIndex]?.name ?? ""}」的`;
    const field = FIELD_ZH[x.field] ?? x.field;
    if (x.limit === "moneyMax") return `${where}${field}应在 0 至 ${LIMITS.moneyMax} 之间（现为 ${x.found}）`;
    if (x.limit === "weightMax") return `${where}${field}应在 0 至 ${LIMITS.weightMax} 之间（现为 ${x.found}）`;
    if (x.limit === "indicatorsPerProject") return `指标不能超过 ${x.max} 个（现有 ${x.found} 个）`;
    return `${where}${field}不能超过 ${x.max} 个字（现有 ${x.found} 个字）`;
  });
  throw new AppError("validation.limits", human.join("；"), v.map((x) => x.messageEn).join("; "), {
    violations: v.map((x, i) => ({ ...x, message: human[i] })),
  });
}

/** Refuses a second project of the same name in one unit and year (`conflict.exists`, 409). */
export async function checkUniqueName(
  db: Kysely<DB>,
  p: { regionCode: string; fiscalYear: number; unitCode: string; name: string; exceptId?: number },
): Promise<void> {
  let q = db
    .selectFrom("projects")
    .select("id")
    .where("region_code", "=", p.regionCode)
    .where("fiscal_year", "=", p.fiscalYear)
    .where("unit_code", "=", p.unitCode)
    .where("name", "=", p.name);
  if (p.exceptId !== undefined) q = q.where("id", "<>", p.exceptId);
  const other = await q.executeTakeFirst();
  if (other) throw duplicateName(p.name, p.fiscalYear, other.id);
}

export const duplicateName = (name: string, fiscalYear: number, id?: number): AppError =>
  new AppError(
    "conflict.exists",
    `本单位 ${fiscalYear} 年度已有名为「${name}」的项目，请换一个名称`,
    `This unit already has a project named "${name}" in ${fiscalYear}; choose another name`,
    { field: "name", ...(id === undefined ? {} : { projectId: id }) },
  );

/**
 * The review gate of 提交/批复: refuses (`workflow.blocked`, with the findings) while any finding
 * blocks; then, when findings need a 说明 and none was written, `workflow.explanation-required`
 * with those findings. Returns the findings that were explained.
 */
export function gate(findings: Finding[], checks: CheckPolicy, explanation: string | null | undefined): Finding[] {
  const blocking = findings.filter((f) => gateOf(f, checks) === "block");
  if (blocking.length > 0)
    throw new AppError(
      "workflow.blocked",
      `表中有 ${blocking.length} 处必须修改的问题（强制审核），改正后才能提交或批复`,
      `${blocking.length} finding(s) must be fixed before the table can be submitted or approved`,
      { findings: blocking },
    );
  const explain = findings.filter((f) => gateOf(f, checks) === "explain");
  if (explain.length > 0 && !explanation?.trim())
    throw new AppError(
      "workflow.explanation-required",
      `表中有 ${explain.length} 处提示性问题，请填写说明后再提交`,
      `${explain.length} advisory finding(s) need a written explanation`,
      { findings: explain },
    );
  return explain;
}
