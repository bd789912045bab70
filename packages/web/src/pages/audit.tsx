/**
 * The audit log as a timeline in words: who (name and user name), when, what (the action in
 * words), on which object (a project by its name, linked), and what changed as a field table
 * (字段 / 修改前 / 修改后) — the server labels every code (commands/audit-words.ts). Filters: a
 * date range and the actor; the filtered log downloads as xlsx in the UI's language.
 */
import { useQuery } from "@tanstack/react-query";
import { Button, Card, DatePicker, Empty, Select, Space, Table, Timeline, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router-dom";
import { qs, request } from "../api/client.ts";
import { DownloadButton } from "../components/download-button.tsx";
import { ErrorView } from "../components/error-view.tsx";
import { formatDateTime } from "../format/dates.ts";
import { useLang } from "../i18n.tsx";

/** One row of an entry's field table, in both languages (GET /audit). */
interface AuditChange {
  path: string;
  field: string;
  fieldEn: string;
  before: string;
  beforeEn: string;
  after: string;
  afterEn: string;
}

/** One entry of GET /audit. */
interface AuditItem {
  id: number;
  at: string;
  username: string;
  actorName: string;
  action: string;
  actionLabel: string;
  actionLabelEn: string;
  entity: string;
  entityId: string;
  object: string;
  objectEn: string;
  projectName: string | null;
  changes: AuditChange[];
}

const PAGE = 50;
const SHOWN_FIELDS = 6;
const TONE: Record<string, string> = {
  "workflow.approve": "green",
  "workflow.return": "red",
  "workflow.void": "red",
  "project.delete": "red",
  "workflow.submit": "blue",
};

export default function AuditPage() {
  const { t, lang } = useLang();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [actor, setActor] = useState<string | undefined>();
  const [limit, setLimit] = useState(PAGE);
  const filter = {
    username: actor,
    from: range?.[0]?.startOf("day").toISOString(),
    to: range?.[1]?.endOf("day").toISOString(),
  };
  const log = useQuery({
    queryKey: ["audit", filter, limit],
    queryFn: () => request<{ items: AuditItem[] }>(`/audit${qs({ ...filter, limit })}`),
    placeholderData: (prev) => prev,
  });
  const actors = useQuery({
    queryKey: ["audit-actors"],
    queryFn: () => request<{ items: { username: string; displayName: string }[] }>("/audit/actors"),
  });
  const items = log.data?.items ?? [];
  const who = (username: string, name: string) => (name ? `${name}（${username}）` : username);
  return (
    <div className="jx-page">
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t("审计日志", "Audit log")}
          </Typography.Title>
        }
        extra={
          <span data-testid="audit-export">
            <DownloadButton
              href={`/api/v1/audit/export.xlsx${qs({ ...filter, lang })}`}
              fileName={t("审计日志.xlsx", "audit-log.xlsx")}
              format="xlsx"
            >
              {t("导出 xlsx", "Export xlsx")}
            </DownloadButton>
          </span>
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <DatePicker.RangePicker
            aria-label={t("日期范围", "Date range")}
            value={range}
            onChange={(v) => {
              setRange(v);
              setLimit(PAGE);
            }}
            allowEmpty={[true, true]}
          />
          <Select
            aria-label={t("操作人", "Actor")}
            placeholder={t("全部操作人", "Everyone")}
            allowClear
            showSearch
            style={{ minWidth: 220 }}
            value={actor}
            onChange={(v) => {
              setActor(v);
              setLimit(PAGE);
            }}
            optionFilterProp="label"
            options={(actors.data?.items ?? []).map((a) => ({
              value: a.username,
              label: who(a.username, a.displayName || (a.username === "system" ? t("系统", "System") : "")),
            }))}
          />
        </Space>
        {log.error ? <ErrorView error={log.error} /> : null}
        {!log.isLoading && items.length === 0 ? (
          <Empty description={t("没有符合条件的记录", "No entries match")} />
        ) : null}
        <Timeline
          data-testid="audit-timeline"
          items={items.map((it) => ({
            key: it.id,
            color: TONE[it.action] ?? "gray",
            children: (
              <div className="jx-audit-entry" data-action={it.action}>
                <div>
                  <Typography.Text type="secondary">{formatDateTime(it.at)}</Typography.Text>{" "}
                  <Typography.Text strong>
                    {who(it.username, it.actorName || (it.username === "system" ? t("系统", "System") : ""))}
                  </Typography.Text>{" "}
                  {lang === "zh" ? it.actionLabel : it.actionLabelEn}
                  {" · "}
                  {it.entity === "project" && it.projectName && it.action !== "project.delete" ? (
                    <Link to={`/projects/${it.entityId}`}>{lang === "zh" ? it.object : it.objectEn}</Link>
                  ) : (
                    <span>{lang === "zh" ? it.object : it.objectEn}</span>
                  )}
                </div>
                {it.changes.length ? <ChangeTable changes={it.changes} /> : null}
              </div>
            ),
          }))}
        />
        {items.length >= limit && limit < 1000 ? (
          <Button onClick={() => setLimit((n) => Math.min(1000, n + PAGE))} loading={log.isFetching}>
            {t("加载更早的记录", "Load older entries")}
          </Button>
        ) : null}
      </Card>
    </div>
  );
}

/** Before/after of one entry as a field table; long ones folded. */
function ChangeTable({ changes }: { changes: AuditChange[] }) {
  const { t, lang } = useLang();
  const [all, setAll] = useState(false);
  const shown = all ? changes : changes.slice(0, SHOWN_FIELDS);
  const zh = lang === "zh";
  return (
    <div style={{ marginTop: 6, maxWidth: 900, overflowX: "auto" }}>
      <Table<AuditChange>
        size="small"
        bordered
        rowKey="path"
        pagination={false}
        dataSource={shown}
        columns={[
          { title: t("字段", "Field"), width: "30%", render: (_, c) => (zh ? c.field : c.fieldEn) },
          {
            title: t("修改前", "Before"),
            render: (_, c) => <span className="jx-removed">{zh ? c.before : c.beforeEn}</span>,
          },
          {
            title: t("修改后", "After"),
            render: (_, c) => <span className="jx-added">{zh ? c.after : c.afterEn}</span>,
          },
        ]}
      />
      {changes.length > SHOWN_FIELDS ? (
        <Button type="link" size="small" onClick={() => setAll((v) => !v)}>
          {all ? t("收起", "Show fewer") : t(`展开全部 ${changes.length} 项`, `Show all ${changes.length} fields`)}
        </Button>
      ) : null}
    </div>
  );
}
