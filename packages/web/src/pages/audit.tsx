import { useQuery } from "@tanstack/react-query";
import { Card, Input, Space, Table, Typography } from "antd";
import { useState } from "react";
import { qs, request } from "../api/client.ts";
import type { AuditEntry } from "../api/types.ts";
import { ErrorView } from "../components/error-view.tsx";
import { useLang } from "../i18n.tsx";
import { useDebounced } from "../lib/use-debounced.ts";

export default function AuditPage() {
  const { t } = useLang();
  const [username, setUsername] = useState("");
  const [action, setAction] = useState("");
  const filter = useDebounced({ username, action }, 300);
  const log = useQuery({
    queryKey: ["audit", filter],
    queryFn: () => request<{ items: AuditEntry[] }>(`/audit${qs({ ...filter, limit: 200 })}`),
  });
  const short = (v: unknown) => {
    if (v === null || v === undefined) return "";
    const s = JSON.stringify(v);
    return s.length > 120 ? `${s.slice(0, 120)}…` : s;
  };
  return (
    <div className="jx-page">
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t("审计日志", "Audit log")}
          </Typography.Title>
        }
      >
        <Space style={{ marginBottom: 12 }}>
          <Input
            aria-label={t("用户", "User")}
            placeholder={t("用户", "User")}
            allowClear
            onChange={(e) => setUsername(e.target.value)}
          />
          <Input
            aria-label={t("操作", "Action")}
            placeholder={t("操作，如 project.approve", "Action, e.g. project.approve")}
            allowClear
            onChange={(e) => setAction(e.target.value)}
          />
        </Space>
        {log.error ? <ErrorView error={log.error} /> : null}
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          bordered
          loading={log.isLoading}
          dataSource={log.data?.items ?? []}
          pagination={{ pageSize: 25 }}
          columns={[
            { title: t("时间", "When"), width: 170, render: (_, r) => new Date(r.at).toLocaleString() },
            { title: t("用户", "User"), dataIndex: "username", width: 110 },
            { title: t("操作", "Action"), dataIndex: "action", width: 160 },
            { title: t("对象", "Object"), width: 140, render: (_, r) => `${r.entity} #${r.entityId}` },
            { title: t("修改前", "Before"), render: (_, r) => <code style={{ fontSize: 11 }}>{short(r.before)}</code> },
            { title: t("修改后", "After"), render: (_, r) => <code style={{ fontSize: 11 }}>{short(r.after)}</code> },
          ]}
        />
      </Card>
    </div>
  );
}
