/**
 * 财政抽评: the finance bureau's own actuals and scores entered beside the unit's, row by row,
 * scored live by the same engine; a difference beyond the policy's tolerance is highlighted
 * (live with the default tolerance, 1 point an indicator and 5 on the total; after saving, the
 * server's verdict with the region's policy).
 */
import { scoreProject } from "@jixiao/core/scoring/score-project.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, InputNumber, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { request } from "../../api/client.ts";
import type { CampaignSelfEvaluation, SpotCheckDifference } from "../../api/self-eval-types.ts";
import type { Project, SelfEvalIndicator } from "../../api/types.ts";
import { errorText } from "../../components/error-view.tsx";
import { useLang } from "../../i18n.tsx";
import { money } from "./money.ts";

const INDICATOR_TOLERANCE = 1;
const TOTAL_TOLERANCE = 5;

function diff(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  return Math.round((b - a) * 100) / 100;
}

export function SpotCheckCard({
  projectId,
  table,
  view,
  unitScores,
  moneyUnit,
}: {
  projectId: string;
  table: Project;
  view: CampaignSelfEvaluation;
  unitScores: { indicators: (number | null | undefined)[]; total: number | null | undefined };
  moneyUnit: string;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [executed, setExecuted] = useState<number | null>(null);
  const [rows, setRows] = useState<SelfEvalIndicator[]>([]);
  const [server, setServer] = useState<SpotCheckDifference[] | null>(null);
  useEffect(() => {
    const sc = view.spotCheck;
    setExecuted(sc?.input?.executed ?? view.executed ?? null);
    const own = sc?.input?.indicators;
    setRows(own?.length ? own : view.indicators.map((r) => ({ actual: r.actual, grade: r.grade })));
    setServer(sc?.differences ?? null);
  }, [view]);
  const live = scoreProject(
    {
      ...table,
      executed: executed ?? undefined,
      indicators: table.indicators.map((ind, i) => ({ ...ind, ...(rows[i] ?? {}) })),
    },
    0,
  );
  const save = useMutation({
    mutationFn: () =>
      request<{ differences: SpotCheckDifference[] }>(`/projects/${projectId}/self-evaluation/spot-check`, {
        method: "PUT",
        body: { executed, indicators: rows },
      }),
    onSuccess: (r) => {
      setServer(r.differences ?? []);
      message.success(t("抽评结果已保存", "Spot check saved"));
      qc.invalidateQueries({ queryKey: ["self-eval", projectId] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const set = (i: number, patch: Partial<SelfEvalIndicator>) =>
    setRows((rs) => {
      const next = table.indicators.map((_, k) => rs[k] ?? {});
      next[i] = { ...next[i], ...patch };
      return next;
    });
  const beyondAt = (i: number | null, d: number | null) => {
    const s = server?.find((x) => x.indicatorIndex === i);
    if (s) return s.beyond;
    return d !== null && Math.abs(d) > (i === null ? TOTAL_TOLERANCE : INDICATOR_TOLERANCE);
  };
  const totalDiff = diff(unitScores.total, live.total);
  const beyondRows = server ? server.filter((d) => d.beyond) : [];
  return (
    <Card
      size="small"
      title={t("财政抽评（与单位自评对照）", "Finance spot check (beside the unit's figures)")}
      data-testid="spot-check"
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <span>{t(`核实全年执行数（${moneyUnit}）`, `Executed as checked (${moneyUnit})`)}</span>
        <InputNumber
          aria-label={t("核实全年执行数", "Executed as checked")}
          size="small"
          min={0}
          precision={2}
          value={executed}
          onChange={(v) => setExecuted(v === null ? null : Number(v))}
        />
        <Typography.Text type="secondary">
          {t(`单位填报 ${money(view.executed)}`, `Unit reported ${money(view.executed)}`)}
        </Typography.Text>
      </Space>
      <div style={{ overflowX: "auto" }}>
        <table className="jx-sheet" aria-label={t("抽评对照表", "Spot check table")}>
          <thead>
            <tr>
              {[
                t("三级指标", "Indicator"),
                t("年度指标值", "Target"),
                t("分值", "Weight"),
                t("单位实际完成值", "Unit's actual"),
                t("单位得分", "Unit's score"),
                t("财政核实值", "Checked actual"),
                t("财政评分", "Finance score"),
                t("差异", "Difference"),
              ].map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.indicators.map((ind, i) => {
              const fin = live.indicators[i]?.score;
              const d = diff(unitScores.indicators[i], fin);
              const beyond = beyondAt(i, d);
              const label = (s: string) => t(`第${i + 1}行 ${s}`, `Row ${i + 1} ${s}`);
              return (
                <tr
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the approved table
                  key={i}
                  className={beyond ? "jx-changed" : undefined}
                  data-testid={`spot-row-${i}`}
                  data-beyond={beyond}
                >
                  <td>{ind.name}</td>
                  <td className="c">{`${ind.operator ?? ""}${ind.target}${ind.unit ?? ""}`}</td>
                  <td className="num">{ind.weight}</td>
                  <td>{view.indicators[i]?.actual ?? view.indicators[i]?.grade ?? "—"}</td>
                  <td className="num">{unitScores.indicators[i] ?? "—"}</td>
                  <td>
                    {ind.nature === "定性" ? (
                      <select
                        className="jx-native-select"
                        aria-label={label(t("财政核实等级", "checked grade"))}
                        value={rows[i]?.grade ?? ""}
                        onChange={(e) => set(i, { grade: (e.target.value || undefined) as SelfEvalIndicator["grade"] })}
                      >
                        <option value="">{t("（未评）", "(not graded)")}</option>
                        {(["达成", "部分达成", "未达成"] as const).map((g) => (
                          <option key={g}>{g}</option>
                        ))}
                      </select>
                    ) : (
                      <input
                        className="jx-input"
                        aria-label={label(t("财政核实值", "checked actual"))}
                        value={rows[i]?.actual === undefined ? "" : String(rows[i]?.actual)}
                        onChange={(e) => set(i, { actual: e.target.value })}
                      />
                    )}
                  </td>
                  <td className="num">{fin ?? "—"}</td>
                  <td
                    className="num"
                    style={beyond ? { color: "#a8071a", fontWeight: 700, background: "#fff1f0" } : undefined}
                  >
                    {d === null ? "—" : d > 0 ? `+${d}` : String(d)}
                    {beyond ? <span className="sr-only">{t("（超出容差）", " (beyond tolerance)")}</span> : null}
                  </td>
                </tr>
              );
            })}
            <tr data-testid="spot-total" data-beyond={beyondAt(null, totalDiff)}>
              <th scope="row" colSpan={4} style={{ textAlign: "right" }}>
                {t("总分", "Total")}
              </th>
              <td className="num">{unitScores.total ?? "—"}</td>
              <td />
              <td className="num">{live.total}</td>
              <td
                className="num"
                data-testid="spot-total-diff"
                style={
                  beyondAt(null, totalDiff) ? { color: "#a8071a", fontWeight: 700, background: "#fff1f0" } : undefined
                }
              >
                {totalDiff === null ? "—" : totalDiff > 0 ? `+${totalDiff}` : String(totalDiff)}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      {beyondRows.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="spot-findings"
          title={t("抽评与单位自评差异超出容差", "Differences beyond the tolerance")}
          description={
            <ul style={{ margin: 0 }}>
              {beyondRows.map((d) => {
                const name =
                  d.indicatorIndex === null
                    ? t("总分", "Total")
                    : `${d.indicatorIndex + 1}. ${table.indicators[d.indicatorIndex]?.name ?? ""}`;
                return (
                  <li key={String(d.indicatorIndex)}>
                    {t(
                      `${name}：单位 ${d.unit} 分，财政 ${d.finance} 分，相差 ${d.difference} 分`,
                      `${name}: unit ${d.unit}, finance ${d.finance}, difference ${d.difference}`,
                    )}
                  </li>
                );
              })}
            </ul>
          }
        />
      ) : null}
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        loading={save.isPending}
        onClick={() => save.mutate()}
        data-testid="spot-save"
      >
        {t("保存抽评结果", "Save the spot check")}
      </Button>
    </Card>
  );
}
