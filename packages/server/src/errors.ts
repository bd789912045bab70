/**
 * Errors of the server as values with stable codes. Domain commands throw {@link AppError}
 * (a code, never an HTTP status); SERVER_ERRORS is the one table of codes — HTTP status, the
 * usual words in Chinese and English, what each means — from which statusOf answers and
 * docs/DIAGNOSTICS.md is generated. An AppError's code must be one of the table's (the type
 * says so); a command may give more specific words for its case.
 */
import { type DiagnosticParams, defineDiagnostics } from "@jixiao/core";
import { FIELD_WORDS, type SchemaFailure, schemaFailureWords } from "./validation-words.ts";
import { ACTION_WORDS, STATUS_WORDS } from "./workflow-words.ts";

export { type SchemaFailure, schemaFailureWords } from "./validation-words.ts";

const e = (status: number, zh: string, en: string, about: string) => ({
  severity: "error" as const,
  zh,
  en,
  about,
  facts: { status },
});

/** Things that can be missing: each gives a `<thing>.not-found` code (404). */
export type NotFoundWhat =
  | "comment"
  | "department"
  | "evaluation-round"
  | "evidence"
  | "last-year"
  | "monitoring"
  | "preview"
  | "indicator"
  | "project"
  | "publication"
  | "rectification"
  | "unit"
  | "user"
  | "version";

const notFoundEntry = (what: string) =>
  e(404, "{what}不存在", "{What} not found", `No ${what} with that identity in your region, or not one you may see.`);

