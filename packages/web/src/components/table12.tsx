/**
 * 表12 项目绩效目标表 exactly as a disclosure prints it: one block per project, the
 * project's cells merged over its indicator rows, 一级/二级 merged within it.
 */

import { TABLE12_HEADER } from "@jixiao/core/model/table12.ts";
import type { TargetDocument } from "../api/types.ts";
import { rowSpans } from "../lib/indicator-tree.ts";
import { ScrollFrame } from "./scroll-frame.tsx";

const NAME_HEADER = "三级指标";
/** Columns kept narrow on a phone (styles.css), so the pinned 三级指标 and its cells stay in view. */
const NARROW: Record<string, string> = {
  项目名称: "jx-t12-narrow",
  项目单位: "jx-t12-narrow",
  年度绩效目标: "jx-t12-goal",
};
const OP: Record<string, string> = { "≥": "大于等于", "≤": "小于等于", "=": "等于", ">": "大于", "<": "小于" };

export function Table12({ doc }: { doc: TargetDocument }) {
  return (
    <div className="jx-table12">
      <div style={{ fontSize: 13 }}>表12</div>
      <h1 className="jx-form-title">项目绩效目标表</h1>
      <div className="jx-form-meta">
        <span>部门：{doc.department?.name ?? ""}</span>
        <span>{doc.fiscalYear ? `${doc.fiscalYear}年度` : ""}</span>
        <span>单位：{doc.moneyUnit}</span>
      </div>
      {/* Scrolls sideways in its own frame on narrow screens, the indicator name (三级指标) pinned. */}
      <ScrollFrame label="表12 项目绩效目标表">
        <table className="jx-sheet jx-table12-sheet">
          <thead>
            <tr>
              {TABLE12_HEADER.map((h) => (
                <th key={h} scope="col" className={h === NAME_HEADER ? "jx-pin" : NARROW[h]}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {doc.projects.map((p, pi) => {
              const spans = rowSpans(p.indicators);
              const n = Math.max(1, p.indicators.length);
              const head = (
                <>
                  <td rowSpan={n} className="jx-t12-narrow">
                    {p.name}
                  </td>
                  <td rowSpan={n} className="jx-t12-narrow">{`${p.unitCode}-${p.unitName}`}</td>
                  <td rowSpan={n}>{p.category}</td>
                  <td rowSpan={n} className="num">
                    {p.budget.toFixed(2)}
                  </td>
                  <td rowSpan={n} className="jx-t12-goal" style={{ maxWidth: 260 }}>
                    {p.goal}
                  </td>
                </>
              );
              if (p.indicators.length === 0)
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: projects are positions in the table
                  <tr key={pi}>
                    {head}
                    <td colSpan={8} />
                  </tr>
                );
              return p.indicators.map((ind, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the table
                <tr key={`${pi}.${i}`}>
                  {i === 0 ? head : null}
                  {spans[i]!.level1Span ? <td rowSpan={spans[i]!.level1Span}>{ind.level1}</td> : null}
                  {spans[i]!.level2Span ? <td rowSpan={spans[i]!.level2Span}>{ind.level2}</td> : null}
                  <td className="jx-pin">{ind.name}</td>
                  <td className="c">{ind.nature}</td>
                  <td className="c">{ind.operator ? (OP[ind.operator] ?? ind.operator) : ""}</td>
                  <td className="c">{ind.target}</td>
                  <td className="c">{ind.unit ?? ""}</td>
                  <td className="num">{ind.weight}</td>
                </tr>
              ));
            })}
            {doc.total !== undefined ? (
              <tr>
                <td colSpan={3} className="c">
                  合计
                </td>
                <td className="num">{doc.total.toFixed(2)}</td>
                <td colSpan={9} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </ScrollFrame>
      {doc.notes?.map((n) => (
        <p key={n} style={{ fontSize: 12 }}>
          {n}
        </p>
      ))}
    </div>
  );
}
