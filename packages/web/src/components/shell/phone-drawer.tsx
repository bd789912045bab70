/** The menu drawer of phones (< 768 px): who is signed in, the year and department, the main menu. */
import { Drawer } from "antd";
import { useLang } from "../../i18n.tsx";
import { MainMenu, type MenuEntry } from "./main-menu.tsx";
import { ScopeControls, WhoAmI } from "./scope-controls.tsx";

export default function PhoneDrawer({
  open,
  onClose,
  items,
}: {
  open: boolean;
  onClose: () => void;
  items: MenuEntry[];
}) {
  const { t } = useLang();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="left"
      size={280}
      title={t("菜单", "Menu")}
      className="no-print"
      styles={{ body: { padding: 0 } }}
    >
      <div className="jx-drawer-scope">
        <WhoAmI />
        <ScopeControls stacked />
      </div>
      <MainMenu items={items} label={t("主导航", "Main navigation")} />
    </Drawer>
  );
}
