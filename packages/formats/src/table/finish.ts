/**
 * After every block is read: the document's money unit (stated > printed in cells > 万元) and
 * amounts converted to it, subtotals and the total checked against the projects, one warning
 * when no weights are printed, and the honest-result checks — an indicator with no name or no
 * target, a project with no indicators, an amount printed but read as 0 — each an error that
 * names the cells.
 */
import { convertMoney, type MoneyUnit, round, sumDecimal, type TargetDocument } from "@jixiao/core";
import type { DocumentState } from "./document-state.ts";
import { say } from "./words.ts";

export function finishDocument(st: DocumentState): { unit: MoneyUnit; from: "stated" | "cells" | "default" } {
  const unit: MoneyUnit = st.statedUnit ?? st.cellUnit ?? "万元";
  const from = st.statedUnit ? "stated" : st.cellUnit ? "cells" : "default";
  st.doc.moneyUnit = unit;
  if (from === "default" && st.amounts.length > 0)
    st.diagnostics.push(say(st.src, "money-unit-default", {}, { action: "money read in 万元" }));
  for (const a of st.amounts) if (a.unit && a.unit !== unit) a.set(convertMoney(a.value, a.unit, unit));
  checkSubtotals(st, unit);
  if (st.weightsMissing && !st.weightsPrinted && st.doc.projects.some((p) => p.indicators.length > 0))
    st.diagnostics.push(say(st.src, "no-weights", {}, { action: "weights not printed" }));
  checkHonest(st);
  return { unit, from };
}

function checkSubtotals(st: DocumentState, unit: MoneyUnit): void {
  const doc = st.doc;
  const conv = (v: number, u: MoneyUnit | null) => (u && u !== unit ? convertMoney(v, u, unit) : v);
  for (const s of st.subtotals) {
    s.amount = conv(s.amount, s.unit);
    if (s.total) doc.total = s.amount;
  }
  const depts = st.subtotals.filter((s) => !s.total);
  for (const s of depts) {
    const sum = sumDecimal(s.projects.map((i) => doc.projects[i]!.budget));
    if (s.projects.length > 0 && round(sum, 2) !== round(s.amount, 2))
      st.diagnostics.push(say(st.src, "subtotal-mismatch", { cell: s.ref, amount: s.amount, sum }, { cell: s.ref }));
  }
  const total = st.subtotals.find((s) => s.total);
  if (!total && depts.length === 1 && doc.total === undefined) {
    doc.total = depts[0]!.amount;
    st.diagnostics.push(
      say(st.src, "total-from-subtotal", { cell: depts[0]!.ref, amount: depts[0]!.amount }, { cell: depts[0]!.ref }),
    );
  }
  if (total && doc.projects.length > 0) {
    const sum = sumDecimal(doc.projects.map((p) => p.budget));
    if (round(sum, 2) !== round(total.amount, 2))
      st.diagnostics.push(
        say(st.src, "total-mismatch", { cell: total.ref, amount: total.amount, sum }, { cell: total.ref }),
      );
  }
}

function checkHonest(st: DocumentState): void {
  st.doc.projects.forEach((p, pi) => {
    const pc = st.projectCells.get(p);
    const where = pc?.name ?? "";
    if (p.indicators.length === 0)
      st.diagnostics.push(
        say(st.src, "project-no-indicators", { cell: where, name: p.name }, { cell: where, projectIndex: pi }),
      );
    p.indicators.forEach((ind, ii) => {
      const cells = st.indicatorCells.get(ind);
      if (!cells) return;
      if (ind.name.trim() === "")
        st.diagnostics.push(
          say(st.src, "name-empty", { cell: cells.name }, { cell: cells.name, projectIndex: pi, indicatorIndex: ii }),
        );
      if (ind.target.trim() === "")
        st.diagnostics.push(
          say(
            st.src,
            "target-empty",
            { cell: cells.target, name: ind.name },
            { cell: cells.target, projectIndex: pi, indicatorIndex: ii },
          ),
        );
    });
  });
}

/** Puts the document's keys in the order of the model, so JSON output reads naturally. */
export function orderKeys(d: TargetDocument): TargetDocument {
  const head: Partial<TargetDocument> = { format: d.format };
  if (d.title !== undefined) head.title = d.title;
  if (d.department) head.department = d.department;
  if (d.fiscalYear !== undefined) head.fiscalYear = d.fiscalYear;
  const tail: Partial<TargetDocument> = {};
  if (d.total !== undefined) tail.total = d.total;
  if (d.notes) tail.notes = d.notes;
  return { ...head, moneyUnit: d.moneyUnit, ...tail, projects: d.projects } as TargetDocument;
}
