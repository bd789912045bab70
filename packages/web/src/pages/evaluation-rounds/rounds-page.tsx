/**
 * 绩效自评轮次: the rounds of the fiscal year with their progress, and — for the finance bureau
 * (its region) or a department (its own projects) — opening a round with a due date.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, DatePicker, Form, Modal, Progress, Radio, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { request } from "../../api/client.ts";
import type { EvaluationRound, RoundDetail } from "../../api/self-eval-types.ts";
import { ErrorView, errorText } from "../../components/error-view.tsx";
import { useLang } from "../../i18n.tsx";
import { useSession } from "../../session.tsx";

export default function EvaluationRoundsPage() {
  const { t, lang } = useLang();
  const { user, fiscalYear } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm<{ scope: "region" | "department"; dueDate?: { format(f: string): string } }>();
  const rounds = useQuery({
    queryKey: ["evaluation-rounds", fiscalYear],
    queryFn: () => request<{ items: EvaluationRound[] }>(`/evaluation-rounds?fiscalYear=${fiscalYear}`),
  });
  const mayOpenRegion = user?.role === "finance_reviewer" || user?.role === "admin";
  const mayOpenDept = user?.role === "dept_reviewer";
  const open = useMutation({
    mutationFn: (v: { dueDate: string }) =>
      request<RoundDetail>("/evaluation-rounds", { method: "POST", body: { fiscalYear, dueDate: v.dueDate } }),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: ["evaluation-rounds"] });
      qc.invalidateQueries({ queryKey: ["todo"] });
      message.success(t("已发起绩效自评", "Self-evaluation round opened"));
      setOpening(false);
      navigate(`/evaluation-rounds/${r.round.id}`);
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <div className="jx-page">
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t("绩效自评", "Self-evaluation rounds")} · {t(`${fiscalYear} 年度`, `FY ${fiscalYear}`)}
          </Typography.Title>
        }
        extra={
          mayOpenRegion || mayOpenDept ? (
            <Button type="primary" onClick={() => setOpening(true)} data-testid="open-eval-round">
              {t("发起自评", "Open a round")}
            </Button>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t(
            "年度终了，财政部门（或主管部门对本部门）发起绩效自评：每个已批复项目由单位填报自评并提交，主管部门审核，财政部门抽评复核，结果公开并用于下年预算安排。",
            "After the year, the finance bureau (or a department for its own) opens the self-evaluation: units evaluate every approved project, departments review, the finance bureau re-checks a sample, and the results are published and used for next year's budget.",
          )}
        </Typography.Paragraph>
        {rounds.error ? <ErrorView error={rounds.error} /> : null}
        <Table<EvaluationRound>
          rowKey="id"
          size="small"
          loading={rounds.isLoading}
          dataSource={rounds.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t("本年度尚未发起绩效自评", "No self-evaluation round this year") }}
          columns={[
            {
              title: t("自评轮次", "Round"),
              key: "name",
              render: (_, r) => (
                <Link to={`/evaluation-rounds/${r.id}`} data-testid={`eval-round-${r.id}`}>
                  {t(`${r.fiscalYear} 年度绩效自评`, `FY ${r.fiscalYear} self-evaluation`)}
                </Link>
              ),
            },
            {
              title: t("范围", "Scope"),
              key: "scope",
              render: (_, r) =>
                r.scope === "department"
                  ? `${t("部门", "Department")} ${r.deptCode ?? ""}`
                  : t("全区划（财政部门发起）", "Region (finance bureau)"),
            },
            { title: t("截止日期", "Due"), dataIndex: "dueDate", render: (d: string | null) => d ?? "—" },
            { title: t("项目数", "Projects"), key: "total", align: "right", render: (_, r) => r.total ?? "—" },
            {
              title: t("已提交 / 已通过", "Submitted / accepted"),
              key: "progress",
              width: 240,
              render: (_, r) => {
                const total = r.total ?? 0;
                const accepted = r.counts?.accepted ?? 0;
                const done = accepted + (r.counts?.submitted ?? 0);
                return (
                  <Progress
                    size="small"
                    percent={total ? Math.round((done / total) * 100) : 0}
                    success={{ percent: total ? Math.round((accepted / total) * 100) : 0 }}
                    format={() => `${done} / ${accepted}`}
                    aria-label={t(
                      `已提交 ${done}，已通过 ${accepted}，共 ${total}`,
                      `${done} submitted, ${accepted} accepted of ${total}`,
                    )}
                  />
                );
              },
            },
            {
              title: t("逾期未报", "Overdue"),
              key: "overdue",
              align: "right",
              render: (_, r) => r.counts?.overdue ?? 0,
            },
          ]}
        />
      </Card>
      <Modal
        open={opening}
        title={t("发起绩效自评", "Open a self-evaluation round")}
        okText={t("发起", "Open")}
        okButtonProps={{ loading: open.isPending, ...({ "data-testid": "open-eval-round-ok" } as object) }}
        onCancel={() => setOpening(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ scope: mayOpenRegion ? "region" : "department" }}
          onFinish={(v) => v.dueDate && open.mutate({ dueDate: v.dueDate.format("YYYY-MM-DD") })}
        >
          <Form.Item label={t("预算年度", "Fiscal year")}>
            <span>{t(`${fiscalYear} 年度`, `FY ${fiscalYear}`)}</span>
          </Form.Item>
          <Form.Item name="scope" label={t("范围", "Scope")}>
            <Radio.Group
              options={[
                ...(mayOpenRegion
                  ? [{ value: "region", label: t("全区划所有已批复项目", "Every approved project of the region") }]
                  : []),
                ...(mayOpenDept
                  ? [{ value: "department", label: t("本部门已批复项目", "My department's approved projects") }]
                  : []),
              ]}
            />
          </Form.Item>
          <Form.Item
            name="dueDate"
            label={t("自评截止日期", "Due date")}
            rules={[{ required: true, message: t("请选择截止日期", "Choose a due date") }]}
          >
            <DatePicker aria-label={t("自评截止日期", "Due date")} />
          </Form.Item>
        </Form>
        <Space>
          <Typography.Text type="secondary">
            {t(
              "发起后，范围内每个已批复项目生成一份待填报的自评，出现在单位的待办中。",
              "Every approved project in scope gets a self-evaluation to fill, shown in the unit's to-do list.",
            )}
          </Typography.Text>
        </Space>
      </Modal>
    </div>
  );
}
