/**
 * The official form's indicator table (一级/二级 merged like the printed 表12) as an
 * editable sheet. Rows are memoised so that typing in one cell re-renders one row, which
 * keeps a 200-indicator table responsive. It scrolls sideways in its own focusable frame (the
 * indicator name pinned) wherever it is shown: editor, review.
 */
import { useMemo } from "react";
import type { Indicator } from "../api/types.ts";
import { useLang } from "../i18n.tsx";
import type { CellField, CellFinding, FindingIndex } from "../lib/findings.ts";
import { rowSpans } from "../lib/indicator-tree.ts";
import type { CellComment } from "./comments-panel.tsx";
import { type IndicatorChange, IndicatorRow } from "./indicator-row.tsx";
import { ScrollFrame } from "./scroll-frame.tsx";

export { LEVEL2_OPTIONS } from "./indicator-options.ts";
export type { IndicatorChange } from "./indicator-row.tsx";

interface Props {
  indicators: Indicator[];
  findings: FindingIndex;
  readOnly: boolean;
  onChange: IndicatorChange;
  onRemove: (index: number) => void;
  /** Changed cells to highlight, key `${index}.${field}`. */
  changed?: Set<string>;
  /** Comments at cells, key `${index}.${field}` (see components/comments-panel.tsx). */
  comments?: Map<string, CellComment[]>;
}

export function IndicatorTable({ indicators, findings, readOnly, onChange, onRemove, changed, comments }: Props) {
  const { t } = useLang();
  const spans = useMemo(() => rowSpans(indicators), [indicators]);
  return (
    <ScrollFrame label={t("绩效指标（可左右滚动）", "Indicators (scrolls sideways)")}>
      <table className="jx-sheet jx-editor" aria-label={t("绩效指标", "Indicators")}>
        <colgroup>
          <col style={{ width: 40 }} />
          <col style={{ width: 110 }} />
          <col style={{ width: 130 }} />
          <col />
          <col style={{ width: 88 }} />
          <col style={{ width: 100 }} />
          <col style={{ width: 160 }} />
          <col style={{ width: 96 }} />
          <col style={{ width: 76 }} />
          {readOnly ? null : <col style={{ width: 44 }} />}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("一级指标", "Level 1")}</th>
            <th scope="col">{t("二级指标", "Level 2")}</th>
            <th scope="col" className="jx-pin">
              {t("三级指标", "Indicator")}
            </th>
            <th scope="col">{t("指标性质", "Nature")}</th>
            <th scope="col">{t("指标方向", "Direction")}</th>
            <th scope="col">{t("目标值", "Target")}</th>
            <th scope="col">{t("计量单位", "Unit")}</th>
            <th scope="col">{t("分值", "Weight")}</th>
            {readOnly ? null : (
              <th scope="col">
                <span className="sr-only">{t("操作", "Actions")}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {indicators.map((ind, i) => (
            <IndicatorRow
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the form
              key={i}
              index={i}
              ind={ind}
              level1Span={spans[i]!.level1Span}
              level2Span={spans[i]!.level2Span}
              cellFindings={rowFindings(findings, i)}
              changedKey={changed ? rowChanged(changed, i) : ""}
              cellComments={comments ? rowComments(comments, i) : null}
              readOnly={readOnly}
              onChange={onChange}
              onRemove={onRemove}
            />
          ))}
        </tbody>
      </table>
    </ScrollFrame>
  );
}

const FIELDS: CellField[] = ["level1", "level2", "name", "nature", "operator", "target", "unit", "weight"];

function rowFindings(idx: FindingIndex, i: number): Partial<Record<CellField, CellFinding[]>> | null {
  let out: Partial<Record<CellField, CellFinding[]>> | null = null;
  for (const f of FIELDS) {
    const list = idx.cells.get(`${i}.${f}`);
    if (list) {
      out ??= {};
      out[f] = list;
    }
  }
  return out;
}

function rowComments(
  comments: Map<string, CellComment[]>,
  i: number,
): Partial<Record<CellField, CellComment[]>> | null {
  let out: Partial<Record<CellField, CellComment[]>> | null = null;
  for (const f of FIELDS) {
    const list = comments.get(`${i}.${f}`);
    if (list) {
      out ??= {};
      out[f] = list;
    }
  }
  return out;
}

function rowChanged(changed: Set<string>, i: number): string {
  return FIELDS.filter((f) => changed.has(`${i}.${f}`)).join(",");
}
