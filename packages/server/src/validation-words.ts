/**
 * Schema failures in the UI's words: the request fields as the screens name them, what a
 * pattern asks for, and ajv's keywords as sentences — never the pattern, the JSON path or ajv's
 * English. errors.ts builds the `validation` error from these words; app.ts and
 * http/input-hygiene.ts name the other refused requests with them. The table's columns come
 * from core's one table of field words (TABLE_FIELD_WORDS).
 */
import { type FieldWords, TABLE_FIELD_WORDS, tablePlaceWords } from "@jixiao/core";

/** Fields only requests carry (log-in, users, departments, rounds, filters): [中文, English]. */
const REQUEST_FIELD_WORDS: Record<string, FieldWords> = {
  username: ["用户名", "The user name"],
  password: ["密码", "The password"],
  newPassword: ["新密码", "The new password"],
  oldPassword: ["原密码", "The old password"],
  displayName: ["姓名", "The name"],
  role: ["角色", "The role"],
  deptCode: ["部门编码", "The department code"],
  unitCode: ["单位编码", "The unit code"],
  regionCode: ["区划编码", "The region code"],
  code: ["编码", "The code"],
  name: ["名称", "The name"],
  fiscalYear: ["预算年度", "The fiscal year"],
  reason: ["原因", "The reason"],
  explanation: ["说明", "The explanation"],
  body: ["内容", "The text"],
  text: ["内容", "The text"],
  dueDate: ["截止日期", "The due date"],
  from: ["起始日期", "The start date"],
  to: ["截止日期", "The end date"],
  limit: ["条数", "The number of entries"],
  offset: ["起始条数", "The first entry"],
  status: ["状态", "The status"],
  cell: ["单元格", "The cell"],
  q: ["搜索词", "The search words"],
  projectIds: ["项目", "The projects"],
  policy: ["规则", "The rules"],
  asOfMonth: ["截至月份", "The month"],
  scope: ["范围", "The scope"],
  rowVersion: ["版本号", "The version"],
  filename: ["文件名", "The file name"],
};

/**
 * Request fields in the UI's words: the table's columns (core's one table of field words) and
 * the fields only requests carry.
 */
export const FIELD_WORDS: Readonly<Record<string, FieldWords>> = { ...TABLE_FIELD_WORDS, ...REQUEST_FIELD_WORDS };

/** Where in a request a value was: the body, the query, the address. */
const PART_WORDS: Record<string, FieldWords> = {
  body: ["提交的内容", "The request"],
  query: ["查询条件", "The query"],
  params: ["网址", "The address"],
  querystring: ["查询条件", "The query"],
  file: ["上传的文件", "The uploaded file"],
};

/**
 * The field a JSON pointer names, in the UI's words: an indicator's cell by its row and column,
 * any other field by its name; null for a field the UI does not name.
 * @example fieldAtPath("/project/indicators/0/weight") // ["第1条指标 · 分值", "Indicator 1 · Weight"]
 * @example fieldAtPath("/username") // ["用户名", "The user name"]
 */
export function fieldAtPath(path: string): FieldWords | null {
  if (/(^|\/)indicators\/\d+/.test(path)) return tablePlaceWords(path);
  const last = path
    .split("/")
    .filter((x) => x && !/^\d+$/.test(x))
    .at(-1);
  return last === undefined ? null : (FIELD_WORDS[last] ?? null);
}

/**
 * A field of a request in words, falling back on the part of the request it was in.
 * @example requestFieldWords("body", "/project/budget") // ["预算数", "Budget"]
 * @example requestFieldWords("query", "/") // ["查询条件", "The query"]
 */
export function requestFieldWords(part: string, path: string): FieldWords {
  return fieldAtPath(path) ?? PART_WORDS[part] ?? ["请求内容", "The request"];
}

