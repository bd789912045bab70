import { PrinterOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Layout, Segmented, Space, Spin, Table, Typography } from "antd";
import { Link, Route, Routes, useParams } from "react-router-dom";
import { request } from "../api/client.ts";
import type { Publication, TargetDocument } from "../api/types.ts";
import { ErrorView } from "../components/error-view.tsx";
import { Table12 } from "../components/table12.tsx";
import { useLang } from "../i18n.tsx";
import { FORMATS } from "./publish.tsx";
import { PublicSelfEvalResults } from "./self-eval/public-results.tsx";

/** Public, no login: published 表12 per department-year. */
export default function PublicPage() {
  const { t, lang, setLang } = useLang();
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header style={{ display: "flex", alignItems: "center", paddingInline: 20 }} className="no-print">
        <Link to="/public" className="jx-brand">
          {t("预算项目绩效目标公开", "Published performance targets")}
        </Link>
        <Space style={{ marginLeft: "auto" }}>
          <Segmented
            aria-label={t("界面语言", "Language")}
            size="small"
            value={lang}
            onChange={(v) => setLang(v as "zh" | "en")}
            options={[
              { value: "zh", label: "中文" },
              { value: "en", label: "EN" },
            ]}
          />
          <Link to="/login" style={{ color: "#fff" }}>
            {t("工作人员登录", "Staff login")}
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content>
        <main className="jx-page">
          <Routes>
            <Route index element={<PublicList />} />
            <Route path=":id" element={<PublicTable />} />
          </Routes>
        </main>
      </Layout.Content>
    </Layout>
  );
}

function PublicList() {
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

function PublicTable() {
  const { id = "" } = useParams();
  const { t } = useLang();
  const pub = useQuery({
    queryKey: ["public-pub", id],
    queryFn: () => request<Publication & { document: TargetDocument }>(`/public/publications/${id}`),
  });
  if (pub.isLoading) return <Spin />;
  if (pub.error || !pub.data) return <ErrorView error={pub.error} />;
  return (
    <Card>
      <Space className="no-print" style={{ marginBottom: 12 }} wrap>
        <Link to="/public">← {t("全部公开表", "All publications")}</Link>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t("打印", "Print")}
        </Button>
        {FORMATS.map((f) => (
          <a key={f} href={`/api/v1/public/publications/${id}/export.${f}`} download data-format={f}>
            {t("下载", "Download")} {f.toUpperCase()}
          </a>
        ))}
      </Space>
      {pub.data.current === false ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="publication-history-notice"
          title={
            pub.data.withdrawnAt
              ? t("此公开表已撤回", "This publication was withdrawn")
              : t("此公开表已被更正，以下为历史版本", "This publication was corrected; this is the earlier version")
          }
          description={
            <>
              {pub.data.withdrawReason ? <div>{pub.data.withdrawReason}</div> : null}
              {pub.data.replacedBy ? (
                <Link to={`/public/${pub.data.replacedBy}`}>
                  {t("查看更正后的公开表", "See the corrected publication")}
                </Link>
              ) : null}
            </>
          }
        />
      ) : null}
      <Table12 doc={{ ...pub.data.document, fiscalYear: pub.data.document.fiscalYear ?? pub.data.fiscalYear }} />
      <PublicSelfEvalResults data={pub.data} />
    </Card>
  );
}
