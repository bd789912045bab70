/**
 * Reading one uploaded file whole, refusing it when it was cut at the size limit: busboy stops at
 * `limits.fileSize` and marks the stream `truncated` — such a file is never read as if complete.
 */
import type { MultipartFile } from "@fastify/multipart";
import { MAX_UPLOAD_BYTES } from "../app.ts";
import { AppError } from "../errors.ts";
import { badText, refuseBadText } from "./input-hygiene.ts";

export const uploadTooLarge = (): AppError =>
  new AppError(
    "payload.too-large",
    `上传文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB 上限，未处理`,
    `The uploaded file exceeds the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB limit; nothing was done`,
    { limit: MAX_UPLOAD_BYTES },
  );

/**
 * The file's bytes; 413 `payload.too-large` when it was truncated at the limit, 400 `validation`
 * when the body ended before the file did.
 */
export async function readUpload(file: MultipartFile): Promise<Uint8Array> {
  const badName = badText(file.filename ?? "");
  if (badName) {
    file.file.resume(); // drain the stream: the request still ends cleanly
    throw refuseBadText("file", { path: "/filename", reason: badName });
  }
  let buf: Buffer;
  try {
    buf = await file.toBuffer();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE" || code === "FST_ERR_CTP_BODY_TOO_LARGE") throw uploadTooLarge();
    if (e instanceof AppError) throw e;
    // A body that ends before its closing boundary, or a dropped connection: the file is incomplete.
    throw new AppError("validation", "上传内容不完整，未处理", "The upload was cut off; nothing was done", {
      field: "file",
      reason: e instanceof Error ? e.message : String(e),
    });
  }
  if (file.file.truncated || buf.length > MAX_UPLOAD_BYTES) throw uploadTooLarge();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}
