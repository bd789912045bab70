/** The main menu (in the sider, or in the drawer on phones): the entries app.tsx gives for the role. */
import { Menu } from "antd";
import type { ReactNode } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { selectedKey } from "../../lib/menu-selection.ts";

export interface MenuEntry {
  key: string;
  icon: ReactNode;
  label: ReactNode;
}

export function MainMenu({ items, label }: { items: MenuEntry[]; label: string }) {
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <nav aria-label={label}>
      <Menu
        mode="inline"
        selectedKeys={[
          selectedKey(
            items.map((i) => i.key),
            location.pathname,
          ),
        ]}
        items={items.map((i) => ({ ...i, type: "item" as const }))}
        onClick={(e) => navigate(e.key)}
        style={{ borderInlineEnd: 0 }}
      />
    </nav>
  );
}
