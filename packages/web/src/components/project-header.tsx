/**
 * The project's own fields as the review page shows them — unit, category, 预算数, 年度绩效目标 —
 * with the ones changed since the compared version marked in place (old value struck through).
 */
import { Descriptions } from "antd";
import type { Project } from "../api/types.ts";
import { useLang } from "../i18n.tsx";

export function ProjectHeader({ table, before, moneyUnit }: { table: Project; before?: Project; moneyUnit: string }) {
  const { t } = useLang();
  const cell = (now: string, old: string | undefined, testId: string) =>
    old !== undefined && old !== now ? (
      <span className="jx-changed" data-testid={`changed-${testId}`}>
        <span className="jx-removed">{old}</span> → <span className="jx-added">{now}</span>
      </span>
    ) : (
      <span data-testid={`field-${testId}`}>{now}</span>
    );
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t("项目名称", "Project")}>{cell(table.name, before?.name, "name")}</Descriptions.Item>
      <Descriptions.Item label={t("项目单位", "Unit")}>
        {cell(
          `${table.unitCode}-${table.unitName}`,
          before ? `${before.unitCode}-${before.unitName}` : undefined,
          "unit",
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t("项目类别", "Category")}>
        {cell(table.category, before?.category, "category")}
      </Descriptions.Item>
      <Descriptions.Item label={`${t("预算数", "Budget")}（${moneyUnit}）`}>
        {cell(table.budget.toFixed(2), before?.budget.toFixed(2), "budget")}
      </Descriptions.Item>
      <Descriptions.Item label={t("年度绩效目标", "Annual goal")} span={4}>
        {cell(table.goal, before?.goal, "goal")}
      </Descriptions.Item>
    </Descriptions>
  );
}
