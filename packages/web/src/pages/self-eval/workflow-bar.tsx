/**
 * Where the self-evaluation stands (a banner with the return reason when returned) and what the
 * user may do next: the unit submits; the department returns it with a reason or accepts it.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, Modal, Space } from "antd";
import { useState } from "react";
import { request } from "../../api/client.ts";
import type { CampaignSelfEvaluation, SelfEvalStatus } from "../../api/self-eval-types.ts";
import { errorText } from "../../components/error-view.tsx";
import { ToneTag } from "../../components/status-tag.tsx";
import { useLang } from "../../i18n.tsx";
import { SE_STATUS_TONE, SE_STATUS_WORDS, word } from "./words.ts";

export function StatusTag({ status }: { status: SelfEvalStatus }) {
  const { lang } = useLang();
  return (
    <span data-testid="se-status">
      <ToneTag tone={SE_STATUS_TONE[status]}>{word(SE_STATUS_WORDS[status], lang)}</ToneTag>
    </span>
  );
}

export function StatusBanner({ view }: { view: CampaignSelfEvaluation }) {
  const { t, lang } = useLang();
  const status = view.status ?? "none";
  const text: Record<SelfEvalStatus, [string, string]> = {
    none: ["尚未纳入自评轮次，可先填报保存", "Not in a self-evaluation round yet; you may fill and save"],
    draft: [
      "填报中：填好实际完成值、偏差原因、主要问题及整改措施和自评结论后提交部门审核",
      "Being filled: enter the actuals, reasons, problems and conclusion, then submit to the department",
    ],
    submitted: [
      "已提交，等待主管部门审核；提交后不能修改",
      "Submitted and waiting for the department; it can no longer be changed",
    ],
    returned: ["主管部门已退回，请按意见修改后重新提交", "Returned by the department: fix it and submit again"],
    accepted: ["主管部门已审核通过", "Accepted by the department"],
  };
  const type =
    status === "returned" ? "error" : status === "accepted" ? "success" : status === "submitted" ? "warning" : "info";
  return (
    <Alert
      type={type}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="se-banner"
      title={
        <Space wrap>
          <StatusTag status={status} />
          {lang === "zh" ? text[status][0] : text[status][1]}
        </Space>
      }
      description={
        status === "returned" && view.returnReason ? (
          <span data-testid="se-return-reason">
            {t("退回意见：", "Reason: ")}
            {view.returnReason}
          </span>
        ) : undefined
      }
    />
  );
}

export function WorkflowButtons({
  projectId,
  status,
  mayFill,
  mayReview,
  beforeSubmit,
}: {
  projectId: string;
  status: SelfEvalStatus;
  mayFill: boolean;
  mayReview: boolean;
  /** Saves what is on screen first; false when saving failed. */
  beforeSubmit: () => Promise<boolean>;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const act = useMutation({
    mutationFn: async (v: { action: "submit" | "return" | "accept"; reason?: string }) => {
      if (v.action === "submit" && !(await beforeSubmit())) throw new Error("not saved");
      return request(`/projects/${projectId}/self-evaluation/${v.action}`, {
        method: "POST",
        body: v.action === "return" ? { reason: v.reason } : {},
      });
    },
    onSuccess: (_r, v) => {
      const done = {
        submit: ["已提交部门审核", "Submitted"],
        return: ["已退回单位", "Returned"],
        accept: ["已审核通过", "Accepted"],
      } as const;
      message.success(lang === "zh" ? done[v.action][0] : done[v.action][1]);
      setReturning(false);
      form.resetFields();
      qc.invalidateQueries({ queryKey: ["self-eval", projectId] });
      qc.invalidateQueries({ queryKey: ["evidence", projectId] });
      qc.invalidateQueries({ queryKey: ["todo"] });
    },
    onError: (e) => {
      if (e instanceof Error && e.message === "not saved") return;
      message.error(errorText(e, lang));
    },
  });
  const fillable = status === "none" || status === "draft" || status === "returned";
  return (
    <Space wrap>
      {mayFill && fillable && status !== "none" ? (
        <Button
          type="primary"
          loading={act.isPending}
          onClick={() => act.mutate({ action: "submit" })}
          data-testid="se-submit"
        >
          {t("提交部门审核", "Submit for review")}
        </Button>
      ) : null}
      {mayReview && status === "submitted" ? (
        <>
          <Button danger onClick={() => setReturning(true)} data-testid="se-return">
            {t("退回修改", "Return")}
          </Button>
          <Button
            type="primary"
            loading={act.isPending}
            onClick={() => act.mutate({ action: "accept" })}
            data-testid="se-accept"
          >
            {t("审核通过", "Accept")}
          </Button>
        </>
      ) : null}
      <Modal
        open={returning}
        title={t("退回自评", "Return the self-evaluation")}
        okText={t("退回", "Return")}
        okButtonProps={{ danger: true, loading: act.isPending, ...({ "data-testid": "se-return-ok" } as object) }}
        onCancel={() => setReturning(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => act.mutate({ action: "return", reason: v.reason })}>
          <Form.Item
            name="reason"
            label={t("退回意见（单位可见）", "Reason (the unit sees it)")}
            rules={[{ required: true, whitespace: true, message: t("请填写退回意见", "Give a reason") }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
