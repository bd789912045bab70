/**
 * The table as read, cell by cell in the 表12 layout: one block per project (its cells merged
 * over its indicator rows, 一级/二级 merged within it), each inferred cell and each doubtful cell
 * marked (colour, a sign beside the value, and the reason on hover and for screen readers).
 */
import { TABLE12_HEADER } from "@jixiao/core/model/table12.ts";
import type { ReactNode } from "react";
import type { ImportCellMark, TargetDocument } from "../../api/types.ts";
import { rowSpans } from "../../lib/indicator-tree.ts";

const OP: Record<string, string> = { "≥": "大于等于", "≤": "小于等于", "=": "等于", ">": "大于", "<": "小于" };

const MARK_STYLE = {
  inferred: { background: "#e6f4ff", outline: "1px dashed #1677ff", outlineOffset: -3 },
  doubtful: { background: "#fff7e6", outline: "2px solid #d46b08", outlineOffset: -3 },
} as const;

type Marks = Map<string, ImportCellMark[]>;

function keyOf(p: number, i: number | undefined, field: string | null): string {
  return `${p}.${i ?? ""}.${field ?? ""}`;
}

export function indexMarks(marks: readonly ImportCellMark[]): Marks {
  const m: Marks = new Map();
  for (const mark of marks) {
    const k = keyOf(mark.projectIndex, mark.indicatorIndex, mark.field);
    m.set(k, [...(m.get(k) ?? []), mark]);
  }
  return m;
}

function MarkedCell({
  marks,
  lang,
  children,
  className,
  rowSpan,
  field,
}: {
  marks: ImportCellMark[] | undefined;
  lang: "zh" | "en";
  children: ReactNode;
  className?: string;
  rowSpan?: number;
  field: string;
}) {
  if (!marks?.length)
    return (
      <td className={className} rowSpan={rowSpan} data-field={field}>
        {children}
      </td>
    );
  const kind = marks.some((m) => m.kind === "doubtful") ? "doubtful" : "inferred";
  const why = marks.map((m) => (lang === "zh" ? m.message : m.messageEn)).join("\n");
  const sign = kind === "doubtful" ? "?" : "*";
  const word = kind === "doubtful" ? (lang === "zh" ? "存疑" : "doubtful") : lang === "zh" ? "推定" : "inferred";
  return (
    <td
      className={className}
      rowSpan={rowSpan}
      data-field={field}
      data-mark={kind}
      title={why}
      style={MARK_STYLE[kind]}
    >
      <span data-role="value">{children}</span>
      <sup aria-hidden="true" style={{ marginLeft: 2, color: kind === "doubtful" ? "#ad4e00" : "#0958d9" }}>
        {sign}
      </sup>
      <span className="sr-only">{`（${word}：${why}）`}</span>
    </td>
  );
}

/** How many projects fit in `rows` indicator rows (at least one), so a long table renders in steps. */
export function projectsWithin(doc: TargetDocument, rows: number): number {
  let used = 0;
  let n = 0;
  for (const p of doc.projects) {
    used += Math.max(1, p.indicators.length);
    if (n > 0 && used > rows) break;
    n++;
  }
  return n;
}

export function ReadTable({
  doc,
  marks,
  lang,
  projects = doc.projects.length,
}: {
  doc: TargetDocument;
  marks: readonly ImportCellMark[];
  lang: "zh" | "en";
  /** Render the first this many projects. */
  projects?: number;
}) {
  const index = indexMarks(marks);
  const at = (p: number, i: number | undefined, field: string) => [
    ...(index.get(keyOf(p, i, field)) ?? []),
    ...(i !== undefined && field === "indicator" ? (index.get(keyOf(p, i, null)) ?? []) : []),
    ...(i === undefined && field === "name" ? (index.get(keyOf(p, undefined, null)) ?? []) : []),
  ];
  const cell = (
    p: number,
    i: number | undefined,
    field: string,
    value: ReactNode,
    extra: { className?: string; rowSpan?: number } = {},
  ) => (
    <MarkedCell key={field} marks={at(p, i, field)} lang={lang} field={field} {...extra}>
      {value}
    </MarkedCell>
  );
  return (
    <table className="jx-sheet" data-testid="read-table">
      <caption style={{ captionSide: "top", textAlign: "left", fontWeight: 600, padding: "4px 0" }}>
        {lang === "zh" ? "读取结果（按表12排列）" : "The table as read (表12 layout)"}
      </caption>
      <thead>
        <tr>
          {TABLE12_HEADER.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {doc.projects.slice(0, projects).map((p, pi) => {
          const spans = rowSpans(p.indicators);
          const n = Math.max(1, p.indicators.length);
          const head = [
            cell(pi, undefined, "name", p.name, { rowSpan: n }),
            cell(pi, undefined, "unit", p.unitCode ? `${p.unitCode}-${p.unitName}` : p.unitName, { rowSpan: n }),
            cell(pi, undefined, "category", p.category, { rowSpan: n }),
            cell(pi, undefined, "budget", p.budget.toFixed(2), { rowSpan: n, className: "num" }),
            cell(pi, undefined, "goal", p.goal, { rowSpan: n }),
          ];
          if (p.indicators.length === 0)
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: projects are positions in the table
              <tr key={pi}>
                {head}
                <td colSpan={8} />
              </tr>
            );
          return p.indicators.map((ind, i) => {
            const weight = ind.weight as number | null;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the table
              <tr key={`${pi}.${i}`} data-name={ind.name}>
                {i === 0 ? head : null}
                {spans[i]!.level1Span
                  ? cell(pi, i, "level1", ind.level1Label ?? ind.level1, { rowSpan: spans[i]!.level1Span })
                  : null}
                {spans[i]!.level2Span
                  ? cell(pi, i, "level2", ind.level2Label ?? ind.level2, { rowSpan: spans[i]!.level2Span })
                  : null}
                {cell(pi, i, "indicator", ind.name)}
                {cell(pi, i, "nature", ind.nature, { className: "c" })}
                {cell(pi, i, "operator", ind.operator ? (OP[ind.operator] ?? ind.operator) : "", { className: "c" })}
                {cell(pi, i, "target", ind.target, { className: "c" })}
                {cell(pi, i, "measure", ind.unit ?? "", { className: "c" })}
                {cell(pi, i, "weight", weight === null ? (lang === "zh" ? "未列出" : "not printed") : weight, {
                  className: "num",
                })}
              </tr>
            );
          });
        })}
      </tbody>
    </table>
  );
}
