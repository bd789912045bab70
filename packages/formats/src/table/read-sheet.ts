/**
 * One sheet → blocks. A block is a header (one row, or a band of header rows printed one
 * under the other) and the rows under it up to the next different header or the next form
 * (项目名称 with a value). A header repeated with the same fields (every printed page, every
 * project) continues its block. Each block is classified, its columns mapped and logged, its
 * form read (with the form of a header-less table just before it, as Word files print them),
 * and its rows read into projects.
 */

import { type DocumentState, parseDepartment } from "./document-state.ts";
import { cellText, type GridSheet, squeezed } from "./grid.ts";
import {
  type ColumnOverride,
  type HeaderMap,
  headerSignature,
  isHeaderRow,
  isSubHeaderRow,
  mapHeader,
} from "./header.ts";
import { matchHeaderName } from "./header-names.ts";
import { logColumns } from "./log-columns.ts";
import { readBlock } from "./read-block.ts";
import { type FormFields, isFormStart, namingBanner, readForm } from "./read-form.ts";
import { rowKind } from "./read-indicator.ts";
import { LAYOUT_WORDS, type LayoutClass } from "./reading.ts";
import { moneyUnitInText } from "./vocab.ts";
import { say } from "./words.ts";

/** Reads the lines above a table: 部门, 年度 (also a line that is only a year), 金额单位, the title (a line naming a 表). */
function readPreamble(lines: readonly string[], st: DocumentState): void {
  for (const raw of lines) {
    const t = raw.trim();
    if (!t) continue;
    const dept = /^(?:部门|主管部门|预算部门)(?:名称)?[:：]\s*(.*)$/s.exec(t);
    const year = /^(?:年度|预算年度)[:：]\s*(\d{4})/.exec(t) ?? /^[（(]?((?:19|20)\d{2})\s*年度?[)）]?$/.exec(t);
    const unit = moneyUnitInText(t);
    if (dept) {
      if (!st.doc.department) st.doc.department = parseDepartment(dept[1]!.trim());
    } else if (year) st.doc.fiscalYear ??= Number(year[1]);
    else if (unit && /单位/.test(t) && t.length < 20) st.statedUnit ??= unit;
    else if (st.doc.title === undefined && /表/.test(t) && !matchHeaderName(t) && t.length <= 80) st.doc.title = t;
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

function classify(hasName: boolean, formName: boolean, deptWide: boolean): LayoutClass {
  if (hasName) return "row-table";
  if (formName) return "form-block";
  return deptWide ? "department-wide" : "single-table";
}

/** Fields of `b`, with what it lacks taken from `a` (a form printed in the table before). */
function mergeForms(a: FormFields | null, b: FormFields): FormFields {
  if (!a) return b;
  const out: FormFields = { ...a, ...b, banners: [...a.banners, ...b.banners] };
  for (const k of Object.keys(a) as (keyof FormFields)[])
    if (b[k] === undefined) (out as unknown as Record<string, unknown>)[k] = a[k];
  return out;
}

/**
 * Reads the blocks of one sheet into the document. `carried` is the form of a header-less
 * table just before this one. Returns whether the sheet had a header, and, when it had none,
 * its form (to carry to the next sheet).
 */
export function readSheet(
  sheet: GridSheet,
  st: DocumentState,
  overrides: readonly ColumnOverride[],
  carried: FormFields | null,
  previous: (HeaderMap & { headerRef: string }) | null = null,
): { found: boolean; form: FormFields | null } {
  const rows = sheet.rows;
  const src = st.src;
  let formFrom = 0;
  let found = false;
  for (let r = 0; r < rows.length; r++) {
    if (!isHeaderRow(rows[r] ?? [])) continue;
    found = true;
    // A band of header rows (指标值 over 目标值 | 计量单位): read the lowest, remember every signature.
    const sigs = new Set([headerSignature(rows[r] ?? [])]);
    let h = r;
    while (
      h + 1 < rows.length &&
      (isHeaderRow(rows[h + 1] ?? []) || isSubHeaderRow(rows[h + 1] ?? [], rows[h] ?? []))
    ) {
      h++;
      sigs.add(headerSignature(rows[h] ?? []));
    }
    const hasName = headerSignature(rows[h] ?? [])
      .split(",")
      .includes("name");
    const repeats = new Set<number>();
    let end = h + 1;
    for (; end < rows.length; end++) {
      const row = rows[end] ?? [];
      if (isHeaderRow(row)) {
        if (sigs.has(headerSignature(row))) {
          repeats.add(end);
          continue;
        }
        break;
      }
      if (!hasName && isFormStart(row)) break;
    }
    const map = mapHeader(sheet, h, end, overrides);
    if (map.moneyUnit) st.statedUnit ??= map.moneyUnit;
    // The table's own title rows first, then the lines above it, nearest first.
    readPreamble(preambleLines(sheet, formFrom, r), st);
    if (formFrom === 0) readPreamble([...(sheet.before ?? [])].reverse(), st);
    let form = hasName ? null : readForm(sheet, formFrom, r, formFrom === 0 ? (sheet.before ?? []) : []);
    if (form && formFrom === 0 && carried) form = mergeForms(carried, form);
    if (form?.moneyUnit) st.statedUnit ??= form.moneyUnit;
    const texts = [...(sheet.before ?? []), ...(form?.banners ?? []), st.doc.title ?? "", sheet.name];
    // 部门整体 in a title, or a form naming a department and no project (unless the title names a project).
    const deptWide =
      !hasName &&
      !form?.name &&
      (texts.some((t) => /部门整体/.test(squeezed(t))) ||
        (Boolean(form?.department) && !/项目/.test(st.doc.title ?? "")));
    const named = Boolean(form?.name) || (!hasName && namingBanner(sheet, h + 1, end) !== null);
    const layout = classify(hasName, named, deptWide && !named);
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
      if (fallbackName)
        st.diagnostics.push(
          say(
            src,
            "project-name-from-title",
            { where, name: fallbackName },
            { cell: where, action: "project named after the title" },
          ),
        );
      else st.diagnostics.push(say(src, "project-name-missing", { where }, { cell: where }));
    }
    const projects = readBlock(
      { sheet, map, from: h + 1, to: end, form, fallbackName, isHeader: (x) => repeats.has(x) },
      st,
    );
    if (layout === "department-wide") for (const i of projects) st.doc.projects[i]!.category ||= "部门整体";
    st.blocks.push({ sheet: sheet.name, layouts, headerRow: h, headerRef: where, columns: map.mapped, projects });
    st.lastMap = { ...map, headerRef: where };
    formFrom = end;
    r = end - 1;
  }
  if (found) return { found, form: null };
  if (previous && continuesTable(sheet, previous)) {
    const where = sheet.ref(0, 0);
    st.diagnostics.push(
      say(
        src,
        "table-continued",
        { where, from: previous.headerRef },
        { cell: where, action: "read with the header before" },
      ),
    );
    const projects = readBlock(
      { sheet, map: previous, from: 0, to: rows.length, form: null, isHeader: () => false, continues: true },
      st,
    );
    st.blocks.push({
      sheet: sheet.name,
      layouts: ["continued"],
      headerRow: -1,
      headerRef: previous.headerRef,
      columns: previous.mapped,
      projects,
    });
    return { found: true, form: null };
  }
  readPreamble([...(sheet.before ?? [])].reverse(), st);
  const form = readForm(sheet, 0, rows.length, sheet.before ?? []);
  return { found, form: form.name || form.budget || form.unit ? mergeForms(carried, form) : carried };
}

/**
 * True when a table without a header continues the table before it (cut at a page break):
 * as many columns as that table's header, no form of its own, and rows that read as
 * indicators with a name and a target under the header before.
 */
function continuesTable(sheet: GridSheet, previous: HeaderMap): boolean {
  const width = (previous.mapped.at(-1)?.column ?? 0) + 1;
  const headerWidth = Math.max(width, ...[...previous.cols.values()].map((c) => c + 1));
  let indicators = 0;
  for (const row of sheet.rows) {
    if (row.length > headerWidth + 1 || isFormStart(row)) return false;
    if (rowKind(row, previous) !== "indicator") continue;
    const name = previous.cols.get("indicator");
    const target = previous.cols.get("target");
    if (name !== undefined && target !== undefined && cellText(row[name]) && cellText(row[target])) indicators++;
  }
  return indicators > 0 && Math.abs(Math.max(...sheet.rows.map((r) => r.length)) - headerWidth) <= 1;
}
