/**
 * The project-level fields above the indicator table: name, unit, category, budget, the
 * weight total against 90, and the annual goal — inputs when editable, text otherwise.
 */
import { useQuery } from "@tanstack/react-query";
import { Descriptions, Input, InputNumber, Progress, Select } from "antd";
import type { Dispatch, SetStateAction } from "react";
import { qs, request } from "../../api/client.ts";
import type { Project, ProjectDetail, Unit } from "../../api/types.ts";
import { CATEGORIES } from "../../components/project-categories.ts";
import { useLang } from "../../i18n.tsx";
import type { WeightSummary } from "../../lib/weights.ts";
import { useSession } from "../../session.tsx";

/** The weight total a complete 表12 reaches. */
export const EXPECTED_TOTAL = 90;

interface Props {
  detail: ProjectDetail;
  draft: Project;
  setDraft: Dispatch<SetStateAction<Project>>;
  editable: boolean;
  weights: WeightSummary;
  /**
   * False for the editor's first paint: the values as text in the same grid (no antd Select,
   * InputNumber or auto-sized TextArea to mount yet); the inputs replace them right after.
   */
  controls?: boolean;
}

export function ProjectFields({ detail, draft, setDraft, editable: canEdit, weights, controls = true }: Props) {
  const editable = canEdit && controls;
  const { t } = useLang();
  const { fiscalYear, deptCode } = useSession();
  const units = useQuery({
    queryKey: ["units", fiscalYear, deptCode],
    queryFn: () => request<{ items: Unit[] }>(`/units${qs({ fiscalYear: detail.fiscalYear, deptCode })}`),
    enabled: canEdit && !detail.hasApproved,
  });
  const weightOk = weights.missing === 0;
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 12 }}>
      {canEdit ? (
        <Descriptions.Item label={t("项目名称", "Project name")} span={2}>
          {controls ? (
            <Input
              aria-label={t("项目名称", "Project name")}
              size="small"
              value={draft.name}
              status={draft.name.trim() && draft.name.length <= 100 ? undefined : "error"}
              onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
            />
          ) : (
            draft.name
          )}
          {draft.name.length > 100 ? (
            <div className="jx-finding error">
              {t(`项目名称不能超过 100 个字（现有 ${draft.name.length} 个字）`, "At most 100 characters")}
            </div>
          ) : null}
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t("项目单位", "Unit")}>
        {editable && !detail.hasApproved && (units.data?.items.length ?? 0) > 1 ? (
          <Select
            aria-label={t("项目单位", "Unit")}
            size="small"
            style={{ minWidth: 220 }}
            value={draft.unitCode}
            options={(units.data?.items ?? []).map((u) => ({ value: u.code, label: `${u.code}-${u.name}` }))}
            onChange={(code: string) =>
              setDraft((d) => ({
                ...d,
                unitCode: code,
                unitName: units.data?.items.find((u) => u.code === code)?.name ?? d.unitName,
              }))
            }
          />
        ) : (
          `${draft.unitCode}-${draft.unitName}`
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t("项目类别", "Category")}>
        {editable ? (
          <Select
            aria-label={t("项目类别", "Category")}
            size="small"
            style={{ minWidth: 140 }}
            value={draft.category}
            options={[...new Set([draft.category, ...CATEGORIES])].map((c) => ({ value: c, label: c }))}
            onChange={(c: string) => setDraft((d) => ({ ...d, category: c }))}
          />
        ) : (
          draft.category
        )}
      </Descriptions.Item>
      <Descriptions.Item label={`${t("预算数", "Budget")}（${detail.moneyUnit}）`}>
        {editable ? (
          <InputNumber
            aria-label={t("预算数", "Budget")}
            size="small"
            value={draft.budget}
            precision={2}
            min={0}
            max={1e9}
            status={draft.budget >= 0 && draft.budget <= 1e9 ? undefined : "error"}
            onChange={(v) => setDraft((d) => ({ ...d, budget: Number(v ?? 0) }))}
          />
        ) : (
          draft.budget.toFixed(2)
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t("分值合计", "Weight total")}>
        <span className={weightOk ? "jx-weight-ok" : "jx-weight-bad"} data-testid="weight-total">
          {weights.total} / {EXPECTED_TOTAL}
        </span>
        <Progress
          percent={Math.min(100, (weights.total / EXPECTED_TOTAL) * 100)}
          size="small"
          showInfo={false}
          status={weightOk ? "success" : weights.total > EXPECTED_TOTAL ? "exception" : "active"}
          aria-label={t("分值合计进度", "Weight total progress")}
        />
        <div style={{ fontSize: 12, color: "#595959" }}>
          {weights.byLevel1.map((g) => `${g.level1.replace("指标", "")} ${g.total}`).join(" · ")}
        </div>
      </Descriptions.Item>
      <Descriptions.Item label={t("年度绩效目标", "Annual goal")} span={4}>
        {editable ? (
          <Input.TextArea
            aria-label={t("年度绩效目标", "Annual goal")}
            autoSize={{ minRows: 2, maxRows: 6 }}
            value={draft.goal}
            onChange={(e) => setDraft((d) => ({ ...d, goal: e.target.value }))}
          />
        ) : (
          draft.goal
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
