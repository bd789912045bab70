/**
 * 公开查询: the list of published department tables (no login). A table on wider screens; on a
 * phone (< 768 px) one card per publication, the department's name wrapping instead of being cut.
 */
import { useQuery } from "@tanstack/react-query";
import { Card, Grid, Table, Typography } from "antd";
import { Link } from "react-router-dom";
import { request } from "../api/client.ts";
import type { Publication } from "../api/types.ts";
import { ErrorView } from "../components/error-view.tsx";
import { formatDate } from "../format/dates.ts";
import { useLang } from "../i18n.tsx";

export default function PublicList() {
  const { t } = useLang();
  const phone = Grid.useBreakpoint().md === false;
  const list = useQuery({
    queryKey: ["public-pubs"],
    queryFn: () => request<{ items: Publication[] }>("/public/publications"),
  });
  const items = list.data?.items ?? [];
  const name = (r: Publication) => <Link to={`/public/${r.id}`}>{`${r.deptCode} ${r.deptName}`}</Link>;
  return (
    <Card size={phone ? "small" : "default"}>
      {/* The title in the card's body, not its head: a head cuts a long title with an ellipsis on a phone. */}
      <Typography.Title level={1} style={{ fontSize: phone ? 16 : 18, marginTop: 0 }}>
        {t("已公开的部门项目绩效目标表", "Published department tables")}
      </Typography.Title>
      {list.error ? <ErrorView error={list.error} /> : null}
      {phone ? (
        <ul className="jx-cards" style={{ listStyle: "none", padding: 0, margin: 0 }} data-testid="public-cards">
          {items.map((r) => (
            <li key={r.id}>
              <Card size="small" className="jx-card">
                <div className="jx-card-title">{name(r)}</div>
                <div className="jx-card-row">
                  <span>{t(`${r.fiscalYear}年度`, `${r.fiscalYear}`)}</span>
                  <span>{t(`${r.projectCount} 个项目`, `${r.projectCount} projects`)}</span>
                  <span>{t(`公开于 ${formatDate(r.publishedAt)}`, `published ${formatDate(r.publishedAt)}`)}</span>
                </div>
              </Card>
            </li>
          ))}
          {!list.isLoading && items.length === 0 ? (
            <li className="jx-card-meta">{t("暂无公开的目标表", "Nothing published yet")}</li>
          ) : null}
        </ul>
      ) : (
        <Table<Publication>
          rowKey="id"
          size="small"
          bordered
          loading={list.isLoading}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t("部门", "Department"), render: (_, r) => name(r) },
            { title: t("年度", "Year"), dataIndex: "fiscalYear", align: "right", width: 100 },
            { title: t("项目数", "Projects"), dataIndex: "projectCount", align: "right", width: 100 },
            { title: t("公开时间", "Published"), render: (_, r) => formatDate(r.publishedAt), width: 160 },
          ]}
        />
      )}
    </Card>
  );
}
