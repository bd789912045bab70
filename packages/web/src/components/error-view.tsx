import { Alert } from "antd";
import { ApiError } from "../api/client.ts";
import { useLang } from "../i18n.tsx";

function messageOf(error: ApiError, lang: "zh" | "en"): string {
  const body = error.body as { error?: { message?: string; messageEn?: string } } | null;
  return lang === "zh" ? (body?.error?.message ?? error.message) : (body?.error?.messageEn ?? error.message);
}

/** The stable code of an error, in a collapsed details line (for support, never in the message). */
export function ErrorCode({ code }: { code: string }) {
  const { t } = useLang();
  return (
    <details className="jx-error-code" style={{ fontSize: 12, color: "#595959", marginTop: 4 }}>
      <summary>{t("详情", "Details")}</summary>
      {t("错误代码：", "Error code: ")}
      <code>{code}</code>
    </details>
  );
}

/** Shows an API error in the user's language; its stable code only in a collapsed details line. */
export function ErrorView({ error }: { error: unknown }) {
  const { t, lang } = useLang();
  if (!error) return null;
  if (error instanceof ApiError) {
    const title =
      error.status === 404
        ? t("未找到，或您无权访问", "Not found, or not yours to see")
        : t("操作失败", "Request failed");
    return (
      <Alert
        type="error"
        showIcon
        title={title}
        description={
          <>
            <div>{messageOf(error, lang)}</div>
            <ErrorCode code={error.code} />
          </>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={t("出错了", "Something went wrong")}
      description={error instanceof Error ? error.message : String(error)}
    />
  );
}

/** The words of an error for a toast: the message only (the code stays out of it). */
export function errorText(error: unknown, lang: "zh" | "en"): string {
  if (error instanceof ApiError) return messageOf(error, lang);
  if (error instanceof Error) return error.message;
  return String(error);
}
