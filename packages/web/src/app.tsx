import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  FileSearchOutlined,
  GlobalOutlined,
  SendOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  ToolOutlined,
} from "@ant-design/icons";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider, Spin, theme } from "antd";
import enUSModule from "antd/es/locale/en_US.js";
import zhCNModule from "antd/es/locale/zh_CN.js";
import { lazy, type ReactNode, Suspense } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { useLibraryLabels } from "./components/library-labels.ts";
import type { MenuEntry } from "./components/shell/shell.tsx";
import { LangProvider, useLang } from "./i18n.tsx";
import { lazyComponent } from "./lib/lazy-component.tsx";
import { loadDashboard, loadEditor, loadLogin, loadProjects, loadPublic, loadShell } from "./route-preload.ts";
import { can, SessionProvider, useSession } from "./session.tsx";
import type { ViewSettings } from "./settings.ts";

// The signed-in frame (header, menu, drawer) is a chunk of its own: login and public pages skip it.
// It and the pages a first load can start on render without suspending once their chunk is in.
const Shell = lazyComponent(loadShell, (m) => m.default);

// Every page is its own chunk (route-level splitting): the login and public pages load little.
const LoginPage = lazyComponent(loadLogin, (m) => m.LoginPage);
const ProjectsPage = lazyComponent(loadProjects, (m) => m.ProjectsPage);
const EditorPage = lazyComponent(loadEditor, (m) => m.default);
const ImportPage = lazy(() => import("./pages/import.tsx"));
const ReviewQueuePage = lazy(() => import("./pages/review-queue.tsx"));
const ReviewPage = lazy(() => import("./pages/review.tsx"));
const PublishPage = lazy(() => import("./pages/publish.tsx"));
const PublicPage = lazyComponent(loadPublic, (m) => m.default);
const SelfEvalPage = lazy(() => import("./pages/self-eval/page.tsx"));
const EvaluationRoundsPage = lazy(() => import("./pages/evaluation-rounds/rounds-page.tsx"));
const EvaluationRoundPage = lazy(() => import("./pages/evaluation-rounds/round-dashboard.tsx"));
const RectificationsPage = lazy(() => import("./pages/rectifications/page.tsx"));
const DashboardPage = lazyComponent(loadDashboard, (m) => m.default);
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

/** The app's query client (one per page load in the browser, one per render on the server). */
export const createQueryClient = (): QueryClient =>
  new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

export interface AppProps {
  client: QueryClient;
  /** Wraps the app in its router: BrowserRouter in the browser (main.tsx), a static router at the request's URL on the server (entry-server.tsx). */
  router: (app: ReactNode) => ReactNode;
  /** The view settings to start with (the server's render and the page it hydrates); else the stored ones. */
  settings?: ViewSettings;
}

/** The whole app: the browser renders it (main.tsx), and the server renders its first-load pages (entry-server.tsx). */
export function App({ client, router, settings }: AppProps) {
  return (
    <QueryClientProvider client={client}>
      <LangProvider initial={settings?.lang}>
        <Themed>
          {router(
            <SessionProvider initial={settings}>
              <Suspense fallback={<Spin style={{ margin: 48 }} />}>
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  <Route path="/public/*" element={<PublicPage />} />
                  <Route path="/*" element={<Authed />} />
                </Routes>
              </Suspense>
            </SessionProvider>,
          )}
        </Themed>
      </LangProvider>
    </QueryClientProvider>
  );
}

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  useLibraryLabels(lang); // antd's few English-only labels, in the UI's language
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
          // AA contrast for danger buttons and error text (antd's #ff4d4f is 3.3:1 on white).
          colorError: "#cf1322",
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
  const menu = useMenu();
  if (loading) return <Spin style={{ margin: 48 }} />;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <Shell menu={menu}>
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
          <Route path="/evaluation-rounds" element={<EvaluationRoundsPage />} />
          <Route path="/evaluation-rounds/:id" element={<EvaluationRoundPage />} />
          <Route path="/rectifications" element={<RectificationsPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}

/** The main menu of the user's role: only the screens where the role has something to do. */
function useMenu(): MenuEntry[] {
  const { user } = useSession();
  const { t } = useLang();
  const items = [
    { key: "/", icon: <BarChartOutlined />, label: t("绩效看板", "Dashboard") },
    { key: "/todo", icon: <CheckSquareOutlined />, label: t("待办", "To do") },
    { key: "/projects", icon: <TableOutlined />, label: t("项目目标表", "Projects") },
    can.edit(user) ? { key: "/import", icon: <CloudUploadOutlined />, label: t("导入", "Import") } : null,
    can.approve(user) ? { key: "/review", icon: <FileSearchOutlined />, label: t("审核批复", "Review") } : null,
    { key: "/monitoring", icon: <AlertOutlined />, label: t("运行监控", "Monitoring") },
    { key: "/evaluation-rounds", icon: <SolutionOutlined />, label: t("绩效自评", "Self-evaluation") },
    { key: "/rectifications", icon: <ToolOutlined />, label: t("整改任务", "Rectification") },
    can.publish(user) ? { key: "/publish", icon: <SendOutlined />, label: t("公开发布", "Publish") } : null,
    { key: "/public", icon: <GlobalOutlined />, label: t("公开查询", "Public page") },
    can.audit(user) ? { key: "/audit", icon: <AuditOutlined />, label: t("审计日志", "Audit log") } : null,
    can.admin(user) ? { key: "/admin", icon: <TeamOutlined />, label: t("用户与单位", "Admin") } : null,
  ];
  return items.filter((x) => x !== null);
}
