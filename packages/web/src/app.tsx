import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  FileSearchOutlined,
  GlobalOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  TableOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import {
  App as AntApp,
  Badge,
  Button,
  ConfigProvider,
  Layout,
  Menu,
  Segmented,
  Select,
  Space,
  Spin,
  Tag,
  theme,
} from "antd";
import enUSModule from "antd/es/locale/en_US.js";
import zhCNModule from "antd/es/locale/zh_CN.js";
import { lazy, type ReactNode, Suspense } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from "react-router-dom";
import { qs, request } from "./api/client.ts";
import type { Department } from "./api/types.ts";
import { ToneTag } from "./components/status-tag.tsx";
import { useTodo } from "./components/todo-count.ts";
import { useFiscalYears } from "./components/year-card.tsx";
import { LangProvider, useLang } from "./i18n.tsx";
import { can, ROLE_LABEL, SessionProvider, useSession } from "./session.tsx";

// Every page is its own chunk (route-level splitting): the login and public pages load little.
const LoginPage = lazy(() => import("./pages/login.tsx").then((m) => ({ default: m.LoginPage })));
const ProjectsPage = lazy(() => import("./pages/projects.tsx").then((m) => ({ default: m.ProjectsPage })));
const EditorPage = lazy(() => import("./pages/editor.tsx"));
const ImportPage = lazy(() => import("./pages/import.tsx"));
const ReviewQueuePage = lazy(() => import("./pages/review-queue.tsx"));
const ReviewPage = lazy(() => import("./pages/review.tsx"));
const PublishPage = lazy(() => import("./pages/publish.tsx"));
const PublicPage = lazy(() => import("./pages/public.tsx"));
const SelfEvalPage = lazy(() => import("./pages/self-eval.tsx"));
const DashboardPage = lazy(() => import("./pages/dashboard.tsx"));
const TodoPage = lazy(() => import("./pages/todo.tsx"));
const AuditPage = lazy(() => import("./pages/audit.tsx"));
const AdminPage = lazy(() => import("./pages/admin.tsx"));
const MonitoringRoundsPage = lazy(() => import("./pages/monitoring/rounds-page.tsx"));
const MonitoringRoundPage = lazy(() => import("./pages/monitoring/round-dashboard.tsx"));
const MonitoringReportPage = lazy(() => import("./pages/monitoring/report-page.tsx"));

