/**
 * Grid sheets → document: the one reader behind CSV, xlsx, HTML, Word, PDF and pasted text.
 * Each sheet is cut into blocks at its header rows (a header repeated on every page or every
 * project continues its block); each block is classified (row table, form block, self-
 * evaluation, department-wide, single table), its columns mapped by name and checked by
 * content, and read into projects. Every layout, mapped column and inferred value is logged;
 * the result is checked for honest output. Never throws.
 *
 * @example
 * const sheet = gridFromSpans("t", [[{ text: "三级指标" }, { text: "指标值" }, { text: "分值" }], …]);
 * readGrid([sheet], { source: "html" }).value?.projects.length
 */
import type { Parsed, TargetDocument } from "@jixiao/core";
import type { ColumnKey } from "./columns.ts";
import { type DocumentState, newState, parseDepartment } from "./document-state.ts";
import { finishDocument, orderKeys } from "./finish.ts";
import { cellText, type GridSheet, squeezed } from "./grid.ts";
import { type ColumnOverride, headerSignature, isHeaderRow, type MappedColumn, mapHeader } from "./header.ts";
import { matchHeaderName } from "./header-names.ts";
import { readBlock } from "./read-block.ts";
import { type FormFields, isFormStart, readForm } from "./read-form.ts";
import { LAYOUT_WORDS, type LayoutClass, type TableReading } from "./reading.ts";
import { moneyUnitInText } from "./vocab.ts";
import { say } from "./words.ts";

export interface GridOptions {
  /** Prefix of diagnostic codes: "csv", "xlsx", "html", "docx", "pdf", "text". */
  source: string;
  onProgress?: (fraction: number) => void;
  /** The user's corrections of the column mapping (import wizard). */
  columns?: readonly ColumnOverride[];
}

/** The document, the repair log, and how the table was read. */
export interface GridResult extends Parsed<TargetDocument> {
  reading: TableReading;
}

const KEY_WORDS: Partial<Record<ColumnKey, [string, string]>> = {
  seq: ["序号", "sequence"],
  name: ["项目名称", "project name"],
  unit: ["单位", "unit"],
  unitCode: ["单位编码", "unit code"],
  department: ["主管部门", "department"],
  category: ["项目类别", "category"],
  budget: ["预算数", "budget"],
  goal: ["年度目标", "goal"],
  level1: ["一级指标", "一级 (level 1)"],
  level2: ["二级指标", "二级 (level 2)"],
  indicator: ["三级指标（指标名称）", "三级 (indicator name)"],
  nature: ["指标性质", "nature"],
  operator: ["指标方向", "operator"],
  polarity: ["指标方向性", "direction"],
  target: ["目标值", "target"],
  measure: ["计量单位", "unit of measure"],
  weight: ["分值", "weight"],
  standard: ["绩效标准", "standard"],
  executed: ["全年执行数", "executed"],
  initialBudget: ["年初预算数", "initial budget"],
  actual: ["实际完成值", "actual"],
  grade: ["完成等级", "grade"],
  score: ["得分", "score"],
  notApplicable: ["不适用", "not applicable"],
  deviationReason: ["偏差原因", "deviation reason"],
};

const NOTE_WORDS: Record<NonNullable<MappedColumn["note"]>, [string, string]> = {
  "long-term": ["长期指标，读取年度列", "long-term; the annual column is read"],
  duplicate: ["重复的列", "a duplicate column"],
  "group-label": ["分组标签", "a group label"],
  "level-labels": ["只含层级标签", "holds only level labels"],
  empty: ["整列为空", "the column is empty"],
};

/** Reads the lines above a table: 部门, 年度, 金额单位, title. */
function readPreamble(lines: readonly string[], st: DocumentState): void {
  for (const raw of lines) {
    const t = raw.trim();
    if (!t) continue;
    const dept = /^(?:部门|主管部门|预算部门)(?:名称)?[:：]\s*(.*)$/s.exec(t);
    const year = /^(?:年度|预算年度)[:：]\s*(\d{4})/.exec(t);
    const unit = moneyUnitInText(t);
    if (dept) {
      if (!st.doc.department) st.doc.department = parseDepartment(dept[1]!.trim());
    } else if (year) st.doc.fiscalYear ??= Number(year[1]);
    else if (unit && /单位/.test(t) && t.length < 20) st.statedUnit ??= unit;
    else if (st.doc.title === undefined && !matchHeaderName(t) && t.length <= 80 && /[\u4e00-\u9fff]/.test(t))
      st.doc.title = t;
    if (unit && /单位/.test(t)) st.statedUnit ??= unit;
  }
}

/** Single-text rows (titles, 金额单位) and every cell with a `单位：…` statement in rows [from, to). */
function preambleLines(sheet: GridSheet, from: number, to: number): string[] {
  const out: string[] = [];
  for (let r = from; r < to; r++) {
    const texts = [...new Set((sheet.rows[r] ?? []).map(cellText).filter(Boolean))];
    if (texts.length === 1) out.push(texts[0]!);
    else
      for (const t of texts)
        if (/^(?:部门|主管部门|预算部门)(?:名称)?[:：]|^(?:年度|预算年度)[:：]|单位[:：]/.test(t)) out.push(t);
  }
  return out;
}

function classify(hasName: boolean, form: FormFields | null, deptWide: boolean): LayoutClass {
  if (hasName) return "row-table";
  if (form?.name) return "form-block";
  return deptWide ? "department-wide" : "single-table";
}

