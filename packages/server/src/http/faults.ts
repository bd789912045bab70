/**
 * Storage faults as coded answers: a full disk (PostgreSQL SQLSTATE 53100 `disk_full`, or the
 * file system's ENOSPC under PGlite) is 507 `storage.full` with words for people, never a generic
 * 500. The statement's transaction has rolled back, so nothing is half-written.
 */
import { AppError } from "../errors.ts";

/** Whether an error (from pg, PGlite or node:fs) says the disk is full. */
export function isDiskFull(e: unknown): boolean {
  const err = e as { code?: unknown; errno?: unknown; message?: unknown } | null;
  if (!err) return false;
  if (err.code === "53100" || err.code === "ENOSPC" || err.errno === 28) return true;
  return (
    typeof err.message === "string" && /no space left on device|could not extend file|disk full/i.test(err.message)
  );
}

export const storageFull = (): AppError =>
  new AppError(
    "storage.full",
    "服务器存储空间已满，本次操作未保存（未写入任何内容）；请联系管理员",
    "The server's storage is full; nothing of this request was saved. Contact the administrator",
  );
