/**
 * The rows of one block (a header and what is under it) → projects. A row table starts a
 * project wherever its project cells change (or its merged name cell ends); a form block is one
 * project built from its form. Subtotal and total rows (a department row with a code and an
 * amount only, 合计) are recorded and never become projects; level headings (a 二级 with no
 * 三级) and text spanning the indicator columns are skipped, each with a diagnostic.
 */
import type { Project } from "@jixiao/core";
import type { ColumnKey } from "./columns.ts";
import { PROJECT_KEYS } from "./columns.ts";
import { type DocumentState, parseDepartment, parseUnit } from "./document-state.ts";
import { cellText, type GridCell, type GridSheet, hasText, isBlankRow, sameMerge } from "./grid.ts";
import type { HeaderMap } from "./header.ts";
import { type FormFields, namingBanner, readForm, TOTAL } from "./read-form.ts";
import { type LevelState, readIndicator, rowKind } from "./read-indicator.ts";
import { readMoney, readNumber } from "./vocab.ts";
import { say } from "./words.ts";

type Row = readonly (GridCell | undefined)[];

const NOTE_PREFIX = /^(口径说明|注[:：]|说明[:：]|备注[:：]|注\s*\d)/;
/** A form's footer under the grid: who filled it in, who checked it, the seal, the date. */
const FOOTER =
  /^(?:填报人|填表人|联系人|联系电话|经办人|审核人|复核人|(?:主管部门|财政部门)?审核意见|(?:单位|部门|财务)?负责人|填报日期|填表日期|单位(?:公章|盖章)|(?:年\s*)?月\s*日)(?:[:：\s]|$)/;

export interface Block {
  sheet: GridSheet;
  map: HeaderMap;
  from: number;
  to: number;
  /** The form above the header (form and department-wide blocks). */
  form: FormFields | null;
  /** Project name for a block without a name column or form name (department-wide, single table). */
  fallbackName?: string;
  /** Repeated headers inside the block (skipped). */
  isHeader: (row: number) => boolean;
  /** The rows continue the document's last project (a table cut in two at a page break). */
  continues?: boolean;
}

/** Reads an amount cell: the number an xlsx cell held, or the printed money with its unit. */
function moneyOf(c: GridCell | undefined): { value: number; unit: "万元" | "元" | null } | null {
  if (!c) return null;
  if (c.num !== undefined && Number.isFinite(c.num)) return { value: c.num, unit: null };
  const m = readMoney(cellText(c));
  return m ? { value: m.value, unit: m.unit } : null;
}

function setBudget(
  st: DocumentState,
  p: Project,
  cell: GridCell | undefined,
  ref: string,
  pi: number,
  field: "budget" | "executed" | "initialBudget" = "budget",
) {
  const text = cellText(cell);
  const m = moneyOf(cell);
  if (field === "budget") {
    const pc = st.projectCells.get(p);
    if (pc && text) {
      pc.budget = ref;
      pc.budgetText = text;
    }
  }
  if (!m) {
    if (text && field === "budget")
      st.diagnostics.push(say(st.src, "budget-not-number", { cell: ref, text }, { cell: ref, projectIndex: pi }));
    return;
  }
  p[field] = m.value;
  if (m.unit) st.cellUnit ??= m.unit;
  st.amounts.push({ value: m.value, unit: m.unit, set: (v) => (p[field] = v) });
}

