/**
 * The official form's indicator table (一级/二级 merged like the printed 表12) as an
 * editable sheet. Rows are memoised so that typing in one cell re-renders one row, which
 * keeps a 200-indicator table responsive.
 */
import { DeleteOutlined } from "@ant-design/icons";
import { memo, useEffect, useMemo, useState } from "react";
import type { Indicator } from "../api/types.ts";
import { useLang } from "../i18n.tsx";
import { weightOf } from "../lib/edit.ts";
import { type CellField, type CellFinding, type FindingIndex, worstSeverity } from "../lib/findings.ts";
import { rowSpans } from "../lib/indicator-tree.ts";
import type { CellComment } from "./comments-panel.tsx";

export const LEVEL2_OPTIONS: Record<string, string[]> = {
  产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
  成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
  效益指标: ["经济效益", "社会效益", "生态效益", "可持续影响"],
  满意度指标: ["服务对象满意度"],
};
const NATURES = ["定性", "正向", "反向"];
const OPERATORS: [string, string][] = [
  ["≥", "大于等于"],
  ["≤", "小于等于"],
  ["=", "等于"],
  [">", "大于"],
  ["<", "小于"],
];

export type IndicatorChange = (index: number, field: CellField, value: string | number | null) => void;

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
          <th scope="col">{t("三级指标", "Indicator")}</th>
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

const IndicatorRow = memo(
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
        <td className={cls("name")}>
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

/**
 * The 分值 cell: what was typed stays visible, and a value that is not a number from 0 to
 * LIMITS.weightMax (100) is marked with a message in words (the server refuses it too).
 */
function WeightInput({
  label,
  weight,
  onChange,
}: {
  label: string;
  weight: number | null;
  onChange: (v: string | null) => void;
}) {
  const { t } = useLang();
  const shown = weight !== null && Number.isFinite(weight) ? String(weight) : "";
  const [text, setText] = useState(shown);
  // Follow the table when it changes from elsewhere (undo, merge, a reload).
  useEffect(() => {
    setText((cur) => (weightOf(cur) === weight || (Number.isNaN(weight) && cur !== "") ? cur : shown));
  }, [weight, shown]);
  const parsed = weightOf(text);
  const bad = text.trim() !== "" && (parsed === null || !Number.isFinite(parsed) || parsed < 0 || parsed > 100);
  return (
    <>
      <input
        className={`jx-input num${bad ? " jx-input-bad" : ""}`}
        inputMode="decimal"
        aria-label={label}
        aria-invalid={bad || undefined}
        value={text}
        style={bad ? { borderColor: "#a8071a", background: "#fff1f0" } : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.trim() === "" ? null : e.target.value);
        }}
      />
      {bad ? (
        <div className="jx-finding error" role="alert" data-testid="weight-invalid">
          {t("分值须为 0 至 100 的数字", "A weight is a number from 0 to 100")}
        </div>
      ) : null}
    </>
  );
}
