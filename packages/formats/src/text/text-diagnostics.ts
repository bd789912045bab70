/**
 * The repair log of the text importer: every code it reports, with its severity and its words
 * (zh, en) in one table, and the log that caps each code so a damaged 50 MB file cannot flood it.
 * Passes report by code and arguments; no pass spells a message itself.
 */
import type { Diagnostic, Severity } from "@jixiao/core";

interface Words<A> {
  severity: Severity;
  zh: (a: A) => string;
  en: (a: A) => string;
  /** What the importer did (English, for the repair log). */
  action?: (a: A) => string;
}

function w<A = Record<string, never>>(x: Words<A>): Words<A> {
  return x;
}

/** Where a wrapped line was joined. */
type JoinedTo = { text: string; to: "name" | "goal" };

/** A row attached to another project: printed before any project, or moved from the block above. */
type ReattachedTo = {
  name: string;
  to: string;
  moved?: { from: string; why: string; whyEn: string; index: number };
};

/** Every code of the text importer and its words. */
export const TEXT_WORDS = {
  "text.split-word-joined": w<{ before: string; after: string }>({
    severity: "info",
    zh: (a) => `合并被换行拆开的词：「${a.before}」→「${a.after}」`,
    en: (a) => `Joined words split at a line wrap: "${a.before}" → "${a.after}"`,
    action: () => "removed the space between CJK characters",
  }),
  "text.header-repeated": w({
    severity: "info",
    zh: () => "删除分页重复的表头行",
    en: () => "Dropped a header row repeated at a page break",
    action: () => "dropped repeated header",
  }),
  "text.total-read": w<{ amount: string | undefined }>({
    severity: "info",
    zh: (a) => `读取合计行：${a.amount ?? "（无数值）"}`,
    en: (a) => `Read the 合计 row: ${a.amount ?? "(no amount)"}`,
    action: () => "read total",
  }),
  "text.footer-read": w<{ note: string }>({
    severity: "info",
    zh: (a) => `读取表注：${a.note.slice(0, 40)}`,
    en: (a) => `Read a footer note: ${a.note.slice(0, 40)}`,
    action: () => "kept as note",
  }),
  "text.preamble-skipped": w<{ text: string }>({
    severity: "info",
    zh: (a) => `跳过表前文字：${a.text.slice(0, 40)}`,
    en: (a) => `Skipped text before the table: ${a.text.slice(0, 40)}`,
  }),
  "text.budget-missing": w({
    severity: "warning",
    zh: () => "项目行缺少预算数，按 0 计",
    en: () => "The project row has no budget; read as 0",
  }),
  "text.cells-shifted": w<{ by: number }>({
    severity: "info",
    zh: (a) => `本行单元格错位 ${a.by} 列，已按内容识别`,
    en: (a) => `Cells of this row are shifted by ${a.by} column(s); read by meaning`,
    action: () => "read shifted cells by meaning",
  }),
  "text.continuation-joined": w<JoinedTo>({
    severity: "info",
    zh: (a) => (a.to === "name" ? `续行并入上一行三级指标：${a.text}` : `续行并入年度绩效目标：${a.text}`),
    en: (a) =>
      a.to === "name"
        ? `Joined a wrapped line to the indicator above: ${a.text}`
        : `Joined a wrapped line to the goal: ${a.text}`,
    action: (a) => (a.to === "name" ? "appended to the name above" : "appended to the goal"),
  }),
  "text.line-unread": w<{ text: string }>({
    severity: "warning",
    zh: (a) => `无法识别的行，已跳过：${a.text.slice(0, 60)}`,
    en: (a) => `Could not read this line; skipped: ${a.text.slice(0, 60)}`,
  }),
  "text.no-projects": w({
    severity: "error",
    zh: () => "未找到可识别的绩效目标表：既没有含「单位编码-单位名称」的项目行，也没有写明三级指标、指标值等列名的表头",
    en: () =>
      "No recognisable performance-target table: no project rows (with a `code-unit` cell) and no header row naming 三级指标, 指标值, …",
  }),
  "text.money-unit-missing": w({
    severity: "warning",
    zh: () => "表头未写金额单位，按万元读取",
    en: () => "The table states no money unit; read as 万元",
  }),
  "text.header-missing": w({
    severity: "warning",
    zh: () => "未找到表头行，按内容识别各列",
    en: () => "No header row found; columns read by meaning",
  }),
  "text.row-reattached": w<ReattachedTo>({
    severity: "warning",
    zh: (a) =>
      a.moved
        ? `指标「${a.name}」印在项目「${a.moved.from}」的区块内，归入下一项目「${a.to}」；依据：${a.moved.why}`
        : `表头前的指标行「${a.name}」归入第一个项目「${a.to}」`,
    en: (a) =>
      a.moved
        ? `Indicator "${a.name}" was printed inside the block of "${a.moved.from}"; re-attached to the next project "${a.to}" — ${a.moved.whyEn}`
        : `Indicator "${a.name}" printed before any project; attached to the first project "${a.to}"`,
    action: (a) => (a.moved ? `moved to project ${a.moved.index}` : "attached to the first project"),
  }),
  "text.reattach-ambiguous": w<{ project: string }>({
    severity: "warning",
    zh: (a) => `无法确定项目「${a.project}」末尾各行属于本项目还是下一项目，请核对`,
    en: (a) => `Cannot tell whether the last rows of "${a.project}" belong to it or to the next project; please check`,
  }),
  "text.levels-missing": w<{ name: string }>({
    severity: "warning",
    zh: (a) => `指标「${a.name}」没有一级/二级指标`,
    en: (a) => `Indicator "${a.name}" has no 一级/二级`,
  }),
  "text.levels-guessed": w<{ name: string; level1: string; level2: string }>({
    severity: "warning",
    zh: (a) => `移入的指标「${a.name}」未印一级/二级，按本项目最相近的指标组推定为「${a.level1}/${a.level2}」，请核对`,
    en: (a) =>
      `Re-attached indicator "${a.name}" had no printed levels; inferred "${a.level1}/${a.level2}" from the most alike group of its project — please check`,
  }),
  "text.department-code-inferred": w<{ code: string }>({
    severity: "info",
    zh: (a) => `由单位编码推定部门编码 ${a.code}`,
    en: (a) => `Inferred department code ${a.code} from the unit codes`,
    action: () => "inferred department code",
  }),
  "text.fiscal-year-inferred": w<{ year: number }>({
    severity: "info",
    zh: (a) => `表中未写年度，按文中最常见年份推定为 ${a.year} 年`,
    en: (a) => `No fiscal year stated; inferred ${a.year}, the year the text cites most`,
    action: () => "inferred fiscal year",
  }),
  "text.total-mismatch": w<{ sum: number; total: number }>({
    severity: "warning",
    zh: (a) => `各项目预算数之和 ${a.sum} 与合计行 ${a.total} 不符`,
    en: (a) => `Project budgets add up to ${a.sum}, but the 合计 row says ${a.total}`,
  }),
  // Reading one row (parse-row.ts).
  "text.nature-missing": w<{ nature: string }>({
    severity: "warning",
    zh: (a) => `指标性质为空，按指标方向与目标值推定为${a.nature}`,
    en: (a) => `指标性质 is empty; inferred ${a.nature} from the operator and the target`,
    action: (a) => `inferred nature ${a.nature}`,
  }),
  "text.nature-inferred": w<{ nature: string; zh: string; en: string }>({
    severity: "info",
    zh: (x) => `指标性质印为「定量」，未写方向：${x.zh}`,
    en: (x) => `指标性质 printed as 定量 with no direction: ${x.en}`,
    action: (x) => `inferred nature ${x.nature}`,
  }),
  "text.name-joined": w<{ cells: number; name: string }>({
    severity: "info",
    zh: (a) => `三级指标分在 ${a.cells} 个单元格，已合并为「${a.name}」`,
    en: (a) => `The indicator name was split over ${a.cells} cells; joined as "${a.name}"`,
    action: () => "joined name cells",
  }),
  "text.name-missing": w<{ label?: string; level2?: boolean }>({
    severity: "warning",
    zh: (a) =>
      a.label === undefined
        ? "三级指标为空"
        : `三级指标为空，以${a.level2 ? "二级指标" : ""}「${a.label}」作为三级指标名称`,
    en: (a) =>
      a.label === undefined
        ? "The 三级指标 cell is empty"
        : `The 三级指标 cell is empty; used ${a.level2 ? "the 二级 label " : ""}"${a.label}" as the name`,
    action: (a) =>
      a.label === undefined ? "" : a.level2 ? "used the 二级 label as the name" : "used the label as the name",
  }),
  "text.weight-missing": w({
    severity: "warning",
    zh: () => "分值为空，按 0 计",
    en: () => "The 分值 cell is empty; read as 0",
  }),
  "text.target-joined": w({
    severity: "info",
    zh: () => "目标值分在多个单元格，已合并",
    en: () => "The target was split over several cells; joined",
    action: () => "joined target cells",
  }),
  "text.operator-in-value": w<{ operator: string; target: string }>({
    severity: "info",
    zh: (a) => `目标值含比较符，已拆为「${a.operator}」与「${a.target}」`,
    en: (a) => `The target held its operator; split into "${a.operator}" and "${a.target}"`,
    action: () => "split operator from value",
  }),
  "text.unit-in-value": w<{ unit: string }>({
    severity: "info",
    zh: (a) => `目标值含计量单位，已拆出「${a.unit}」`,
    en: (a) => `The target held its unit; split out "${a.unit}"`,
    action: () => "split unit from value",
  }),
  // Resolving levels (assign-levels.ts).
  "text.level1-corrected": w<{ level1: string; level2: string; to: string }>({
    severity: "info",
    zh: (a) => `一级「${a.level1}」与二级「${a.level2}」不符，按二级改为「${a.to}」`,
    en: (a) => `一级 "${a.level1}" does not fit 二级 "${a.level2}"; set to "${a.to}" from the 二级`,
    action: (a) => `set 一级 to ${a.to}`,
  }),
  "text.level1-inferred": w<{ level2: string; to: string }>({
    severity: "info",
    zh: (a) => `一级指标未印出，由二级「${a.level2}」推定为「${a.to}」`,
    en: (a) => `一级 not printed; inferred "${a.to}" from 二级 "${a.level2}"`,
    action: (a) => `inferred 一级 ${a.to}`,
  }),
  "text.level2-missing": w<{ level1: string; assumed?: string }>({
    severity: "warning",
    zh: (a) => `一级「${a.level1}」下缺少二级指标${a.assumed !== undefined ? `，按「${a.assumed}」读取` : ""}`,
    en: (a) => `一级 "${a.level1}" has no 二级${a.assumed !== undefined ? `; read as "${a.assumed}"` : ""}`,
    action: (a) => (a.assumed !== undefined ? `assumed 二级 ${a.assumed}` : ""),
  }),
  // Pasted shapes (detect-shape.ts, text-grid.ts).
  "text.shape-detected": w<{ shape: string; zhShape: string }>({
    severity: "info",
    zh: (a) => `按「${a.zhShape}」读取粘贴的表格`,
    en: (a) => `Read the pasted table as ${a.shape}`,
    action: (a) => `read as ${a.shape}`,
  }),
  "text.after-table-skipped": w<{ text: string }>({
    severity: "info",
    zh: (a) => `表格之后的文字未读作指标：${a.text.slice(0, 40)}`,
    en: (a) => `Text after the table not read as indicators: ${a.text.slice(0, 40)}`,
    action: () => "skipped text after the table",
  }),
  "text.rows-realigned": w<{ row: number; dropped: number }>({
    severity: "info",
    zh: (a) =>
      a.dropped > 0
        ? `第 ${a.row} 行缺少 ${a.dropped} 个合并单元格（网页复制时丢失），已按各单元格内容对齐，并沿用上方的值`
        : `第 ${a.row} 行的空单元格在复制时被挤掉，已按各单元格内容对齐`,
    en: (a) =>
      a.dropped > 0
        ? `Row ${a.row} lacks ${a.dropped} merged cell(s) (lost in a web copy); realigned by what each cell holds, taking the values above`
        : `Row ${a.row} lost its empty cells in the copy; realigned by what each cell holds`,
    action: () => "realigned a row by the content of its cells",
  }),
} as const;

