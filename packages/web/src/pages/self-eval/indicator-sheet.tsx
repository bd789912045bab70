/**
 * The 自评表 rows: approved target beside the actual the unit enters, the live score, and the
 * 偏差原因分析及改进措施 — required (and marked) wherever an indicator scores below its weight.
 * Consistency findings (高分低支, a target set too low …) are shown in words at the row they
 * concern.
 */
import { Input } from "antd";
import type { SelfEvalFinding } from "../../api/self-eval-types.ts";
import type { Project, SelfEvalIndicator } from "../../api/types.ts";
import { useLang } from "../../i18n.tsx";
import { findingText } from "./words.ts";

const GRADES = ["达成", "部分达成", "未达成"] as const;

/** Below its weight (not 不适用): the row needs a deviation reason. */
export function needsReason(
  score: number | null | undefined,
  weight: number | null | undefined,
  row: SelfEvalIndicator,
): boolean {
  if (row.notApplicable) return false;
  if (score === null || score === undefined || weight === null || weight === undefined) return false;
  return score < weight;
}

export function findingIndex(f: SelfEvalFinding): number | null {
  const i = f.indicatorIndex ?? f.where?.indicatorIndex;
  return typeof i === "number" ? i : null;
}

export function IndicatorSheet({
  table,
  rows,
  scores,
  editable,
  findings,
  missing,
  onChange,
}: {
  table: Project;
  rows: SelfEvalIndicator[];
  scores: (number | null | undefined)[];
  editable: boolean;
  findings: SelfEvalFinding[];
  /** Rows the server reported without a reason (after saving). */
  missing: ReadonlySet<number>;
  onChange: (i: number, patch: Partial<SelfEvalIndicator>) => void;
}) {
  const { t, lang } = useLang();
  return (
    <div style={{ overflowX: "auto" }}>
      <table className="jx-sheet" aria-label={t("自评表", "Self-evaluation table")} data-testid="se-sheet">
        <thead>
          <tr>
            {[
              t("一级", "L1"),
              t("二级", "L2"),
              t("三级指标", "Indicator"),
              t("年度指标值", "Target"),
              t("实际完成值", "Actual"),
              t("等级（定性）", "Grade"),
              t("分值", "Weight"),
              t("得分", "Score"),
              t("偏差原因分析及改进措施", "Deviation reason and improvement"),
            ].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.indicators.map((ind, i) => {
            const r = rows[i] ?? {};
            const score = scores[i];
            const required = needsReason(score, ind.weight, r);
            const lacking = (required || missing.has(i)) && !(r.deviationReason ?? "").trim();
            const here = findings.filter((f) => findingIndex(f) === i);
            const label = (s: string) => t(`第${i + 1}行 ${s}`, `Row ${i + 1} ${s}`);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the approved table
              <tr key={i} data-testid={`se-row-${i}`} className={here.length ? "jx-changed" : undefined}>
                <td>{ind.level1}</td>
                <td>{ind.level2}</td>
                <td>{ind.name}</td>
                <td className="c">{`${ind.operator ?? ""}${ind.target}${ind.unit ?? ""}`}</td>
                <td>
                  <input
                    className="jx-input"
                    aria-label={label(t("实际完成值", "actual"))}
                    placeholder={ind.nature === "定性" ? t("如：已完成", "e.g. done") : (ind.unit ?? "")}
                    disabled={!editable}
                    value={r.actual === undefined ? "" : String(r.actual)}
                    onChange={(e) => onChange(i, { actual: e.target.value })}
                  />
                  {here.map((f) => (
                    <div key={f.code} className="jx-finding warning" data-testid={`se-finding-${i}`}>
                      {findingText(f, lang)}
                    </div>
                  ))}
                </td>
                <td>
                  {ind.nature === "定性" ? (
                    <select
                      className="jx-native-select"
                      aria-label={label(t("等级", "grade"))}
                      disabled={!editable}
                      value={r.grade ?? ""}
                      onChange={(e) =>
                        onChange(i, { grade: (e.target.value || undefined) as SelfEvalIndicator["grade"] })
                      }
                    >
                      <option value="">{t("（未评）", "(not graded)")}</option>
                      {GRADES.map((g) => (
                        <option key={g} value={g}>
                          {g}
                        </option>
                      ))}
                    </select>
                  ) : null}
                </td>
                <td className="num">{ind.weight}</td>
                <td className="num" data-testid={`score-${i}`}>
                  {score ?? "—"}
                </td>
                <td className={lacking ? "jx-cell-error" : undefined} style={{ minWidth: 220 }}>
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    aria-label={label(t("偏差原因分析及改进措施", "deviation reason"))}
                    aria-required={required}
                    aria-invalid={lacking}
                    status={lacking ? "error" : undefined}
                    disabled={!editable}
                    value={r.deviationReason ?? ""}
                    onChange={(e) => onChange(i, { deviationReason: e.target.value })}
                    data-testid={`reason-${i}`}
                  />
                  {lacking ? (
                    <div className="jx-finding error" data-testid={`reason-required-${i}`}>
                      {t(
                        "得分低于分值，须填写偏差原因分析及改进措施",
                        "Scored below its weight: give the reason and the improvement",
                      )}
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
