/**
 * The banners above the editor's fields (restored local changes, voided, returned with its
 * reason) and the project-level review findings below them.
 */
import { Alert, Typography } from "antd";
import type { ProjectDetail } from "../../api/types.ts";
import { useLang } from "../../i18n.tsx";
import type { CellFinding } from "../../lib/findings.ts";
import { ruleTitle } from "../../words/rules.ts";

export function EditorNotices({ detail, restored }: { detail: ProjectDetail; restored: boolean }) {
  const { t } = useLang();
  return (
    <>
      {restored ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("已恢复您上次未保存的修改。", "Your unsaved changes from last time were restored.")}
        />
      ) : null}
      {detail.status === "voided" ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("此项目已作废，保留记录，不计入合计", "This project is voided: kept, but out of totals")}
          description={detail.voidReason}
        />
      ) : null}
      {detail.status === "returned" && detail.returnReason ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("退回原因", "Returned because")}
          description={detail.returnReason}
        />
      ) : null}
    </>
  );
}

export function ProjectFindings({ findings }: { findings: readonly CellFinding[] }) {
  const { t, lang } = useLang();
  if (!findings.length) return null;
  return (
    <Alert
      type={findings.some((f) => f.severity === "error") ? "error" : "warning"}
      showIcon
      style={{ marginBottom: 12 }}
      title={t(`项目层面的审核意见（${findings.length}）`, `Project-level findings (${findings.length})`)}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {findings.map((f) => (
            <li key={f.code + f.message} data-code={f.code}>
              {lang === "zh" ? f.message : f.messageEn}{" "}
              <Typography.Text type="secondary">（{ruleTitle(f.code, lang)}）</Typography.Text>
            </li>
          ))}
        </ul>
      }
    />
  );
}
