/** The editor's answer to a stale save: what the other person changed, then merge or reload. */
import { Alert, Button, Modal, Table, Typography } from "antd";
import type { Project, ProjectDetail } from "../api/types.ts";
import { useLang } from "../i18n.tsx";
import type { FieldChange } from "../lib/merge.ts";

export interface Conflict {
  theirs: ProjectDetail;
  theirChanges: FieldChange[];
  merged: Project;
  conflicts: { indicatorIndex: number | null; field: string; mine: unknown; theirs: unknown }[];
}

function show(v: unknown): string {
  return v === null || v === undefined ? "—" : String(v);
}

export function ConflictModal({
  conflict,
  onMerge,
  onReload,
  onCancel,
}: {
  conflict: Conflict;
  onMerge: () => void;
  onReload: () => void;
  onCancel: () => void;
}) {
  const { t } = useLang();
  return (
    <Modal
      open
      width={760}
      title={t("别人已先保存了这张表", "Someone else saved this table first")}
      onCancel={onCancel}
      footer={[
        <Button key="reload" danger onClick={onReload}>
          {t("放弃我的修改并重新加载", "Discard mine and reload")}
        </Button>,
        <Button key="merge" type="primary" onClick={onMerge}>
          {t("合并（保留我的修改）", "Merge (keep my changes)")}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        {t(
          `${conflict.theirs.updatedAt ? new Date(conflict.theirs.updatedAt).toLocaleString() : ""} 对方修改了以下内容。合并后，双方都改过的单元格保留您的值。`,
          "They changed the following. When merging, cells both of you changed keep your value.",
        )}
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => `${r.indicatorIndex}.${r.field}.${r.kind}`}
        dataSource={conflict.theirChanges}
        columns={[
          {
            title: t("位置", "Where"),
            render: (_, r) =>
              r.indicatorIndex === null
                ? t("项目", "Project")
                : t(`第${r.indicatorIndex + 1}行`, `Row ${r.indicatorIndex + 1}`),
          },
          { title: t("字段", "Field"), dataIndex: "field" },
          { title: t("原值", "Before"), render: (_, r) => show(r.before) },
          { title: t("对方的值", "Theirs"), render: (_, r) => show(r.after) },
        ]}
      />
      {conflict.conflicts.length ? (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={t(`${conflict.conflicts.length} 处双方都改过`, `${conflict.conflicts.length} cells changed by both`)}
          description={conflict.conflicts
            .map(
              (c) =>
                `${c.indicatorIndex === null ? "" : `#${c.indicatorIndex + 1} `}${c.field}: ${t("我", "mine")} ${show(c.mine)} / ${t("对方", "theirs")} ${show(c.theirs)}`,
            )
            .join("；")}
        />
      ) : null}
    </Modal>
  );
}