/** Reads one block into the document; returns the indices of the projects it made. */
export function readBlock(block: Block, st: DocumentState): number[] {
  const { sheet, map, form } = block;
  const cols = map.cols;
  const rows = sheet.rows;
  const made: number[] = [];
  const col = (row: Row, key: ColumnKey) => {
    const i = cols.get(key);
    return i === undefined ? undefined : row[i];
  };
  const txt = (row: Row, key: ColumnKey) => cellText(col(row, key));
  let project: Project | null = null;
  let levels: LevelState = { l1: "", l2: "" };
  let projectKey = "";
  let projectOrigin: string | undefined;
  let afterTotal = false;
  const nameCol = cols.get("name");
  let usesMerges = false;
  const bySeq = seqNumbersProjects(block);
  if (nameCol !== undefined)
    for (let r = block.from; r < block.to && !usesMerges; r++)
      usesMerges = !block.isHeader(r) && Boolean(rows[r]?.[nameCol]?.merged);

  const start = (p: Project, nameRef: string) => {
    st.doc.projects.push(p);
    st.projectCells.set(p, { name: nameRef });
    made.push(st.doc.projects.length - 1);
    const sub = st.subtotals.at(-1);
    if (sub && !sub.total) sub.projects.push(st.doc.projects.length - 1);
    project = p;
    levels = { l1: "", l2: "" };
  };

  const startFromForm = (f: FormFields | null, atRow: number) => {
    const unit = parseUnit(f?.unit?.text ?? "");
    if (!unit.unitCode && f?.unitCode) unit.unitCode = f.unitCode.text;
    const dept = f?.department ? parseUnit(f.department.text) : null;
    if (!unit.unitCode && dept?.unitCode && f?.department) {
      unit.unitCode = dept.unitCode;
      if (!unit.unitName) unit.unitName = dept.unitName;
      st.diagnostics.push(
        say(
          st.src,
          "unit-code-from-department",
          { cell: f.department.ref, code: dept.unitCode },
          { cell: f.department.ref },
        ),
      );
    }
    if (dept && !st.doc.department)
      st.doc.department =
        dept.unitCode.length === 3 ? { code: dept.unitCode, name: dept.unitName } : { name: dept.unitName };
    const name = f?.name?.text ?? block.fallbackName ?? "";
    const p: Project = {
      name,
      unitCode: unit.unitCode,
      unitName: unit.unitName,
      category: f?.category?.text ?? "",
      budget: 0,
      goal: f?.goal?.text ?? "",
      indicators: [],
    };
    start(p, f?.name?.ref ?? sheet.ref(atRow, 0));
    const pi = st.doc.projects.length - 1;
    const at = (v: { ref: string; text: string; num?: number } | undefined) =>
      v ? ({ text: v.text, num: v.num } as GridCell) : undefined;
    if (f?.budget) {
      setBudget(st, p, at(f.budget), f.budget.ref, pi);
      if (f.budget.how === "total")
        st.diagnostics.push(
          say(
            st.src,
            "budget-from-total",
            { cell: f.budget.ref, text: f.budget.text },
            { cell: f.budget.ref, projectIndex: pi, action: "budget from 合计" },
          ),
        );
      if (f.budget.how === "funding")
        st.diagnostics.push(
          say(
            st.src,
            "budget-from-funding",
            { cell: f.budget.ref, text: f.budget.text, row: f.budget.row ?? "" },
            { cell: f.budget.ref, projectIndex: pi },
          ),
        );
    } else
      st.diagnostics.push(
        say(st.src, "budget-missing", { where: sheet.ref(map.row, 0), name: p.name }, { projectIndex: pi }),
      );
    if (f?.initialBudget) setBudget(st, p, at(f.initialBudget), f.initialBudget.ref, pi, "initialBudget");
    if (f?.executed) setBudget(st, p, at(f.executed), f.executed.ref, pi, "executed");
  };
  const last = st.doc.projects.at(-1);
  if (block.continues && last) {
    project = last;
    levels = st.lastLevels ?? levels;
  } else if (nameCol === undefined && (form?.name || namingBanner(sheet, block.from, block.to) === null))
    startFromForm(form, map.row);

  readDocumentColumns(block, st);
  for (let r = block.from; r < block.to; r++) {
    const row = rows[r] ?? [];
    if (isBlankRow(row) || block.isHeader(r)) continue;
    const nonEmpty = row.filter(hasText);
    const first = cellText(nonEmpty[0]);
    // 合计 printed under cells merged down from the rows above (一级/二级 spanning the block).
    const above = rows[r - 1] ?? [];
    const ownFirst = cellText(row.find((c, i) => hasText(c) && !sameMerge(c, above[i])));
    const totalRow = TOTAL.test(first) || TOTAL.test(ownFirst);
    const origins = new Set(nonEmpty.map((c) => c.merged ?? "-"));
    const banner = origins.size === 1 && !origins.has("-") && (row.length < 3 || nonEmpty.length >= 3);
    const kind = rowKind(row, map);
    const nameEmpty = nameCol === undefined || txt(row, "name") === "";
    if (
      totalRow ||
      (nameCol !== undefined && nameEmpty && kind === "empty" && !afterTotal && subtotalAmount(row, cols))
    ) {
      const amount = subtotalAmount(row, cols);
      if (amount) {
        const ref = sheet.ref(r, amount.col);
        const isTotal = totalRow;
        if (isTotal) st.doc.total = amount.value;
        else if (!st.doc.department && /^\d{2,4}\s*-/.test(first))
          st.doc.department = parseDepartment(first.replace(/\s*-\s*/, "-"));
        st.subtotals.push({ ref, label: first, amount: amount.value, unit: amount.unit, projects: [], total: isTotal });
        if (amount.unit) st.cellUnit ??= amount.unit;
        st.diagnostics.push(
          say(
            st.src,
            "subtotal-row",
            { cell: ref, text: first, amount: amount.text },
            { cell: ref, action: "not a project" },
          ),
        );
        if (isTotal && project) afterTotal = true; // a 合计 at the top (above the projects) ends nothing
        continue;
      }
    }
    // A banner naming the next project (项目名称：… 预算：…) under one header for several projects.
    if (nameCol === undefined && banner && kind !== "indicator") {
      const f = readForm(sheet, r, r + 1);
      if (f.name) {
        startFromForm(project ? f : { ...form, ...f, banners: f.banners }, r);
        continue;
      }
    }
    if (
      afterTotal ||
      (banner && kind !== "indicator") ||
      (nonEmpty.length <= 2 && NOTE_PREFIX.test(first)) ||
      FOOTER.test(ownFirst.replace(/\s+/g, "")) ||
      FOOTER.test(first.replace(/\s+/g, ""))
    ) {
      st.notes.push(banner ? first : nonEmpty.map((c) => c.text.trim()).join(""));
      continue;
    }
    if (nameCol !== undefined) {
      const nameCell = row[nameCol];
      const name = cellText(nameCell);
      const seq = txt(row, "seq");
      const key = bySeq
        ? seq
        : PROJECT_KEYS.map((k) => txt(row, k)).join("\u0001") + (usesMerges ? `@${nameCell?.merged ?? r}` : "");
      const continues =
        project !== null &&
        (bySeq
          ? seq === "" || seq === projectKey
          : name === "" || (key === projectKey && (!usesMerges || nameCell?.merged === projectOrigin)));
      if (!continues) {
        const unit = parseUnit(txt(row, "unit"));
        if (!unit.unitCode && txt(row, "unitCode")) unit.unitCode = txt(row, "unitCode");
        const p: Project = {
          name,
          unitCode: unit.unitCode,
          unitName: unit.unitName,
          category: txt(row, "category"),
          budget: 0,
          goal: txt(row, "goal"),
          indicators: [],
        };
        start(p, sheet.ref(r, nameCol));
        const pi = st.doc.projects.length - 1;
        if (cols.has("budget")) setBudget(st, p, col(row, "budget"), sheet.ref(r, cols.get("budget")!), pi);
        if (cols.has("executed"))
          setBudget(st, p, col(row, "executed"), sheet.ref(r, cols.get("executed")!), pi, "executed");
        if (cols.has("initialBudget"))
          setBudget(st, p, col(row, "initialBudget"), sheet.ref(r, cols.get("initialBudget")!), pi, "initialBudget");
        projectKey = key;
        projectOrigin = nameCell?.merged;
      }
    }
    const p = project as Project | null;
    if (!p) continue;
    if (kind === "spanning") {
      st.diagnostics.push(
        say(
          st.src,
          "spanning-row",
          { cell: sheet.ref(r, cols.get("indicator") ?? 0), text: first.slice(0, 30) },
          { cell: sheet.ref(r, 0) },
        ),
      );
      continue;
    }
    if (kind === "structural") {
      const label = txt(row, "level2") || txt(row, "level1");
      if (!map.shifted || txt(row, "level2")) {
        const ref = sheet.ref(r, cols.get("level2") ?? cols.get("level1") ?? 0);
        st.diagnostics.push(
          say(
            st.src,
            "structural-row",
            { cell: ref, text: label },
            { cell: ref, projectIndex: st.doc.projects.length - 1 },
          ),
        );
      }
      continue;
    }
    if (kind !== "indicator") continue;
    const pi = st.doc.projects.length - 1;
    const { ind, cells } = readIndicator(row, r, {
      src: st.src,
      map,
      ref: sheet.ref,
      diagnostics: st.diagnostics,
      at: { projectIndex: pi, indicatorIndex: p.indicators.length },
      levels,
    });
    p.indicators.push(ind);
    st.indicatorCells.set(ind, cells);
  }
  st.lastLevels = levels;
  return made;
}

