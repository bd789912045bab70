/**
 * Dialogs of the workflow: the review gate (强制审核 findings that block 提交/批复, 提示性审核
 * findings that need a written 说明) and a reason prompt (退回/调整/作废/撤回).
 */
import { Alert, Button, Form, Input, List, Modal, Typography } from "antd";
import { useState } from "react";
import type { Finding } from "../api/types.ts";
import { useLang } from "../i18n.tsx";
import type { GateState } from "../lib/gate.ts";

export { type GateState, gateFrom } from "../lib/gate.ts";

/** Where a finding is, in the table's words. */
export function findingPlace(f: Finding, names: string[], lang: "zh" | "en"): string {
  if (f.indicatorIndex === null || f.indicatorIndex === undefined) return lang === "zh" ? "项目" : "Project";
  const name = names[f.indicatorIndex] ?? "";
  return `#${f.indicatorIndex + 1} ${name}`;
}

export function GateDialog({
  gate,
  names,
  onExplain,
  onClose,
  loading,
}: {
  gate: GateState;
  /** Indicator names of the table, to name the rows. */
  names: string[];
  onExplain: (explanation: string) => void;
  onClose: () => void;
  loading?: boolean;
}) {
  const { t, lang } = useLang();
  const [text, setText] = useState("");
  const blocked = gate.kind === "blocked";
  return (
    <Modal
      open
      width={720}
      title={
        blocked
          ? t("还不能提交：有必须修改的问题", "Cannot go on yet: findings to fix")
          : t("请填写说明", "Explain these findings")
      }
      onCancel={onClose}
      footer={
        blocked
          ? [
              <Button key="ok" type="primary" onClick={onClose}>
                {t("去修改", "Fix them")}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                {t("取消", "Cancel")}
              </Button>,
              <Button
                key="go"
                type="primary"
                disabled={!text.trim()}
                loading={loading}
                onClick={() => onExplain(text.trim())}
                data-testid="gate-explain-submit"
              >
                {t("附说明提交", "Submit with explanation")}
              </Button>,
            ]
      }
    >
      <Alert
        type={blocked ? "error" : "warning"}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          blocked
            ? t(
                `审核政策规定以下 ${gate.findings.length} 处问题必须改正（强制审核），改正后才能提交或批复。`,
                `The review policy requires these ${gate.findings.length} findings to be fixed before submission or approval.`,
              )
            : t(
                `以下 ${gate.findings.length} 处为提示性审核意见：可以提交，但须写明理由，审核人员会看到这段说明。`,
                `These ${gate.findings.length} findings are advisory: you may submit with a written explanation, which reviewers will see.`,
              )
        }
      />
      <List
        size="small"
        bordered
        dataSource={gate.findings}
        data-testid="gate-findings"
        renderItem={(f) => (
          <List.Item>
            <Typography.Text strong style={{ marginInlineEnd: 8 }}>
              {findingPlace(f, names, lang)}
            </Typography.Text>
            {lang === "zh" ? f.message : f.messageEn}
          </List.Item>
        )}
      />
      {blocked ? null : (
        <Input.TextArea
          style={{ marginTop: 12 }}
          rows={4}
          maxLength={2000}
          showCount
          aria-label={t("说明", "Explanation")}
          placeholder={t("说明为何这样填写，例如统计口径不同", "Why the table is right as it is")}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      )}
    </Modal>
  );
}

export function ReasonDialog({
  title,
  label,
  okText,
  danger,
  loading,
  onOk,
  onCancel,
}: {
  title: string;
  label: string;
  okText: string;
  danger?: boolean;
  loading?: boolean;
  onOk: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useLang();
  return (
    <Modal open title={title} onCancel={onCancel} footer={null} destroyOnHidden>
      <Form layout="vertical" onFinish={(v: { reason: string }) => onOk(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={label}
          rules={[{ required: true, whitespace: true, message: t(`请填写${label}`, `${label} is required`) }]}
        >
          <Input.TextArea rows={4} maxLength={2000} aria-label={label} />
        </Form.Item>
        <Button type="primary" danger={danger} htmlType="submit" loading={loading}>
          {okText}
        </Button>
      </Form>
    </Modal>
  );
}
