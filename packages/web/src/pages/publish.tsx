import { EyeOutlined, SendOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Checkbox, Input, List, Modal, Space, Spin, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { qs, request } from "../api/client.ts";
import { fetchAllProjects } from "../api/projects.ts";
import type { Publication, PublicationPreview } from "../api/types.ts";
import { ErrorView, errorText } from "../components/error-view.tsx";
import { statusLabel, ToneTag } from "../components/status-tag.tsx";
import { Table12 } from "../components/table12.tsx";
import { ReasonDialog } from "../components/workflow-dialogs.tsx";
import { formatDateTime } from "../format/dates.ts";
import { formatNumber } from "../format/money.ts";
import { useLang } from "../i18n.tsx";
import { PUBLICATION_FORMATS } from "../lib/publication-formats.ts";
import { can, useSession } from "../session.tsx";

export default function PublishPage() {
  const { t, lang } = useLang();
  const { user, fiscalYear, deptCode } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [previewing, setPreviewing] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Publication | null>(null);
  const pubs = useQuery({
    queryKey: ["publications", fiscalYear],
    queryFn: () => request<{ items: Publication[] }>(`/publications${qs({ fiscalYear })}`),
  });
  const projects = useQuery({
    queryKey: ["projects", fiscalYear, deptCode, null, null],
    queryFn: () => fetchAllProjects({ fiscalYear, deptCode }),
  });
  const approved = (projects.data ?? []).filter((p) => p.status === "approved");
  const pending = (projects.data ?? []).filter((p) => p.status !== "approved" && p.status !== "voided");
  const withdraw = useMutation({
    mutationFn: (v: { id: number; reason: string }) =>
      request(`/publications/${v.id}/withdraw`, { body: { reason: v.reason } }),
    onSuccess: () => {
      message.success(t("已撤回", "Withdrawn"));
      setWithdrawing(null);
      qc.invalidateQueries({ queryKey: ["publications"] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const stateOf = (r: Publication) =>
    r.current !== false ? (
      <ToneTag tone="success">{t("当前公开", "Current")}</ToneTag>
    ) : r.withdrawnAt ? (
      <ToneTag tone="danger">{t("已撤回", "Withdrawn")}</ToneTag>
    ) : (
      <ToneTag tone="neutral">{t("已更正（历史）", "Corrected (history)")}</ToneTag>
    );
  return (
    <div className="jx-page">
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t("公开发布（表12）", "Publish (表12)")}
          </Typography.Title>
        }
        extra={
          can.publish(user) ? (
            <Button
              type="primary"
              icon={<EyeOutlined />}
              disabled={!deptCode || approved.length === 0}
              onClick={() => setPreviewing(true)}
            >
              {t("预览并发布", "Preview and publish")}
            </Button>
          ) : null
        }
      >
        {!deptCode ? (
          <Alert
            type="info"
            showIcon
            title={t("请先在页头选择部门。", "Choose a department in the header first.")}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Typography.Paragraph>
          {t(
            `${deptCode ? `部门 ${deptCode}` : "全部部门"} ${fiscalYear} 年度：已批复 ${approved.length} 个项目，未批复 ${pending.length} 个（不会公开）。每个部门每年只有一份当前公开的表，重新发布即为更正。`,
            `FY ${fiscalYear}: ${approved.length} approved projects, ${pending.length} not approved (not published). One current publication per department and year; publishing again corrects it.`,
          )}
        </Typography.Paragraph>
        {pubs.error ? <ErrorView error={pubs.error} /> : null}
        <Table<Publication>
          rowKey="id"
          size="small"
          bordered
          caption={t("发布记录", "Publications")}
          dataSource={pubs.data?.items ?? []}
          pagination={false}
          summary={(rows) =>
            rows.length > 1 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <strong>{t("合计（当前公开）", "Total (current)")}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <strong>
                    {formatNumber(
                      rows.filter((r) => r.current !== false && !r.withdrawnAt).reduce((n, r) => n + r.projectCount, 0),
                    )}
                  </strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} colSpan={3} />
              </Table.Summary.Row>
            ) : null
          }
          columns={[
            { title: t("部门", "Department"), render: (_, r) => `${r.deptCode} ${r.deptName}` },
            { title: t("年度", "Year"), dataIndex: "fiscalYear" },
            { title: t("项目数", "Projects"), align: "right", render: (_, r) => formatNumber(r.projectCount) },
            { title: t("发布时间", "Published"), render: (_, r) => formatDateTime(r.publishedAt) },
            {
              title: t("状态", "State"),
              render: (_, r) => (
                <div data-testid={`publication-state-${r.id}`}>
                  {stateOf(r)}
                  {r.withdrawReason ? <div style={{ fontSize: 12 }}>{r.withdrawReason}</div> : null}
                </div>
              ),
            },
            {
              title: t("查看与下载", "View & download"),
              render: (_, r) => (
                <Space wrap>
                  <Link to={`/public/${r.id}`}>{t("公开页面", "Public page")}</Link>
                  {PUBLICATION_FORMATS.map((f) => (
                    <a key={f} href={`/api/v1/public/publications/${r.id}/export.${f}`} download>
                      {f.toUpperCase()}
                    </a>
                  ))}
                  {can.publish(user) && r.current !== false ? (
                    <Button size="small" danger onClick={() => setWithdrawing(r)}>
                      {t("撤回", "Withdraw")}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {previewing && deptCode ? (
        <PublishPreview
          fiscalYear={fiscalYear}
          deptCode={deptCode}
          onClose={() => setPreviewing(false)}
          onDone={() => {
            setPreviewing(false);
            qc.invalidateQueries({ queryKey: ["publications"] });
          }}
        />
      ) : null}
      {withdrawing ? (
        <ReasonDialog
          title={t(`撤回 ${withdrawing.deptName} ${withdrawing.fiscalYear} 年度公开表`, "Withdraw the publication")}
          label={t("公开的撤回原因", "Public reason")}
          okText={t("确认撤回", "Withdraw")}
          danger
          loading={withdraw.isPending}
          onOk={(reason) => withdraw.mutate({ id: withdrawing.id, reason })}
          onCancel={() => setWithdrawing(null)}
        />
      ) : null}
    </div>
  );
}

/** Exactly what goes public, what is left out, what it replaces — then publish. */
function PublishPreview({
  fiscalYear,
  deptCode,
  onClose,
  onDone,
}: {
  fiscalYear: number;
  deptCode: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const [confirmed, setConfirmed] = useState(false);
  const [reason, setReason] = useState("");
  const preview = useQuery({
    queryKey: ["publication-preview", fiscalYear, deptCode],
    queryFn: () => request<PublicationPreview>(`/publications/preview${qs({ fiscalYear, deptCode })}`),
  });
  const publish = useMutation({
    mutationFn: () =>
      request<Publication>("/publications", {
        body: {
          fiscalYear,
          deptCode,
          confirmIncomplete: confirmed,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        },
      }),
    onSuccess: (p) => {
      message.success(
        t(`已发布：${p.deptName} ${p.projectCount} 个项目`, `Published: ${p.deptName}, ${p.projectCount} projects`),
      );
      onDone();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const pv = preview.data;
  const incomplete = (pv?.notApproved.length ?? 0) > 0;
  const replacing = Boolean(pv?.current);
  const ready = pv && pv.projects.length > 0 && (!incomplete || confirmed) && (!replacing || reason.trim());
  return (
    <Modal
      open
      width={1100}
      title={t("发布预览：以下内容将向社会公开", "Preview: exactly this goes public")}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t("取消", "Cancel")}
        </Button>,
        <Button
          key="go"
          type="primary"
          icon={<SendOutlined />}
          disabled={!ready}
          loading={publish.isPending}
          onClick={() => publish.mutate()}
        >
          {replacing ? t("发布更正", "Publish the correction") : t("确认发布", "Publish")}
        </Button>,
      ]}
    >
      {preview.isLoading ? <Spin /> : null}
      {preview.error ? <ErrorView error={preview.error} /> : null}
      {pv ? (
        <>
          {incomplete ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t(
                `本部门还有 ${pv.notApproved.length} 个项目未批复，不会公开：`,
                `${pv.notApproved.length} project(s) are not approved and will not be published:`,
              )}
              description={
                <>
                  <List
                    size="small"
                    dataSource={pv.notApproved}
                    renderItem={(p) => (
                      <List.Item>
                        {p.unitName} · {p.name} · {statusLabel(p.status, lang)}
                      </List.Item>
                    )}
                  />
                  <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
                    {t("我知道，只公开已批复的项目", "I understand: only approved projects go public")}
                  </Checkbox>
                </>
              }
            />
          ) : null}
          {replacing && pv.current ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t(
                `将更正 ${formatDateTime(pv.current.publishedAt)} 发布的公开表（${pv.current.projectCount} 个项目），原表留作历史`,
                "This corrects the current publication; the old one stays in history",
              )}
              description={
                <Input
                  aria-label={t("公开的更正原因", "Public reason of the correction")}
                  placeholder={t("公开的更正原因（必填）", "Public reason of the correction (required)")}
                  value={reason}
                  maxLength={500}
                  onChange={(e) => setReason(e.target.value)}
                />
              }
            />
          ) : null}
          <div data-testid="publication-preview" style={{ maxHeight: 520, overflow: "auto" }}>
            <Table12
              doc={{
                format: "jixiao.targets/1",
                title: "项目绩效目标表",
                fiscalYear,
                moneyUnit: pv.moneyUnit,
                projects: pv.projects,
              }}
            />
          </div>
        </>
      ) : null}
    </Modal>
  );
}
