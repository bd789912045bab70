/**
 * 绩效自评 of one project: the unit enters actuals against the approved table (scored live by
 * @jixiao/core in the browser, stored and scored again by the server), the 偏差原因 wherever a row
 * scores below its weight, 主要问题及整改措施, 自评结论 and the funding split; attaches evidence;
 * submits. The department returns or accepts; the finance bureau enters its 抽评 beside the
 * unit's figures. Reports (自评表, 自评报告) download with a visible progress state.
 */
import { scoreProject } from "@jixiao/core/scoring/score-project.ts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  InputNumber,
  Row,
  Space,
  Spin,
  Statistic,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { request } from "../../api/client.ts";
import type { CampaignSelfEvaluation, FundingSplit } from "../../api/self-eval-types.ts";
import type { ProjectDetail, SelfEvalIndicator } from "../../api/types.ts";
import { DownloadButton } from "../../components/download-button.tsx";
import { ErrorView, errorText } from "../../components/error-view.tsx";
import { useLang } from "../../i18n.tsx";
import { can, useProjectFocus, useSession } from "../../session.tsx";
import { EvidenceCard } from "./evidence-card.tsx";
import { EMPTY_FUNDING, FundingBlock } from "./funding-block.tsx";
import { findingIndex, IndicatorSheet, needsReason } from "./indicator-sheet.tsx";
import { money } from "./money.ts";
import { SpotCheckCard } from "./spot-check-card.tsx";
import { adviceText, findingText } from "./words.ts";
import { StatusBanner, WorkflowButtons } from "./workflow-bar.tsx";

