/**
 * A self-evaluation round: progress by department (chart and table: done / submitted / accepted /
 * overdue), every project in scope with its status, score, grade and 抽评 flag; for the finance
 * bureau the sample draw, the budget advice and publishing (and withdrawing) the results; the department summary
 * (汇总表) downloads as xlsx, PDF or Word.
 */
import { useQuery } from "@tanstack/react-query";
import { Card, Descriptions, Space, Spin, Table, Tabs, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { request } from "../../api/client.ts";
import type { RoundDetail, RoundProgress, RoundProject } from "../../api/self-eval-types.ts";
import { DownloadButton } from "../../components/download-button.tsx";
import { ErrorView } from "../../components/error-view.tsx";
import { ToneTag } from "../../components/status-tag.tsx";
import { useLang } from "../../i18n.tsx";
import { useSession } from "../../session.tsx";
import { money, scoreText } from "../self-eval/money.ts";
import { SE_STATUS_TONE, SE_STATUS_WORDS, word } from "../self-eval/words.ts";
import { BudgetAdviceCard } from "./budget-advice.tsx";
import { ProgressChart } from "./progress-chart.tsx";
import { PublishedResultsCard } from "./published-card.tsx";
import { SampleCard } from "./sample-card.tsx";

export default function EvaluationRoundPage() {
  const { id = "" } = useParams();
  const { t, lang } = useLang();
  const { user } = useSession();
  const [chosen, setChosen] = useState<number[]>([]);
  const q = useQuery({
    queryKey: ["evaluation-round", id],
    queryFn: () => request<RoundDetail>(`/evaluation-rounds/${id}`),
  });
  const finance = user?.role === "finance_reviewer" || user?.role === "admin";
  if (q.error)
    return (
      <div className="jx-page">
        <ErrorView error={q.error} />
      </div>
    );
  if (!q.data) return <Spin style={{ margin: 48 }} />;
  const { round, progress, projects } = q.data;
  const moneyUnit = projects[0]?.moneyUnit ?? "万元";
  const sum = (k: keyof RoundProgress) => progress.reduce((s, p) => s + (Number(p[k]) || 0), 0);
  const total = projects.length;
  const done = sum("submitted") + sum("accepted");
  const summary = (f: string, label: string) => (
    <DownloadButton
      href={`/api/v1/evaluation-rounds/${round.id}/summary.${f}`}
      format={`summary-${f}`}
      fileName={`自评汇总表.${f}`}
    >
      {label}
    </DownloadButton>
  );
  const projectTable = (
    <Table<RoundProject>
      rowKey="projectId"
      size="small"
      pagination={false}
      dataSource={projects}
      scroll={{ x: 900 }}
      rowSelection={finance ? { selectedRowKeys: chosen, onChange: (keys) => setChosen(keys.map(Number)) } : undefined}
      columns={[
        {
          title: t("项目", "Project"),
          key: "name",
          render: (_, p) => (
            <Link to={`/projects/${p.projectId}/self-evaluation`} data-testid={`eval-project-${p.projectId}`}>
              {p.name}
            </Link>
          ),
        },
        { title: t("部门", "Department"), dataIndex: "orgName" },
        { title: t("单位", "Unit"), key: "unit", render: (_, p) => p.unitName ?? "—" },
        {
          title: t(`预算（${moneyUnit}）`, `Budget (${moneyUnit})`),
          key: "budget",
          align: "right",
          render: (_, p) => money(p.budget),
        },
        {
          title: t("状态", "Status"),
          key: "status",
          render: (_, p) => (
            <Space size={4} wrap>
              <span data-testid={`eval-status-${p.projectId}`}>
                <ToneTag tone={SE_STATUS_TONE[p.status]}>{word(SE_STATUS_WORDS[p.status], lang)}</ToneTag>
              </span>
              {p.overdue ? <ToneTag tone="danger">{t("逾期未报", "Overdue")}</ToneTag> : null}
            </Space>
          ),
        },
        { title: t("自评得分", "Score"), key: "score", align: "right", render: (_, p) => scoreText(p.score) },
        { title: t("等级", "Grade"), key: "grade", render: (_, p) => p.grade ?? "—" },
        {
          title: t("抽评", "Spot check"),
          key: "sampled",
          render: (_, p) =>
            p.sampled ? (
              <span data-testid={`sampled-${p.projectId}`}>
                <ToneTag tone="gold">
                  {t("已抽中", "Sampled")}
                  {p.spotCheckScore != null ? ` · ${scoreText(p.spotCheckScore)}` : ""}
                </ToneTag>
              </span>
            ) : null,
        },
      ]}
    />
  );
  return (
    <div className="jx-page">
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t(`${round.fiscalYear} 年度绩效自评`, `FY ${round.fiscalYear} self-evaluation`)}
            {round.scope === "department" ? ` · ${t("部门", "Department")} ${round.deptCode ?? ""}` : ""}
          </Typography.Title>
        }
        extra={
          <Space wrap>
            <Link to="/evaluation-rounds">{t("全部轮次", "All rounds")}</Link>
            {summary("xlsx", t("汇总表 Excel", "Summary xlsx"))}
            {summary("pdf", t("汇总表 PDF", "Summary PDF"))}
            {summary("docx", t("汇总表 Word", "Summary Word"))}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t("截止日期", "Due")}>{round.dueDate ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("项目数", "Projects")}>{total}</Descriptions.Item>
          <Descriptions.Item label={t("已提交（含已通过）", "Submitted (incl. accepted)")}>
            <span data-testid="round-done">{done}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("逾期未报", "Overdue")}>{sum("overdue")}</Descriptions.Item>
        </Descriptions>
        <Tabs
          items={[
            {
              key: "progress",
              label: t("进度", "Progress"),
              children: (
                <>
                  {progress.length ? <ProgressChart progress={progress} /> : null}
                  <Table<RoundProgress>
                    rowKey={(p) => String(p.orgId)}
                    size="small"
                    pagination={false}
                    dataSource={progress}
                    data-testid="progress-table"
                    columns={[
                      { title: t("部门", "Department"), dataIndex: "orgName" },
                      { title: t("项目数", "Projects"), dataIndex: "total", align: "right" },
                      { title: t("未开始", "Not started"), dataIndex: "notStarted", align: "right" },
                      { title: t("填报中", "Being filled"), dataIndex: "draft", align: "right" },
                      { title: t("已提交", "Submitted"), dataIndex: "submitted", align: "right" },
                      { title: t("已退回", "Returned"), dataIndex: "returned", align: "right" },
                      { title: t("已通过", "Accepted"), dataIndex: "accepted", align: "right" },
                      { title: t("逾期未报", "Overdue"), dataIndex: "overdue", align: "right" },
                    ]}
                  />
                </>
              ),
            },
            { key: "projects", label: t("项目", "Projects"), children: projectTable },
            ...(finance
              ? [
                  {
                    key: "spot",
                    label: t("抽评", "Spot check"),
                    children: (
                      <Space direction="vertical" style={{ width: "100%" }}>
                        <SampleCard roundId={round.id} chosen={chosen} total={total} />
                        {projectTable}
                      </Space>
                    ),
                  },
                  {
                    key: "advice",
                    label: t("结果应用", "Results use"),
                    children: (
                      <Space direction="vertical" style={{ width: "100%" }}>
                        <BudgetAdviceCard roundId={round.id} moneyUnit={moneyUnit} />
                        <PublishedResultsCard roundId={round.id} />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </div>
  );
}
