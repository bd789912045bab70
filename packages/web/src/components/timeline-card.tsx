/** The project's workflow as a timeline: who did what, when, at which level, and why. */
import { useQuery } from "@tanstack/react-query";
import { Card, Timeline, Typography } from "antd";
import { request } from "../api/client.ts";
import type { ReviewLevel, Step } from "../api/types.ts";
import { formatDateTime } from "../format/dates.ts";
import { useLang } from "../i18n.tsx";
import { versionWords } from "../words/statuses.ts";
import { ErrorView } from "./error-view.tsx";

const ACTION: Record<Step["action"], { zh: string; en: string; color: string }> = {
  submit: { zh: "提交", en: "submitted", color: "blue" },
  open: { zh: "打开审核", en: "opened", color: "gray" },
  approve: { zh: "审核通过", en: "approved", color: "green" },
  return: { zh: "退回", en: "returned", color: "red" },
  withdraw: { zh: "撤回", en: "withdrew", color: "gray" },
  adjust: { zh: "发起调整", en: "started an adjustment", color: "orange" },
  void: { zh: "作废", en: "voided", color: "red" },
};

export function TimelineCard({ projectId, chain }: { projectId: string; chain: ReviewLevel[] }) {
  const { t, lang } = useLang();
  const steps = useQuery({
    queryKey: ["timeline", projectId],
    queryFn: () => request<{ items: Step[] }>(`/projects/${projectId}/timeline`),
  });
  return (
    <Card title={t("办理过程", "Timeline")} size="small" data-testid="timeline">
      {steps.error ? <ErrorView error={steps.error} /> : null}
      {steps.data?.items.length === 0 ? (
        <Typography.Text type="secondary">{t("尚未提交", "Not submitted yet")}</Typography.Text>
      ) : null}
      <Timeline
        items={(steps.data?.items ?? []).map((s) => {
          const a = ACTION[s.action] ?? { zh: "其他操作", en: "other step", color: "gray" };
          const level = s.level > 0 ? chain[s.level - 1]?.name : null;
          return {
            color: a.color,
            children: (
              <div>
                <Typography.Text strong>{s.actor}</Typography.Text> {lang === "zh" ? a.zh : a.en}
                {level ? ` · ${level}` : ""} · {versionWords(s.versionNo, null, lang)}
                <div style={{ fontSize: 12, color: "#595959" }}>{formatDateTime(s.at)}</div>
                {s.reason ? (
                  <div className={s.action === "return" || s.action === "void" ? "jx-finding error" : undefined}>
                    {s.action === "submit" ? t("说明：", "Explanation: ") : t("原因：", "Reason: ")}
                    {s.reason}
                  </div>
                ) : null}
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}
