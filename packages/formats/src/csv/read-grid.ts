/**
 * Grid → document: the reader behind CSV, xlsx and PDF import. A grid is a sheet of cells
 * (text, the number an xlsx cell held, the merged range it belongs to). The header row is
 * found by its names; the layouts of DOMAIN.md §1 map onto one model: operator inside the
 * value (≥95%), 指标性质 holding ≥/≤ beside a 指标方向性 column, money in 元 with thousands
 * separators, 绩效标准, one project per sheet (a form above the indicator table) or many.
 * Every rejected cell yields a diagnostic naming the cell. Never throws.
 */
import {
  type Diagnostic,
  FORMAT_ID,
  type Grade,
  type Indicator,
  type MoneyUnit,
  type Nature,
  normalizeLevel1,
  normalizeLevel2,
  type Operator,
  type Parsed,
  type Project,
  parseNumber,
  type TargetDocument,
} from "@jixiao/core";
import { type ColumnKey, LEADING_OPERATOR, matchHeader, parseNature, parseOperator } from "./columns.ts";

export interface GridCell {
  text: string;
  /** The number an xlsx cell held, when it held one. */
  num?: number;
  /** Address of the master cell when the cell belongs to a merged range (the master too). */
  merged?: string;
}

export interface GridSheet {
  name: string;
  rows: (GridCell | undefined)[][];
  /** Human reference of a cell (0-based row and column), e.g. `Sheet1!H12`. */
  ref(row: number, col: number): string;
}

export interface GridOptions {
  onProgress?: (fraction: number) => void;
  /** Prefix of diagnostic codes: "xlsx", "csv", "pdf". */
  source: string;
}

type Row = (GridCell | undefined)[];

const PROJECT_LABELS: ColumnKey[] = ["name", "unit", "category", "budget", "goal"];

function cellText(c: GridCell | undefined): string {
  return c ? c.text.trim() : "";
}

function isBlankRow(row: Row): boolean {
  return row.every((c) => !c || c.text.trim() === "");
}

/** Column map of a header row, or null when the row is not a header. */
function headerOf(row: Row): { cols: Map<ColumnKey, number>; moneyUnit?: MoneyUnit } | null {
  const cols = new Map<ColumnKey, number>();
  let moneyUnit: MoneyUnit | undefined;
  row.forEach((c, i) => {
    const m = c ? matchHeader(c.text) : null;
    if (!m || cols.has(m.key)) return;
    cols.set(m.key, i);
    if (m.key === "budget" && m.moneyUnit) moneyUnit = m.moneyUnit;
  });
  const hasIndicatorCols = cols.has("indicator") && (cols.has("target") || cols.has("weight") || cols.has("level1"));
  if (!hasIndicatorCols || cols.size < 4) return null;
  return moneyUnit ? { cols, moneyUnit } : { cols };
}

const NOTE_PREFIX = /^(口径说明|注[:：]|说明[:：]|备注[:：]|注\s*\d)/;

interface SheetState {
  doc: TargetDocument;
  diagnostics: Diagnostic[];
  moneyUnitSeen: MoneyUnit | null;
}

function diag(
  code: string,
  severity: Diagnostic["severity"],
  zh: string,
  en: string,
  extra: Partial<Diagnostic> = {},
): Diagnostic {
  return { code, severity, message: zh, messageEn: en, ...extra };
}

/** Reads 标题 / 部门 / 年度 / 单位 from the cells above the header. */
function readPreamble(rows: Row[], upTo: number, st: SheetState): void {
  for (let r = 0; r < upTo; r++) {
    const seen = new Set<string>();
    for (const c of rows[r] ?? []) {
      const t = cellText(c);
      if (!t || seen.has(t)) continue;
      seen.add(t);
      const dept = /^(?:部门|主管部门|预算部门)(?:名称)?[:：]\s*(.*)$/s.exec(t);
      const year = /^(?:年度|预算年度)[:：]\s*(\d{4})/.exec(t);
      const unit = /^(?:金额)?单位[:：]\s*(万元|元)\s*$/.exec(t);
      if (dept) {
        if (!st.doc.department) st.doc.department = parseDepartment(dept[1]!.trim());
      } else if (year) {
        st.doc.fiscalYear ??= Number(year[1]);
      } else if (unit) {
        st.moneyUnitSeen ??= unit[1] as MoneyUnit;
      } else if (st.doc.title === undefined && r < 3 && !matchHeader(t)) {
        st.doc.title = t;
      }
    }
  }
}

