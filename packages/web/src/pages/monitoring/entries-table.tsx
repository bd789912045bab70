/**
 * The entries of a 监控表: per approved indicator its target (read-only, as approved) beside the
 * unit's inputs — 截至当月实际, 全年预计, 完成可能性, 偏差原因 (coded + text), 纠偏措施 — and the
 * live light. 定性 rows take 完成可能性 only.
 */
import type { IndicatorMonitor, MonitoredIndicator } from "@jixiao/core/monitoring/index.ts";
import { DEVIATION_CAUSES, LIKELIHOODS } from "@jixiao/core/monitoring/index.ts";
import { Input } from "antd";
import { useLang } from "../../i18n.tsx";
import { LightTag } from "./light-tag.tsx";
import type { EntryRow } from "./types.ts";
import { CAUSE_WORDS, LIKELIHOOD_WORDS, word } from "./words.ts";

export function EntriesTable({
  indicators,
  rows,
  live,
  editable,
  asOfMonth,
  set,
}: {
  indicators: MonitoredIndicator[];
  rows: EntryRow[];
  live: IndicatorMonitor[];
  editable: boolean;
  asOfMonth: number;
  set: (i: number, patch: Partial<EntryRow>) => void;
}) {
  const { t, lang } = useLang();
  return (
    <div style={{ overflowX: "auto" }}>
      <table className="jx-sheet" aria-label={t("绩效运行监控表", "Monitoring table")}>
        <thead>
          <tr>
            {[
              t("三级指标", "Indicator"),
              t("年度指标值（已批复）", "Approved target"),
              t(`截至${asOfMonth}月实际完成值`, "Actual to date"),
              t("全年预计完成值", "Year-end forecast"),
              t("完成可能性", "Likelihood"),
              t("监控灯", "Light"),
              t("偏差原因", "Cause of deviation"),
              t("纠偏措施", "Corrective action"),
            ].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {indicators.map((ind, i) => {
            const r = rows[i] ?? {};
            const m = live[i];
            const label = (s: string) => t(`第${i + 1}行 ${s}`, `Row ${i + 1} ${s}`);
            const quantitative = ind.nature !== "定性";
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the approved table
              <tr key={i} data-testid={`row-${i}`}>
                <td>
                  <div style={{ fontSize: 11, color: "#595959" }}>
                    {ind.level1} / {ind.level2}
                  </div>
                  {ind.name}
                </td>
                <td className="c" data-testid={`target-${i}`}>
                  {quantitative
                    ? `${ind.operator ?? ""}${ind.target}${/^[\d.]+$/.test(ind.target) ? (ind.unit ?? "") : ""}`
                    : ind.target}
                </td>
                <td>
                  {quantitative ? (
                    <input
                      className="jx-input"
                      aria-label={label(t("实际完成值", "actual"))}
                      placeholder={ind.unit ?? ""}
                      disabled={!editable}
                      value={r.actualToDate ?? ""}
                      onChange={(e) => set(i, { actualToDate: e.target.value })}
                    />
                  ) : (
                    t("（定性）", "(qualitative)")
                  )}
                </td>
                <td>
                  {quantitative ? (
                    <input
                      className="jx-input"
                      aria-label={label(t("全年预计", "forecast"))}
                      placeholder={ind.unit ?? ""}
                      disabled={!editable}
                      value={r.forecast ?? ""}
                      onChange={(e) => set(i, { forecast: e.target.value })}
                    />
                  ) : null}
                </td>
                <td>
                  <select
                    className="jx-native-select"
                    aria-label={label(t("完成可能性", "likelihood"))}
                    disabled={!editable}
                    value={r.likelihood ?? ""}
                    onChange={(e) => set(i, { likelihood: (e.target.value || undefined) as EntryRow["likelihood"] })}
                  >
                    <option value="">{t("（未填）", "(none)")}</option>
                    {LIKELIHOODS.map((l) => (
                      <option key={l} value={l}>
                        {word(LIKELIHOOD_WORDS[l], lang)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="c" data-testid={`light-${i}`}>
                  <LightTag light={m?.light ?? null} title={m?.working} />
                </td>
                <td>
                  <select
                    className="jx-native-select"
                    aria-label={label(t("偏差原因", "cause"))}
                    disabled={!editable}
                    value={r.deviationCause ?? ""}
                    onChange={(e) =>
                      set(i, { deviationCause: (e.target.value || undefined) as EntryRow["deviationCause"] })
                    }
                  >
                    <option value="">{t("（无）", "(none)")}</option>
                    {DEVIATION_CAUSES.map((c) => (
                      <option key={c} value={c}>
                        {word(CAUSE_WORDS[c], lang)}
                      </option>
                    ))}
                  </select>
                  <Input
                    size="small"
                    aria-label={label(t("原因说明", "cause text"))}
                    disabled={!editable}
                    value={r.deviationText ?? ""}
                    placeholder={t("原因说明", "explain")}
                    onChange={(e) => set(i, { deviationText: e.target.value })}
                  />
                </td>
                <td>
                  <Input.TextArea
                    autoSize
                    aria-label={label(t("纠偏措施", "corrective action"))}
                    disabled={!editable}
                    value={r.correctiveAction ?? ""}
                    onChange={(e) => set(i, { correctiveAction: e.target.value })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