export default function SelfEvalPage() {
  const { id = "" } = useParams();
  const { t, lang } = useLang();
  const { user } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const detail = useQuery({ queryKey: ["project", id], queryFn: () => request<ProjectDetail>(`/projects/${id}`) });
  useProjectFocus(detail.data ?? null); // the header shows this project's year and department
  const se = useQuery({
    queryKey: ["self-eval", id],
    queryFn: () => request<CampaignSelfEvaluation>(`/projects/${id}/self-evaluation`),
  });
  const [executed, setExecuted] = useState<number | null>(null);
  const [rows, setRows] = useState<SelfEvalIndicator[]>([]);
  const [problems, setProblems] = useState("");
  const [conclusion, setConclusion] = useState("");
  const [funding, setFunding] = useState<FundingSplit>(EMPTY_FUNDING);
  useEffect(() => {
    if (!se.data) return;
    setExecuted(se.data.executed);
    setRows(se.data.indicators);
    setProblems(se.data.problems ?? "");
    setConclusion(se.data.conclusion ?? "");
    setFunding({ ...EMPTY_FUNDING, ...(se.data.funding ?? {}) });
  }, [se.data]);
  const save = useMutation({
    mutationFn: () =>
      request<CampaignSelfEvaluation>(`/projects/${id}/self-evaluation`, {
        method: "PUT",
        body: { executed: executed ?? 0, indicators: rows, problems, conclusion, funding },
      }),
    onSuccess: (r) => {
      message.success(t(`已保存，总分 ${r.result?.total ?? "—"}`, `Saved; total ${r.result?.total ?? "—"}`));
      qc.setQueryData(["self-eval", id], r);
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  if (detail.isLoading || se.isLoading) return <Spin style={{ margin: 48 }} />;
  if (detail.error || !detail.data || se.error || !se.data)
    return (
      <div className="jx-page">
        <ErrorView error={detail.error ?? se.error} />
      </div>
    );
  const view = se.data;
  const status = view.status ?? "none";
  const unit = detail.data.moneyUnit;
  // The approved table the actuals belong to — not the current draft of an adjustment.
  const p = view.table ?? detail.data.table;
  const mayFill = can.edit(user);
  const editable = mayFill && (status === "none" || status === "draft" || status === "returned");
  const mayReview = user?.role === "dept_reviewer" || user?.role === "admin";
  const finance = user?.role === "finance_reviewer" || user?.role === "admin";
  const set = (i: number, patch: Partial<SelfEvalIndicator>) =>
    setRows((rs) => {
      const next = p.indicators.map((_, k) => rs[k] ?? {});
      next[i] = { ...next[i], ...patch };
      return next;
    });
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
  // While the unit edits, the live score; once saved and locked, the server's (the region's policy).
  const shown = editable || !view.result ? live : { ...live, ...view.result };
  const scores = p.indicators.map((_, i) =>
    editable ? live.indicators[i]?.score : (view.result?.indicators?.[i]?.score ?? live.indicators[i]?.score),
  );
  const consistency = view.consistency ?? [];
  const projectLevel = consistency.filter((f) => findingIndex(f) === null);
  const missing = new Set((view.missing ?? []).map((m) => m.indicatorIndex));
  const lackingReasons = p.indicators.filter(
    (ind, i) => needsReason(scores[i], ind.weight, rows[i] ?? {}) && !(rows[i]?.deviationReason ?? "").trim(),
  ).length;
  const scoringFindings = live.findings.filter((f) => f.code !== "score.deviation-reason-missing");
  const saveAndReport = async () => {
    try {
      await save.mutateAsync();
      return true;
    } catch {
      return false;
    }
  };
  return (
    <div className="jx-page">
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t("绩效自评", "Self-evaluation")}：{p.name}
          </Typography.Title>
        }
        extra={
          <Space wrap>
            {view.roundId ? (
              <Link to={`/evaluation-rounds/${view.roundId}`}>{t("所属自评轮次", "Its round")}</Link>
            ) : null}
            {view.versionNo ? (
              <Typography.Text type="secondary" data-testid="evaluated-version">
                {t(`按第${view.versionNo}版（已批复）自评`, `Against approved v${view.versionNo}`)}
              </Typography.Text>
            ) : null}
          </Space>
        }
      >
        <StatusBanner view={view} />
        <Space wrap style={{ marginBottom: 12 }} className="no-print" data-testid="se-downloads">
          <DownloadButton
            href={`/api/v1/projects/${id}/self-evaluation/export.xlsx`}
            format="xlsx"
            fileName="自评表.xlsx"
          >
            {t("自评表 XLSX", "自评表 XLSX")}
          </DownloadButton>
          <DownloadButton href={`/api/v1/projects/${id}/self-evaluation/export.pdf`} format="pdf" fileName="自评表.pdf">
            {t("自评表 PDF", "自评表 PDF")}
          </DownloadButton>
          <DownloadButton
            href={`/api/v1/projects/${id}/self-evaluation/report.docx`}
            format="report-docx"
            fileName="自评报告.docx"
          >
            {t("自评报告 Word", "自评报告 Word")}
          </DownloadButton>
          <DownloadButton
            href={`/api/v1/projects/${id}/self-evaluation/report.pdf`}
            format="report-pdf"
            fileName="自评报告.pdf"
          >
            {t("自评报告 PDF", "自评报告 PDF")}
          </DownloadButton>
        </Space>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={`${t("全年预算数", "Budget")}（${unit}）`}>
            <span style={{ display: "block", textAlign: "right" }}>{money(p.budget)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={`${t("全年执行数", "Executed")}（${unit}）`}>
            <InputNumber
              aria-label={t("全年执行数", "Executed")}
              size="small"
              value={executed}
              min={0}
              precision={2}
              disabled={!editable}
              style={{ width: 140 }}
              formatter={(v) => String(v ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",")}
              parser={(v) => Number((v ?? "").replace(/,/g, ""))}
              onChange={(v) => setExecuted(v === null ? null : Number(v))}
            />
          </Descriptions.Item>
          <Descriptions.Item label={t("执行率", "Execution rate")}>
            {shown.executionRate != null ? `${shown.executionRate}%` : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("执行得分", "Execution score")}>{shown.executionScore ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("指标得分", "Indicator score")}>{shown.indicatorScore ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("总分 / 等级", "Total / grade")}>
            <Statistic
              value={shown.total ?? "—"}
              suffix={<span data-testid="grade">{shown.grade}</span>}
              valueStyle={{ fontSize: 20 }}
            />
          </Descriptions.Item>
        </Descriptions>
        {projectLevel.length || scoringFindings.length ? (
          <Alert
            type="warning"
            showIcon
            style={{ margin: "8px 0" }}
            data-testid="se-findings"
            title={t("自评提示", "Findings")}
            description={
              <ul style={{ margin: 0 }}>
                {projectLevel.map((f) => (
                  <li key={f.code}>{findingText(f, lang)}</li>
                ))}
                {scoringFindings.map((f) => (
                  <li key={f.code + f.message + f.indicatorIndex}>
                    {f.indicatorIndex !== null ? `${f.indicatorIndex + 1}. ${f.indicator ?? ""}：` : ""}
                    {lang === "zh" ? f.message : f.messageEn}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        {view.advice && finance ? (
          <Alert
            type="info"
            style={{ margin: "8px 0" }}
            data-testid="se-advice"
            title={t(
              `预算安排建议：${adviceText(view.advice, lang)}，建议下年安排 ${money(view.advice.amount)} ${unit}`,
              `Budget advice: ${adviceText(view.advice, lang)}; next year ${money(view.advice.amount)} ${unit}`,
            )}
          />
        ) : null}
        <IndicatorSheet
          table={p}
          rows={rows}
          scores={scores}
          editable={editable}
          findings={consistency}
          missing={missing}
          onChange={set}
        />
        {editable && lackingReasons ? (
          <p className="jx-finding error" style={{ marginTop: 8, fontSize: 13 }} data-testid="reasons-lacking">
            {t(
              `还有 ${lackingReasons} 个得分低于分值的指标未填写偏差原因分析及改进措施`,
              `${lackingReasons} rows scored below their weight still need a reason`,
            )}
          </p>
        ) : null}
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={24} lg={12}>
            <label htmlFor="se-problems" style={{ fontWeight: 600 }}>
              {t("主要问题及整改措施", "Main problems and measures")}
            </label>
            <Input.TextArea
              id="se-problems"
              rows={4}
              maxLength={4000}
              disabled={!editable}
              value={problems}
              status={
                editable && !problems.trim() && (status === "returned" || status === "draft") ? "warning" : undefined
              }
              onChange={(e) => setProblems(e.target.value)}
            />
          </Col>
          <Col xs={24} lg={12}>
            <label htmlFor="se-conclusion" style={{ fontWeight: 600 }}>
              {t("自评结论", "Conclusion")}
            </label>
            <Input.TextArea
              id="se-conclusion"
              rows={4}
              maxLength={4000}
              disabled={!editable}
              value={conclusion}
              onChange={(e) => setConclusion(e.target.value)}
            />
          </Col>
        </Row>
        <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
          {t("资金情况", "Funding")}
        </Typography.Title>
        <FundingBlock value={funding} editable={editable} unit={unit} onChange={setFunding} />
        <Space wrap style={{ marginTop: 16 }} className="no-print">
          {editable ? (
            <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="se-save">
              {t("保存并计算得分", "Save and score")}
            </Button>
          ) : null}
          <WorkflowButtons
            projectId={id}
            status={status}
            mayFill={mayFill}
            mayReview={mayReview}
            beforeSubmit={saveAndReport}
          />
        </Space>
      </Card>
      <div style={{ marginTop: 16 }}>
        <EvidenceCard
          projectId={id}
          table={p}
          mayUpload={mayFill}
          locked={status === "submitted" || status === "accepted"}
        />
      </div>
      {finance && (view.sampled !== false || view.spotCheck) && status !== "none" ? (
        <div style={{ marginTop: 16 }}>
          <SpotCheckCard
            projectId={id}
            table={p}
            view={view}
            unitScores={{
              indicators: p.indicators.map((_, i) => view.result?.indicators?.[i]?.score),
              total: view.result?.total,
            }}
            moneyUnit={unit}
          />
        </div>
      ) : null}
    </div>
  );
}
