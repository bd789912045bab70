/**
 * 佐证材料: files attached to the whole self-evaluation or to one indicator (pdf, images, xlsx,
 * docx — the server checks the bytes and the limits). Everyone who may see the evaluation can
 * download them; the unit may delete one only until it submits.
 */
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Select, Space, Table, Tooltip, Typography, Upload } from "antd";
import { useState } from "react";
import { request } from "../../api/client.ts";
import type { Evidence } from "../../api/self-eval-types.ts";
import type { Project } from "../../api/types.ts";
import { ErrorView, errorText } from "../../components/error-view.tsx";
import { formatDateTime } from "../../format/dates.ts";
import { useLang } from "../../i18n.tsx";
import { groupThousands } from "./money.ts";

const ACCEPT = ".pdf,.png,.jpg,.jpeg,.xlsx,.docx,application/pdf,image/png,image/jpeg";

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${groupThousands(Math.round(bytes / 1024))} KB`;
  return `${bytes} B`;
}

export function EvidenceCard({
  projectId,
  table,
  mayUpload,
  locked,
}: {
  projectId: string;
  table: Project;
  mayUpload: boolean;
  /** Submitted or accepted: nothing may be deleted. */
  locked: boolean;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const base = `/projects/${projectId}/self-evaluation/evidence`;
  const list = useQuery({
    queryKey: ["evidence", projectId],
    queryFn: () => request<{ items: Evidence[] } | Evidence[]>(base),
  });
  const items = Array.isArray(list.data) ? list.data : (list.data?.items ?? []);
  const [target, setTarget] = useState<string>("");
  const [uploading, setUploading] = useState(false);
  const remove = useMutation({
    mutationFn: (id: number) => request(`${base}/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      message.success(t("已删除", "Deleted"));
      qc.invalidateQueries({ queryKey: ["evidence", projectId] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const indicatorName = (id: string | null) => {
    if (!id) return t("整体自评", "Whole evaluation");
    const k = table.indicators.findIndex((ind) => ind.id === id);
    return k < 0
      ? t("（指标已不在表中）", "(indicator no longer in the table)")
      : `${k + 1}. ${table.indicators[k]!.name}`;
  };
  return (
    <Card
      size="small"
      title={
        <span>
          <PaperClipOutlined /> {t("佐证材料", "Evidence")}
        </span>
      }
      data-testid="evidence"
    >
      {mayUpload ? (
        <Space wrap style={{ marginBottom: 8 }}>
          <Select
            aria-label={t("佐证材料对应", "Evidence for")}
            style={{ minWidth: 260 }}
            value={target}
            onChange={setTarget}
            options={[
              { value: "", label: t("整体自评", "Whole evaluation") },
              ...table.indicators
                .map((ind, i) => (ind.id ? { value: ind.id, label: `${i + 1}. ${ind.name}` } : null))
                .filter((o) => o !== null),
            ]}
          />
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            disabled={uploading}
            customRequest={async ({ file, onSuccess, onError }) => {
              setUploading(true);
              const form = new FormData();
              if (target) form.append("indicatorId", target);
              form.append("file", file as Blob, (file as File).name);
              try {
                const r = await request<Evidence>(base, { method: "POST", body: form });
                message.success(t(`已上传 ${r.fileName}`, `Uploaded ${r.fileName}`));
                qc.invalidateQueries({ queryKey: ["evidence", projectId] });
                onSuccess?.(r);
              } catch (e) {
                message.error(errorText(e, lang));
                onError?.(e as Error);
              } finally {
                setUploading(false);
              }
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="evidence-upload">
              {t("上传佐证材料", "Upload evidence")}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(
              "支持 PDF、图片（PNG/JPEG）、Excel（xlsx）、Word（docx）；单个文件不超过 10 MB，每个项目合计不超过 50 MB",
              "PDF, images (PNG/JPEG), Excel (xlsx), Word (docx); up to 10 MB a file and 50 MB a project",
            )}
          </Typography.Text>
        </Space>
      ) : null}
      {list.error ? <ErrorView error={list.error} /> : null}
      <Table<Evidence>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isLoading}
        dataSource={items}
        locale={{ emptyText: t("尚无佐证材料", "No evidence yet") }}
        columns={[
          {
            title: t("文件", "File"),
            key: "file",
            render: (_, e) => (
              <a href={`/api/v1${base}/${e.id}`} download={e.fileName} data-testid={`evidence-file-${e.id}`}>
                {e.fileName}
              </a>
            ),
          },
          { title: t("对应", "For"), key: "for", render: (_, e) => indicatorName(e.indicatorId) },
          { title: t("大小", "Size"), key: "size", align: "right", render: (_, e) => sizeText(e.size) },
          {
            title: t("上传", "Uploaded"),
            key: "at",
            render: (_, e) => `${e.uploadedBy} · ${formatDateTime(e.uploadedAt)}`,
          },
          ...(mayUpload
            ? [
                {
                  title: t("操作", "Action"),
                  key: "act",
                  render: (_: unknown, e: Evidence) => (
                    <Tooltip
                      title={locked ? t("已提交的自评不能删除佐证材料", "Submitted: evidence cannot be deleted") : ""}
                    >
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        disabled={locked}
                        loading={remove.isPending && remove.variables === e.id}
                        onClick={() => remove.mutate(e.id)}
                        aria-label={t(`删除 ${e.fileName}`, `Delete ${e.fileName}`)}
                      >
                        {t("删除", "Delete")}
                      </Button>
                    </Tooltip>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
