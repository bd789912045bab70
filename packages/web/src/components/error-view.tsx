import { Alert } from "antd";
import { ApiError } from "../api/client.ts";
import { useLang } from "../i18n.tsx";

/** Shows an API error in the user's language, with its stable code. */
export function ErrorView({ error }: { error: unknown }) {
  const { t, lang } = useLang();
  if (!error) return null;
  if (error instanceof ApiError) {
    const body = error.body as { error?: { message?: string; messageEn?: string } } | null;
    const msg = lang === "zh" ? (body?.error?.message ?? error.message) : (body?.error?.messageEn ?? error.message);
    const title =
      error.status === 404
        ? t("未找到，或您无权访问", "Not found, or not yours to see")
        : t("操作失败", "Request failed");
    return <Alert type="error" showIcon title={title} description={`${msg} (${error.code})`} />;
  }
  return <Alert type="error" showIcon title={t("出错了", "Something went wrong")} description={String(error)} />;
}

export function errorText(error: unknown, lang: "zh" | "en"): string {
  if (error instanceof ApiError) {
    const body = error.body as { error?: { message?: string; messageEn?: string } } | null;
    return `${lang === "zh" ? (body?.error?.message ?? error.message) : (body?.error?.messageEn ?? error.message)} (${error.code})`;
  }
  return String(error);
}