/** One failure of a route's JSON schema, as ajv reports it. */
export interface SchemaFailure {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** What a pattern asks for, per field, in words (the pattern itself is never shown). */
const PATTERN_WORDS: Record<string, readonly [string, string]> = {
  username: [
    "用户名只能包含字母、数字、下划线、点和连字符，2–50 个字符",
    "The user name may hold letters, digits, _ . and - only, 2–50 characters",
  ],
  deptCode: ["部门编码应为 3 位数字", "The department code is 3 digits"],
  unitCode: ["单位编码应为 6 位数字", "The unit code is 6 digits"],
  regionCode: ["区划编码应为 6–12 位数字", "The region code is 6–12 digits"],
  dueDate: ["截止日期应写作 2025-06-30 的形式", "Write the due date as 2025-06-30"],
  from: ["起始日期应写作 2025-06-30 的形式", "Write the start date as 2025-06-30"],
  to: ["截止日期应写作 2025-06-30 的形式", "Write the end date as 2025-06-30"],
};

/**
 * A schema failure in the UI's words, naming the field as the screen does — never the
 * pattern, the JSON path or ajv's English.
 * @example schemaFailureWords({ instancePath: "/username", keyword: "pattern" }).zh // "用户名只能包含字母、数字、下划线、点和连字符，2–50 个字符"
 * @example schemaFailureWords({ instancePath: "", keyword: "required", params: { missingProperty: "password" } }).zh // "请填写密码"
 */
export function schemaFailureWords(f: SchemaFailure): { zh: string; en: string } {
  const params = f.params ?? {};
  const path =
    f.keyword === "required"
      ? `${f.instancePath ?? ""}/${String(params.missingProperty ?? "")}`
      : (f.instancePath ?? "");
  const key =
    path
      .split("/")
      .filter((x) => x && !/^\d+$/.test(x))
      .at(-1) ?? "";
  const [zh, en] = fieldAtPath(path) ?? (key ? ["某一字段", "A field"] : ["请求内容", "The request"]);
  const n = params.limit;
  switch (f.keyword) {
    case "required":
      return { zh: `请填写${zh}`, en: `${en} is required` };
    case "pattern": {
      const p = PATTERN_WORDS[key];
      return p ? { zh: p[0], en: p[1] } : { zh: `${zh}的格式不正确`, en: `${en} is not in the expected form` };
    }
    case "minLength":
      return n === 1
        ? { zh: `请填写${zh}`, en: `${en} is required` }
        : { zh: `${zh}至少 ${n} 个字符`, en: `${en} needs at least ${n} characters` };
    case "maxLength":
      return { zh: `${zh}最多 ${n} 个字符`, en: `${en} may have at most ${n} characters` };
    case "minimum":
      return { zh: `${zh}不能小于 ${n}`, en: `${en} may not be below ${n}` };
    case "maximum":
      return { zh: `${zh}不能大于 ${n}`, en: `${en} may not be above ${n}` };
    case "minItems":
      return { zh: `${zh}至少 ${n} 项`, en: `${en} needs at least ${n} item(s)` };
    case "maxItems":
      return { zh: `${zh}最多 ${n} 项`, en: `${en} may have at most ${n} item(s)` };
    case "enum":
      return { zh: `${zh}不是可选的值`, en: `${en} is not one of the choices` };
    case "type":
      return { zh: `${zh}的类型不正确`, en: `${en} has the wrong type` };
    case "additionalProperties":
      return { zh: "请求中含有不认识的字段", en: "The request holds a field the server does not know" };
    default:
      return { zh: `${zh}无效`, en: `${en} is not valid` };
  }
}

/** Requests the HTTP layer refuses before any schema, by Fastify's code: [中文, English]. */
const REQUEST_FAILURE_WORDS: Record<string, FieldWords> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: ["提交的内容为空", "The request has no content"],
  FST_ERR_CTP_INVALID_JSON_BODY: ["提交的内容不是有效的 JSON", "The request is not valid JSON"],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ["提交的内容长度不符", "The request's length does not match its content"],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ["不支持的内容类型", "Unsupported media type"],
  FST_INVALID_MULTIPART_CONTENT_TYPE: ["请以文件上传的方式提交", "Send the file as a multipart upload"],
  FST_FILES_LIMIT: ["一次只能上传一个文件", "Upload one file at a time"],
  FST_FIELDS_LIMIT: ["上传的表单字段过多", "The upload holds too many form fields"],
  FST_PARTS_LIMIT: ["上传的表单字段过多", "The upload holds too many form fields"],
  FST_PROTO_VIOLATION: ["提交的内容含有不允许的字段", "The request holds a field that is not allowed"],
  FST_ERR_BAD_URL: ["网址无效", "The address is not valid"],
};

/**
 * A request the HTTP layer refused (bad JSON, an empty body, a broken upload) in words — never
 * Fastify's English; the caller keeps Fastify's code in the error's details.
 * @example requestFailureWords("FST_ERR_CTP_INVALID_JSON_BODY").zh // "提交的内容不是有效的 JSON"
 */
export function requestFailureWords(code: string | undefined): { zh: string; en: string } {
  const w = REQUEST_FAILURE_WORDS[code ?? ""] ?? ["请求的格式不正确", "The request is not in the expected form"];
  return { zh: w[0], en: w[1] };
}