/**
 * Reads grid sheets into a document. `options.columns` overrides the column mapping.
 * @example readGrid([sheet], { source: "csv" }).reading.blocks[0].layouts // ["row-table"]
 */
export function readGrid(sheets: readonly GridSheet[], options: GridOptions): GridResult {
  const src = options.source;
  const st = newState(src);
  const overrides = options.columns ?? [];
  let headerFound = false;
  sheets.forEach((sheet, si) => {
    const rows = sheet.rows;
    readPreamble(sheet.before ?? [], st);
    let formFrom = 0;
    let found = false;
    for (let r = 0; r < rows.length; r++) {
      if (!isHeaderRow(rows[r] ?? [])) continue;
      found = headerFound = true;
      const h = r;
      const sig = headerSignature(rows[h] ?? []);
      const hasName = sig.split(",").includes("name");
      const repeats = new Set<number>();
      let end = h + 1;
      for (; end < rows.length; end++) {
        const row = rows[end] ?? [];
        if (isHeaderRow(row)) {
          if (headerSignature(row) === sig) {
            repeats.add(end);
            continue;
          }
          break;
        }
        if (!hasName && isFormStart(row)) break;
      }
      const map = mapHeader(sheet, h, end, overrides);
      if (map.moneyUnit) st.statedUnit ??= map.moneyUnit;
      readPreamble(preambleLines(sheet, formFrom, h), st);
      const form = hasName ? null : readForm(sheet, formFrom, h, formFrom === 0 ? (sheet.before ?? []) : []);
      if (form?.moneyUnit) st.statedUnit ??= form.moneyUnit;
      const texts = [...(sheet.before ?? []), ...(form?.banners ?? []), st.doc.title ?? "", sheet.name];
      const deptWide =
        !hasName && !form?.name && (texts.some((t) => /部门整体/.test(squeezed(t))) || Boolean(form?.department));
      const layout = classify(hasName, form, deptWide);
      const layouts: LayoutClass[] = [layout];
      if (map.cols.has("actual") || map.cols.has("score")) layouts.push("self-evaluation");
      if (map.shifted) layouts.push("levels-shifted");
      if (map.mapped.some((m) => m.note === "long-term")) layouts.push("long-and-annual");
      const where = sheet.ref(h, 0);
      for (const l of layouts) {
        const [zh, en] = LAYOUT_WORDS[l];
        st.diagnostics.push(say(src, "layout", { where, zh, en }, { cell: where, action: `layout ${l}` }));
      }
      if (map.shifted) st.diagnostics.push(say(src, "levels-shifted", { where }, { cell: where }));
      logColumns(map.mapped, st);
      if (map.cols.has("weight")) st.weightsPrinted = true;
      else st.weightsMissing = true;
      let fallbackName: string | undefined;
      if (layout === "department-wide") {
        const dept = form?.department?.text ?? st.doc.department?.name ?? st.doc.title ?? "";
        fallbackName = dept.replace(/^[[【(（]?\d+[\]】)）]?\s*[-－]?\s*/, "") || st.doc.title;
        st.diagnostics.push(
          say(src, "department-wide", { where }, { cell: where, action: "department-level target set" }),
        );
      } else if (layout === "single-table") {
        fallbackName = st.doc.title;
        st.diagnostics.push(say(src, "project-name-missing", { where }, { cell: where }));
      }
      const projects = readBlock(
        { sheet, map, from: h + 1, to: end, form, fallbackName, isHeader: (x) => repeats.has(x) },
        st,
      );
      if (layout === "department-wide") for (const i of projects) st.doc.projects[i]!.category ||= "部门整体";
      st.blocks.push({ sheet: sheet.name, layouts, headerRow: h, headerRef: where, columns: map.mapped, projects });
      formFrom = end;
      r = end - 1;
    }
    if (!found && !rows.every((row) => row.every((c) => !c || squeezed(c) === "")))
      st.diagnostics.push(say(src, "no-header", { sheet: sheet.name }, { cell: sheet.ref(0, 0) }));
    options.onProgress?.((si + 1) / sheets.length);
  });
  if (!headerFound) {
    st.diagnostics.push(say(src, "no-table", {}));
    return {
      value: null,
      diagnostics: st.diagnostics,
      reading: { blocks: st.blocks, moneyUnit: { unit: "万元", from: "default" }, overrides: [...overrides] },
    };
  }
  const moneyUnit = finishDocument(st);
  if (st.notes.length) st.doc.notes = st.notes;
  if (st.doc.fiscalYear === undefined && st.doc.title) {
    const y = /((?:19|20)\d{2})\s*年/.exec(st.doc.title);
    if (y) st.doc.fiscalYear = Number(y[1]);
  }
  return {
    value: orderKeys(st.doc),
    diagnostics: st.diagnostics,
    reading: { blocks: st.blocks, moneyUnit, overrides: [...overrides] },
  };
}

function logColumns(mapped: readonly MappedColumn[], st: DocumentState): void {
  for (const m of mapped) {
    if (m.key) {
      const [zh, en] = KEY_WORDS[m.key] ?? [m.key, m.key];
      const name = m.how === "override" ? "column-override" : "column-mapped";
      st.diagnostics.push(
        say(st.src, name, { where: m.ref, header: m.header, zh, en }, { cell: m.ref, action: `column ${m.key}` }),
      );
    } else if (m.note) {
      const [zh, en] = NOTE_WORDS[m.note];
      const name = m.note === "level-labels" ? "label-column" : "column-ignored";
      st.diagnostics.push(say(st.src, name, { where: m.ref, header: m.header, zh, en }, { cell: m.ref }));
    }
  }
}
