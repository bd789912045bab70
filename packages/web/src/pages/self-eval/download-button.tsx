/**
 * A download that shows its progress: the button spins while the server writes the file (a PDF
 * or Word report takes seconds in the worker pool), then the browser saves it under the server's
 * file name; a refusal shows the server's words. Not a bare link, so a slow report is visibly
 * under way and a failure is not a blank tab.
 */
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, type ButtonProps } from "antd";
import { useState } from "react";
import { API, ApiError } from "../../api/client.ts";
import { errorText } from "../../components/error-view.tsx";
import { useLang } from "../../i18n.tsx";

/** The file name of a Content-Disposition header (RFC 5987 `filename*` first). */
export function dispositionName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1] ?? fallback;
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DownloadButton({
  path,
  fallbackName,
  children,
  format,
  ...rest
}: { path: string; fallbackName: string; format: string } & Omit<ButtonProps, "onClick" | "href">) {
  const { lang, t } = useLang();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const res = await fetch(path.startsWith("/api") ? path : `${API}${path}`, { credentials: "same-origin" });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
        throw new ApiError(res.status, body?.error?.code ?? `http.${res.status}`, body?.error?.message ?? "", body);
      }
      save(await res.blob(), dispositionName(res.headers.get("content-disposition"), fallbackName));
      message.success(t("已下载", "Downloaded"));
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run} data-format={format} aria-busy={busy} {...rest}>
      {busy ? t("正在生成…", "Preparing…") : children}
    </Button>
  );
}
