/**
 * Every diagnostic the grid reader gives, in one table: its severity and its words (zh, en).
 * Codes are `<source>.<name>` (source = csv, xlsx, html, docx, pdf, text), so a repair log says
 * which container a cell came from; the names below are stable.
 */
import type { Diagnostic, Severity } from "@jixiao/core";

type Words = (a: Record<string, string | number>) => [zh: string, en: string];

const W: Record<string, [Severity, Words]> = {
  "no-header": [
    "warning",
    (a) => [
      `工作表「${a.sheet}」没有找到表头（需要 三级指标、目标值 等列名），已跳过`,
      `Sheet "${a.sheet}": no header row found (looked for 三级指标, 目标值, …); skipped`,
    ],
  ],
  "no-table": [
    "error",
    () => [
      "没有找到绩效目标表：任何工作表都没有含「三级指标」「目标值」等列名的表头",
      "No target table found: no sheet has a header row naming 三级指标, 目标值, …",
    ],
  ],
  layout: ["info", (a) => [`${a.where}：识别为${a.zh}`, `${a.where}: read as ${a.en}`]],
  "table-continued": [
    "info",
    (a) => [
      `${a.where}：没有表头，按上一表格（${a.from}）的表头续读`,
      `${a.where}: no header; read as the continuation of the table before (${a.from})`,
    ],
  ],
  "column-mapped": [
    "info",
    (a) => [`${a.where}：列「${a.header}」读作${a.zh}`, `${a.where}: column "${a.header}" read as ${a.en}`],
  ],
  "column-ignored": [
    "info",
    (a) => [`${a.where}：列「${a.header}」未读取（${a.zh}）`, `${a.where}: column "${a.header}" not read (${a.en})`],
  ],
  "column-override": [
    "info",
    (a) => [
      `${a.where}：按用户指定，列「${a.header}」读作${a.zh}`,
      `${a.where}: column "${a.header}" read as ${a.en}, as the user mapped it`,
    ],
  ],
  "levels-shifted": [
    "warning",
    (a) => [
      `${a.where}：「一级指标」列填的是二级指标、「二级指标」列填的是指标名称，已按此读取，一级指标由二级推定`,
      `${a.where}: the 一级指标 column holds 二级 labels and the 二级指标 column holds indicator names; read so, 一级 inferred from 二级`,
    ],
  ],
  "label-column": [
    "info",
    (a) => [
      `${a.where}：列「${a.header}」只含指标层级标签，不作为指标名称`,
      `${a.where}: column "${a.header}" holds only level labels; not read as indicator names`,
    ],
  ],
  "no-weights": [
    "warning",
    () => [
      "表格没有分值/权重列：各指标分值记为「未列出」",
      "The table prints no 分值/权重 column: every weight is recorded as not printed",
    ],
  ],
  "weight-not-number": [
    "error",
    (a) => [
      `${a.cell}：分值「${a.text}」不是数字，记为未列出`,
      `${a.cell}: 分值 "${a.text}" is not a number; recorded as not printed`,
    ],
  ],
  "weight-empty": [
    "warning",
    (a) => [
      `${a.cell}：指标「${a.name}」的分值为空，记为未列出`,
      `${a.cell}: indicator "${a.name}" has an empty 分值; recorded as not printed`,
    ],
  ],
  "budget-not-number": [
    "error",
    (a) => [
      `${a.cell}：预算数「${a.text}」不是数字，按 0 计`,
      `${a.cell}: 预算数 "${a.text}" is not a number; read as 0`,
    ],
  ],
  "money-unit-default": [
    "info",
    () => ["表格未印金额单位，金额按万元读取", "The table states no money unit; amounts read in 万元"],
  ],
  "budget-missing": [
    "warning",
    (a) => [`${a.where}：项目「${a.name}」没有印出预算数`, `${a.where}: project "${a.name}" prints no budget`],
  ],
  "budget-from-total": [
    "info",
    (a) => [
      `${a.cell}：预算数取自成本构成的合计 ${a.text}`,
      `${a.cell}: budget taken from the 合计 ${a.text} of the cost breakdown`,
    ],
  ],
  "budget-from-funding": [
    "info",
    (a) => [
      `${a.cell}：预算数取自资金表「${a.row}」行的全年预算数 ${a.text}`,
      `${a.cell}: budget taken from the 全年预算数 ${a.text} of the "${a.row}" row`,
    ],
  ],
  "unit-code-from-department": [
    "info",
    (a) => [
      `${a.cell}：实施单位未印编码，取主管部门编码 ${a.code}`,
      `${a.cell}: no code printed with the unit; took ${a.code} from 主管部门及编码`,
    ],
  ],
  "level1-unknown": [
    "warning",
    (a) => [
      `${a.cell}：一级指标「${a.text}」不在指标体系中`,
      `${a.cell}: 一级指标 "${a.text}" is not in the indicator framework`,
    ],
  ],
  "level2-unknown": [
    "warning",
    (a) => [
      `${a.cell}：二级指标「${a.text}」不在指标体系中`,
      `${a.cell}: 二级指标 "${a.text}" is not in the indicator framework`,
    ],
  ],
  "level1-inferred": [
    "info",
    (a) => [
      `${a.cell}：未印一级指标，按二级「${a.l2}」推定为${a.l1}`,
      `${a.cell}: no 一级 printed; inferred ${a.l1} from 二级 "${a.l2}"`,
    ],
  ],
  "level1-from-level2": [
    "warning",
    (a) => [
      `${a.cell}：二级指标「${a.l2}」不属于合并单元格中的一级「${a.printed}」，一级改为${a.l1}`,
      `${a.cell}: 二级 "${a.l2}" does not belong to the merged 一级 "${a.printed}"; 一级 read as ${a.l1}`,
    ],
  ],
  "operator-unknown": [
    "error",
    (a) => [`${a.cell}：指标方向「${a.text}」无法识别`, `${a.cell}: 指标方向 "${a.text}" is not an operator`],
  ],
  "nature-unknown": [
    "error",
    (a) => [
      `${a.cell}：指标性质「${a.text}」无法识别，按定性处理`,
      `${a.cell}: 指标性质 "${a.text}" is not 定性/正向/反向; read as 定性`,
    ],
  ],
  "nature-inferred": ["info", (a) => [`${a.cell}：未写指标性质，${a.zh}`, `${a.cell}: no 指标性质 printed; ${a.en}`]],
  "target-not-number": [
    "error",
    (a) => [
      `${a.cell}：目标值「${a.text}」不是数字，而指标性质为${a.nature}`,
      `${a.cell}: 目标值 "${a.text}" is not a number for a ${a.nature} indicator`,
    ],
  ],
  "unit-conflict": [
    "warning",
    (a) => [
      `${a.cell}：目标值中的单位「${a.inner}」与计量单位「${a.unit}」不一致，保留计量单位`,
      `${a.cell}: unit "${a.inner}" inside the target differs from 计量单位 "${a.unit}"; kept 计量单位`,
    ],
  ],
  "structural-row": [
    "info",
    (a) => [
      `${a.cell}：「${a.text}」一行没有三级指标和目标值，作为层级标题跳过`,
      `${a.cell}: row "${a.text}" has no 三级指标 and no target; skipped as a level heading`,
    ],
  ],
  "spanning-row": [
    "info",
    (a) => [
      `${a.cell}：跨列文字「${a.text}」不是指标行，已跳过`,
      `${a.cell}: "${a.text}" spans the indicator columns; not an indicator, skipped`,
    ],
  ],
  "subtotal-row": [
    "info",
    (a) => [
      `${a.cell}：「${a.text}」是小计行（${a.amount}），不是项目`,
      `${a.cell}: "${a.text}" is a subtotal row (${a.amount}), not a project`,
    ],
  ],
  "subtotal-mismatch": [
    "warning",
    (a) => [
      `${a.cell}：小计 ${a.amount} 与其下项目预算之和 ${a.sum} 不符（表格可能不全）`,
      `${a.cell}: subtotal ${a.amount} differs from the sum ${a.sum} of the projects under it (the table may be incomplete)`,
    ],
  ],
  "total-from-subtotal": [
    "info",
    (a) => [
      `${a.cell}：以唯一的部门小计 ${a.amount} 作为合计`,
      `${a.cell}: the one department subtotal ${a.amount} taken as the total`,
    ],
  ],
  "total-mismatch": [
    "warning",
    (a) => [
      `${a.cell}：合计 ${a.amount} 与项目预算之和 ${a.sum} 不符`,
      `${a.cell}: total ${a.amount} differs from the sum ${a.sum} of project budgets`,
    ],
  ],
  "department-wide": [
    "warning",
    (a) => [
      `${a.where}：这是部门整体绩效目标表，读作部门层级的目标（不是一个项目）`,
      `${a.where}: a department-wide target table; read as the department's target set (not a project)`,
    ],
  ],
  "project-name-missing": [
    "error",
    (a) => [
      `${a.where}：找不到项目名称（没有「项目名称」一栏）`,
      `${a.where}: no project name found (no 项目名称 cell)`,
    ],
  ],
  "project-name-from-title": [
    "warning",
    (a) => [
      `${a.where}：表格没有「项目名称」，以标题「${a.name}」作为项目名称`,
      `${a.where}: no 项目名称 printed; the title "${a.name}" taken as the project name`,
    ],
  ],
  "name-empty": ["error", (a) => [`${a.cell}：指标名称为空`, `${a.cell}: the indicator has no name (三级指标 empty)`]],
  "target-empty": [
    "error",
    (a) => [`${a.cell}：指标「${a.name}」没有目标值`, `${a.cell}: indicator "${a.name}" has no target`],
  ],
  "project-no-indicators": [
    "error",
    (a) => [`${a.cell}：项目「${a.name}」没有读到任何指标`, `${a.cell}: project "${a.name}" has no indicators read`],
  ],
  "actual-inferred": [
    "info",
    (a) => [`${a.cell}：实际完成值「${a.text}」读作 ${a.value}`, `${a.cell}: actual "${a.text}" read as ${a.value}`],
  ],
};

/**
 * A coded diagnostic from the table above.
 * @example say("xlsx", "no-weights", {}).severity // "warning"
 */
export function say(
  source: string,
  name: keyof typeof W | string,
  args: Record<string, string | number>,
  extra: Partial<Diagnostic> = {},
): Diagnostic {
  const entry = W[name];
  if (!entry) throw new Error(`unknown diagnostic ${name}`);
  const [severity, words] = entry;
  const [zh, en] = words(args);
  return { code: `${source}.${name}`, severity, message: zh, messageEn: en, ...extra };
}

/** The codes the grid reader can give (for docs and tests). */
export const GRID_DIAGNOSTICS: readonly string[] = Object.keys(W);
