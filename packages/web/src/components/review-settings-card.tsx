/**
 * 审核设置 (admin): the review chain (levels, who acts at each) and which findings block 提交/批复
 * (强制审核), need a written 说明 (提示性审核), or pass.
 */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Input, Select, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { request } from "../api/client.ts";
import type { Gate, ReviewLevel, ReviewSettings, Role } from "../api/types.ts";
import { useLang } from "../i18n.tsx";
import { ROLE_LABEL } from "../session.tsx";
import { errorText } from "./error-view.tsx";

const REVIEWER_ROLES: Role[] = ["dept_reviewer", "finance_reviewer", "admin"];

export function ReviewSettingsCard() {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const settings = useQuery({
    queryKey: ["review-settings"],
    queryFn: () => request<ReviewSettings>("/settings/review"),
  });
  const [chain, setChain] = useState<ReviewLevel[]>([]);
  const [severity, setSeverity] = useState<ReviewSettings["checks"]["severity"] | null>(null);
  useEffect(() => {
    if (settings.data) {
      setChain(settings.data.chain);
      setSeverity(settings.data.checks.severity);
    }
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () =>
      request<ReviewSettings>("/settings/review", {
        method: "PUT",
        body: { chain, checks: { severity, rules: settings.data?.checks.rules ?? {} } },
      }),
    onSuccess: (s) => {
      qc.setQueryData(["review-settings"], s);
      message.success(t("审核设置已保存", "Review settings saved"));
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const gateOptions: { value: Gate; label: string }[] = [
    { value: "block", label: t("强制审核（须改正）", "Blocks (must fix)") },
    { value: "explain", label: t("提示性审核（须写说明）", "Advisory (needs a 说明)") },
    { value: "none", label: t("不拦截", "Passes") },
  ];
  const sevName = { error: t("错误", "Errors"), warning: t("警告", "Warnings"), info: t("提示", "Notes") };
  return (
    <Card title={t("审核设置", "Review settings")} size="small" data-testid="review-settings">
      <Typography.Text strong>{t("审核流程（按顺序逐级审核）", "Review chain (level by level)")}</Typography.Text>
      {chain.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a level is its position in the chain
        <Space key={i} style={{ display: "flex", margin: "6px 0" }} wrap>
          <span>{t(`第 ${i + 1} 级`, `Level ${i + 1}`)}</span>
          <Input
            aria-label={t(`第 ${i + 1} 级名称`, `Level ${i + 1} name`)}
            style={{ width: 180 }}
            value={l.name}
            maxLength={50}
            onChange={(e) => setChain((c) => c.map((x, k) => (k === i ? { ...x, name: e.target.value } : x)))}
          />
          <Select
            mode="multiple"
            aria-label={t(`第 ${i + 1} 级审核角色`, `Level ${i + 1} roles`)}
            style={{ minWidth: 280 }}
            value={l.roles}
            onChange={(roles: Role[]) => setChain((c) => c.map((x, k) => (k === i ? { ...x, roles } : x)))}
            options={REVIEWER_ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r][lang === "zh" ? 0 : 1] }))}
          />
          <Button
            aria-label={t("删除此级", "Remove level")}
            icon={<DeleteOutlined />}
            disabled={chain.length <= 1}
            onClick={() => setChain((c) => c.filter((_, k) => k !== i))}
          />
        </Space>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        disabled={chain.length >= 10}
        onClick={() => setChain((c) => [...c, { name: "", roles: ["finance_reviewer"] }])}
      >
        {t("增加一级", "Add a level")}
      </Button>
      <div style={{ marginTop: 12 }}>
        <Typography.Text strong>{t("审核规则的拦截方式", "What findings do to 提交/批复")}</Typography.Text>
        {severity
          ? (["error", "warning", "info"] as const).map((sv) => (
              <Space key={sv} style={{ display: "flex", margin: "6px 0" }}>
                <span style={{ width: 48, display: "inline-block" }}>{sevName[sv]}</span>
                <Select
                  aria-label={sevName[sv]}
                  style={{ width: 220 }}
                  value={severity[sv]}
                  options={gateOptions}
                  onChange={(g: Gate) => setSeverity((s) => (s ? { ...s, [sv]: g } : s))}
                />
              </Space>
            ))
          : null}
      </div>
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        loading={save.isPending}
        disabled={chain.some((l) => !l.name.trim() || l.roles.length === 0)}
        onClick={() => save.mutate()}
      >
        {t("保存审核设置", "Save review settings")}
      </Button>
    </Card>
  );
}
