/**
 * 公开自评结果 (finance): publish the round's accepted results; the list of what is public — each
 * project's published score and whose it is (the unit's, or the finance bureau's 抽评 with the
 * unit's own beside it) — and 撤回 of chosen (or all) results with a public reason, as 表12
 * publications are withdrawn. A withdrawn result shows who withdrew it, when and why.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Input, Modal, Popconfirm, Space, Table, Typography } from "antd";
import { useState } from "react";
import { request } from "../../api/client.ts";
import { ErrorView, errorText } from "../../components/error-view.tsx";
import { ToneTag } from "../../components/status-tag.tsx";
import { useLang } from "../../i18n.tsx";
import { scoreText } from "../self-eval/money.ts";

interface PublishedRow {
  projectId: number;
  name: string;
  unitName: string;
  score: number;
  grade: string;
  scoreSource: "unit" | "spot-check";
  unitScore: number | null;
  publishedAt: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawReason: string | null;
}

export function PublishedResultsCard({ roundId }: { roundId: number }) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [chosen, setChosen] = useState<number[]>([]);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const key = ["evaluation-round-published", roundId];
  const q = useQuery({
    queryKey: key,
    queryFn: () => request<{ items: PublishedRow[] }>(`/evaluation-rounds/${roundId}/published`),
  });
  const refresh = () => {
    qc.invalidateQueries({ queryKey: key });
    qc.invalidateQueries({ queryKey: ["evaluation-round", String(roundId)] });
  };
  const publish = useMutation({
    mutationFn: () =>
      request<{ published?: unknown[] }>(`/evaluation-rounds/${roundId}/publish`, { method: "POST", body: {} }),
    onSuccess: (r) => {
      const n = r?.published?.length;
      message.success(
        n === undefined
          ? t("已公开自评结果", "Results published")
          : t(`已公开 ${n} 个项目的自评结果`, `${n} results published`),
      );
      refresh();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const withdraw = useMutation({
    mutationFn: () =>
      request<{ withdrawn: unknown[] }>(`/evaluation-rounds/${roundId}/published/withdraw`, {
        method: "POST",
        body: { reason: reason.trim(), ...(chosen.length ? { projectIds: chosen } : {}) },
      }),
    onSuccess: (r) => {
      message.success(t(`已撤回 ${r.withdrawn.length} 个项目的公开结果`, `${r.withdrawn.length} results withdrawn`));
      setAsking(false);
      setReason("");
      setChosen([]);
      refresh();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const rows = q.data?.items ?? [];
  const current = rows.filter((r) => r.withdrawnAt === null);
  const day = (iso: string) => iso.slice(0, 10);
  return (
    <Card size="small" title={t("公开自评结果", "Publish the results")} data-testid="published-results">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Space wrap>
          <Typography.Text type="secondary">
            {t(
              "公开已审核通过的自评结果（得分、等级、自评结论），在公开查询页与表12并列展示；财政抽评过的项目公开抽评得分。",
              "Publishes the accepted results (score, grade, conclusion) on the public pages beside 表12; where the finance bureau spot-checked a project, its score is published.",
            )}
          </Typography.Text>
          <Popconfirm
            title={t("确定公开已审核通过的自评结果？", "Publish the accepted results?")}
            onConfirm={() => publish.mutate()}
            okButtonProps={{ ...({ "data-testid": "publish-results-ok" } as object) }}
          >
            <Button type="primary" loading={publish.isPending} data-testid="publish-results">
              {t("公开自评结果", "Publish results")}
            </Button>
          </Popconfirm>
          <Button danger disabled={current.length === 0} onClick={() => setAsking(true)} data-testid="withdraw-results">
            {chosen.length
              ? t(`撤回所选 ${chosen.length} 项`, `Withdraw ${chosen.length} selected`)
              : t("撤回全部公开结果", "Withdraw all published results")}
          </Button>
        </Space>
        {q.error ? <ErrorView error={q.error} /> : null}
        <Table<PublishedRow>
          rowKey="projectId"
          size="small"
          loading={q.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: t("尚未公开自评结果", "Nothing published yet") }}
          rowSelection={{
            selectedRowKeys: chosen,
            onChange: (keys) => setChosen(keys.map(Number)),
            getCheckboxProps: (r) => ({ disabled: r.withdrawnAt !== null }),
          }}
          columns={[
            { title: t("项目", "Project"), dataIndex: "name" },
            { title: t("单位", "Unit"), dataIndex: "unitName" },
            {
              title: t("公开得分", "Published score"),
              key: "score",
              align: "right",
              render: (_, r) => (
                <span data-testid={`published-score-${r.projectId}`}>
                  {scoreText(r.score)} · {r.grade}
                </span>
              ),
            },
            {
              title: t("得分来源", "Score of"),
              key: "source",
              render: (_, r) =>
                r.scoreSource === "spot-check" ? (
                  <span data-testid={`published-source-${r.projectId}`}>
                    <ToneTag tone="gold">{t("财政抽评", "Finance spot check")}</ToneTag>
                    <Typography.Text type="secondary">
                      {t(`单位自评 ${scoreText(r.unitScore)}`, `unit's own ${scoreText(r.unitScore)}`)}
                    </Typography.Text>
                  </span>
                ) : (
                  <span data-testid={`published-source-${r.projectId}`}>
                    <ToneTag tone="neutral">{t("单位自评", "Unit's self-evaluation")}</ToneTag>
                  </span>
                ),
            },
            {
              title: t("状态", "Status"),
              key: "state",
              render: (_, r) =>
                r.withdrawnAt ? (
                  <span data-testid={`published-state-${r.projectId}`}>
                    <ToneTag tone="danger">{t("已撤回", "Withdrawn")}</ToneTag>
                    {day(r.withdrawnAt)} {r.withdrawReason}
                  </span>
                ) : (
                  <span data-testid={`published-state-${r.projectId}`}>
                    <ToneTag tone="success">{t("公开中", "Public")}</ToneTag>
                    {day(r.publishedAt)}
                  </span>
                ),
            },
          ]}
        />
      </Space>
      <Modal
        open={asking}
        title={t("撤回公开的自评结果", "Withdraw published results")}
        okText={t("撤回", "Withdraw")}
        cancelText={t("取消", "Cancel")}
        okButtonProps={{
          danger: true,
          disabled: !reason.trim(),
          ...({ "data-testid": "withdraw-results-ok" } as object),
        }}
        confirmLoading={withdraw.isPending}
        onOk={() => withdraw.mutate()}
        onCancel={() => setAsking(false)}
      >
        <Typography.Paragraph>
          {chosen.length
            ? t(`撤回所选 ${chosen.length} 个项目的公开结果。`, `Withdraws the ${chosen.length} selected results.`)
            : t("撤回本轮全部公开中的结果。", "Withdraws every public result of the round.")}
          {t("撤回原因将在公开查询页展示。", "The reason is shown on the public pages.")}
        </Typography.Paragraph>
        <Input.TextArea
          aria-label={t("撤回原因（公开）", "Reason (public)")}
          placeholder={t("撤回原因（公开）", "Reason (public)")}
          maxLength={500}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="withdraw-results-reason"
        />
      </Modal>
    </Card>
  );
}
