/** 公开查询: the list of published department tables (no login). */
import { useQuery } from "@tanstack/react-query";
import { Card, Table, Typography } from "antd";
import { Link } from "react-router-dom";
import { request } from "../api/client.ts";
import type { Publication } from "../api/types.ts";
import { ErrorView } from "../components/error-view.tsx";
import { useLang } from "../i18n.tsx";

export default function PublicList() {
  const { t } = useLang();
  const list = useQuery({
    queryKey: ["public-pubs"],
    queryFn: () => request<{ items: Publication[] }>("/public/publications"),
  });
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          {t("已公开的部门项目绩效目标表", "Published department tables")}
        </Typography.Title>
      }
    >
      {list.error ? <ErrorView error={list.error} /> : null}
      <Table<Publication>
        rowKey="id"
        size="small"
        bordered
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        scroll={{ x: "max-content" }}
        columns={[
          {
            title: t("部门", "Department"),
            render: (_, r) => <Link to={`/public/${r.id}`}>{`${r.deptCode} ${r.deptName}`}</Link>,
          },
          { title: t("年度", "Year"), dataIndex: "fiscalYear" },
          { title: t("项目数", "Projects"), dataIndex: "projectCount" },
          { title: t("公开时间", "Published"), render: (_, r) => new Date(r.publishedAt).toLocaleDateString() },
        ]}
      />
    </Card>
  );
}
