import { DownloadOutlined } from "@ant-design/icons";
import { scoreProject } from "@jixiao/core/scoring/score-project.ts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Input, InputNumber, Space, Spin, Statistic, Typography } from "antd";
import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { request } from "../api/client.ts";
import type { ProjectDetail, SelfEvalIndicator, SelfEvaluation } from "../api/types.ts";
import { ErrorView, errorText } from "../components/error-view.tsx";
import { useLang } from "../i18n.tsx";
import { can, useSession } from "../session.tsx";

const GRADES = ["达成", "部分达成", "未达成"] as const;

export default function SelfEvalPage() {
  const { id = "" } = useParams();
  const { t, lang } = useLang();
  const { user } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const detail = useQuery({ queryKey: ["project", id], queryFn: () => request<ProjectDetail>(`/projects/${id}`) });
  const se = useQuery({
    queryKey: ["self-eval", id],
    queryFn: () => request<SelfEvaluation>(`/projects/${id}/self-evaluation`),
  });
  const [executed, setExecuted] = useState<number | null>(null);
  const [rows, setRows] = useState<SelfEvalIndicator[]>([]);
  useEffect(() => {
    if (se.data) {
      setExecuted(se.data.executed);
      setRows(se.data.indicators);
    }
  }, [se.data]);
  const save = useMutation({
    mutationFn: (body: { executed: number | null; indicators: SelfEvalIndicator[] }) =>
      request<SelfEvaluation>(`/projects/${id}/self-evaluation`, {
        method: "PUT",
        body: { executed: body.executed ?? 0, indicators: body.indicators },
      }),
    onSuccess: (r) => {
      message.success(t(`已保存，总分 ${r.result?.total ?? "—"}`, `Saved; total ${r.result?.total ?? "—"}`));
      qc.setQueryData(["self-eval-result", id], r);
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const editable = can.edit(user);

  if (detail.isLoading || se.isLoading) return <Spin style={{ margin: 48 }} />;
  if (detail.error || !detail.data)
    return (
      <div className="jx-page">
        <ErrorView error={detail.error} />
      </div>
    );
  if (se.error)
    return (
      <div className="jx-page">
        <ErrorView error={se.error} />
      </div>
    );
  // The approved table the actuals belong to — not the current draft of an adjustment.
  const p = se.data?.table ?? detail.data.table;
  const set = (i: number, patch: Partial<SelfEvalIndicator>) =>
    setRows((rs) => {
      const next = p.indicators.map((_, k) => rs[k] ?? {});
      next[i] = { ...next[i], ...patch };
      return next;
    });
  // Live: the scoring engine of @jixiao/core runs in the browser on every keystroke; the
  // server stores the same inputs and scores them with the same engine.
  const live = scoreProject(
    {
      ...p,
      executed: executed ?? undefined,
      indicators: p.indicators.map((ind, i) => {
        const r = rows[i] ?? {};
        const actual = typeof r.actual === "string" && r.actual.trim() === "" ? undefined : r.actual;
        return { ...ind, ...r, actual };
      }),
    },
    0,
  );
  const shown = {
    executionRate: live.executionRate,
    executionScore: live.executionScore,
    indicatorScore: live.indicatorScore,
    total: live.total,
    grade: live.grade,
    findings: live.findings.map((f) => ({ ...f, indicatorIndex: f.indicatorIndex ?? undefined })),
  };
  const scoreOf = (i: number) => live.indicators[i]?.score;
  return (
    <div className="jx-page">
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t("绩效自评", "Self-evaluation")}：{p.name}
          </Typography.Title>
        }
        extra={
          <Space>
            {se.data?.versionNo ? (
              <Typography.Text type="secondary" data-testid="evaluated-version">
                {t(`按第${se.data.versionNo}版（已批复）自评`, `Against approved v${se.data.versionNo}`)}
              </Typography.Text>
            ) : null}
            <Button
              icon={<DownloadOutlined />}
              href={`/api/v1/projects/${id}/self-evaluation/export.xlsx`}
              data-format="xlsx"
            >
              {t("下载自评表 XLSX", "自评表 XLSX")}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/v1/projects/${id}/self-evaluation/export.pdf`}
              data-format="pdf"
            >
              {t("下载自评表 PDF", "自评表 PDF")}
            </Button>
          </Space>
        }
      >
        <Descriptions bordered size="small" column={{ xs: 1, md: 3, xl: 6 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={`${t("全年预算数", "Budget")}（${detail.data.moneyUnit}）`}>
            {p.budget.toFixed(2)}
          </Descriptions.Item>
          <Descriptions.Item label={`${t("全年执行数", "Executed")}（${detail.data.moneyUnit}）`}>
            <InputNumber
              aria-label={t("全年执行数", "Executed")}
              size="small"
              value={executed}
              min={0}
              precision={2}
              disabled={!editable}
              onChange={(v) => setExecuted(v === null ? null : Number(v))}
            />
          </Descriptions.Item>
          <Descriptions.Item label={t("执行率", "Execution rate")}>
            {shown.executionRate != null ? `${shown.executionRate}%` : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("执行得分", "Execution score")}>{shown.executionScore}</Descriptions.Item>
          <Descriptions.Item label={t("指标得分", "Indicator score")}>{shown.indicatorScore}</Descriptions.Item>
          <Descriptions.Item label={t("总分 / 等级", "Total / grade")}>
            <Statistic
              value={shown.total}
              suffix={<span data-testid="grade">{shown.grade}</span>}
              valueStyle={{ fontSize: 20 }}
            />
          </Descriptions.Item>
        </Descriptions>
        {save.isPending ? <Typography.Text type="secondary">{t("正在计算…", "Scoring…")}</Typography.Text> : null}
        {shown.findings.length ? (
          <Alert
            type="warning"
            showIcon
            style={{ margin: "8px 0" }}
            title={t("自评提示", "Scoring findings")}
            description={
              <ul style={{ margin: 0 }}>
                {shown.findings.map((f) => (
                  <li key={f.code + f.message + f.indicatorIndex}>
                    {f.indicatorIndex !== undefined ? `#${f.indicatorIndex + 1} ${f.indicator ?? ""}：` : ""}
                    {lang === "zh" ? f.message : f.messageEn}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        <div style={{ overflowX: "auto" }}>
          <table className="jx-sheet" aria-label={t("自评表", "Self-evaluation table")}>
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
                  t("偏差原因分析", "Deviation reason"),
                ].map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {p.indicators.map((ind, i) => {
                const r = rows[i] ?? {};
                const label = (s: string) => t(`第${i + 1}行 ${s}`, `Row ${i + 1} ${s}`);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the table
                  <tr key={i}>
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
                        onChange={(e) => set(i, { actual: e.target.value })}
                      />
                    </td>
                    <td>
                      {ind.nature === "定性" ? (
                        <select
                          className="jx-native-select"
                          aria-label={label(t("等级", "grade"))}
                          disabled={!editable}
                          value={r.grade ?? ""}
                          onChange={(e) =>
                            set(i, { grade: (e.target.value || undefined) as SelfEvalIndicator["grade"] })
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
                      {scoreOf(i) ?? "—"}
                    </td>
                    <td>
                      <Input
                        size="small"
                        aria-label={label(t("偏差原因", "deviation reason"))}
                        disabled={!editable}
                        value={r.deviationReason ?? ""}
                        onChange={(e) => set(i, { deviationReason: e.target.value })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {editable ? (
          <Button
            style={{ marginTop: 12 }}
            type="primary"
            loading={save.isPending}
            onClick={() => save.mutate({ executed, indicators: rows })}
          >
            {t("保存并计算得分", "Save and score")}
          </Button>
        ) : null}
      </Card>
    </div>
  );
}
