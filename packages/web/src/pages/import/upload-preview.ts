/**
 * Uploads a file for an import preview with progress (XMLHttpRequest: fetch has no upload
 * progress). A re-read sends the same file again with the user's column mapping.
 */
import { getCsrf, qs } from "../../api/client.ts";
import type { ImportColumnOverride, ImportPreview } from "../../api/types.ts";

export type UploadError = Error & { code?: string; messageEn?: string };

export function uploadPreview(
  file: File,
  fiscalYear: number,
  onProgress: (pct: number) => void,
  columns?: ImportColumnOverride[],
): Promise<ImportPreview> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/imports/preview${qs({ fiscalYear })}`);
    const csrf = getCsrf();
    if (csrf) xhr.setRequestHeader("x-csrf-token", csrf);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportPreview);
      else {
        const err = (body as { error?: { code?: string; message?: string; messageEn?: string } })?.error;
        reject(
          Object.assign(new Error(err?.message ?? `HTTP ${xhr.status}`), {
            code: err?.code,
            messageEn: err?.messageEn,
          }) as UploadError,
        );
      }
    };
    xhr.onerror = () => reject(new Error("network"));
    const form = new FormData();
    // The mapping goes before the file: the server reads the fields that precede it.
    if (columns && columns.length > 0) form.append("columns", JSON.stringify(columns));
    form.append("file", file);
    xhr.send(form);
  });
}
