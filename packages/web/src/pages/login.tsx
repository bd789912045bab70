import { Alert, Button, Card, Form, Input, Segmented, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { errorText } from "../components/error-view.tsx";
import { useLang } from "../i18n.tsx";
import { useSession } from "../session.tsx";

export function LoginPage() {
  const { login } = useSession();
  const { t, lang, setLang } = useLang();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username, v.password);
      const next = params.get("next");
      navigate(next?.startsWith("/") && !next.startsWith("//") ? next : "/projects", { replace: true });
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "linear-gradient(160deg, #7a0b12 0%, #a8071a 45%, #f3f4f6 45%)",
      }}
    >
      <Card style={{ width: 400, maxWidth: "calc(100vw - 24px)", boxShadow: "0 8px 24px rgba(0,0,0,.15)" }}>
        <div style={{ display: "flex", justifyContent: "flex-end" }}>
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
        </div>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: "center", marginTop: 8 }}>
          {t("预算项目绩效目标管理", "Budget Performance Targets")}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
          {t("编报 · 审核 · 批复 · 公开 · 自评", "Compile · review · approve · publish · self-evaluate")}
        </Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            label={t("用户名", "Username")}
            name="username"
            rules={[{ required: true, message: t("请输入用户名", "Enter your username") }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t("密码", "Password")}
            name="password"
            rules={[{ required: true, message: t("请输入密码", "Enter your password") }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t("登录", "Log in")}
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: "center" }}>
          <Link to="/public">{t("查看已公开的绩效目标表（无需登录）", "Published tables (no login needed)")}</Link>
        </div>
      </Card>
    </main>
  );
}
