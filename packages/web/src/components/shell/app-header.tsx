/**
 * The header. 退出 and the language switch stay in it at every width; the name shortens on
 * tablets and phones; the year and department move into the menu drawer on phones; region and
 * role show beside the name on wide screens, in the name's tooltip otherwise.
 */
import { LogoutOutlined, MenuOutlined } from "@ant-design/icons";
import { Button, Layout, Segmented } from "antd";
import { useNavigate } from "react-router-dom";
import { useLang } from "../../i18n.tsx";
import { useSession } from "../../session.tsx";
import { ScopeControls, WhoAmI } from "./scope-controls.tsx";

export function LanguageSwitch() {
  const { t, lang, setLang } = useLang();
  return (
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
  );
}

interface Props {
  /** < 768 px: menu button, short name, no selects. */
  phone: boolean;
  /** ≥ 992 px: the full name. */
  large: boolean;
  /** ≥ 1200 px: region and role beside the user's name. */
  wide: boolean;
  onMenu: () => void;
}

export function AppHeader({ phone, large, wide, onMenu }: Props) {
  const { logout } = useSession();
  const { t } = useLang();
  const navigate = useNavigate();
  return (
    <Layout.Header className="jx-header" style={{ paddingInline: phone ? 8 : 20 }}>
      {phone ? (
        <Button
          type="text"
          className="jx-header-menu"
          icon={<MenuOutlined />}
          aria-label={t("打开菜单", "Open the menu")}
          onClick={onMenu}
        />
      ) : null}
      <span className="jx-brand">
        {large ? t("预算项目绩效目标管理", "Budget Performance Targets") : t("绩效目标管理", "Perf. targets")}
        {large ? <small>jixiao</small> : null}
      </span>
      <div className="jx-header-tools">
        {phone ? null : <ScopeControls />}
        {phone ? null : <WhoAmI compact={!wide} />}
        <LanguageSwitch />
        <Button
          size="small"
          icon={phone ? <LogoutOutlined /> : undefined}
          onClick={async () => {
            await logout();
            navigate("/login");
          }}
        >
          {t("退出", "Log out")}
        </Button>
      </div>
    </Layout.Header>
  );
}