export type TextCode = keyof typeof TEXT_WORDS;
type ArgsOf<C extends TextCode> = (typeof TEXT_WORDS)[C] extends Words<infer A> ? A : never;

/**
 * The diagnostic of a code, in the key order every reader uses.
 * @example textDiagnostic("text.header-missing", {}).severity // "warning"
 */
export function textDiagnostic<C extends TextCode>(
  code: C,
  args: ArgsOf<C>,
  extra: Partial<Diagnostic> = {},
): Diagnostic {
  const words = TEXT_WORDS[code] as unknown as Words<ArgsOf<C>>;
  const out: Diagnostic = { code, severity: words.severity, message: words.zh(args), messageEn: words.en(args) };
  if (extra.line !== undefined) out.line = extra.line;
  const action = words.action?.(args);
  if (action) out.action = action;
  Object.assign(out, extra);
  return out;
}

/** Most diagnostics kept per code (a damaged huge file repeats the same repair a million times). */
export const MAX_DIAGNOSTICS_PER_CODE = 2000;

/** The repair log of one read: diagnostics in order, each code capped. */
export class RepairLog {
  readonly diagnostics: Diagnostic[] = [];
  private readonly counts = new Map<string, number>();

  /** True while a code is under its cap (so messages are built only when kept). */
  room(code: TextCode): boolean {
    return (this.counts.get(code) ?? 0) < MAX_DIAGNOSTICS_PER_CODE;
  }

  /** Keeps a diagnostic built elsewhere (e.g. by a row reader), counting it against its code. */
  push(x: Diagnostic): void {
    const n = (this.counts.get(x.code) ?? 0) + 1;
    this.counts.set(x.code, n);
    if (n <= MAX_DIAGNOSTICS_PER_CODE) this.diagnostics.push(x);
  }

  /** Reports a code with its arguments. */
  add<C extends TextCode>(code: C, args: ArgsOf<C>, extra: Partial<Diagnostic> = {}): void {
    if (!this.room(code)) {
      this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
      return;
    }
    this.push(textDiagnostic(code, args, extra));
  }
}
