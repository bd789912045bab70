import { PrinterOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Layout, Segmented, Space, Spin } from "antd";
import { lazy, Suspense } from "react";
import { Link, Route, Routes, useParams } from "react-router-dom";
import { publicationQuery } from "../api/queries.ts";
import { DownloadButton } from "../components/download-button.tsx";
import { ErrorView } from "../components/error-view.tsx";
import { useKeyboardScrollRegions } from "../components/shell/use-keyboard-scroll.ts";
import { Table12 } from "../components/table12.tsx";
import { useLang } from "../i18n.tsx";
import { lazyComponent } from "../lib/lazy-component.tsx";
import { PUBLICATION_FORMATS } from "../lib/publication-formats.ts";
import { loadPublicList } from "../route-preload.ts";

// The list (an antd Table) is its own chunk: a link to one 表12 does not load it. A first load of
// the list starts it beside this page (route-preload.ts), and it renders without suspending.
const PublicList = lazyComponent(loadPublicList, (m) => m.default);
// Published self-evaluation results (a table too) load only for a publication that carries them.
const PublicSelfEvalResults = lazy(() =>
  import("./self-eval/public-results.tsx").then((m) => ({ default: m.PublicSelfEvalResults })),
);

/** Whether a publication answer carries self-evaluation results (where self-eval/public-results.tsx reads them). */
function carriesSelfEvaluation(data: object): boolean {
  const d = data as { selfEvaluations?: unknown; selfEvaluation?: unknown; document?: { projects?: object[] } };
  return (
    Boolean(d.selfEvaluations ?? d.selfEvaluation) || (d.document?.projects ?? []).some((p) => "selfEvaluation" in p)
  );
}

/** Public, no login: published 表12 per department-year. Readable on a phone: the 表12 scrolls in its frame. */
export default function PublicPage() {
  const { t, lang, setLang } = useLang();
  useKeyboardScrollRegions();
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header className="no-print jx-header jx-public-header">
        <Link to="/public" className="jx-brand">
          {t("预算项目绩效目标公开", "Published performance targets")}
        </Link>
        <Space className="jx-header-tools">
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
          <Suspense fallback={<Spin />}>
            <Routes>
              <Route index element={<PublicList />} />
              <Route path=":id" element={<PublicTable />} />
            </Routes>
          </Suspense>
        </main>
      </Layout.Content>
    </Layout>
  );
}

function PublicTable() {
  const { id = "" } = useParams();
  const { t } = useLang();
  const pub = useQuery(publicationQuery(id));
  if (pub.isLoading) return <Spin />;
  if (pub.error || !pub.data) return <ErrorView error={pub.error} />;
  return (
    <Card>
      <Space className="no-print" style={{ marginBottom: 12 }} wrap>
        <Link to="/public">← {t("全部公开表", "All publications")}</Link>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t("打印", "Print")}
        </Button>
        {PUBLICATION_FORMATS.map((f) => (
          <DownloadButton
            key={f}
            href={`/api/v1/public/publications/${id}/export.${f}`}
            fileName={`${pub.data.fiscalYear}-${pub.data.deptCode}-表12.${f}`}
            format={f}
          >
            {t("下载", "Download")} {f.toUpperCase()}
          </DownloadButton>
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
      {carriesSelfEvaluation(pub.data) ? (
        <Suspense fallback={null}>
          <PublicSelfEvalResults data={pub.data} />
        </Suspense>
      ) : null}
    </Card>
  );
}