/** Every error code of the HTTP API. */
export const SERVER_ERRORS = defineDiagnostics("@jixiao/server", "http", {
  validation: {
    severity: "error" as const,
    // A command that names a request field as the detail gets the field's words, not its key.
    zh: (p) =>
      FIELD_WORDS[p.detail ?? ""] ? `${FIELD_WORDS[p.detail ?? ""]?.[0]}缺失或无效` : `请求无效：${p.detail}`,
    en: (p) =>
      FIELD_WORDS[p.detail ?? ""]
        ? `${FIELD_WORDS[p.detail ?? ""]?.[1]} is missing or not valid`
        : `Invalid request: ${p.detail}`,
    about: "The request body, query or a header is malformed or breaks a rule; `details` names the field.",
    facts: { status: 400 },
  },
  "validation.limits": e(
    400,
    "表格超出编辑器的限制：{detail}",
    "The table is beyond the editor's limits: {detail}",
    "A table is larger than the editor allows (rows, text lengths); `details.violations` lists the cells.",
  ),
  "auth.required": e(401, "请先登录", "Login required", "No session cookie, or it expired."),
  "auth.bad-credentials": e(
    401,
    "用户名或密码错误",
    "Wrong username or password",
    "Login refused; the response does not say which of the two was wrong.",
  ),
  "auth.csrf": e(
    403,
    "缺少或错误的 CSRF 令牌",
    "Missing or wrong CSRF token (X-CSRF-Token)",
    "A state-changing request without the session's CSRF token.",
  ),
  "auth.rate-limited": e(
    429,
    "尝试次数过多，请稍后再试",
    "Too many attempts; try again later",
    "Too many failed logins; `details.retryAfter` is in seconds.",
  ),
  "auth.weak-password": e(
    400,
    "密码不符合要求：{detail}",
    "Password refused: {detail}",
    "A new password breaks the password policy (length, the user name, the old password).",
  ),
  forbidden: e(
    403,
    "无权执行此操作",
    "You may not do this",
    "The role or scope of the user does not allow the action (see policies.ts).",
  ),
  "conflict.stale": e(
    409,
    "数据已被他人修改，请刷新后重试（您的修改未保存）",
    "The table was changed by someone else; reload and retry (nothing was saved)",
    "Optimistic concurrency: the rowVersion sent is not the current one; `details.rowVersion` is.",
  ),
  "conflict.exists": e(
    409,
    "{what}已存在",
    "{What} exists",
    "Creating something that already exists (a department, unit, user, or a project name within its unit and year).",
  ),
  "workflow.bad-transition": e(
    409,
    "当前状态（{status}）不能执行“{action}”",
    "Cannot {action} a table in status {status}",
    "The workflow does not allow this action from the table's status.",
  ),
  "workflow.immutable": e(
    409,
    "已批复的版本不可修改",
    "An approved version cannot be changed",
    "Approved versions are kept as they were approved.",
  ),
  "workflow.already-opened": e(
    409,
    "审核人员已打开或已审核此表，不能撤回",
    "A reviewer already opened this submission; it cannot be withdrawn",
    "A submission can be withdrawn only until a reviewer opens it.",
  ),
  "workflow.blocked": e(
    409,
    "表中有 {count} 处必须修改的问题（强制审核），改正后才能提交或批复",
    "{count} finding(s) must be fixed before the table can be submitted or approved",
    "The region's review policy makes some findings blocking.",
  ),
  "workflow.explanation-required": e(
    409,
    "表中有 {count} 处提示性问题，请填写说明后再提交",
    "{count} advisory finding(s) need a written explanation",
    "Advisory findings need an explanation before submitting.",
  ),
  "workflow.not-approved": e(
    409,
    "项目尚无批复版本，不能自评",
    "The project has no approved version to evaluate",
    "Self-evaluation starts from the approved version.",
  ),
  "self-eval.locked": e(
    409,
    "自评已提交或已通过审核，不能修改",
    "The self-evaluation is submitted or accepted and cannot be changed",
    "A self-evaluation is edited while draft or returned only.",
  ),
  "self-eval.incomplete": e(
    422,
    "自评未填写完整：{detail}",
    "The self-evaluation is incomplete: {detailEn}",
    "Submitting needs 偏差原因分析及改进措施 wherever an indicator scores below its weight, 主要问题及整改措施 and 自评结论; `details` lists what is missing.",
  ),
  "self-eval.not-sampled": e(
    409,
    "该项目未被抽中，不能抽评",
    "The project is not in the spot-check sample",
    "The finance bureau enters a 抽评 only for a project of the round's sample.",
  ),
  "payload.too-large": e(
    413,
    "上传内容过大",
    "Payload too large",
    "The upload or body is over the size limit; nothing was processed.",
  ),
  "payload.unsupported": e(
    415,
    "不支持的内容类型",
    "Unsupported media type",
    "Wrong content type (uploads are multipart/form-data).",
  ),
  "evidence.type": e(
    415,
    "不支持的文件类型：佐证材料仅接受 PDF、PNG、JPEG、XLSX、DOCX（按文件内容判断，不看扩展名）",
    "Unsupported file type: evidence must be PDF, PNG, JPEG, XLSX or DOCX (judged by the content, not the name)",
    "An evidence upload whose bytes are none of the allowed types; nothing was stored.",
  ),
  "evidence.unreadable": e(
    422,
    "文件已损坏，无法作为佐证材料保存",
    "The file is damaged and cannot be kept as evidence",
    "A zip-based evidence file (xlsx, docx) whose container cannot be read; nothing was stored.",
  ),
  "evidence.quota": e(
    413,
    "本项目的佐证材料合计超过 {limit} MB 上限，未保存",
    "The project's evidence files would exceed {limit} MB in total; nothing was stored",
    "Per-project total of evidence files; `details` has the limit and the bytes already used.",
  ),
  "evidence.locked": e(
    409,
    "自评已提交或已通过，佐证材料不能删除",
    "The self-evaluation is submitted or accepted; its evidence cannot be deleted",
    "Evidence is kept once the self-evaluation is submitted; it can be removed again after a return.",
  ),
  "import.already-committed": e(
    422,
    "该导入预览已导入",
    "This import preview was already committed",
    "A preview is committed at most once.",
  ),
  "import.limits": e(
    422,
    "文件超出编辑器的限制，未导入：{detail}",
    "The file is beyond the editor's limits; nothing imported: {detail}",
    "An imported table is larger than the editor allows.",
  ),
  "import.unreadable": e(
    422,
    "文件无法读取，不能导入",
    "The file could not be read; nothing to import",
    "The reader found no table; the preview's diagnostics say why.",
  ),
  "import.no-fiscal-year": e(
    422,
    "无法确定预算年度，请指定 fiscalYear",
    "No fiscal year; pass fiscalYear",
    "The file states no year and none was given.",
  ),
  "import.refused": e(
    422,
    "有 {count} 个项目不能导入（单位不在权限内、单位不存在或项目已存在），整个导入未执行",
    "{count} project(s) cannot be imported (unit outside your scope or unknown, or project exists); nothing was imported",
    "Imports are all-or-nothing.",
  ),
  "publication.empty": e(
    400,
    "该部门本年度没有已批复的项目",
    "The department has no approved tables this year",
    "Nothing to publish yet.",
  ),
  "publication.incomplete": e(
    409,
    "本部门还有 {count} 个项目未批复，请确认后再发布",
    "{count} project(s) of the department are not approved; confirm to publish",
    "Publishing a department with unapproved projects needs `confirmIncomplete`; `details.notApproved` lists them.",
  ),
  "publication.reason-required": e(
    409,
    "本部门本年度已有公开的表；重新发布即为更正，请填写公开的更正原因",
    "A publication of this department and year is already public; a correction needs a public reason",
    "One current publication per department and year: a new one replaces it and states why, in public.",
  ),
  "publication.not-accepted": e(
    409,
    "只能公开已通过审核的自评结果：{count} 个项目尚未通过",
    "Only accepted self-evaluations can be published: {count} project(s) are not accepted",
    "Publishing a round's results names projects whose self-evaluation is not accepted (or not in the round); `details.projects` lists them.",
  ),
  "publication.not-current": e(
    409,
    "只能撤回当前公开的表",
    "Only the current publication can be withdrawn",
    "A replaced or withdrawn publication stays in history as it is.",
  ),
  "export.failed": e(
    400,
    "导出失败",
    "Export failed",
    "The writer refused the document; `details` holds its diagnostics.",
  ),
  "export.pdf-unavailable": e(
    503,
    "服务器暂时无法生成 PDF（需要系统的 chromium）；请下载 XLSX 或 HTML 后打印",
    "The server cannot make a PDF right now (it needs the system's chromium); download the XLSX or HTML and print it",
    "PDF export needs chromium on the server.",
  ),
  "server.busy": e(
    503,
    "服务器正忙，请稍后重试",
    "The server is busy; try again shortly",
    "The file-processing pool is full; `details.retryAfter` is in seconds.",
  ),
  "job.user-busy": e(
    429,
    "您已有 {count} 个文件正在处理，请等待完成后再上传",
    "You already have {count} file(s) being processed; wait for them to finish",
    "Per-user bound on files processed at once.",
  ),
  "job.too-large": e(
    413,
    "文件过大或过于复杂，超出处理内存上限，已停止；请拆分文件后重试",
    "The file is too large or complex for the processing memory limit and was stopped; split it and retry",
    "The worker ran out of its memory limit.",
  ),
  "job.timeout": e(
    422,
    "文件处理超过 {seconds} 秒，已停止；请拆分文件后重试",
    "Processing took longer than {seconds} s and was stopped; split the file and retry",
    "The worker ran out of its time limit.",
  ),
  "job.failed": e(422, "文件处理失败", "Processing failed: {detail}", "The worker failed on the file."),
  "storage.full": e(507, "存储空间不足", "Storage is full", "The database refused to grow."),
  "precondition.required": e(
    428,
    "请附上所读取的版本（If-Match 请求头或 rowVersion），以免覆盖他人的修改",
    "Send the version you read (If-Match header or rowVersion) so that no one's changes are overwritten",
    "Writes to a project must say which row version they were made on.",
  ),
  "user.self": e(
    409,
    "不能停用自己或取消自己的管理员角色",
    "You cannot disable yourself or remove your own admin role",
    "An administrator tried to disable or demote their own account.",
  ),
  "user.last-admin": e(
    409,
    "不能停用本区划最后一位管理员",
    "You cannot disable or demote the region's last administrator",
    "The region would be left without an enabled administrator.",
  ),
  internal: e(500, "服务器内部错误", "Internal server error", "A bug; the server log has the stack."),
  "comment.not-found": notFoundEntry("comment"),
  "indicator.not-found": notFoundEntry("indicator (it may have been deleted)"),
  "department.not-found": notFoundEntry("department"),
  "evidence.not-found": notFoundEntry("evidence file"),
  "evaluation-round.not-found": notFoundEntry("self-evaluation round"),
  "rectification.not-found": notFoundEntry("rectification task"),
  "last-year.not-found": notFoundEntry("approved project of the same name last year"),
  "monitoring.not-found": notFoundEntry("monitoring round or monitoring table"),
  "preview.not-found": notFoundEntry("import preview (they expire)"),
  "project.not-found": notFoundEntry("project"),
  "publication.not-found": notFoundEntry("publication"),
  "unit.not-found": notFoundEntry("unit"),
  "user.not-found": notFoundEntry("user"),
  "version.not-found": notFoundEntry("version"),
  "route.not-found": e(404, "接口不存在", "No route {route}", "No API route with that method and path."),
});

