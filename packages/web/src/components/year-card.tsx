/**
 * 预算年度 (admin): open a new year, and roll the organisation (departments, units; users keep
 * their scopes) over from one year to the next after a preview.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, InputNumber, List, Modal, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { request } from "../api/client.ts";
import { useLang } from "../i18n.tsx";
import { useSession } from "../session.tsx";
import { errorText } from "./error-view.tsx";
import { useFiscalYears } from "./shell/use-fiscal-years.ts";

interface Plan {
  from: number;
  to: number;
  departments: { code: string; name: string; exists: boolean }[];
  units: { code: string; deptCode: string; name: string; exists: boolean }[];
  usersWithoutScope: { username: string; role: string }[];
  usersKept: number;
}

export function YearCard() {
  const { t, lang } = useLang();
  const { fiscalYear, setFiscalYear } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const years = useFiscalYears();
  const [newYear, setNewYear] = useState<number | null>(Math.max(...years) + 1);
  const [plan, setPlan] = useState<Plan | null>(null);
  const open = useMutation({
    mutationFn: (y: number) => request<{ items: number[] }>("/fiscal-years", { body: { fiscalYear: y } }),
    onSuccess: () => {
      message.success(t("已新建年度", "Year opened"));
      qc.invalidateQueries({ queryKey: ["fiscal-years"] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const preview = useMutation({
    mutationFn: () => request<Plan>(`/org/rollover?from=${fiscalYear}&to=${fiscalYear + 1}`),
    onSuccess: setPlan,
    onError: (e) => message.error(errorText(e, lang)),
  });
  const roll = useMutation({
    mutationFn: () => request<Plan>("/org/rollover", { body: { from: fiscalYear, to: fiscalYear + 1 } }),
    onSuccess: (p) => {
      setPlan(null);
      message.success(t(`已结转到 ${p.to} 年度`, `Rolled over to ${p.to}`));
      qc.invalidateQueries({ queryKey: ["fiscal-years"] });
      qc.invalidateQueries({ queryKey: ["departments"] });
      qc.invalidateQueries({ queryKey: ["units"] });
      setFiscalYear(p.to);
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const copied =
    (plan?.departments.filter((d) => !d.exists).length ?? 0) + (plan?.units.filter((u) => !u.exists).length ?? 0);
  return (
    <Card title={t("预算年度", "Fiscal years")} size="small" data-testid="year-card">
      <Space wrap style={{ marginBottom: 8 }}>
        {years.map((y) => (
          <Tag key={y} color={y === fiscalYear ? "blue" : undefined}>
            {t(`${y} 年度`, `FY ${y}`)}
          </Tag>
        ))}
      </Space>
      <Space wrap>
        <InputNumber
          aria-label={t("新年度", "New year")}
          min={2000}
          max={2200}
          value={newYear}
          onChange={(v) => setNewYear(v)}
        />
        <Button disabled={!newYear} loading={open.isPending} onClick={() => newYear && open.mutate(newYear)}>
          {t("新建年度", "Open year")}
        </Button>
        <Button type="primary" loading={preview.isPending} onClick={() => preview.mutate()}>
          {t(
            `将 ${fiscalYear} 年度的部门和单位结转到 ${fiscalYear + 1} 年度…`,
            `Roll ${fiscalYear} over to ${fiscalYear + 1}…`,
          )}
        </Button>
      </Space>
      {plan ? (
        <Modal
          open
          width={720}
          title={t(`结转预览：${plan.from} → ${plan.to} 年度`, `Rollover preview: ${plan.from} → ${plan.to}`)}
          okText={t("确认结转", "Roll over")}
          cancelText={t("取消", "Cancel")}
          confirmLoading={roll.isPending}
          onOk={() => roll.mutate()}
          onCancel={() => setPlan(null)}
        >
          <Typography.Paragraph data-testid="rollover-summary">
            {t(
              `将新建 ${copied} 个部门和单位（已存在的保留不变）；${plan.usersKept} 个用户的权限范围在新年度继续有效。`,
              `${copied} departments and units will be created (existing ones are kept); ${plan.usersKept} users keep their scope.`,
            )}
          </Typography.Paragraph>
          <List
            size="small"
            bordered
            dataSource={[
              ...plan.departments.map((d) => ({
                key: `d${d.code}`,
                text: `${t("部门", "Department")} ${d.code} ${d.name}`,
                exists: d.exists,
              })),
              ...plan.units.map((u) => ({
                key: `u${u.code}`,
                text: `${t("单位", "Unit")} ${u.code} ${u.name}`,
                exists: u.exists,
              })),
            ]}
            renderItem={(i) => (
              <List.Item>
                {i.text} {i.exists ? <Tag>{t("已存在", "exists")}</Tag> : <Tag color="green">{t("将新建", "new")}</Tag>}
              </List.Item>
            )}
          />
          {plan.usersWithoutScope.length ? (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              title={t(
                "以下用户在新年度没有对应的部门或单位",
                "These users have no department or unit in the new year",
              )}
              description={plan.usersWithoutScope.map((u) => u.username).join("、")}
            />
          ) : null}
        </Modal>
      ) : null}
    </Card>
  );
}
