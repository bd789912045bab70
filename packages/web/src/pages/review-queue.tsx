import { useQuery } from "@tanstack/react-query";
import { Card, Table, Typography } from "antd";
import { Link } from "react-router-dom";
import { fetchAllProjects } from "../api/projects.ts";
import type { ProjectSummary } from "../api/types.ts";
import { ErrorView } from "../components/error-view.tsx";
import { StatusTag } from "../components/status-tag.tsx";
import { useLang } from "../i18n.tsx";
import { useSession } from "../session.tsx";

export default function ReviewQueuePage() {
  const { t } = useLang();
  const { fiscalYear, deptCode } = useSession();
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
      title: t("预算数", "Budget"),
      align: "right" as const,
      render: (_: unknown, r: ProjectSummary) => `${r.budget.toFixed(2)} ${r.moneyUnit}`,
    },
    { title: t("版本", "Version"), dataIndex: "versionNo" },
    { title: t("状态", "Status"), render: (_: unknown, r: ProjectSummary) => <StatusTag status={r.status} /> },
    {
      title: t("更新时间", "Updated"),
      render: (_: unknown, r: ProjectSummary) => new Date(r.updatedAt).toLocaleString(),
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
      >
        {submitted.error ? <ErrorView error={submitted.error} /> : null}
        <Table
          rowKey="id"
          size="small"
          bordered
          loading={submitted.isLoading}
          dataSource={submitted.data ?? []}
          columns={columns}
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
          pagination={{ pageSize: 20 }}
        />
      </Card>
    </div>
  );
}
