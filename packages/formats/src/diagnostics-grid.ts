/**
 * The grid reader's codes, declared for docs/DIAGNOSTICS.md. Every table format goes through the
 * grid reader (table/read-grid.ts), which names its codes `<source>.<name>` after the container
 * the cell came from (csv, xlsx, html, docx, pdf, text): one entry per name, written
 * `{source}.<name>`. Severity and words come from the reader's own table (table/words.ts); this
 * file adds what each code means.
 */
import { type DiagnosticDefinition, defineDiagnostics } from "@jixiao/core";
import { GRID_DIAGNOSTICS, say } from "./table/words.ts";

/** The containers the grid reader names its codes after. */
export const GRID_SOURCES = ["csv", "xlsx", "html", "docx", "pdf", "text"] as const;

/** What each name means and what to do (English, for the docs). */
const ABOUT: Record<string, string> = {
  "no-header": "A sheet with no row naming the 表12 columns (三级指标, 目标值, …) is skipped.",
  "no-table": "No sheet or table has a 表12 header; nothing is imported.",
  layout: "Which layout a table was read as (the generations and regional variants of 表12 the reader knows).",
  "table-continued":
    "A table with no header of its own is read with the header of the table before it (a table broken across pages or sheets).",
  "column-mapped": "Which field a column was read as, by its header.",
  "column-ignored": "A column that is not read (no field of 表12, or content that fits none), and why.",
  "column-override": "A column read as the field the user mapped it to.",
  "levels-shifted":
    "The 一级 column holds 二级 labels and the 二级 column the names (a table printed one column off); read so, 一级 inferred from 二级.",
  "label-column": "A column holding only level labels is not read as the indicator names.",
  "no-weights": "The table has no 分值 column; every weight is recorded as not printed (scoring needs them).",
  "weight-not-number": "A 分值 that is not a number is recorded as not printed.",
  "weight-empty": "An empty 分值 is recorded as not printed.",
  "budget-not-number": "A 预算数 that is not a number is read as 0.",
  "money-unit-default": "No 金额单位 printed; amounts are read in 万元.",
  "budget-missing": "A project prints no 预算数.",
  "budget-from-total": "The budget is taken from the 合计 of the project's cost breakdown.",
  "budget-from-funding": "The budget is taken from the 全年预算数 of the project's funding table.",
  "unit-code-from-department": "The 实施单位 has no code printed; the 主管部门's code is taken.",
  "level1-unknown": "A 一级指标 that is not in the indicator framework (a typo, or a regional name); kept as printed.",
  "level2-unknown": "A 二级指标 that is not in the indicator framework; kept as printed.",
  "level1-inferred": "No 一级 printed; inferred from the 二级 it belongs to.",
  "level1-from-level2": "A 二级 under a merged 一级 it does not belong to; the 一级 is read from the 二级.",
  "operator-unknown": "A 指标方向 that is none of the operators (≥, ≤, =, …); the row cannot be compared.",
  "nature-unknown": "A 指标性质 that is none of 定性/正向/反向; read as 定性.",
  "nature-inferred": "No 指标性质 printed, or 定量 without a direction; inferred from the operator and the target.",
  "target-not-number": "A 定量 indicator whose 目标值 is not a number; it cannot be scored.",
  "unit-conflict": "The target holds a unit other than the 计量单位 column's; the column's unit is kept.",
  "structural-row": "A row with no 三级指标 and no target (a level heading) is skipped.",
  "spanning-row": "Text across the indicator columns (a note, a heading) is not an indicator; skipped.",
  "subtotal-row": "A 小计 row is read as a subtotal, not a project.",
  "subtotal-mismatch": "A 小计 does not match the projects under it: the table may be incomplete.",
  "total-from-subtotal": "The only department subtotal is taken as the 合计.",
  "total-mismatch": "The 合计 does not match the projects' budgets: a project or an amount is missing or misread.",
  "department-wide":
    "A department-wide target table (部门整体绩效目标); read as the department's targets, not a project.",
  "project-name-missing": "A project block with no 项目名称 cell; the project has no name.",
  "project-name-from-title": "No 项目名称 printed; the table's title is taken as the name.",
  "name-empty": "An indicator with an empty 三级指标.",
  "target-empty": "An indicator with no 目标值.",
  "project-no-indicators": "A project with no indicator rows read.",
  "actual-inferred": "An 实际完成值 written in words or with its unit is read as the number shown.",
};

/** `{name}` for every parameter, so the words show their placeholders. */
const shown = new Proxy({} as Record<string, string>, {
  get: (_, k) => (typeof k === "string" ? `{${k}}` : undefined),
});

const codes: Record<string, DiagnosticDefinition> = {};
for (const name of GRID_DIAGNOSTICS) {
  const d = say("{source}", name, shown);
  codes[`{source}.${name}`] = {
    severity: d.severity,
    zh: (p) => say("{source}", name, p).message,
    en: (p) => say("{source}", name, p).messageEn ?? "",
    about: `${ABOUT[name] ?? ""} ({source}: ${GRID_SOURCES.join(", ")}.)`.trim(),
  };
}

export const GRID_READER_DIAGNOSTICS = defineDiagnostics("@jixiao/formats", "grid reader (every table format)", codes);

/** The names the grid reader's words table has but this file does not explain (a test keeps it empty). */
export const GRID_NAMES_UNEXPLAINED: readonly string[] = GRID_DIAGNOSTICS.filter((n) => !ABOUT[n]);