function parseDepartment(text: string): { code?: string; name: string } {
  const m = /^(\d{3})-(.*)$/s.exec(text);
  return m ? { code: m[1]!, name: m[2]! } : { name: text };
}

function parseUnit(text: string): { unitCode: string; unitName: string } {
  const m = /^(\d+)\s*[-－—]\s*(.*)$/s.exec(text);
  return m ? { unitCode: m[1]!, unitName: m[2]! } : { unitCode: "", unitName: text };
}

/** A one-project form: label cells (项目名称 | value) above the indicator table. */
function readForm(rows: Row[], upTo: number): Partial<Record<ColumnKey, GridCell>> {
  const found: Partial<Record<ColumnKey, GridCell>> = {};
  for (let r = 0; r < upTo; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const m = row[c] ? matchHeader(row[c]!.text) : null;
      if (!m || !PROJECT_LABELS.includes(m.key) || found[m.key]) continue;
      const label = cellText(row[c]);
      for (let v = c + 1; v < row.length; v++) {
        const t = cellText(row[v]);
        if (!t || t === label) continue;
        if (!matchHeader(t)) found[m.key] = row[v]!;
        break;
      }
    }
  }
  return found;
}

function numberOf(c: GridCell | undefined): number | null {
  if (!c) return null;
  if (c.num !== undefined && Number.isFinite(c.num)) return c.num;
  return parseNumber(c.text);
}

/**
 * Reads the sheets of a workbook (or one CSV, or the table of a PDF) into a document.
 * @example readGrid([sheet], { source: "csv" }).value?.projects.length
 */
