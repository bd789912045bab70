/**
 * 抽评 sample: the finance bureau draws projects at random by a seeded draw (the same seed over
 * the same projects always draws the same ones, so the draw can be re-checked) or names them.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, Input, InputNumber, Space, Typography } from "antd";
import { request } from "../../api/client.ts";
import { errorText } from "../../components/error-view.tsx";
import { useLang } from "../../i18n.tsx";

export function SampleCard({ roundId, chosen, total }: { roundId: number; chosen: number[]; total: number }) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const draw = useMutation({
    mutationFn: (body: { count: number; seed: string } | { projectIds: number[] }) =>
      request<{ projectIds?: number[]; sampled?: number[] } | number[]>(`/evaluation-rounds/${roundId}/sample`, {
        method: "POST",
        body,
      }),
    onSuccess: (r) => {
      const ids = Array.isArray(r) ? r : (r.projectIds ?? r.sampled ?? []);
      message.success(t(`已纳入抽评 ${ids.length} 个项目`, `${ids.length} projects in the sample`));
      qc.invalidateQueries({ queryKey: ["evaluation-round", String(roundId)] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <Card size="small" title={t("财政抽评抽样", "Draw the spot-check sample")} data-testid="sample-card">
      <Form
        layout="inline"
        initialValues={{ count: Math.max(1, Math.ceil(total / 5)), seed: `${new Date().getFullYear()}-抽评` }}
        onFinish={(v: { count: number; seed: string }) => draw.mutate({ count: v.count, seed: v.seed })}
      >
        <Form.Item name="count" label={t("抽取项目数", "How many")} rules={[{ required: true }]}>
          <InputNumber min={1} max={Math.max(1, total)} aria-label={t("抽取项目数", "How many")} />
        </Form.Item>
        <Form.Item name="seed" label={t("随机种子", "Seed")} rules={[{ required: true, whitespace: true }]}>
          <Input aria-label={t("随机种子", "Seed")} style={{ width: 160 }} />
        </Form.Item>
        <Button htmlType="submit" loading={draw.isPending} data-testid="sample-draw">
          {t("随机抽取", "Draw")}
        </Button>
      </Form>
      <Space style={{ marginTop: 8 }} wrap>
        <Button
          disabled={chosen.length === 0}
          loading={draw.isPending}
          onClick={() => draw.mutate({ projectIds: chosen })}
          data-testid="sample-chosen"
        >
          {t(`将所选 ${chosen.length} 个项目纳入抽评`, `Sample the ${chosen.length} chosen`)}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(
            "同一种子对同一批项目总是抽出相同结果，可复核。",
            "The same seed over the same projects always draws the same ones.",
          )}
        </Typography.Text>
      </Space>
    </Card>
  );
}
