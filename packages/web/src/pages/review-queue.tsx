import { useQuery } from "@tanstack/react-query";
import { Card, Table, Typography } from "antd";
import { Link } from "react-router-dom";
import { fetchAllProjects } from "../api/projects.ts";
import type { ProjectSummary } from "../api/types.ts";
import { ErrorView } from "../components/error-view.tsx";
import { StatusTag } from "../components/status-tag.tsx";
import { formatDateTime } from "../format/dates.ts";
import { formatExact, sumMoney } from "../format/money.ts";
import { Money, MoneyUnitSwitch, moneyUnitWords, useMoneyUnit } from "../format/money-unit.tsx";
import { useLang } from "../i18n.tsx";
import { useSession } from "../session.tsx";
import { versionWords } from "../words/statuses.ts";

export default function ReviewQueuePage() {
  const { t, lang } = useLang();
  const { fiscalYear, deptCode } = useSession();
  const shown = useMoneyUnit();
  /** The 合计 row of a whole list (every page): projects counted, budgets summed exactly in the chosen unit. */
  const summary = (rows: readonly ProjectSummary[]) =>
    rows.length ? (
      <Table.Summary.Row>
        <Table.Summary.Cell index={0}>
          <strong>{t(`合计（${rows.length} 个项目）`, `Total (${rows.length} projects)`)}</strong>
        </Table.Summary.Cell>
        <Table.Summary.Cell index={1} />
        <Table.Summary.Cell index={2} align="right">
          <strong>
            {formatExact(
              sumMoney(
                rows.map((r) => ({ value: r.budget, unit: r.moneyUnit })),
                shown,
              ),
            )}
          </strong>
        </Table.Summary.Cell>
        <Table.Summary.Cell index={3} colSpan={3} />
      </Table.Summary.Row>
    ) : null;
  const submitted = useQuery({
    queryKey: ["projects", fiscalYear, deptCode, null, "submitted"],
    queryFn: () => fetchAllProjects({ fiscalYear, deptCode, status: "submitted" }),
  });
  const returned = useQuery({
    queryKey: ["projects", fiscalYear, deptCode, null, "returned"],
    queryFn: () => fetchAllProjects({ fiscalYear, deptCode, status: "returned" }),
  });
  const columns = [
    {
      title: t("项目名称", "Project"),
      dataIndex: "name",
      render: (v: string, r: ProjectSummary) => <Link to={`/projects/${r.id}/review`}>{v}</Link>,
    },
    { title: t("项目单位", "Unit"), render: (_: unknown, r: ProjectSummary) => `${r.unitCode}-${r.unitName}` },
    {
      title: t(`预算数（${moneyUnitWords(shown, t)}）`, `Budget (${moneyUnitWords(shown, t)})`),
      align: "right" as const,
      render: (_: unknown, r: ProjectSummary) => <Money value={r.budget} unit={r.moneyUnit} />,
    },
    {
      title: t("版本", "Version"),
      render: (_: unknown, r: ProjectSummary) => versionWords(r.versionNo, null, lang),
    },
    { title: t("状态", "Status"), render: (_: unknown, r: ProjectSummary) => <StatusTag status={r.status} /> },
    {
      title: t("更新时间", "Updated"),
      render: (_: unknown, r: ProjectSummary) => formatDateTime(r.updatedAt),
    },
  ];
  return (
    <div className="jx-page">
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t("待审核", "Awaiting review")}
          </Typography.Title>
        }
        extra={<MoneyUnitSwitch />}
      >
        {submitted.error ? <ErrorView error={submitted.error} /> : null}
        <Table
          rowKey="id"
          size="small"
          bordered
          loading={submitted.isLoading}
          dataSource={submitted.data ?? []}
          columns={columns}
          summary={() => summary(submitted.data ?? [])}
          pagination={{ pageSize: 20 }}
        />
      </Card>
      <Card
        style={{ marginTop: 16 }}
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t("已退回待修改", "Returned for changes")}
          </Typography.Title>
        }
      >
        <Table
          rowKey="id"
          size="small"
          bordered
          loading={returned.isLoading}
          dataSource={returned.data ?? []}
          columns={columns}
          summary={() => summary(returned.data ?? [])}
          pagination={{ pageSize: 20 }}
        />
      </Card>
    </div>
  );
}