export function readGrid(sheets: GridSheet[], options: GridOptions): Parsed<TargetDocument> {
  const src = options.source;
  const st: SheetState = {
    doc: { format: FORMAT_ID, moneyUnit: "万元", projects: [] },
    diagnostics: [],
    moneyUnitSeen: null,
  };
  const totalRows = sheets.reduce((n, s) => n + s.rows.length, 0) || 1;
  let doneRows = 0;
  let headerFound = false;
  const notes: string[] = [];

  for (const sheet of sheets) {
    const rows = sheet.rows;
    let headerRow = -1;
    let header: ReturnType<typeof headerOf> = null;
    for (let r = 0; r < Math.min(rows.length, 80); r++) {
      header = headerOf(rows[r] ?? []);
      if (header) {
        headerRow = r;
        break;
      }
    }
    if (!header) {
      if (!rows.every(isBlankRow))
        st.diagnostics.push(
          diag(
            `${src}.no-header`,
            "warning",
            `工作表「${sheet.name}」没有找到表头（需要 三级指标、目标值 等列名），已跳过`,
            `Sheet "${sheet.name}": no header row found (looked for 三级指标, 目标值, …); skipped`,
            { cell: `${sheet.name}!A1` },
          ),
        );
      doneRows += rows.length;
      continue;
    }
    headerFound = true;
    const cols = header.cols;
    if (header.moneyUnit) st.moneyUnitSeen ??= header.moneyUnit;
    readPreamble(rows, headerRow, st);
    const form = cols.has("name") ? {} : readForm(rows, headerRow);
    const col = (row: Row, key: ColumnKey): GridCell | undefined => {
      const i = cols.get(key);
      return i === undefined ? undefined : row[i];
    };
    const txt = (row: Row, key: ColumnKey) => cellText(col(row, key));
    const ref = (r: number, key: ColumnKey) => sheet.ref(r, cols.get(key) ?? 0);

    const nameCol = cols.get("name");
    let usesMerges = false;
    if (nameCol !== undefined)
      for (let r = headerRow + 1; r < rows.length && !usesMerges; r++) usesMerges = Boolean(rows[r]?.[nameCol]?.merged);

    let project: Project | null = null;
    let projectKey = "";
    let projectOrigin: string | undefined;
    let lastL1 = "";
    let lastL2 = "";
    let afterTotal = false;

    const startProject = (row: Row, r: number, formCells?: Partial<Record<ColumnKey, GridCell>>) => {
      const get = (k: ColumnKey) => (formCells ? formCells[k] : col(row, k));
      const unit = parseUnit(cellText(get("unit")));
      const budgetCell = get("budget");
      let budget = numberOf(budgetCell);
      if (budget === null) {
        if (cellText(budgetCell))
          st.diagnostics.push(
            diag(
              `${src}.budget-not-number`,
              "error",
              `${ref(r, "budget")}：预算数「${cellText(budgetCell)}」不是数字`,
              `${ref(r, "budget")}: 预算数 "${cellText(budgetCell)}" is not a number`,
              { cell: ref(r, "budget"), projectIndex: st.doc.projects.length },
            ),
          );
        budget = 0;
      }
      const p: Project = {
        name: cellText(get("name")) || (formCells ? sheet.name : ""),
        unitCode: unit.unitCode,
        unitName: unit.unitName,
        category: cellText(get("category")),
        budget,
        goal: cellText(get("goal")),
        indicators: [],
      };
      const executed = numberOf(col(row, "executed"));
      if (executed !== null) p.executed = executed;
      const initial = numberOf(col(row, "initialBudget"));
      if (initial !== null) p.initialBudget = initial;
      st.doc.projects.push(p);
      project = p;
      lastL1 = "";
      lastL2 = "";
      return p;
    };

    let docColumnsRead = false;
    for (let r = headerRow + 1; r < rows.length; r++) {
      doneRows++;
      if (options.onProgress && doneRows % 2000 === 0) options.onProgress(doneRows / totalRows);
      const row = rows[r] ?? [];
      if (isBlankRow(row)) continue;
      if (headerOf(row)) continue; // a repeated header (every printed page, every project)
      const nonEmpty = row.filter((c): c is GridCell => Boolean(c?.text.trim()));
      const first = cellText(nonEmpty[0]);
      const origins = new Set(nonEmpty.map((c) => c.merged ?? "-"));
      const banner =
        nonEmpty.length > 0 && origins.size === 1 && !origins.has("-") && (row.length < 3 || nonEmpty.length >= 3);
      if (/^(合\s*计|总\s*计)$/.test(first)) {
        const n = numberOf(col(row, "budget")) ?? numberOf(nonEmpty.find((c) => numberOf(c) !== null));
        if (n !== null) st.doc.total = n;
        afterTotal = true;
        continue;
      }
      if (afterTotal || banner || (nonEmpty.length <= 2 && NOTE_PREFIX.test(first))) {
        notes.push(banner ? first : nonEmpty.map((c) => c.text.trim()).join(""));
        continue;
      }
      if (!docColumnsRead && (cols.has("title") || cols.has("department") || cols.has("notes") || cols.has("total"))) {
        docColumnsRead = true;
        if (txt(row, "title")) st.doc.title = txt(row, "title");
        if (txt(row, "department")) st.doc.department = parseDepartment(txt(row, "department"));
        const fy = numberOf(col(row, "fiscalYear"));
        if (fy !== null) st.doc.fiscalYear = fy;
        const total = numberOf(col(row, "total"));
        if (total !== null) st.doc.total = total;
        const n = col(row, "notes")?.text;
        if (n?.trim()) notes.push(...n.split(/\r?\n/));
      }

      // Project boundary.
      if (nameCol === undefined) {
        if (!project) startProject(row, r, form);
      } else {
        const nameCell = row[nameCol];
        const name = cellText(nameCell);
        const seq = txt(row, "seq");
        const key = cols.has("seq")
          ? seq
          : PROJECT_LABELS.map((k) => txt(row, k)).join("\u0001") + (usesMerges ? `@${nameCell?.merged ?? r}` : "");
        const continues =
          project !== null &&
          (cols.has("seq")
            ? seq === "" || seq === projectKey
            : name === "" || (key === projectKey && (!usesMerges || nameCell?.merged === projectOrigin)));
        if (!continues) {
          startProject(row, r);
          projectKey = key;
          projectOrigin = nameCell?.merged;
        }
      }
      const p = project as Project | null;
      if (!p) continue;

      // Indicator cells.
      const indicatorKeys: ColumnKey[] = [
        "level1",
        "level2",
        "indicator",
        "nature",
        "operator",
        "target",
        "measure",
        "weight",
      ];
      if (indicatorKeys.every((k) => txt(row, k) === "")) continue;
      const pi = st.doc.projects.length - 1;
      const ii = p.indicators.length;
      const at = { projectIndex: pi, indicatorIndex: ii };
      let l1 = txt(row, "level1");
      let l2 = txt(row, "level2");
      if (!l1) l1 = lastL1;
      else if (l1 !== lastL1) lastL2 = "";
      if (!l2) l2 = lastL2;
      lastL1 = l1;
      lastL2 = l2;
      const ind: Indicator = {
        level1: l1,
        level2: l2,
        name: txt(row, "indicator"),
        nature: "定性",
        operator: null,
        target: "",
        unit: null,
        weight: 0,
      };
      const n1 = normalizeLevel1(l1);
      if (n1) {
        ind.level1 = n1;
        if (n1 !== l1) ind.level1Label = l1;
      } else if (l1)
        st.diagnostics.push(
          diag(
            `${src}.level1-unknown`,
            "warning",
            `${ref(r, "level1")}：一级指标「${l1}」不在指标体系中`,
            `${ref(r, "level1")}: 一级指标 "${l1}" is not in the indicator framework`,
            { cell: ref(r, "level1"), ...at },
          ),
        );
      const n2 = normalizeLevel2(l2);
      if (n2) {
        ind.level2 = n2;
        if (n2 !== l2) ind.level2Label = l2;
      } else if (l2)
        st.diagnostics.push(
          diag(
            `${src}.level2-unknown`,
            "warning",
            `${ref(r, "level2")}：二级指标「${l2}」不在指标体系中`,
            `${ref(r, "level2")}: 二级指标 "${l2}" is not in the indicator framework`,
            { cell: ref(r, "level2"), ...at },
          ),
        );

      // 指标性质 / 指标方向 / 指标方向性, in whichever layout the sheet uses.
      const natureText = txt(row, "nature");
      const opText = txt(row, "operator");
      const polarityText = txt(row, "polarity");
      let nature: Nature | null = null;
      let operator: Operator | null = null;
      const opInNature = parseOperator(natureText);
      if (opInNature) {
        operator = opInNature;
        nature = parseNature(polarityText) ?? parseNature(opText);
      } else {
        nature = parseNature(natureText) ?? parseNature(polarityText);
        operator = parseOperator(opText);
        if (opText && !operator && !parseNature(opText))
          st.diagnostics.push(
            diag(
              `${src}.operator-unknown`,
              "error",
              `${ref(r, "operator")}：指标方向「${opText}」无法识别`,
              `${ref(r, "operator")}: 指标方向 "${opText}" is not an operator`,
              { cell: ref(r, "operator"), ...at },
            ),
          );
        if (!nature && parseNature(opText)) nature = parseNature(opText);
      }

      // 目标值, maybe with the operator and the unit inside it.
      const targetCell = col(row, "target");
      let target = cellText(targetCell);
      if (targetCell?.num !== undefined && Number.isFinite(targetCell.num)) target = String(targetCell.num);
      let unit: string | null = txt(row, "measure") || null;
      if (nature !== "定性") {
        const lead = LEADING_OPERATOR.exec(target);
        if (lead) {
          const op = parseOperator(lead[1]!);
          if (op && !operator) operator = op;
          target = target.slice(lead[0].length);
        }
        const m = /^([+-]?[\d０-９][\d０-９,，.．]*)\s*(\S.*)?$/.exec(target);
        if (m) {
          const num = parseNumber(m[1]!.replace(/，/g, ","));
          if (num !== null && (lead || m[2] || /[,，０-９．]/.test(m[1]!))) {
            target = m[1]!
              .replace(/[,，]/g, "")
              .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
            if (m[2]) {
              if (!unit) unit = m[2].trim();
              else if (unit !== m[2].trim())
                st.diagnostics.push(
                  diag(
                    `${src}.unit-conflict`,
                    "warning",
                    `${ref(r, "target")}：目标值中的单位「${m[2]}」与计量单位「${unit}」不一致，保留计量单位`,
                    `${ref(r, "target")}: unit "${m[2]}" inside the target differs from 计量单位 "${unit}"; kept 计量单位`,
                    { cell: ref(r, "target"), ...at },
                  ),
                );
            }
          }
        }
        if (!nature && operator) {
          nature = operator === "≤" || operator === "<" ? "反向" : "正向";
          st.diagnostics.push(
            diag(
              `${src}.nature-inferred`,
              "info",
              `${ref(r, "nature")}：未写指标性质，按指标方向推定为${nature}`,
              `${ref(r, "nature")}: no 指标性质; inferred ${nature} from the operator`,
              { cell: ref(r, "nature"), action: `inferred nature ${nature}`, ...at },
            ),
          );
        }
      }
      if (!nature) {
        nature = "定性";
        if (natureText)
          st.diagnostics.push(
            diag(
              `${src}.nature-unknown`,
              "error",
              `${ref(r, "nature")}：指标性质「${natureText}」无法识别，按定性处理`,
              `${ref(r, "nature")}: 指标性质 "${natureText}" is not 定性/正向/反向; read as 定性`,
              { cell: ref(r, "nature"), ...at },
            ),
          );
      }
      if (nature !== "定性" && target !== "" && parseNumber(target) === null)
        st.diagnostics.push(
          diag(
            `${src}.target-not-number`,
            "error",
            `${ref(r, "target")}：目标值「${target}」不是数字，而指标性质为${nature}`,
            `${ref(r, "target")}: 目标值 "${target}" is not a number for a ${nature} indicator`,
            { cell: ref(r, "target"), ...at },
          ),
        );
      ind.nature = nature;
      ind.operator = operator;
      ind.target = target;
      ind.unit = unit;

      const weightCell = col(row, "weight");
      const weight = numberOf(weightCell);
      if (weight === null) {
        if (cols.has("weight"))
          st.diagnostics.push(
            diag(
              `${src}.weight-not-number`,
              "error",
              `${ref(r, "weight")}：分值「${cellText(weightCell)}」不是数字，按 0 计`,
              `${ref(r, "weight")}: 分值 "${cellText(weightCell)}" is not a number; counted as 0`,
              { cell: ref(r, "weight"), ...at },
            ),
          );
      } else ind.weight = weight;

      if (cols.has("standard") && txt(row, "standard")) ind.standard = txt(row, "standard");
      const actualCell = col(row, "actual");
      if (cellText(actualCell)) ind.actual = numberOf(actualCell) ?? cellText(actualCell);
      const grade = txt(row, "grade");
      if (grade === "达成" || grade === "部分达成" || grade === "未达成") ind.grade = grade as Grade;
      const score = numberOf(col(row, "score"));
      if (score !== null) ind.score = score;
      const na = txt(row, "notApplicable");
      if (na) ind.notApplicable = /^(是|true|1|y|yes|√)$/i.test(na);
      if (cols.has("deviationReason") && txt(row, "deviationReason")) ind.deviationReason = txt(row, "deviationReason");
      p.indicators.push(ind);
    }
  }
  if (!headerFound) {
    return {
      value: null,
      diagnostics: [
        ...st.diagnostics,
        diag(
          `${src}.no-table`,
          "error",
          "没有找到绩效目标表：任何工作表都没有含「三级指标」「目标值」等列名的表头",
          "No target table found: no sheet has a header row naming 三级指标, 目标值, …",
        ),
      ],
    };
  }
  if (st.moneyUnitSeen) st.doc.moneyUnit = st.moneyUnitSeen;
  if (notes.length) st.doc.notes = notes;
  if (st.doc.fiscalYear === undefined && st.doc.title) {
    const y = /((?:19|20)\d{2})\s*年/.exec(st.doc.title);
    if (y) st.doc.fiscalYear = Number(y[1]);
  }
  options.onProgress?.(1);
  const doc = orderKeys(st.doc);
  return { value: doc, diagnostics: st.diagnostics };
}

/** Puts the document's keys in the order of the model, so JSON output reads naturally. */
function orderKeys(d: TargetDocument): TargetDocument {
  const head: Partial<TargetDocument> = { format: d.format };
  if (d.title !== undefined) head.title = d.title;
  if (d.department) head.department = d.department;
  if (d.fiscalYear !== undefined) head.fiscalYear = d.fiscalYear;
  const tail: Partial<TargetDocument> = {};
  if (d.total !== undefined) tail.total = d.total;
  if (d.notes) tail.notes = d.notes;
  return { ...head, moneyUnit: d.moneyUnit, ...tail, projects: d.projects } as TargetDocument;
}
