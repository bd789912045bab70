/**
 * The import wizard: upload a file → see the table as read (layout, column mapping, every cell
 * in the 表12 layout with inferred and doubtful cells marked), fix the mapping and re-read →
 * commit the document as last read, every project in one transaction.
 */
import { InboxOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Progress, Result, Steps, Typography, Upload } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { request } from "../api/client.ts";
import type { ImportAction, ImportColumnOverride, ImportPreview, ProjectSummary } from "../api/types.ts";
import { errorText } from "../components/error-view.tsx";
import { useLang } from "../i18n.tsx";
import { useSession } from "../session.tsx";
import { PreviewStep } from "./import/preview-step.tsx";
import { type UploadError, uploadPreview } from "./import/upload-preview.ts";

export default function ImportPage() {
  const { t, lang } = useLang();
  const { fiscalYear } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [progress, setProgress] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [created, setCreated] = useState<ProjectSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorWords = (e: UploadError) => (lang === "en" && e.messageEn ? e.messageEn : e.message);

  const upload = useMutation({
    mutationFn: (f: File) => uploadPreview(f, fiscalYear, setProgress),
    onMutate: (f) => {
      setFile(f);
      setError(null);
      setProgress(0);
    },
    onSuccess: setPreview,
    onError: (e: UploadError) => setError(errorWords(e)),
  });
  // A re-read sends the same file with the corrected mapping; its preview replaces the last one.
  const reread = useMutation({
    mutationFn: (columns: ImportColumnOverride[]) => uploadPreview(file!, fiscalYear, () => {}, columns),
    onSuccess: (p) => {
      setPreview(p);
      message.success(t("已按新的对应关系重新读取", "Re-read with the new mapping"));
    },
    onError: (e: UploadError) => message.error(errorWords(e)),
  });
  const commit = useMutation({
    mutationFn: (choices: { index: number; action: ImportAction }[]) =>
      request<{ created: ProjectSummary[]; updated?: ProjectSummary[]; skipped?: unknown[] }>(
        `/imports/${preview!.previewId}/commit`,
        { body: { choices } },
      ),
    onSuccess: (r) => {
      setCreated([...r.created, ...(r.updated ?? [])]);
      qc.invalidateQueries({ queryKey: ["projects"] });
      message.success(
        t(
          `已导入 ${r.created.length} 个项目${r.updated?.length ? `，更新 ${r.updated.length} 个草稿` : ""}${r.skipped?.length ? `，跳过 ${r.skipped.length} 个` : ""}`,
          `${r.created.length} projects imported, ${r.updated?.length ?? 0} drafts updated, ${r.skipped?.length ?? 0} skipped`,
        ),
      );
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  const step = created ? 2 : preview ? 1 : 0;
  const restart = () => {
    setCreated(null);
    setPreview(null);
    setFile(null);
  };

  return (
    <div className="jx-page">
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t("导入绩效目标表", "Import target tables")}
          </Typography.Title>
        }
      >
        <Steps
          current={step}
          status={created ? "finish" : "process"}
          style={{ marginBottom: 20 }}
          items={[
            { title: t("上传文件", "Upload") },
            { title: t("核对读取结果", "Check the reading") },
            { title: t("提交入库", "Commit") },
          ]}
        />
        {step === 0 ? (
          <>
            <Upload.Dragger
              accept=".txt,.xlsx,.xls,.csv,.json,.pdf,.html,.htm,.docx"
              multiple={false}
              showUploadList={false}
              customRequest={({ file: f }) => upload.mutate(f as File)}
              disabled={upload.isPending}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>{t("点击或拖入文件上传", "Click or drop a file here")}</p>
              <p style={{ color: "#595959" }}>
                {t(
                  "支持 PDF 及其提取文本、网页（HTML）、Word（docx）、Excel、CSV、JSON",
                  "PDF and its extracted text, web pages (HTML), Word (docx), Excel, CSV, JSON",
                )}
              </p>
            </Upload.Dragger>
            {upload.isPending ? (
              <Progress percent={progress} status="active" aria-label={t("上传进度", "Upload progress")} />
            ) : null}
            {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
          </>
        ) : null}
        {step === 1 && preview ? (
          <PreviewStep
            preview={preview}
            rereading={reread.isPending}
            committing={commit.isPending}
            onReread={(columns) => reread.mutate(columns)}
            onCommit={(choices) => commit.mutate(choices)}
            onRestart={restart}
          />
        ) : null}
        {step === 2 && created ? (
          <Result
            status="success"
            title={t(`已导入 ${created.length} 个项目`, `${created.length} projects imported`)}
            extra={[
              <Button key="list" type="primary" onClick={() => navigate("/projects")}>
                {t("查看项目列表", "Go to projects")}
              </Button>,
              <Button key="again" onClick={restart}>
                {t("继续导入", "Import another")}
              </Button>,
            ]}
          />
        ) : null}
      </Card>
    </div>
  );
}
