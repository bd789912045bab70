/**
 * 运行监控: the rounds of the fiscal year the user may see (with their tables counted by status)
 * and, for the finance bureau or a department, opening a new round (截至月份, 报送截止日期).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, DatePicker, Form, InputNumber, Radio, Space, Table, Typography } from "antd";
import { Link, useNavigate } from "react-router-dom";
import { request } from "../../api/client.ts";
import { ErrorView, errorText } from "../../components/error-view.tsx";
import { useLang } from "../../i18n.tsx";
import { useSession } from "../../session.tsx";
import type { RoundSummary } from "./types.ts";
import { STATUS_WORDS, word } from "./words.ts";

export default function MonitoringRoundsPage() {
  const { t, lang } = useLang();
  const { user, fiscalYear } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const rounds = useQuery({
    queryKey: ["monitoring-rounds", fiscalYear],
    queryFn: () => request<{ items: RoundSummary[] }>(`/monitoring/rounds?fiscalYear=${fiscalYear}`),
  });
  const mayOpenRegion = user?.role === "finance_reviewer" || user?.role === "admin";
  const mayOpenDept = user?.role === "dept_reviewer" || user?.role === "admin";
  const open = useMutation({
    mutationFn: (v: { asOfMonth: number; scope: "region" | "department"; dueDate?: string }) =>
      request<RoundSummary>("/monitoring/rounds", { method: "POST", body: { fiscalYear, ...v } }),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: ["monitoring-rounds"] });
      message.success(t(`已发起截至${r.asOfMonth}月的监控`, `Round as of month ${r.asOfMonth} opened`));
      navigate(`/monitoring/rounds/${r.id}`);
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const statusCols = (["draft", "returned", "submitted", "accepted"] as const).map((s) => ({
    title: word(STATUS_WORDS[s], lang),
    key: s,
    align: "center" as const,
    render: (_: unknown, r: RoundSummary) => r.counts[s],
  }));
  return (
    <div className="jx-page">
      <Space direction="vertical" size={16} style={{ width: "100%" }}>
        <Card
          title={
            <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
              {t("绩效运行监控", "Performance monitoring")} · {t(`${fiscalYear} 年度`, `FY ${fiscalYear}`)}
            </Typography.Title>
          }
        >
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t(
              "按序时进度监控预算执行和绩效目标完成情况（“双监控”）；默认规则：红灯低于 60，黄灯 60–80，绿灯 80 以上。",
              "Budget execution and target completion against the time elapsed; default policy: red below 60, yellow 60–80, green from 80.",
            )}
          </Typography.Paragraph>
          {rounds.error ? <ErrorView error={rounds.error} /> : null}
          <Table<RoundSummary>
            rowKey="id"
            size="small"
            loading={rounds.isLoading}
            dataSource={rounds.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t("本年度尚未发起监控", "No monitoring round this year") }}
            columns={[
              {
                title: t("监控轮次", "Round"),
                key: "name",
                render: (_, r) => (
                  <Link to={`/monitoring/rounds/${r.id}`} data-testid={`round-${r.asOfMonth}`}>
                    {t(`截至 ${r.asOfMonth} 月`, `As of month ${r.asOfMonth}`)}
                  </Link>
                ),
              },
              {
                title: t("发起方", "Opened by"),
                key: "scope",
                render: (_, r) =>
                  r.scope === "region"
                    ? t("财政部门（全区划）", "Finance bureau (region)")
                    : `${t("部门", "Department")} ${r.deptCode}`,
              },
              { title: t("报送截止", "Due"), dataIndex: "dueDate", render: (d: string | null) => d ?? "—" },
              ...statusCols,
              { title: t("执行红灯项目", "Red execution"), dataIndex: "redProjects", align: "center" },
            ]}
          />
        </Card>
        {mayOpenRegion || mayOpenDept ? (
          <Card title={t("发起监控", "Open a monitoring round")}>
            <Form
              layout="inline"
              initialValues={{ asOfMonth: 7, scope: mayOpenRegion ? "region" : "department" }}
              onFinish={(v: {
                asOfMonth: number;
                scope: "region" | "department";
                dueDate?: { format(f: string): string };
              }) => open.mutate({ asOfMonth: v.asOfMonth, scope: v.scope, dueDate: v.dueDate?.format("YYYY-MM-DD") })}
            >
              <Form.Item name="asOfMonth" label={t("截至月份", "As of month")} rules={[{ required: true }]}>
                <InputNumber min={1} max={12} aria-label={t("截至月份", "As of month")} />
              </Form.Item>
              <Form.Item name="scope" label={t("范围", "Scope")}>
                <Radio.Group
                  options={[
                    ...(mayOpenRegion ? [{ value: "region", label: t("全区划", "Region") }] : []),
                    ...(mayOpenDept ? [{ value: "department", label: t("本部门", "My department") }] : []),
                  ]}
                />
              </Form.Item>
              <Form.Item name="dueDate" label={t("报送截止日期", "Due date")}>
                <DatePicker aria-label={t("报送截止日期", "Due date")} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={open.isPending} data-testid="open-round">
                {t("发起监控", "Open round")}
              </Button>
            </Form>
          </Card>
        ) : null}
      </Space>
    </div>
  );
}