/** The amount of a subtotal or total row: its budget cell, else the first number in the row. */
function subtotalAmount(
  row: Row,
  cols: Map<ColumnKey, number>,
): { value: number; unit: "万元" | "元" | null; col: number; text: string } | null {
  const b = cols.get("budget");
  const order = b === undefined ? [...row.keys()] : [b, ...row.keys()];
  for (const i of order) {
    const c = row[i];
    if (!c || TOTAL.test(cellText(c))) continue;
    const m = moneyOf(c);
    if (m && (c.num !== undefined || readNumber(cellText(c).replace(/万?元$/, "")) !== null))
      return { ...m, col: i, text: cellText(c) };
  }
  return null;
}

/** 表名 / 部门 / 年度 / 合计 / 口径说明 printed as columns (jixiao's own CSV): read from the first data row. */
function readDocumentColumns(block: Block, st: DocumentState): void {
  const cols = block.map.cols;
  if (!(["title", "department", "fiscalYear", "total", "notes"] as const).some((k) => cols.has(k))) return;
  for (let r = block.from; r < block.to; r++) {
    const row = block.sheet.rows[r] ?? [];
    if (isBlankRow(row) || block.isHeader(r)) continue;
    const txt = (k: ColumnKey) => {
      const i = cols.get(k);
      return i === undefined ? "" : cellText(row[i]);
    };
    const num = (k: ColumnKey) => {
      const i = cols.get(k);
      return i === undefined ? null : (moneyOf(row[i])?.value ?? null);
    };
    if (txt("title")) st.doc.title = txt("title");
    if (txt("department")) st.doc.department = parseDepartment(txt("department"));
    const fy = num("fiscalYear");
    if (fy !== null) st.doc.fiscalYear = fy;
    const total = num("total");
    if (total !== null) st.doc.total = total;
    const i = cols.get("notes");
    const n = i === undefined ? undefined : row[i]?.text;
    if (n?.trim()) st.notes.push(...n.split(/\r?\n/));
    return;
  }
}

/**
 * True when the 序号 column numbers projects (jixiao's 项目序号, or numbers that stay the same
 * over a project's rows); false when it numbers rows (a new number on every row of one project).
 */
function seqNumbersProjects(block: Block): boolean {
  const cols = block.map.cols;
  const s = cols.get("seq");
  const n = cols.get("name");
  if (s === undefined || n === undefined) return false;
  const header = block.map.mapped.find((m) => m.column === s)?.header.replace(/\s+/g, "") ?? "";
  if (header === "项目序号") return true;
  let prev: { name: string; seq: string } | null = null;
  for (let r = block.from; r < block.to; r++) {
    if (block.isHeader(r)) continue;
    const row = block.sheet.rows[r] ?? [];
    const name = cellText(row[n]);
    const seq = cellText(row[s]);
    if (!seq) continue;
    if (prev && name && name === prev.name && seq !== prev.seq) return false;
    prev = { name, seq };
  }
  return true;
}
