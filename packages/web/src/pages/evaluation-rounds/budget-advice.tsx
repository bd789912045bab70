/**
 * 预算安排建议 (results application): every accepted project's grade mapped by the region's
 * policy to next year's advice — 优先保障 / 按需安排 / 压减 / 取消或暂停 — with the advised amount,
 * 千分位 and right-aligned; exportable as xlsx.
 */
import { useQuery } from "@tanstack/react-query";
import { Card, Table, Typography } from "antd";
import { Link } from "react-router-dom";
import { request } from "../../api/client.ts";
import type { AdviceList, AdviceRow } from "../../api/self-eval-types.ts";
import { DownloadButton } from "../../components/download-button.tsx";
import { ErrorView } from "../../components/error-view.tsx";
import { ToneTag } from "../../components/status-tag.tsx";
import { useLang } from "../../i18n.tsx";
import { money, scoreText } from "../self-eval/money.ts";
import { ADVICE_TONE, adviceText } from "../self-eval/words.ts";

export function BudgetAdviceCard({ roundId, moneyUnit }: { roundId: number; moneyUnit: string }) {
  const { t, lang } = useLang();
  const q = useQuery({
    queryKey: ["budget-advice", roundId],
    queryFn: () => request<AdviceList>(`/evaluation-rounds/${roundId}/budget-advice`),
  });
  const rows = q.data?.rows ?? [];
  const totals = q.data?.totals ?? [];
  return (
    <Card
      size="small"
      title={t("下年度预算安排建议", "Next year's budget advice")}
      data-testid="budget-advice"
      extra={
        <DownloadButton
          href={`/api/v1/evaluation-rounds/${roundId}/budget-advice.xlsx`}
          format="advice-xlsx"
          fileName="预算安排建议.xlsx"
        >
          {t("导出 Excel", "Export xlsx")}
        </DownloadButton>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t(
          "按自评等级（抽评过的以财政抽评为准）给出建议：优 优先保障，良 按需安排，中 压减，差 取消或暂停；规则可在区划的评分规则中配置。",
          "Advice by grade (the finance bureau's where it spot-checked): excellent — priority, good — as needed, fair — reduce, poor — cancel or pause; configurable in the region's policy.",
        )}
      </Typography.Paragraph>
      {q.error ? <ErrorView error={q.error} /> : null}
      <Table<AdviceRow>
        rowKey="projectId"
        size="small"
        loading={q.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t("尚无审核通过的自评", "No accepted self-evaluation yet") }}
        columns={[
          {
            title: t("项目", "Project"),
            key: "name",
            render: (_, r) => <Link to={`/projects/${r.projectId}/self-evaluation`}>{r.name}</Link>,
          },
          { title: t("部门", "Department"), dataIndex: "orgName" },
          {
            title: t(`本年预算（${moneyUnit}）`, `Budget (${moneyUnit})`),
            key: "budget",
            align: "right",
            render: (_, r) => money(r.budget),
          },
          { title: t("得分", "Score"), key: "score", align: "right", render: (_, r) => scoreText(r.score) },
          {
            title: t("等级", "Grade"),
            key: "grade",
            render: (_, r) =>
              r.grade ? `${r.grade}${r.scoreSource === "spot-check" ? t("（抽评）", " (spot check)") : ""}` : "—",
          },
          {
            title: t("建议", "Advice"),
            key: "advice",
            render: (_, r) =>
              r.advice ? (
                <span data-testid={`advice-${r.projectId}`}>
                  <ToneTag tone={ADVICE_TONE[r.advice.action]}>{adviceText(r.advice, lang)}</ToneTag>
                </span>
              ) : (
                "—"
              ),
          },
          {
            title: t(`建议下年安排（${moneyUnit}）`, `Advised next year (${moneyUnit})`),
            key: "amount",
            align: "right",
            render: (_, r) =>
              r.advice ? <span data-testid={`advice-amount-${r.projectId}`}>{money(r.advice.amount)}</span> : "—",
          },
          {
            title: t("整改", "Rectify"),
            key: "rectify",
            render: (_, r) => (r.advice?.rectify ? <ToneTag tone="danger">{t("须整改", "To rectify")}</ToneTag> : null),
          },
        ]}
        summary={() =>
          totals.map((s) => (
            <Table.Summary.Row key={s.moneyUnit}>
              <Table.Summary.Cell index={0} colSpan={2}>
                {t(`合计（${s.moneyUnit}）`, `Total (${s.moneyUnit})`)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {money(s.budget)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} colSpan={3} />
              <Table.Summary.Cell index={6} align="right">
                <span data-testid="advice-total">{money(s.advised)}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} />
            </Table.Summary.Row>
          ))
        }
      />
    </Card>
  );
}
