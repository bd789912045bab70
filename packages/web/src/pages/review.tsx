import { CheckOutlined, RollbackOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { request } from "../api/client.ts";
import type { Change, Finding, Project, ProjectDetail, ReviewSettings, VersionSummary } from "../api/types.ts";
import { CommentsPanel, cellComments, useComments } from "../components/comments-panel.tsx";
import { ErrorView, errorText } from "../components/error-view.tsx";
import { IndicatorTable } from "../components/indicator-table.tsx";
import { ProjectHeader } from "../components/project-header.tsx";
import { StatusTag, ToneTag } from "../components/status-tag.tsx";
import { TimelineCard } from "../components/timeline-card.tsx";
import { GateDialog, type GateState, gateFrom } from "../components/workflow-dialogs.tsx";
import { formatDateTime } from "../format/dates.ts";
import { useLang } from "../i18n.tsx";
import { indexFindings } from "../lib/findings.ts";
import { diffProjects } from "../lib/merge.ts";
import { can, useProjectFocus, useSession } from "../session.tsx";
import { placeWords, valueWords } from "../words/fields.ts";
import { versionWords } from "../words/statuses.ts";

const noop = () => {};

export default function ReviewPage() {
  const { id = "" } = useParams();
  const { t, lang } = useLang();
  const { user } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const detail = useQuery({ queryKey: ["project", id], queryFn: () => request<ProjectDetail>(`/projects/${id}`) });
  useProjectFocus(detail.data ?? null); // the header shows this project's year and department
  const versions = useQuery({
    queryKey: ["versions", id],
    queryFn: () => request<{ items: VersionSummary[] }>(`/projects/${id}/versions`),
  });
  const findings = useQuery({
    queryKey: ["review", id, detail.data?.rowVersion],
    queryFn: () => request<{ findings: Finding[] }>(`/projects/${id}/review`, { body: {} }),
    enabled: Boolean(detail.data),
  });
  const commentsAt = useComments(id);
  const settings = useQuery({
    queryKey: ["review-settings"],
    queryFn: () => request<ReviewSettings>("/settings/review"),
  });
  const chain = settings.data?.chain ?? [];
  // A reviewer of the current level looking at a submission "opens" it: no 撤回 after that.
  const opened = useRef(false);
  const d0 = detail.data;
  useEffect(() => {
    if (!d0 || opened.current || d0.status !== "submitted" || d0.levelOpened || !can.approve(user)) return;
    opened.current = true;
    request(`/projects/${d0.id}/open`, { body: {} }).catch(() => {});
  }, [d0, user]);
  const [gate, setGate] = useState<GateState | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [returnOpen, setReturnOpen] = useState(false);
  const items = versions.data?.items ?? [];
  const current = detail.data?.versionNo ?? null;
  const compareWith = from ?? items.filter((v) => v.versionNo !== current).at(-1)?.versionNo ?? null;
  const older = useQuery({
    queryKey: ["version", id, compareWith],
    queryFn: () => request<VersionSummary & { table: Project }>(`/projects/${id}/versions/${compareWith}`),
    enabled: compareWith !== null,
  });
  const serverDiff = useQuery({
    queryKey: ["diff", id, compareWith, current],
    queryFn: () => request<{ changes: Change[] }>(`/projects/${id}/diff?from=${compareWith}&to=${current}`),
    enabled: compareWith !== null && current !== null,
  });
  const changed = useMemo(() => {
    const s = new Set<string>();
    if (older.data && detail.data)
      for (const c of diffProjects(older.data.table, detail.data.table))
        if (c.indicatorIndex !== null) s.add(`${c.indicatorIndex}.${c.kind === "changed" ? c.field : "name"}`);
    return s;
  }, [older.data, detail.data]);
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ["timeline", id] });
    qc.invalidateQueries({ queryKey: ["todo"] });
    qc.invalidateQueries({ queryKey: ["project", id] });
    qc.invalidateQueries({ queryKey: ["versions", id] });
    qc.invalidateQueries({ queryKey: ["projects"] });
  };
  const approve = useMutation({
    mutationFn: (explanation?: string) =>
      request<ProjectDetail>(`/projects/${id}/approve`, { body: explanation ? { explanation } : {} }),
    onSuccess: (p) => {
      setGate(null);
      message.success(
        p.status === "approved" ? t("已批复", "Approved") : t("已通过本级审核", "Passed this review level"),
      );
      refresh();
    },
    onError: (e) => {
      const g = gateFrom(e);
      if (g) setGate(g);
      else message.error(errorText(e, lang));
    },
  });
  const ret = useMutation({
    mutationFn: (reason: string) => request(`/projects/${id}/return`, { body: { reason } }),
    onSuccess: () => {
      message.success(t("已退回", "Returned"));
      setReturnOpen(false);
      refresh();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  if (detail.isLoading) return <Spin style={{ margin: 48 }} />;
  if (detail.error || !detail.data)
    return (
      <div className="jx-page">
        <ErrorView error={detail.error} />
      </div>
    );
  const d = detail.data;
  const fx = indexFindings(findings.data?.findings ?? []);
  const level = d.status === "submitted" ? chain[d.reviewLevel - 1] : undefined;
  const mayAct =
    can.approve(user) &&
    d.status === "submitted" &&
    (!level || user?.role === "admin" || level.roles.includes(user?.role as never));
  const currentVersion = items.find((v) => v.versionNo === d.versionNo);
  return (
    <div className="jx-page">
      <Card
        title={
          <Space wrap>
            <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
              {t("审核", "Review")}：{d.name}
            </Typography.Title>
            <StatusTag status={d.status} />
            <Tag>{`${d.unitCode}-${d.unitName}`}</Tag>
            {level ? (
              <ToneTag tone="info">
                {t(
                  `待${level.name}（第 ${d.reviewLevel}/${chain.length} 级）`,
                  `At ${level.name} (level ${d.reviewLevel}/${chain.length})`,
                )}
              </ToneTag>
            ) : null}
          </Space>
        }
        extra={
          <Space>
            <Link to={`/projects/${id}`}>{t("打开目标表", "Open table")}</Link>
            {mayAct ? (
              <>
                <Button danger icon={<RollbackOutlined />} onClick={() => setReturnOpen(true)}>
                  {t("退回", "Return")}
                </Button>
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  loading={approve.isPending}
                  onClick={() => approve.mutate(undefined)}
                >
                  {level && d.reviewLevel < chain.length ? t("审核通过", "Pass this level") : t("批复通过", "Approve")}
                </Button>
              </>
            ) : null}
          </Space>
        }
      >
        {currentVersion?.explanation ? (
          <Alert
            type="warning"
            showIcon
            data-testid="unit-explanation"
            title={t("单位对提示性审核意见的说明", "The unit's explanation of advisory findings")}
            description={currentVersion.explanation}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <ProjectHeader table={d.table} before={older.data?.table} moneyUnit={d.moneyUnit} />
        {d.returnReason ? (
          <Alert
            type="error"
            showIcon
            title={t("退回原因", "Returned because")}
            description={d.returnReason}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Alert
          type={(findings.data?.findings ?? []).some((f) => f.severity === "error") ? "error" : "info"}
          showIcon
          style={{ marginBottom: 12 }}
          title={t(
            `规则审核：${findings.data?.findings.length ?? "…"} 条意见`,
            `Rule review: ${findings.data?.findings.length ?? "…"} findings`,
          )}
          description={fx.project.map((f) => (lang === "zh" ? f.message : f.messageEn)).join("；") || undefined}
        />
        <Row gutter={16}>
          <Col xs={24} xxl={older.data ? 12 : 24}>
            <Space style={{ marginBottom: 8 }}>
              <Typography.Text strong>{t("对比版本", "Compare with")}</Typography.Text>
              <Select
                aria-label={t("对比版本", "Compare with")}
                style={{ width: 200 }}
                value={compareWith ?? undefined}
                placeholder={t("无更早版本", "No earlier version")}
                onChange={setFrom}
                options={items
                  .filter((v) => v.versionNo !== current)
                  .map((v) => ({
                    value: v.versionNo,
                    label: versionWords(v.versionNo, v.status, lang),
                  }))}
              />
            </Space>
            {older.data ? (
              <div style={{ overflowX: "auto" }}>
                <IndicatorTable
                  indicators={older.data.table.indicators}
                  findings={indexFindings([])}
                  readOnly
                  onChange={noop}
                  onRemove={noop}
                />
              </div>
            ) : (
              <Typography.Paragraph type="secondary">
                {t("这是第一版，没有可对比的早期版本。", "This is the first version; nothing to compare with.")}
              </Typography.Paragraph>
            )}
          </Col>
          <Col xs={24} xxl={older.data ? 12 : 24}>
            <Typography.Text strong style={{ display: "block", marginBottom: 12 }}>
              {t(`当前（第${d.versionNo}版）`, `Current (v${d.versionNo})`)}
            </Typography.Text>
            <div style={{ overflowX: "auto" }}>
              <IndicatorTable
                indicators={d.table.indicators}
                findings={fx}
                readOnly
                onChange={noop}
                onRemove={noop}
                changed={changed}
                comments={cellComments(commentsAt.data?.items, d.table)}
              />
            </div>
          </Col>
        </Row>
        {serverDiff.data?.changes.length ? (
          <Table
            style={{ marginTop: 12 }}
            size="small"
            bordered
            caption={t("字段级差异", "Field-level changes")}
            rowKey="path"
            pagination={false}
            dataSource={serverDiff.data.changes}
            columns={[
              {
                title: t("位置", "Where"),
                dataIndex: "path",
                render: (p: string) => placeWords(p, d.table, lang),
              },
              {
                title: t("原值", "Before"),
                render: (_, r) => <span className="jx-removed">{valueWords(r.before, lang)}</span>,
              },
              {
                title: t("新值", "After"),
                render: (_, r) => <span className="jx-added">{valueWords(r.after, lang)}</span>,
              },
            ]}
          />
        ) : null}
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <CommentsPanel projectId={id} table={d.table} />
        </Col>
        <Col xs={24} lg={12}>
          <TimelineCard projectId={id} chain={chain} />
          <Card title={t("版本历史", "History")} size="small" style={{ marginTop: 16 }}>
            <Timeline
              items={items.map((v) => ({
                color: v.status === "approved" ? "green" : v.status === "returned" ? "red" : "blue",
                children: (
                  <div>
                    {t(`第${v.versionNo}版`, `v${v.versionNo}`)}{" "}
                    {v.kind === "adjustment" ? t("（调整）", "(adjustment)") : ""} <StatusTag status={v.status} />
                    <div style={{ fontSize: 12, color: "#595959" }}>
                      {t("创建", "created")} {formatDateTime(v.createdAt)} · {v.createdBy}
                      {v.approvedAt
                        ? ` · ${t("批复", "approved")} ${formatDateTime(v.approvedAt)} ${v.approvedBy ?? ""}`
                        : ""}
                    </div>
                    {v.returnReason ? (
                      <div className="jx-finding error">
                        {t("退回原因：", "Returned: ")}
                        {v.returnReason}
                      </div>
                    ) : null}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {gate ? (
        <GateDialog
          gate={gate}
          names={d.table.indicators.map((i) => i.name)}
          loading={approve.isPending}
          onClose={() => setGate(null)}
          onExplain={(text) => approve.mutate(text)}
        />
      ) : null}
      <Modal
        open={returnOpen}
        title={t("退回并说明原因", "Return with a reason")}
        onCancel={() => setReturnOpen(false)}
        footer={null}
      >
        <Form layout="vertical" onFinish={(v: { reason: string }) => ret.mutate(v.reason)}>
          <Form.Item
            name="reason"
            label={t("退回原因", "Reason")}
            rules={[{ required: true, message: t("请填写退回原因", "A reason is required") }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
          <Button danger type="primary" htmlType="submit" loading={ret.isPending}>
            {t("确认退回", "Return")}
          </Button>
        </Form>
      </Modal>
    </div>
  );
}
