/**
 * Downloads that show their progress and can be cancelled (PDF prints take seconds): the file is
 * fetched as a stream, the bytes counted against Content-Length (a bar when the size is known,
 * the bytes received otherwise), an AbortController cancels, and the finished file is saved
 * through a blob URL under the name the server gives (Content-Disposition).
 *  - `DownloadButton`: one button for one file;
 *  - `useDownload` + `DownloadProgress`: for a menu of formats (the editor's 下载表12).
 */
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../api/client.ts";
import { useLang } from "../i18n.tsx";
import { fileNameOf } from "../lib/content-disposition.ts";
import { errorText } from "./error-view.tsx";

export interface DownloadProgressState {
  /** Bytes received so far. */
  received: number;
  /** Bytes expected (Content-Length), or null when the server did not say. */
  total: number | null;
}

/**
 * Fetches `url` (same origin, with the session cookie), reporting progress, as a Blob. A refused
 * answer becomes an ApiError with the server's code and words; `signal` aborts (AbortError).
 */
export async function fetchWithProgress(
  url: string,
  signal: AbortSignal,
  onProgress: (p: DownloadProgressState) => void,
): Promise<{ blob: Blob; fileName: string | null }> {
  const res = await fetch(url, { credentials: "same-origin", signal });
  if (!res.ok) {
    const type = res.headers.get("content-type") ?? "";
    const data: unknown = type.includes("json") ? await res.json().catch(() => null) : null;
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? `http.${res.status}`, err?.message ?? res.statusText, data);
  }
  const length = Number(res.headers.get("content-length"));
  // A body sent compressed counts decompressed bytes against the compressed length: no bar then.
  const total = length > 0 && !res.headers.get("content-encoding") ? length : null;
  const type = res.headers.get("content-type") ?? "application/octet-stream";
  const fileName = fileNameOf(res.headers.get("content-disposition"));
  onProgress({ received: 0, total });
  if (!res.body) {
    const blob = await res.blob();
    onProgress({ received: blob.size, total });
    return { blob, fileName };
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress({ received, total: total !== null && received <= total ? total : null });
  }
  return { blob: new Blob(chunks, { type }), fileName };
}

/** Saves a Blob as a file through a temporary blob URL. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface Download {
  /** Starts downloading `url`; a download already running is cancelled first. */
  start: (url: string, fallbackName: string) => void;
  cancel: () => void;
  /** The running download's progress, null when none runs. */
  progress: DownloadProgressState | null;
}

export function useDownload(): Download {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const controller = useRef<AbortController | null>(null);
  const [progress, setProgress] = useState<DownloadProgressState | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setProgress(null);
  }, []);
  const start = useCallback(
    (url: string, fallbackName: string) => {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      setProgress({ received: 0, total: null });
      fetchWithProgress(url, c.signal, (p) => {
        if (controller.current === c) setProgress(p);
      })
        .then(({ blob, fileName }) => {
          if (controller.current !== c) return;
          saveBlob(blob, fileName ?? fallbackName);
        })
        .catch((e: unknown) => {
          if (c.signal.aborted) {
            message.info(t("已取消下载", "Download cancelled"));
            return;
          }
          message.error(`${t("下载失败：", "Download failed: ")}${errorText(e, lang)}`);
        })
        .finally(() => {
          if (controller.current === c) {
            controller.current = null;
            setProgress(null);
          }
        });
    },
    [message, t, lang],
  );
  return { start, cancel, progress };
}

function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** A running download: a bar (or the bytes so far while the size is unknown) and 取消. */
export function DownloadProgress({ download }: { download: Download }) {
  const { t } = useLang();
  const p = download.progress;
  if (!p) return null;
  const label = t("下载进度", "Download progress");
  return (
    <span className="jx-download-progress" data-testid="download-progress">
      {p.total ? <progress aria-label={label} max={p.total} value={p.received} /> : <progress aria-label={label} />}
      <span aria-live="polite">
        {p.received === 0
          ? t("正在生成…", "Preparing…")
          : p.total
            ? `${Math.round((100 * p.received) / p.total)}%`
            : size(p.received)}
      </span>
      <Button size="small" onClick={download.cancel}>
        {t("取消", "Cancel")}
      </Button>
    </span>
  );
}

/**
 * One link-button that downloads one file with progress and 取消. It is a real link (`href`,
 * `download`): opened in a new tab or without scripts it still downloads, without the bar.
 */
export function DownloadButton({
  href,
  fileName,
  children,
  format,
}: {
  href: string;
  /** Used when the server names no file. */
  fileName: string;
  children: ReactNode;
  /** Marks the link for tests and styles (`data-format`). */
  format?: string;
}) {
  const download = useDownload();
  return (
    <span className="jx-download">
      <Button
        href={href}
        download={fileName}
        data-format={format}
        icon={<DownloadOutlined />}
        loading={download.progress !== null}
        onClick={(e) => {
          if (e.ctrlKey || e.metaKey || e.shiftKey) return; // a new tab or window: the browser's own download
          e.preventDefault();
          download.start(href, fileName);
        }}
      >
        {children}
      </Button>
      <DownloadProgress download={download} />
    </span>
  );
}