// antd ships its locales as CommonJS-typed modules: TypeScript sees the namespace, Vite the value.
type Locale = NonNullable<Parameters<typeof ConfigProvider>[0]["locale"]>;
const unwrap = (m: unknown): Locale => ((m as { default?: Locale }).default ?? m) as Locale;
const zhCN = unwrap(zhCNModule);
const enUS = unwrap(enUSModule);

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LangProvider>
        <Themed>
          <BrowserRouter>
            <SessionProvider>
              <Suspense fallback={<Spin style={{ margin: 48 }} />}>
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  <Route path="/public/*" element={<PublicPage />} />
                  <Route path="/*" element={<Authed />} />
                </Routes>
              </Suspense>
            </SessionProvider>
          </BrowserRouter>
        </Themed>
      </LangProvider>
    </QueryClientProvider>
  );
}

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  return (
    <ConfigProvider
      locale={lang === "zh" ? zhCN : enUS}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: {
          colorPrimary: "#a8071a",
          borderRadius: 3,
          fontSize: 14,
          colorLink: "#1d39c4",
          // AA contrast for secondary text, placeholders and empty states.
          colorTextDescription: "#595959",
          colorTextTertiary: "#595959",
          colorTextQuaternary: "#6b6b6b",
          colorTextPlaceholder: "#6b6b6b",
          colorTextDisabled: "#6b6b6b",
        },
        components: { Layout: { headerBg: "#7a0b12", siderBg: "#fff" } },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

function Authed() {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <Spin style={{ margin: 48 }} />;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Header />
      <Layout>
        <Sider />
        <Layout.Content>
          <Suspense fallback={<Spin style={{ margin: 48 }} />}>
            <Routes>
              <Route path="/" element={<DashboardPage />} />
              <Route path="/todo" element={<TodoPage />} />
              <Route path="/projects" element={<ProjectsPage />} />
              <Route path="/projects/:id" element={<EditorPage />} />
              <Route path="/projects/:id/review" element={<ReviewPage />} />
              <Route path="/projects/:id/self-evaluation" element={<SelfEvalPage />} />
              <Route path="/import" element={<ImportPage />} />
              <Route path="/review" element={<ReviewQueuePage />} />
              <Route path="/publish" element={<PublishPage />} />
              <Route path="/audit" element={<AuditPage />} />
              <Route path="/admin" element={<AdminPage />} />
              <Route path="/monitoring" element={<MonitoringRoundsPage />} />
              <Route path="/monitoring/rounds/:id" element={<MonitoringRoundPage />} />
              <Route path="/monitoring/reports/:id" element={<MonitoringReportPage />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function Header() {
  const { user, logout, fiscalYear, setFiscalYear, deptCode, setDeptCode } = useSession();
  const { t, lang, setLang } = useLang();
  const navigate = useNavigate();
  const depts = useQuery({
    queryKey: ["departments", fiscalYear],
    queryFn: () => request<{ items: Department[] }>(`/departments${qs({ fiscalYear })}`),
  });
  const bound = Boolean(user?.deptCode || user?.unitCode);
  const years = useFiscalYears();
  const role = user ? ROLE_LABEL[user.role] : null;
  return (
    <Layout.Header style={{ display: "flex", alignItems: "center", gap: 16, paddingInline: 20 }}>
      <span className="jx-brand">
        {t("预算项目绩效目标管理", "Budget Performance Targets")}
        <small>jixiao</small>
      </span>
      <Space size={12} style={{ marginLeft: "auto" }} wrap>
        <ToneTag tone="gold" style={{ marginInlineEnd: 0 }}>
          {t("财政区划", "Region")} {user?.regionCode}
        </ToneTag>
        {bound ? (
          <span className="jx-scope-tag" data-testid="scope">
            {t("部门", "Dept.")} {deptCode} {depts.data?.items.find((d) => d.code === deptCode)?.name ?? ""}
            {user?.unitCode ? ` · ${t("单位", "unit")} ${user.unitCode}` : ""}
          </span>
        ) : (
          <Select
            aria-label={t("部门", "Department")}
            style={{ minWidth: 200 }}
            value={deptCode ?? undefined}
            placeholder={t("全部部门", "All departments")}
            allowClear
            onChange={(v) => setDeptCode(v ?? null)}
            options={(depts.data?.items ?? []).map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }))}
          />
        )}
        <Select
          aria-label={t("预算年度", "Fiscal year")}
          style={{ width: 110 }}
          value={fiscalYear}
          onChange={setFiscalYear}
          options={years.map((y) => ({ value: y, label: t(`${y} 年度`, `FY ${y}`) }))}
        />
        <span style={{ color: "#fff" }}>
          {user?.displayName || user?.username}
          {role ? <Tag style={{ marginInlineStart: 6 }}>{lang === "zh" ? role[0] : role[1]}</Tag> : null}
        </span>
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
        <Button
          size="small"
          onClick={async () => {
            await logout();
            navigate("/login");
          }}
        >
          {t("退出", "Log out")}
        </Button>
      </Space>
    </Layout.Header>
  );
}

function Sider() {
  const { user } = useSession();
  const todo = useTodo();
  const { t } = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  const items = [
    { key: "/", icon: <BarChartOutlined />, label: t("绩效看板", "Dashboard") },
    {
      key: "/todo",
      icon: <CheckSquareOutlined />,
      label: (
        <span data-testid="menu-todo">
          {t("待办", "To do")} <Badge count={todo.data?.counts.total ?? 0} size="small" color="#a8071a" />
        </span>
      ),
    },
    { key: "/projects", icon: <TableOutlined />, label: t("项目目标表", "Projects") },
    can.edit(user) ? { key: "/import", icon: <CloudUploadOutlined />, label: t("导入", "Import") } : null,
    { key: "/review", icon: <FileSearchOutlined />, label: t("审核批复", "Review") },
    { key: "/monitoring", icon: <AlertOutlined />, label: t("运行监控", "Monitoring") },
    { key: "/publish", icon: <SendOutlined />, label: t("公开发布", "Publish") },
    { key: "/public", icon: <GlobalOutlined />, label: t("公开查询", "Public page") },
    can.audit(user) ? { key: "/audit", icon: <AuditOutlined />, label: t("审计日志", "Audit log") } : null,
    can.admin(user) ? { key: "/admin", icon: <TeamOutlined />, label: t("用户与单位", "Admin") } : null,
  ].filter((x) => x !== null);
  const selected =
    items
      .map((i) => i.key)
      .filter((k) => (k === "/" ? location.pathname === "/" : location.pathname.startsWith(k)))
      .sort((a, b) => b.length - a.length)[0] ?? "/";
  return (
    <Layout.Sider width={180} theme="light" className="no-print">
      <nav aria-label={t("主导航", "Main navigation")}>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          items={items}
          onClick={(e) => navigate(e.key)}
          style={{ borderInlineEnd: 0 }}
        />
      </nav>
      <div style={{ padding: 12, fontSize: 12, color: "#595959" }}>
        <SafetyCertificateOutlined /> {t("数据按区划与年度隔离", "Data isolated by region and year")}
      </div>
    </Layout.Sider>
  );
}
