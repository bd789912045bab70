/**
 * The editor card's header: the project's name, status and version on the left; export (with
 * progress and 取消, components/download-button.tsx), save, submit, withdraw and
 * start-adjustment buttons on the right.
 */
import { SaveOutlined, SendOutlined } from "@ant-design/icons";
import { Button, Dropdown, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import type { Project, ProjectDetail } from "../../api/types.ts";
import { DownloadProgress, useDownload } from "../../components/download-button.tsx";
import { StatusTag, ToneTag } from "../../components/status-tag.tsx";
import { useLang } from "../../i18n.tsx";
import { can, useSession } from "../../session.tsx";
import type { WorkflowActions } from "./use-workflow-actions.ts";

export function EditorTitle({ detail, draft, dirty }: { detail: ProjectDetail; draft: Project; dirty: boolean }) {
  const { t } = useLang();
  return (
    <Space wrap>
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
        {draft.name || t("（未命名项目）", "(unnamed project)")}
      </Typography.Title>
      <StatusTag status={detail.status} />
      <Tag>
        {t("第", "v")}
        {detail.versionNo}
        {t("版", "")}
        {detail.kind === "adjustment" ? t("（调整）", " (adjustment)") : ""}
      </Tag>
      {dirty ? <ToneTag tone="warning">{t("有未保存的修改", "Unsaved changes")}</ToneTag> : null}
    </Space>
  );
}

interface ToolbarProps {
  detail: ProjectDetail;
  draft: Project;
  dirty: boolean;
  editable: boolean;
  actions: WorkflowActions;
}

export function EditorToolbar({ detail, draft, dirty, editable, actions }: ToolbarProps) {
  const { t } = useLang();
  const { user } = useSession();
  const { save, submit, withdraw, adjust, setAdjusting } = actions;
  const id = String(detail.id);
  const download = useDownload();
  return (
    <Space wrap>
      <Link to={`/projects/${id}/review`}>{t("版本与审核", "Versions & review")}</Link>
      <Dropdown
        menu={{
          items: (["xlsx", "pdf", "html"] as const).map((f) => {
            const href = `/api/v1/projects/${id}/export.${f}`;
            return {
              key: f,
              label: (
                <a
                  href={href}
                  data-format={f}
                  download
                  onClick={(e) => {
                    e.preventDefault();
                    download.start(href, `${detail.name}-表12.${f}`);
                  }}
                >
                  {f.toUpperCase()}
                </a>
              ),
            };
          }),
        }}
      >
        <Button>
          {detail.approvedVersionNo === detail.versionNo
            ? t("下载表12", "Download 表12")
            : t("下载表12（送审稿）", "Download 表12 (draft for review)")}
        </Button>
      </Dropdown>
      <DownloadProgress download={download} />
      {editable ? (
        <>
          <Button icon={<SaveOutlined />} disabled={!dirty} loading={save.isPending} onClick={() => save.mutate(draft)}>
            {t("保存 (Ctrl+S)", "Save (Ctrl+S)")}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={submit.isPending}
            onClick={() => submit.mutate(undefined)}
          >
            {t("提交审核", "Submit")}
          </Button>
        </>
      ) : null}
      {can.edit(user) && detail.status === "submitted" && !detail.levelOpened && detail.reviewLevel === 1 ? (
        <Button loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
          {t("撤回", "Withdraw")}
        </Button>
      ) : null}
      {can.edit(user) && detail.status === "approved" ? (
        <Button loading={adjust.isPending} onClick={() => setAdjusting(true)}>
          {t("发起调整", "Start adjustment")}
        </Button>
      ) : null}
    </Space>
  );
}
