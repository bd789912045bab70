/**
 * Schema failures in the UI's words: the request fields as the screens name them, what a
 * pattern asks for, and ajv's keywords as sentences — never the pattern, the JSON path or ajv's
 * English. errors.ts builds the `validation` error from these words.
 */
/** Request fields in the UI's words: [中文, English]. */
export const FIELD_WORDS: Record<string, readonly [string, string]> = {
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
  budget: ["预算数", "The budget"],
  goal: ["年度绩效目标", "The annual goal"],
  reason: ["原因", "The reason"],
  body: ["内容", "The text"],
  dueDate: ["截止日期", "The due date"],
  from: ["起始日期", "The start date"],
  to: ["截止日期", "The end date"],
  limit: ["条数", "The number of entries"],
  status: ["状态", "The status"],
  indicators: ["指标", "The indicators"],
  weight: ["分值", "The weight"],
  target: ["目标值", "The target"],
  cell: ["单元格", "The cell"],
};

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
  const segments = (f.instancePath ?? "").split("/").filter((x) => x && !/^\d+$/.test(x));
  const key = f.keyword === "required" ? String(params.missingProperty ?? "") : (segments.at(-1) ?? "");
  const [zh, en] = FIELD_WORDS[key] ?? (key ? ["某一字段", "A field"] : ["请求内容", "The request"]);
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