/** Every code an AppError may carry. */
export type ServerErrorCode = keyof typeof SERVER_ERRORS.codes;

export class AppError extends Error {
  readonly code: ServerErrorCode;
  readonly messageZh: string;
  readonly details: unknown;
  constructor(code: ServerErrorCode, messageZh: string, messageEn: string, details?: unknown) {
    super(messageEn);
    this.code = code;
    this.messageZh = messageZh;
    this.details = details;
  }
}

/**
 * An error with the registry's words for its code.
 * @example appError("workflow.blocked", { count: 2 }).messageZh // "表中有 2 处必须修改的问题（强制审核），改正后才能提交或批复"
 */
export function appError(code: ServerErrorCode, params?: DiagnosticParams, details?: unknown): AppError {
  const w = SERVER_ERRORS.words(code, params);
  return new AppError(code, w.message, w.messageEn, details);
}

/**
 * HTTP status of an error code (from SERVER_ERRORS; 400 for a code it does not know).
 * @example statusOf("conflict.stale") // 409
 */
export function statusOf(code: string): number {
  const def = (SERVER_ERRORS.codes as Record<string, { facts?: { status?: string | number } }>)[code];
  return Number(def?.facts?.status ?? 400);
}

export const notFound = (what: NotFoundWhat, zh: string): AppError =>
  appError(`${what}.not-found`, { what: zh, What: `${what[0]?.toUpperCase()}${what.slice(1)}` });

export const forbidden = (): AppError => appError("forbidden");

export const stale = (current: number): AppError => appError("conflict.stale", {}, { rowVersion: current });

/**
 * A refused workflow step, its status and action in words (the codes stay in `details`).
 * @example badTransition("approved", "edit").messageZh // "当前状态（已批复）不能执行“修改”"
 */
export const badTransition = (from: string, action: string): AppError => {
  const st = STATUS_WORDS[from] ?? ["当前", "its current"];
  const ac = ACTION_WORDS[action] ?? ["此操作", "this step"];
  const zh = SERVER_ERRORS.words("workflow.bad-transition", { status: st[0], action: ac[0] }).message;
  const en = SERVER_ERRORS.words("workflow.bad-transition", { status: st[1], action: ac[1] }).messageEn;
  return new AppError("workflow.bad-transition", zh, en, { status: from, action });
};

/**
 * The `validation` error of a request that breaks its route's schema, in words; the failures
 * stay in `details` for programs.
 */
export function validationError(failures: readonly SchemaFailure[]): AppError {
  const first = failures[0] ?? {};
  const w = schemaFailureWords(first);
  return new AppError("validation", w.zh, w.en, failures);
}

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
