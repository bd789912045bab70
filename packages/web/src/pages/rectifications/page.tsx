/**
 * 整改任务: tasks with a deadline for projects graded 中/差 (created when the department accepts,
 * or by the finance bureau), tracked to done — the unit marks one done with a note.
 */
import { CheckOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, Input, Modal, Segmented, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { qs, request } from "../../api/client.ts";
import type { Rectification } from "../../api/self-eval-types.ts";
import { ErrorView, errorText } from "../../components/error-view.tsx";
import { ToneTag } from "../../components/status-tag.tsx";
import { formatDateTime } from "../../format/dates.ts";
import { useLang } from "../../i18n.tsx";
import { useSession } from "../../session.tsx";

type Filter = "open" | "done" | "all";

export default function RectificationsPage() {
  const { t, lang } = useLang();
  const { user, fiscalYear } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<Filter>("open");
  const [closing, setClosing] = useState<Rectification | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const q = useQuery({
    queryKey: ["rectifications", fiscalYear],
    queryFn: () => request<{ items: Rectification[] } | Rectification[]>(`/rectifications${qs({ fiscalYear })}`),
  });
  const all = Array.isArray(q.data) ? q.data : (q.data?.items ?? []);
  const isDone = (r: Rectification) => r.status === "done" || Boolean(r.doneAt);
  const rows = all.filter((r) => (filter === "all" ? true : filter === "done" ? isDone(r) : !isDone(r)));
  const today = new Date().toISOString().slice(0, 10);
  const done = useMutation({
    mutationFn: (v: { id: number; note: string }) =>
      request(`/rectifications/${v.id}/done`, { method: "POST", body: { note: v.note } }),
    onSuccess: () => {
      message.success(t("已标记整改完成", "Marked done"));
      setClosing(null);
      form.resetFields();
      qc.invalidateQueries({ queryKey: ["rectifications"] });
      qc.invalidateQueries({ queryKey: ["todo"] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const mayClose = user?.role === "unit_staff" || user?.role === "admin" || user?.role === "dept_reviewer";
  return (
    <div className="jx-page">
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t("整改任务", "Rectification tasks")} · {t(`${fiscalYear} 年度`, `FY ${fiscalYear}`)}
          </Typography.Title>
        }
        extra={
          <Segmented<Filter>
            aria-label={t("筛选", "Filter")}
            value={filter}
            onChange={setFilter}
            options={[
              { value: "open", label: t("未完成", "Open") },
              { value: "done", label: t("已完成", "Done") },
              { value: "all", label: t("全部", "All") },
            ]}
          />
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t(
            "自评等级为“中”或“差”的项目须在期限内整改；整改完成后由单位填写整改情况并标记完成。",
            "Projects graded fair or poor must be rectified by the deadline; the unit records what was done and marks the task done.",
          )}
        </Typography.Paragraph>
        {q.error ? <ErrorView error={q.error} /> : null}
        <Table<Rectification>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t("没有整改任务", "No rectification tasks") }}
          columns={[
            {
              title: t("项目", "Project"),
              key: "project",
              render: (_, r) => (
                <Link to={`/projects/${r.projectId}/self-evaluation`}>
                  {r.projectName ?? r.name ?? `#${r.projectId}`}
                </Link>
              ),
            },
            {
              title: t("单位", "Unit"),
              key: "org",
              render: (_, r) => [r.orgName, r.unitName].filter(Boolean).join(" · ") || "—",
            },
            { title: t("等级", "Grade"), key: "grade", render: (_, r) => r.grade ?? "—" },
            { title: t("整改要求", "What to do"), dataIndex: "text" },
            {
              title: t("整改期限", "Deadline"),
              key: "deadline",
              render: (_, r) => (
                <Space size={4}>
                  {r.deadline}
                  {!isDone(r) && (r.overdue ?? r.deadline < today) ? (
                    <ToneTag tone="danger">{t("已逾期", "Overdue")}</ToneTag>
                  ) : null}
                </Space>
              ),
            },
            {
              title: t("状态", "Status"),
              key: "status",
              render: (_, r) =>
                isDone(r) ? (
                  <Space direction="vertical" size={0}>
                    <ToneTag tone="success">{t("已完成", "Done")}</ToneTag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[r.doneBy, r.doneAt ? formatDateTime(r.doneAt) : null].filter(Boolean).join(" · ")}
                      {r.note ? ` — ${r.note}` : ""}
                    </Typography.Text>
                  </Space>
                ) : (
                  <ToneTag tone="gold">{t("整改中", "Open")}</ToneTag>
                ),
            },
            ...(mayClose
              ? [
                  {
                    title: t("操作", "Action"),
                    key: "act",
                    render: (_: unknown, r: Rectification) =>
                      isDone(r) ? null : (
                        <Button
                          size="small"
                          icon={<CheckOutlined />}
                          onClick={() => setClosing(r)}
                          data-testid={`rectify-done-${r.id}`}
                        >
                          {t("标记完成", "Mark done")}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={closing !== null}
        title={t("整改完成", "Rectification done")}
        okText={t("标记完成", "Mark done")}
        okButtonProps={{ loading: done.isPending }}
        onCancel={() => setClosing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => closing && done.mutate({ id: closing.id, note: v.note })}>
          <Form.Item
            name="note"
            label={t("整改情况", "What was done")}
            rules={[{ required: true, whitespace: true, message: t("请填写整改情况", "Say what was done") }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
