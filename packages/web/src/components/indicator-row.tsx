/**
 * One row of the indicator table (components/indicator-table.tsx): its cells as native inputs
 * and selects, the review findings and comments under each cell. Memoised: a row re-renders
 * only when its indicator, findings, comments or position change.
 */
import { DeleteOutlined } from "@ant-design/icons";
import { memo } from "react";
import type { Indicator } from "../api/types.ts";
import { useLang } from "../i18n.tsx";
import { type CellField, type CellFinding, worstSeverity } from "../lib/findings.ts";
import type { CellComment } from "./comments-panel.tsx";
import { LEVEL2_OPTIONS, NATURES, OPERATORS } from "./indicator-options.ts";
import { WeightInput } from "./weight-input.tsx";

export type IndicatorChange = (index: number, field: CellField, value: string | number | null) => void;

interface RowProps {
  index: number;
  ind: Indicator;
  level1Span: number;
  level2Span: number;
  cellFindings: Partial<Record<CellField, CellFinding[]>> | null;
  changedKey: string;
  cellComments: Partial<Record<CellField, CellComment[]>> | null;
  readOnly: boolean;
  onChange: IndicatorChange;
  onRemove: (index: number) => void;
}

export const IndicatorRow = memo(
  function IndicatorRow({
    index,
    ind,
    level1Span,
    level2Span,
    cellFindings,
    changedKey,
    cellComments,
    readOnly,
    onChange,
    onRemove,
  }: RowProps) {
    const { t, lang } = useLang();
    const row = index + 1;
    const label = (name: string) => t(`第${row}行 ${name}`, `Row ${row} ${name}`);
    const cls = (field: CellField) => {
      const sev = worstSeverity(cellFindings?.[field]);
      const parts = [sev ? `jx-cell-${sev}` : "", changedKey.split(",").includes(field) ? "jx-changed" : ""];
      return parts.filter(Boolean).join(" ") || undefined;
    };
    const notes = (field: CellField) => (
      <>
        {cellFindings?.[field]?.map((f) => (
          <div key={f.code + f.message} className={`jx-finding ${f.severity}`} role="note" data-code={f.code}>
            {lang === "zh" ? f.message : f.messageEn}
          </div>
        ))}
        {cellComments?.[field]?.map((c, k) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: comments of one cell in order
            key={k}
            className="jx-cell-comment"
            role="note"
            data-testid="cell-comment"
            style={{
              fontSize: 12,
              color: c.resolved ? "#595959" : "#003eb3",
              textDecoration: c.resolved ? "line-through" : undefined,
            }}
          >
            {lang === "zh" ? "批注" : "Note"} · {c.author}：{c.body}
          </div>
        ))}
      </>
    );
    // Native inputs: a 200-row table holds over a thousand controls, and antd's Input costs
    // several times a plain element to mount (bench/web.bench.ts).
    const text = (field: "name" | "target" | "unit", name: string) =>
      readOnly ? (
        <span>{ind[field] ?? ""}</span>
      ) : (
        <input
          className="jx-input"
          aria-label={label(name)}
          value={ind[field] ?? ""}
          onChange={(e) => onChange(index, field, e.target.value)}
        />
      );
    return (
      <tr data-row={index} data-name={ind.name}>
        <td className="c">{row}</td>
        {level1Span > 0 ? (
          <td rowSpan={level1Span} className={`jx-level-cell ${cls("level1") ?? ""}`}>
            {readOnly ? (
              ind.level1
            ) : (
              <select
                className="jx-native-select"
                aria-label={label(t("一级指标", "Level 1"))}
                value={ind.level1}
                onChange={(e) => onChange(index, "level1", e.target.value)}
              >
                {optionList(Object.keys(LEVEL2_OPTIONS), ind.level1)}
              </select>
            )}
            {notes("level1")}
          </td>
        ) : null}
        {level2Span > 0 ? (
          <td rowSpan={level2Span} className={`jx-level-cell ${cls("level2") ?? ""}`}>
            {readOnly ? (
              ind.level2
            ) : (
              <select
                className="jx-native-select"
                aria-label={label(t("二级指标", "Level 2"))}
                value={ind.level2}
                onChange={(e) => onChange(index, "level2", e.target.value)}
              >
                {optionList(LEVEL2_OPTIONS[ind.level1] ?? [], ind.level2)}
              </select>
            )}
            {notes("level2")}
          </td>
        ) : null}
        <td className={`jx-pin ${cls("name") ?? ""}`}>
          {text("name", t("三级指标", "indicator"))}
          {notes("name")}
        </td>
        <td className={cls("nature")}>
          {readOnly ? (
            ind.nature
          ) : (
            <select
              className="jx-native-select"
              aria-label={label(t("指标性质", "nature"))}
              value={ind.nature}
              onChange={(e) => onChange(index, "nature", e.target.value)}
            >
              {optionList(NATURES, ind.nature)}
            </select>
          )}
          {notes("nature")}
        </td>
        <td className={cls("operator")} data-field="operator">
          {readOnly ? (
            (OPERATORS.find((o) => o[0] === ind.operator)?.[1] ?? "")
          ) : (
            <select
              className="jx-native-select"
              aria-label={label(t("指标方向", "direction"))}
              value={ind.operator ?? ""}
              onChange={(e) => onChange(index, "operator", e.target.value || null)}
            >
              <option value="">{t("（无）", "(none)")}</option>
              {OPERATORS.map(([v, zh]) => (
                <option key={v} value={v}>
                  {zh}
                </option>
              ))}
            </select>
          )}
          {notes("operator")}
        </td>
        <td className={cls("target")} data-field="target">
          {text("target", t("目标值", "target"))}
          {notes("target")}
        </td>
        <td className={cls("unit")}>
          {text("unit", t("计量单位", "unit"))}
          {notes("unit")}
        </td>
        <td className={cls("weight")} data-field="weight">
          {readOnly ? (
            <span>{ind.weight}</span>
          ) : (
            <WeightInput
              label={label(t("分值", "weight"))}
              weight={ind.weight}
              onChange={(v) => onChange(index, "weight", v)}
            />
          )}
          {notes("weight")}
        </td>
        {readOnly ? null : (
          <td className="c">
            <button
              type="button"
              className="jx-icon-button"
              title={t("删除此指标", "Remove this indicator")}
              aria-label={label(t("删除", "remove"))}
              onClick={() => onRemove(index)}
            >
              <DeleteOutlined />
            </button>
          </td>
        )}
      </tr>
    );
  },
  (a, b) =>
    a.ind === b.ind &&
    a.index === b.index &&
    a.level1Span === b.level1Span &&
    a.level2Span === b.level2Span &&
    a.readOnly === b.readOnly &&
    a.changedKey === b.changedKey &&
    a.onChange === b.onChange &&
    sameFindings(a.cellFindings, b.cellFindings) &&
    (a.cellComments === b.cellComments || JSON.stringify(a.cellComments) === JSON.stringify(b.cellComments)),
);

function sameFindings(
  a: Partial<Record<CellField, CellFinding[]>> | null,
  b: Partial<Record<CellField, CellFinding[]>> | null,
): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a) as CellField[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => {
    const x = a[k]!;
    const y = b[k];
    return (
      y !== undefined &&
      x.length === y.length &&
      x.every((f, i) => f.code === y[i]!.code && f.message === y[i]!.message)
    );
  });
}

function optionList(values: string[], current: string) {
  const all = values.includes(current) || !current ? values : [current, ...values];
  return all.map((v) => (
    <option key={v} value={v}>
      {v}
    </option>
  ));
}
