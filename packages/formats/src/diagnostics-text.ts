/**
 * The table readers' codes (`text.*`: pasted text, and the grid layer every table format goes
 * through — xlsx, docx, html, csv, PDF), declared for docs/DIAGNOSTICS.md. Severity and words come
 * from the text importer's own table (text/text-diagnostics.ts), so they cannot drift; this file
 * adds what each code means.
 */
import { type DiagnosticDefinition, defineDiagnostics, type Template } from "@jixiao/core";
import { TEXT_WORDS, type TextCode } from "./text/text-diagnostics.ts";

/** What each code means and what to do (English, for the docs). */
const ABOUT: Record<TextCode, string> = {
  "text.split-word-joined": "A word a line wrap split (a space inside a CJK word) is joined again.",
  "text.header-repeated": "A header row printed again at a page break is dropped.",
  "text.total-read": "The 合计 row's amount is read as the department's total.",
  "text.footer-read": "A note below the table is kept as a note, not read as an indicator.",
  "text.preamble-skipped": "Text above the table that is not a title, department, year or unit is skipped.",
  "text.budget-missing": "A project row prints no budget; it is read as 0 — fill it in.",
  "text.cells-shifted":
    "A row's cells stand in other columns than the header's (a merged or lost cell); they are read by what they hold.",
  "text.continuation-joined": "A line continuing the project's 年度绩效目标 (a wrapped goal) is appended to it.",
  "text.line-unread":
    "A line that is neither a project, an indicator nor a header; it is skipped — check nothing is lost.",
  "text.no-projects": "Nothing reads as a 表12: no project row and no header naming its columns; nothing is imported.",
  "text.money-unit-missing": "The table states no 金额单位; amounts are read as 万元.",
  "text.header-missing": "No header row; the columns are told apart by what their cells hold.",
  "text.row-reattached":
    "An indicator row printed outside its project's block (before any project, or moved from the block above by its levels and names) is attached to the project it belongs to.",
  "text.reattach-ambiguous":
    "The last rows of a project may belong to the next one; they are left where printed — check them.",
  "text.levels-missing": "An indicator row with no 一级/二级 and none above to continue; fill them in.",
  "text.levels-guessed":
    "A re-attached row without printed levels takes those of its project's most alike group; check them.",
  "text.department-code-inferred": "No department code printed; the common prefix of the unit codes is taken.",
  "text.fiscal-year-inferred": "No 年度 printed; the year the text cites most is taken.",
  "text.total-mismatch":
    "The projects' budgets do not add up to the 合计 row: a project or an amount is missing or misread.",
  "text.nature-missing": "An empty 指标性质 is inferred from the operator and the target (定量 / 定性).",
  "text.nature-inferred": "A 指标性质 printed as 定量 with no direction; the direction is taken from the operator.",
  "text.name-joined": "A 三级指标 name split over several cells is joined into one.",
  "text.name-missing": "An empty 三级指标 takes its 二级 label as the name; check it.",
  "text.weight-missing": "An empty 分值 is read as 0; fill it in.",
  "text.target-joined": "A 指标值 split over several cells is joined into one.",
  "text.operator-in-value": "A 指标值 holding its operator (≥ 95) is split into operator and value.",
  "text.unit-in-value": "A 指标值 holding its unit (95%) is split into value and unit.",
  "text.level1-corrected": "A 一级 that does not fit its 二级 (the 2021 layout's names) is set from the 二级.",
  "text.level1-inferred": "A row with a 二级 but no 一级 takes the 一级 the 二级 belongs to.",
  "text.level2-missing": "A 一级 with no 二级 is read with the 二级 assumed from it.",
  "text.shape-detected": "Which shape of pasted table the text was read as (the layouts the importer knows).",
  "text.after-table-skipped": "Text after the table (signatures, notes) is not read as indicators.",
  "text.rows-realigned":
    "A row that lost its empty or merged cells in a web copy is realigned by what each cell holds, taking the merged values from above.",
};

/** The docs' wording of codes whose words depend on more than text parameters. */
const SHOWN: Partial<Record<TextCode, { zh: string; en: string }>> = {
  "text.row-reattached": {
    zh: "指标「{name}」印在项目「{from}」的区块内，归入下一项目「{to}」；依据：{why}",
    en: 'Indicator "{name}" was printed inside the block of "{from}"; re-attached to the next project "{to}" — {why}',
  },
};

const codes = {} as Record<TextCode, DiagnosticDefinition>;
for (const code of Object.keys(TEXT_WORDS) as TextCode[]) {
  const words = TEXT_WORDS[code] as unknown as {
    severity: DiagnosticDefinition["severity"];
    zh: Template;
    en: Template;
  };
  codes[code] = {
    severity: words.severity,
    zh: SHOWN[code]?.zh ?? words.zh,
    en: SHOWN[code]?.en ?? words.en,
    about: ABOUT[code],
  };
}

export const TEXT_IMPORT_DIAGNOSTICS = defineDiagnostics<TextCode>("@jixiao/formats", "table readers", codes);
