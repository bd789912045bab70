/**
 * 新建项目: name, unit, category, budget, goal — from a blank table, from the indicator library
 * (the editor opens with the library), or 复制上年 (last year's approved table of the unit).
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Form, Input, InputNumber, Modal, Radio, Select } from "antd";
import { useNavigate } from "react-router-dom";
import { qs, request } from "../api/client.ts";
import { fetchAllProjects } from "../api/projects.ts";
import type { Indicator, Project, ProjectDetail, Unit, VersionSummary } from "../api/types.ts";
import { useLang } from "../i18n.tsx";
import { useSession } from "../session.tsx";
import { errorText } from "./error-view.tsx";
import { CATEGORIES } from "./project-categories.ts";

export { CATEGORIES } from "./project-categories.ts";

const NAME_MAX = 100;
const GOAL_MAX = 2000;

interface Values {
  source: "blank" | "library" | "last-year";
  lastYearId?: number;
  name: string;
  unitCode: string;
  category: string;
  budget: number;
  goal: string;
}

export function NewProjectDialog({ onClose }: { onClose: () => void }) {
  const { t, lang } = useLang();
  const { fiscalYear, deptCode } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch("source", form) ?? "blank";
  const unitCode = Form.useWatch("unitCode", form);
  const units = useQuery({
    queryKey: ["units", fiscalYear, deptCode],
    queryFn: () => request<{ items: Unit[] }>(`/units${qs({ fiscalYear, deptCode })}`),
  });
  const lastYear = useQuery({
    queryKey: ["projects", fiscalYear - 1, unitCode, "approved-for-copy"],
    queryFn: () => fetchAllProjects({ fiscalYear: fiscalYear - 1, unitCode }),
    enabled: source === "last-year" && Boolean(unitCode),
  });
  const create = useMutation({
    mutationFn: async (v: Values) => {
      const unit = units.data?.items.find((u) => u.code === v.unitCode);
      let indicators: Indicator[] = [];
      let goal = v.goal ?? "";
      if (v.source === "last-year" && v.lastYearId) {
        const prev = await request<ProjectDetail>(`/projects/${v.lastYearId}`);
        const table = prev.approvedVersionNo
          ? (
              await request<VersionSummary & { table: Project }>(
                `/projects/${prev.id}/versions/${prev.approvedVersionNo}`,
              )
            ).table
          : prev.table;
        indicators = table.indicators.map(({ actual: _a, grade: _g, ...i }) => ({ ...i }));
        if (!goal.trim()) goal = table.goal;
      }
      const project: Project = {
        name: v.name.trim(),
        unitCode: v.unitCode,
        unitName: unit?.name ?? "",
        category: v.category,
        budget: v.budget ?? 0,
        goal,
        indicators,
      };
      return request<ProjectDetail>("/projects", { body: { fiscalYear, project } });
    },
    onSuccess: (p, v) => {
      onClose();
      navigate(`/projects/${p.id}${v.source === "library" ? "?library=1" : ""}`);
    },
  });
  const lastOptions = (lastYear.data ?? [])
    .filter((p) => p.hasApproved)
    .map((p) => ({ value: p.id, label: `${p.name}（${p.budget} ${p.moneyUnit}）` }));
  return (
    <Modal
      open
      width={640}
      title={t("新建项目", "New project")}
      okText={t("创建", "Create")}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          source: "blank",
          category: CATEGORIES[0],
          budget: 0,
          goal: "",
          unitCode: units.data?.items.length === 1 ? units.data.items[0]?.code : undefined,
        }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="source" label={t("从哪里开始", "Start from")}>
          <Radio.Group
            optionType="button"
            options={[
              { value: "blank", label: t("空白表", "Blank table") },
              { value: "library", label: t("从指标库选指标", "Indicator library") },
              { value: "last-year", label: t("复制上年", "Copy last year") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="unitCode"
          label={t("项目单位", "Unit")}
          rules={[{ required: true, message: t("请选择单位", "Choose a unit") }]}
        >
          <Select
            aria-label={t("项目单位", "Unit")}
            showSearch={{ optionFilterProp: "label" }}
            options={(units.data?.items ?? []).map((u) => ({ value: u.code, label: `${u.code}-${u.name}` }))}
          />
        </Form.Item>
        {source === "last-year" ? (
          <Form.Item
            name="lastYearId"
            label={t(`${fiscalYear - 1} 年已批复的项目`, `Approved in ${fiscalYear - 1}`)}
            rules={[{ required: true, message: t("请选择上年项目", "Choose last year's project") }]}
            extra={
              unitCode && lastYear.data && lastOptions.length === 0
                ? t("该单位上年没有已批复的项目", "No approved project of this unit last year")
                : undefined
            }
          >
            <Select
              aria-label={t("上年项目", "Last year's project")}
              loading={lastYear.isLoading}
              options={lastOptions}
              onChange={(id: number) => {
                const p = lastYear.data?.find((x) => x.id === id);
                if (p && !form.getFieldValue("name")) form.setFieldsValue({ name: p.name, category: p.category });
              }}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="name"
          label={t("项目名称", "Project name")}
          rules={[
            { required: true, whitespace: true, message: t("请填写项目名称", "A name is required") },
            { max: NAME_MAX, message: t(`项目名称不能超过 ${NAME_MAX} 个字`, `At most ${NAME_MAX} characters`) },
          ]}
        >
          <Input aria-label={t("项目名称", "Project name")} showCount maxLength={NAME_MAX + 20} />
        </Form.Item>
        <Form.Item name="category" label={t("项目类别", "Category")} rules={[{ required: true }]}>
          <Select aria-label={t("项目类别", "Category")} options={CATEGORIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item
          name="budget"
          label={t("预算数（万元）", "Budget (万元)")}
          rules={[
            { required: true, message: t("请填写预算数", "A budget is required") },
            {
              type: "number",
              min: 0,
              max: 1e9,
              message: t("预算数须为 0 至 10 亿之间的数字", "The budget is a number from 0 to 1e9"),
            },
          ]}
        >
          <InputNumber aria-label={t("预算数", "Budget")} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="goal"
          label={t("年度绩效目标", "Annual goal")}
          rules={[{ max: GOAL_MAX, message: t(`不能超过 ${GOAL_MAX} 个字`, `At most ${GOAL_MAX} characters`) }]}
        >
          <Input.TextArea aria-label={t("年度绩效目标", "Annual goal")} rows={3} showCount maxLength={GOAL_MAX + 50} />
        </Form.Item>
        {create.error ? <Alert type="error" showIcon title={errorText(create.error, lang)} /> : null}
      </Form>
    </Modal>
  );
}
