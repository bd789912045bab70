import { DeleteOutlined, DownloadOutlined, PlusOutlined, SendOutlined, StopOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Grid, Input, Popconfirm, Select, Space, Table, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { qs, request } from "../api/client.ts";
import { fetchAllProjects } from "../api/projects.ts";
import type { ProjectSummary, Status, Unit } from "../api/types.ts";
import { ErrorView, errorText } from "../components/error-view.tsx";
import { NewProjectDialog } from "../components/new-project-dialog.tsx";
import { STATUSES, StatusTag, statusLabel } from "../components/status-tag.tsx";
import { ReasonDialog } from "../components/workflow-dialogs.tsx";
import { formatExact, formatMoney, formatNumber, sumMoney } from "../format/money.ts";
import { Money, MoneyUnitSwitch, moneyUnitWords, useMoneyUnit } from "../format/money-unit.tsx";
import { useLang } from "../i18n.tsx";
import { toCsv } from "../lib/csv.ts";
import { downloadText } from "../lib/download.ts";
import { can, useSession } from "../session.tsx";
import { ProjectCards } from "./projects/project-cards.tsx";

/** Sum of the column widths below (with the selection column): the table scrolls past this. */
const TABLE_WIDTH = 44 + 240 + 200 + 110 + 130 + 70 + 90 + 70 + 190;

export function ProjectsPage() {
  const { user, fiscalYear, deptCode } = useSession();
  const { t, lang } = useLang();
  const shown = useMoneyUnit();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false; // a card per project on phones
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [selected, setSelected] = useState<number[]>([]);
  const [creating, setCreating] = useState(false);
  const [voiding, setVoiding] = useState<ProjectSummary | null>(null);
  const changed = () => qc.invalidateQueries({ queryKey: ["projects"] });
  const remove = useMutation({
    mutationFn: (p: ProjectSummary) =>
      request(`/projects/${p.id}`, { method: "DELETE", headers: { "if-match": String(p.rowVersion) } }),
    onSuccess: () => {
      message.success(t("已删除", "Deleted"));
      changed();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const voidIt = useMutation({
    mutationFn: (v: { p: ProjectSummary; reason: string }) =>
      request(`/projects/${v.p.id}/void`, { body: { reason: v.reason, rowVersion: v.p.rowVersion } }),
    onSuccess: () => {
      message.success(t("已作废", "Voided"));
      setVoiding(null);
      changed();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  const units = useQuery({
    queryKey: ["units", fiscalYear, deptCode],
    queryFn: () => request<{ items: Unit[] }>(`/units${qs({ fiscalYear, deptCode })}`),
  });
  const list = useQuery({
    queryKey: ["projects", fiscalYear, deptCode, unitCode, status],
    queryFn: () => fetchAllProjects({ fiscalYear, deptCode, unitCode, status }),
  });
  const rows = useMemo(() => {
    const q = text.trim().toLowerCase();
    return (list.data ?? []).filter(
      (p) =>
        (!category || p.category === category) &&
        (!q || p.name.toLowerCase().includes(q) || p.unitName.toLowerCase().includes(q) || p.unitCode.includes(q)),
    );
  }, [list.data, text, category]);
  const categories = useMemo(() => [...new Set((list.data ?? []).map((p) => p.category))], [list.data]);

  const bulkSubmit = useMutation({
    mutationFn: async (ids: number[]) => {
      const failed: string[] = [];
      for (const id of ids) {
        try {
          await request(`/projects/${id}/submit`, { body: {} });
        } catch (e) {
          failed.push(`#${id}: ${errorText(e, lang)}`);
        }
      }
      return { ok: ids.length - failed.length, failed };
    },
    onSuccess: (r) => {
      if (r.failed.length)
        message.warning(
          t(`已提交 ${r.ok} 个，失败 ${r.failed.length} 个`, `${r.ok} submitted, ${r.failed.length} failed`),
        );
      else message.success(t(`已提交 ${r.ok} 个项目`, `${r.ok} projects submitted`));
      setSelected([]);
      qc.invalidateQueries({ queryKey: ["projects"] });
    },
  });

  const exportCsv = () => {
    const pick = selected.length ? rows.filter((r) => selected.includes(r.id)) : rows;
    downloadText(
      `projects-${fiscalYear}.csv`,
      toCsv([
        ["项目名称", "单位编码", "项目单位", "项目类别", "预算数", "金额单位", "指标数", "状态", "版本"],
        ...pick.map((p) => [
          p.name,
          p.unitCode,
          p.unitName,
          p.category,
          p.budget,
          p.moneyUnit,
          p.indicatorCount,
          statusLabel(p.status, "zh"),
          p.versionNo,
        ]),
      ]),
    );
  };

  const columns: ColumnsType<ProjectSummary> = [
    {
      title: t("项目名称", "Project"),
      dataIndex: "name",
      width: 240,
      fixed: "left",
      ellipsis: true,
      sorter: (a, b) => a.name.localeCompare(b.name, "zh"),
      render: (v: string, r) => <Link to={`/projects/${r.id}`}>{v}</Link>,
    },
    {
      title: t("项目单位", "Unit"),
      dataIndex: "unitName",
      width: 200,
      ellipsis: true,
      sorter: (a, b) => a.unitCode.localeCompare(b.unitCode),
      render: (_: string, r) => `${r.unitCode}-${r.unitName}`,
    },
    { title: t("项目类别", "Category"), dataIndex: "category", width: 110, ellipsis: true },
    {
      title: t(`预算数（${moneyUnitWords(shown, t)}）`, `Budget (${moneyUnitWords(shown, t)})`),
      dataIndex: "budget",
      width: 130,
      align: "right",
      sorter: (a, b) => a.budget - b.budget,
      render: (v: number, r) => <Money value={v} unit={r.moneyUnit} />,
    },
    {
      title: t("指标数", "Indicators"),
      dataIndex: "indicatorCount",
      width: 70,
      align: "right",
      sorter: (a, b) => a.indicatorCount - b.indicatorCount,
    },
    {
      title: t("状态", "Status"),
      dataIndex: "status",
      width: 90,
      render: (s: Status) => <StatusTag status={s} />,
      sorter: (a, b) => a.status.localeCompare(b.status),
    },
    {
      title: t("版本", "Version"),
      dataIndex: "versionNo",
      width: 70,
      align: "right",
      render: (v: number, r) => (r.kind === "adjustment" ? `${v} ${t("调整", "adj.")}` : v),
    },
    {
      title: t("操作", "Actions"),
      key: "actions",
      width: 190,
      fixed: "right",
      render: (_, r) => (
        <Space size={4}>
          {can.edit(user) && (r.status === "draft" || r.status === "returned") && !r.hasApproved ? (
            <Popconfirm
              title={t(`删除草稿「${r.name}」？`, `Delete the draft "${r.name}"?`)}
              description={t("删除后不能恢复。", "This cannot be undone.")}
              okText={t("删除", "Delete")}
              okButtonProps={{ danger: true }}
              cancelText={t("取消", "Cancel")}
              onConfirm={() => remove.mutate(r)}
            >
              <Tooltip title={t("删除草稿", "Delete draft")}>
                <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={t("删除", "Delete")} />
              </Tooltip>
            </Popconfirm>
          ) : null}
          {can.approve(user) && r.status === "approved" ? (
            <Tooltip title={t("作废（保留记录，不计入合计）", "Void (kept, out of totals)")}>
              <Button
                size="small"
                type="link"
                danger
                icon={<StopOutlined />}
                aria-label={t("作废", "Void")}
                onClick={() => setVoiding(r)}
              />
            </Tooltip>
          ) : null}
          <Button size="small" type="link" onClick={() => navigate(`/projects/${r.id}/review`)}>
            {t("审核", "Review")}
          </Button>
          <Button
            size="small"
            type="link"
            disabled={!r.hasApproved}
            onClick={() => navigate(`/projects/${r.id}/self-evaluation`)}
          >
            {t("自评", "Self-eval")}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div className="jx-page">
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t("项目绩效目标表", "Project target tables")} · {fiscalYear}
          </Typography.Title>
        }
        extra={
          <Space>
            {can.edit(user) ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t("新建项目", "New project")}
              </Button>
            ) : null}
            {can.edit(user) ? (
              <Button
                icon={<SendOutlined />}
                disabled={!selected.length}
                loading={bulkSubmit.isPending}
                onClick={() => bulkSubmit.mutate(selected)}
              >
                {t("批量提交", "Submit selected")}
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined />} onClick={exportCsv}>
              {selected.length ? t("导出所选", "Export selected") : t("导出", "Export")}
            </Button>
            <MoneyUnitSwitch />
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label={t("项目单位", "Unit")}
            placeholder={t("全部单位", "All units")}
            allowClear
            style={{ width: 240 }}
            value={unitCode ?? undefined}
            onChange={(v) => setUnitCode(v ?? null)}
            options={(units.data?.items ?? []).map((u) => ({ value: u.code, label: `${u.code}-${u.name}` }))}
          />
          <Select
            aria-label={t("状态", "Status")}
            placeholder={t("全部状态", "All statuses")}
            allowClear
            style={{ width: 140 }}
            value={status ?? undefined}
            onChange={(v) => setStatus(v ?? null)}
            options={STATUSES.map((s) => ({ value: s, label: statusLabel(s, lang) }))}
          />
          <Select
            aria-label={t("项目类别", "Category")}
            placeholder={t("全部类别", "All categories")}
            allowClear
            style={{ width: 160 }}
            value={category ?? undefined}
            onChange={(v) => setCategory(v ?? null)}
            options={categories.map((c) => ({ value: c, label: c }))}
          />
          <Input.Search
            aria-label={t("搜索项目", "Search projects")}
            placeholder={t("项目名称 / 单位", "Project / unit")}
            allowClear
            style={{ width: 240 }}
            onChange={(e) => setText(e.target.value)}
          />
          <Typography.Text type="secondary" data-testid="project-count">
            {t(`共 ${rows.length} 个项目`, `${rows.length} projects`)}
          </Typography.Text>
        </Space>
        {list.error ? <ErrorView error={list.error} /> : null}
        {phone ? (
          <ProjectCards
            rows={rows}
            selected={selected}
            onSelect={setSelected}
            money={(p) => `${formatMoney(p.budget, p.moneyUnit, shown)} ${moneyUnitWords(shown, t)}`}
          />
        ) : (
          <Table<ProjectSummary>
            rowKey="id"
            size="small"
            virtual
            bordered
            loading={list.isLoading}
            columns={columns}
            dataSource={rows}
            pagination={false}
            summary={() => <TotalRow rows={rows} />}
            scroll={{ x: TABLE_WIDTH, y: 560 }}
            rowSelection={{
              columnWidth: 44,
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys as number[]),
            }}
          />
        )}
      </Card>
      {creating ? <NewProjectDialog onClose={() => setCreating(false)} /> : null}
      {voiding ? (
        <ReasonDialog
          title={t(`作废「${voiding.name}」`, `Void "${voiding.name}"`)}
          label={t("作废原因", "Reason")}
          okText={t("确认作废", "Void")}
          danger
          loading={voidIt.isPending}
          onOk={(reason) => voidIt.mutate({ p: voiding, reason })}
          onCancel={() => setVoiding(null)}
        />
      ) : null}
    </div>
  );
}

/** The list's 合计 row: every listed project (not only those on screen), budgets summed exactly. */
function TotalRow({ rows }: { rows: ProjectSummary[] }) {
  const { t } = useLang();
  const shown = useMoneyUnit();
  if (!rows.length) return null;
  const total = sumMoney(
    rows.filter((r) => r.status !== "voided").map((r) => ({ value: r.budget, unit: r.moneyUnit })),
    shown,
  );
  return (
    <Table.Summary.Row data-testid="projects-total">
      <Table.Summary.Cell index={0} />
      <Table.Summary.Cell index={1}>
        <strong>{t("合计（不含已作废）", "Total (without voided)")}</strong>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={2} colSpan={2} />
      <Table.Summary.Cell index={4} align="right">
        <strong>{formatExact(total)}</strong>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={5} align="right">
        <strong>{formatNumber(rows.reduce((n, r) => n + r.indicatorCount, 0))}</strong>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={6} colSpan={3} />
    </Table.Summary.Row>
  );
}
