import { SendOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Space, Table, Typography } from "antd";
import { Link } from "react-router-dom";
import { qs, request } from "../api/client.ts";
import { fetchAllProjects } from "../api/projects.ts";
import type { Publication } from "../api/types.ts";
import { ErrorView, errorText } from "../components/error-view.tsx";
import { useLang } from "../i18n.tsx";
import { can, useSession } from "../session.tsx";

export const FORMATS = ["xlsx", "pdf", "html", "csv", "json"] as const;

export default function PublishPage() {
  const { t, lang } = useLang();
  const { user, fiscalYear, deptCode } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const pubs = useQuery({
    queryKey: ["publications", fiscalYear],
    queryFn: () => request<{ items: Publication[] }>(`/publications${qs({ fiscalYear })}`),
  });
  const projects = useQuery({
    queryKey: ["projects", fiscalYear, deptCode, null, null],
    queryFn: () => fetchAllProjects({ fiscalYear, deptCode }),
  });
  const approved = (projects.data ?? []).filter((p) => p.hasApproved);
  const pending = (projects.data ?? []).filter((p) => !p.hasApproved);
  const publish = useMutation({
    mutationFn: () => request<Publication>("/publications", { body: { fiscalYear, deptCode } }),
    onSuccess: (p) => {
      message.success(
        t(`已发布：${p.deptName} ${p.projectCount} 个项目`, `Published: ${p.deptName}, ${p.projectCount} projects`),
      );
      qc.invalidateQueries({ queryKey: ["publications"] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
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
              icon={<SendOutlined />}
              disabled={!deptCode || approved.length === 0}
              loading={publish.isPending}
              onClick={() => publish.mutate()}
            >
              {t("发布本部门已批复的目标表", "Publish the department's approved tables")}
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
            `${deptCode ? `部门 ${deptCode}` : "全部部门"} ${fiscalYear} 年度：已批复 ${approved.length} 个项目，未批复 ${pending.length} 个（不会公开）。`,
            `FY ${fiscalYear}: ${approved.length} approved projects, ${pending.length} not approved (not published).`,
          )}
        </Typography.Paragraph>
        {pubs.error ? <ErrorView error={pubs.error} /> : null}
        <Table<Publication>
          rowKey="id"
          size="small"
          bordered
          caption={t("已发布", "Publications")}
          dataSource={pubs.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t("部门", "Department"), render: (_, r) => `${r.deptCode} ${r.deptName}` },
            { title: t("年度", "Year"), dataIndex: "fiscalYear" },
            { title: t("项目数", "Projects"), dataIndex: "projectCount" },
            { title: t("发布时间", "Published"), render: (_, r) => new Date(r.publishedAt).toLocaleString() },
            {
              title: t("查看与下载", "View & download"),
              render: (_, r) => (
                <Space wrap>
                  <Link to={`/public/${r.id}`}>{t("公开页面", "Public page")}</Link>
                  {FORMATS.map((f) => (
                    <a key={f} href={`/api/v1/public/publications/${r.id}/export.${f}`} download>
                      {f.toUpperCase()}
                    </a>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
