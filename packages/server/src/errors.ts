/**
 * Errors of the server as values with stable codes. Domain commands throw {@link AppError}
 * (a code, never an HTTP status); this file is the one place that maps codes to statuses.
 */

export class AppError extends Error {
  readonly code: string;
  readonly messageZh: string;
  readonly details: unknown;
  constructor(code: string, messageZh: string, messageEn: string, details?: unknown) {
    super(messageEn);
    this.code = code;
    this.messageZh = messageZh;
    this.details = details;
  }
}

/** HTTP status of an error code: exact match first, then by prefix/suffix. */
export function statusOf(code: string): number {
  const exact: Record<string, number> = {
    validation: 400,
    "auth.required": 401,
    "auth.bad-credentials": 401,
    "auth.csrf": 403,
    forbidden: 403,
    "conflict.stale": 409,
    "conflict.exists": 409,
    "workflow.bad-transition": 409,
    "payload.too-large": 413,
    "payload.unsupported": 415,
    "auth.rate-limited": 429,
    internal: 500,
    "export.pdf-unavailable": 503,
    "server.busy": 503,
    "job.user-busy": 429,
    "job.too-large": 413,
    "job.timeout": 422,
    "job.failed": 422,
    "storage.full": 507,
  };
  if (code in exact) return exact[code] as number;
  if (code.endsWith(".not-found")) return 404;
  if (code.startsWith("import.")) return 422;
  if (code.startsWith("workflow.")) return 409;
  if (code.startsWith("conflict.")) return 409;
  return 400;
}

export const notFound = (what: string, zh: string): AppError =>
  new AppError(`${what}.not-found`, `${zh}不存在`, `${what[0]?.toUpperCase()}${what.slice(1)} not found`);

export const forbidden = (): AppError => new AppError("forbidden", "无权执行此操作", "You may not do this");

export const stale = (current: number): AppError =>
  new AppError(
    "conflict.stale",
    "数据已被他人修改，请刷新后重试（您的修改未保存）",
    "The table was changed by someone else; reload and retry (nothing was saved)",
    { rowVersion: current },
  );

export const badTransition = (from: string, action: string): AppError =>
  new AppError(
    "workflow.bad-transition",
    `当前状态（${from}）不能执行“${action}”`,
    `Cannot ${action} a table in status ${from}`,
    { status: from, action },
  );

/** The JSON body of an error response. */
export function errorBody(e: AppError): {
  error: { code: string; message: string; messageEn: string; details?: unknown };
} {
  return {
    error: {
      code: e.code,
      message: e.messageZh,
      messageEn: e.message,
      ...(e.details === undefined ? {} : { details: e.details }),
    },
  };
}
