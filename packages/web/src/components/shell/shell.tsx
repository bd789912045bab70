/**
 * The signed-in frame: header, main menu and content. Its own lazy chunk (app.tsx), so the
 * login and public pages do not load the header's selects, the menu and the drawer.
 *  - desktop (≥ 992 px): the menu in a sider that can be folded to icons;
 *  - tablet (768–991 px): the sider starts folded (icons, names on hover and focus);
 *  - phone (< 768 px): no sider; a menu button opens a drawer with the scope (year, department)
 *    and the menu, and the header keeps only the name, the language switch and 退出.
 */
import { MenuFoldOutlined, MenuUnfoldOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Badge, Grid, Layout } from "antd";
import { lazy, type ReactNode, Suspense, useEffect, useState } from "react";
import { useLocation } from "react-router-dom";
import { useLang } from "../../i18n.tsx";
import { useTodo } from "../todo-count.ts";
import { AppHeader } from "./app-header.tsx";
import { MainMenu, type MenuEntry } from "./main-menu.tsx";
import { useKeyboardScrollRegions } from "./use-keyboard-scroll.ts";

// Only phones open the drawer: desktops and tablets never load it.
const PhoneDrawer = lazy(() => import("./phone-drawer.tsx"));

export type { MenuEntry } from "./main-menu.tsx";

export default function Shell({ menu, children }: { menu: MenuEntry[]; children: ReactNode }) {
  const { t } = useLang();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [drawer, setDrawer] = useState(false);
  // The drawer's chunk loads on the first open and stays mounted (its closing animation plays).
  const [drawerUsed, setDrawerUsed] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const location = useLocation();
  const todo = useTodo();
  useKeyboardScrollRegions();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the drawer on every navigation
  useEffect(() => setDrawer(false), [location.pathname]);
  const items = menu.map((m) =>
    m.key === "/todo"
      ? {
          ...m,
          label: (
            <span data-testid="menu-todo">
              {m.label} <Badge count={todo.data?.counts.total ?? 0} size="small" color="#a8071a" />
            </span>
          ),
        }
      : m,
  );
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <a href="#jx-main" className="jx-skip-link">
        {t("跳到正文", "Skip to content")}
      </a>
      <AppHeader
        phone={phone}
        wide={Boolean(screens.xl)}
        large={Boolean(screens.lg)}
        onMenu={() => {
          setDrawerUsed(true);
          setDrawer(true);
        }}
      />
      <Layout>
        {phone ? (
          drawerUsed ? (
            <Suspense fallback={null}>
              <PhoneDrawer open={drawer} onClose={() => setDrawer(false)} items={items} />
            </Suspense>
          ) : null
        ) : (
          <Layout.Sider
            width={180}
            collapsedWidth={64}
            theme="light"
            className="no-print jx-sider"
            breakpoint="lg"
            collapsible
            collapsed={collapsed}
            onBreakpoint={setCollapsed}
            trigger={null}
          >
            <button
              type="button"
              className="jx-sider-toggle"
              aria-expanded={!collapsed}
              aria-label={collapsed ? t("展开菜单", "Expand the menu") : t("收起菜单", "Collapse the menu")}
              onClick={() => setCollapsed((c) => !c)}
            >
              {collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            </button>
            <MainMenu items={items} label={t("主导航", "Main navigation")} />
            {collapsed ? null : (
              <div style={{ padding: 12, fontSize: 12, color: "#595959" }}>
                <SafetyCertificateOutlined /> {t("数据按区划与年度隔离", "Data isolated by region and year")}
              </div>
            )}
          </Layout.Sider>
        )}
        <Layout.Content id="jx-main" tabIndex={-1} className="jx-content">
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
